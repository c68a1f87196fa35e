// Prints jest's totals as one plain closing line ("N passed, N failed"), the form CI reads in
// any language. Jest's own summary comes after every reporter's onRunComplete, so the line is
// written as the process exits (writes to files and pipes are synchronous on Linux), to stderr
// where jest's summary goes and to stdout for readers of stdout alone.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => {
      process.stderr.write(`${line}\n`);
      process.stdout.write(`${line}\n`);
    });
  }
}

module.exports = PlainSummaryReporter;
