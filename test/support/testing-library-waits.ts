// Testing Library's waits (findBy…, waitFor) give up after 1 s by default: on a machine shared with
// other builds a Fluent UI render under jsdom has taken longer. They wait on a condition, so a
// generous limit costs nothing when the condition comes true. Both jest projects load this.
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("@testing-library/dom") as typeof import("@testing-library/dom")).configure({
    asyncUtilTimeout: 30_000,
  });
}
