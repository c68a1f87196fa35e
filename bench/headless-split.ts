/**
 * Child process of the "headless" bench section: `auditFile` on one workbook, then one JSON line
 * on stdout with the pipeline's read / audit / write milliseconds and this process's peak memory.
 * Usage: node --import tsx bench/headless-split.ts input.xlsx output.xlsx
 */
import { auditFile } from "../src/cli/pipeline";

async function main(): Promise<void> {
  const [input, out] = process.argv.slice(2);
  const outcome = await auditFile({ input, out });
  if (!outcome.written) throw new Error("the audit wrote no workbook");
  const maxRssMb = process.resourceUsage().maxRSS / 1024; // kilobytes → MB
  console.log(
    JSON.stringify({ ...outcome.timings, maxRssMb, schoolParts: outcome.result.schools.length })
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
