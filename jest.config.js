// Two jest projects, so the quick checks can run alone while `npm test` (and CI) runs both:
//   unit  pure modules, hosts over fakes, metadata: seconds each
//   slow  what starts another program or builds the add-in: Chromium (test/browser), LibreOffice
//         recalculation (test/hosts/file/libreoffice, test/cli/e2e) and PDF rendering (test/print),
//         the bench's big workbook, and
//         the whole Fluent UI pane rendered in jsdom (test/taskpane/pane: over a minute when loaded).
// `npm run test:unit` / `npm run test:slow` run one of them. No test asserts on wall-clock time
// (speed is `npm run bench`); each project's timeouts (test/support/timeout-*.ts) are what a
// loaded two-core machine needs.

/** Test files of the slow project (jest path patterns). */
const SLOW = [
  "<rootDir>/test/browser/",
  "<rootDir>/test/hosts/file/libreoffice.test.ts",
  "<rootDir>/test/hosts/file/libreoffice-made.test.ts",
  "<rootDir>/test/cli/e2e.test.ts",
  "<rootDir>/test/cli/bundle.test.ts",
  "<rootDir>/test/report/liveAdvice.lo.test.ts",
  "<rootDir>/test/bench/",
  "<rootDir>/test/taskpane/pane.test.tsx",
  "<rootDir>/test/print/",
];

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  // office-addin-mock reaches an ESM-only package through office-addin-manifest;
  // the mock only needs its OfficeApp enum, so a tiny stub stands in.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ["default", "<rootDir>/test/support/plain-summary-reporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      testPathIgnorePatterns: ["/node_modules/", ...SLOW],
      setupFilesAfterEnv: [
        "<rootDir>/test/support/timeout-unit.ts",
        "<rootDir>/test/support/testing-library-waits.ts",
        "<rootDir>/test/support/jsdom-globals.ts",
      ],
    },
    {
      ...shared,
      displayName: "slow",
      testMatch: SLOW.map((p) => (p.endsWith("/") ? `${p}**/*.test.{ts,tsx}` : p)),
      // A build, Chromium or soffice on a machine shared with other builds: minutes, not seconds.
      setupFilesAfterEnv: [
        "<rootDir>/test/support/timeout-slow.ts",
        "<rootDir>/test/support/testing-library-waits.ts",
        "<rootDir>/test/support/jsdom-globals.ts",
      ],
    },
  ],
};
