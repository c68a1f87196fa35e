// The slow jest project's per-test timeout (jest.config.js): a build, Chromium or soffice on a
// machine shared with other builds takes minutes, not seconds. jest's testTimeout option is global,
// so each project sets its own here.
jest.setTimeout(300_000);
