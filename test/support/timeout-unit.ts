// The unit project's per-test timeout (jest.config.js). Nothing here measures speed (that is
// `npm run bench`): the limit only stops a hung test, so it is set for a machine shared with other
// builds. jest's testTimeout option is global, so each project sets its own here.
jest.setTimeout(60_000);
