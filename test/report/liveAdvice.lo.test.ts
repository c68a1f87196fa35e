/**
 * Issue #15, live advice in a real spreadsheet: the command audits a workbook built here, a source
 * figure is then corrected in the written audit workbook (as a staffer would), and LibreOffice
 * recalculates 问题清单's 「整改所需」 to what a fresh audit of the corrected figures says.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { readCellValue } from "../../src/hosts/file";
import { ADVICE_MET } from "../../src/report/adviceFormula";
import type { CellValue } from "../../src/sheets/grid";
import { runCli } from "../support/cli";
import { recalculate } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/tmp";
import {
  ADVICE_HEADER,
  FINE_SCHOOL,
  SHORT_SCHOOL,
  THROUGH_HEADER,
  THROUGH_SCHOOL,
} from "./adviceFixture";

async function writeSource(file: string, short: CellValue[], through: CellValue[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("小学").addRows([ADVICE_HEADER, short, FINE_SCHOOL]);
  wb.addWorksheet("九年一贯制").addRows([THROUGH_HEADER, through]);
  await wb.xlsx.writeFile(file);
}

/** 问题清单's advice (column J) per 「school indicator」, as the file holds it. */
async function adviceOf(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("问题清单")!;
  const out = new Map<string, unknown>();
  ws.eachRow((row) => {
    const school = readCellValue(row.getCell(2));
    const id = readCellValue(row.getCell(4));
    if (typeof school === "string" && typeof id === "string" && /^L\d$/.test(id))
      out.set(`${school} ${id}`, readCellValue(row.getCell(10)));
  });
  return out;
}

const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("问题清单's advice recalculated by LibreOffice after a source cell is corrected", () => {
  let dir: string;
  let before: Map<string, unknown>;
  let after: Map<string, unknown>;
  let fresh: Map<string, unknown>;

  beforeAll(async () => {
    dir = makeTempDir("jh-advice-");
    const source = path.join(dir, "county.xlsx");
    await writeSource(source, SHORT_SCHOOL, THROUGH_SCHOOL);
    const audit = path.join(dir, "county.audit.xlsx");
    expect((await runCli([source, "--out", audit, "--quiet"])).code).toBe(0);
    before = await adviceOf(audit);

    // The staffer corrects three figures of 短缺小学 and the 一贯制 school's rooms in the audit workbook.
    const corrected = { short: [...SHORT_SCHOOL], through: [...THROUGH_SCHOOL] };
    corrected.short[3] = 8; // D2 backbone teachers 5 → 8
    corrected.short[4] = 9; // E2 PE/arts teachers 8 → 9: L3 met
    corrected.short[7] = 190; // H2 equipment 150 → 190 万元
    corrected.through[6] = 4300; // G2 教学及辅助用房 4000 → 4300
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(audit);
    wb.getWorksheet("小学")!.getCell("D2").value = 8;
    wb.getWorksheet("小学")!.getCell("E2").value = 9;
    wb.getWorksheet("小学")!.getCell("H2").value = 190;
    wb.getWorksheet("九年一贯制")!.getCell("G2").value = 4300;
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    after = await adviceOf(await recalculate(edited, path.join(dir, "recalculated")));

    // What a fresh audit of the corrected figures writes.
    const correctedSource = path.join(dir, "corrected.xlsx");
    await writeSource(correctedSource, corrected.short, corrected.through);
    const freshAudit = path.join(dir, "corrected.audit.xlsx");
    expect((await runCli([correctedSource, "--out", freshAudit, "--quiet"])).code).toBe(0);
    fresh = await adviceOf(freshAudit);
  });

  afterAll(() => removeTempDir(dir));

  it("read the engine's figures before the correction, 万元 for the 万元 column", () => {
    expect(before.get("短缺小学 L6")).toBe(
      "需增加教学仪器设备值50.00万元；低于要求的85%，至少增加教学仪器设备值20.00万元方可达到85%"
    );
    expect(before.get("短缺小学 L3")).toBe("需增加1名体育、艺术专任教师");
  });

  it("recalculates each advice to the corrected figure, as a fresh audit gives it", () => {
    expect(after.get("短缺小学 L2")).toBe(
      "需增加2名县级及以上骨干教师；低于要求的85%，至少增加1名县级及以上骨干教师方可达到85%"
    );
    expect(after.get("短缺小学 L6")).toBe("需增加教学仪器设备值10.00万元");
    for (const key of ["短缺小学 L2", "短缺小学 L6", "实验九年一贯制学校 L4"]) {
      expect(after.get(key)).toBe(fresh.get(key));
    }
    expect(after.get("实验九年一贯制学校 L4")).not.toBe(before.get("实验九年一贯制学校 L4"));
  });

  it("says the requirement is met once the corrected figure meets it", () => {
    expect(fresh.has("短缺小学 L3")).toBe(false);
    expect(after.get("短缺小学 L3")).toBe(ADVICE_MET);
  });
});
