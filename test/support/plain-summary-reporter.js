// Prints jest's totals as one plain closing line ("N passed, N failed"), the form CI reads in
// any language. Jest writes its summary to stderr: the line goes there too, so it closes that
// stream, and to stdout for readers of stdout alone.
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.stderr.write(`${line}\n`);
    process.stdout.write(`${line}\n`);
  }
}

module.exports = PlainSummaryReporter;
