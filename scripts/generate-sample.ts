/**
 * Generates the bundled sample county (assets/sample-county.xlsx) and the messy end-to-end
 * fixture (test/fixtures/messy-county.xlsx). Refuses to write a sample that misses a published
 * figure. Run: npx tsx scripts/generate-sample.ts
 */
import { mkdirSync } from "fs";
import * as path from "path";
import { audit } from "../src/engine";
import { messyCountyWorkbook } from "./messy-county";
import { checkSampleCounty, sampleCounty } from "./sample-county";
import { sampleCountyWorkbook } from "./sample-workbook";

const ROOT = path.resolve(__dirname, "..");
export const SAMPLE_PATH = path.join(ROOT, "assets", "sample-county.xlsx");
export const MESSY_PATH = path.join(ROOT, "test", "fixtures", "messy-county.xlsx");

async function main(): Promise<void> {
  const { records, spread } = sampleCounty();
  const result = audit(records);
  const problems = checkSampleCounty(records, result);
  if (problems.length > 0) throw new Error(`样例数据不符合公布的数字：\n${problems.join("\n")}`);
  mkdirSync(path.dirname(SAMPLE_PATH), { recursive: true });
  mkdirSync(path.dirname(MESSY_PATH), { recursive: true });
  await sampleCountyWorkbook().xlsx.writeFile(SAMPLE_PATH);
  await messyCountyWorkbook().xlsx.writeFile(MESSY_PATH);
  const stages = result.stages!;
  console.log(
    `wrote ${path.relative(ROOT, SAMPLE_PATH)}: composite CV primary ${stages.primary.compositeCv!.toFixed(5)}, junior ${stages.junior.compositeCv!.toFixed(5)} (spread ${spread.primary.toFixed(4)} / ${spread.junior.toFixed(4)})`
  );
  console.log(`wrote ${path.relative(ROOT, MESSY_PATH)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
