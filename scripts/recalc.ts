/**
 * LibreOffice helper for people: recalculate workbooks (every formula recomputed, cached results
 * ignored) and optionally render them to PDF to look at.
 *
 *   npx tsx scripts/recalc.ts out/audit.xlsx --out out/lo          # → out/lo/audit.xlsx
 *   npx tsx scripts/recalc.ts out/audit.xlsx --out out/lo --pdf    # → out/lo/audit.pdf as well
 *   npx tsx scripts/recalc.ts out/audit.xlsx --out out/lo --compare  # list formulas whose cached value differs
 */
import { compareRecalculated } from "../test/support/compare";
import { recalculateAll, renderPdf } from "../test/support/libreoffice";

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf("--out");
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const inputs = argv.filter((a, i) => !a.startsWith("--") && i !== outIndex + 1);
  if (!outDir || inputs.length === 0) {
    console.error(
      "用法：npx tsx scripts/recalc.ts <工作簿.xlsx …> --out <输出文件夹> [--pdf] [--compare]"
    );
    return 2;
  }
  const started = Date.now();
  const outputs = await recalculateAll(inputs, outDir);
  console.log(`LibreOffice 重算完成（${Date.now() - started} ms）：${outputs.join("、")}`);
  let mismatches = 0;
  if (argv.includes("--compare")) {
    for (const [i, input] of inputs.entries()) {
      const found = await compareRecalculated(input, outputs[i]);
      mismatches += found.length;
      for (const m of found)
        console.log(
          `${m.sheet}!${m.cell} =${m.formula}: 写入 ${JSON.stringify(m.written)}，重算 ${JSON.stringify(m.recalculated)}`
        );
    }
    console.log(
      mismatches === 0
        ? "所有公式的缓存值与重算结果一致。"
        : `${mismatches} 个公式的缓存值与重算结果不一致。`
    );
  }
  if (argv.includes("--pdf")) {
    for (const output of outputs) console.log(`PDF：${await renderPdf(output, outDir)}`);
  }
  return mismatches === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
);
