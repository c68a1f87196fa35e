import { audit } from "../../src/engine";
import type { AuditResult, SchoolPartResult } from "../../src/engine/result";
import { reportContext } from "../../src/report/context";
import { buildDeclarationI } from "../../src/report/declarationI";
import { readSheets } from "../../src/sheets";
import { matchHeader } from "../../src/sheets/vocabulary";
import {
  exportSchools,
  simpleTableGrid,
  statsExportGrid,
  type ExportSchool,
} from "../support/statsExport";

const INDICATORS = ["L1", "L2", "L3", "L4", "L5", "L6", "L7"];
const WEIGHT = { primary: 1, junior: 1.1, senior: 1.32 };

const schools = exportSchools();
const exported = readSheets([statsExportGrid(schools)]);
const simple = readSheets([simpleTableGrid(schools)]);
const exportAudit = audit(exported.records);
const simpleAudit = audit(simple.records);

const byName = (name: string) => schools.find((s) => s.name === name)!;
const partOf = (result: AuditResult, name: string, stage: string): SchoolPartResult =>
  result.schools.find((p) => p.name === name && p.stage === stage)!;

/** A part's share of whole-school figures by weighted pupils (小学 1 : 初中 1.1 : 高中 1.32). */
function shareOf(s: ExportSchool, stage: "primary" | "junior"): number {
  const w = (k: keyof typeof WEIGHT) => (s.pupils[k] ?? 0) * WEIGHT[k];
  return w(stage) / (w("primary") + w("junior") + w("senior"));
}

describe("the statistics system's school export, read as it comes", () => {
  it("maps every column by the catalogue's wordings, four header rows deep, with no manual mapping", () => {
    const table = exported.tables[0];
    expect(table.headerRows).toEqual([2, 5]);
    expect(table.columns.map((c) => `${c.letter}:${c.field}`)).toEqual([
      "A:name",
      "B:code",
      "C:stage",
      "D:owner",
      "E:county",
      "F:countsAsSchool",
      "G:pupils",
      "H:pupils.primary",
      "I:pupils.junior",
      "J:seniorPupils",
      "K:teachers.fullTime",
      "L:teachers.byDegree.doctor",
      "M:teachers.byDegree.master",
      "N:teachers.byDegree.bachelor",
      "O:teachers.byDegree.associate",
      "Q:teachers.pe",
      "R:teachers.artsTotal",
      "S:teachers.music",
      "T:teachers.art",
      "U:facilities.teachingArea",
      "V:facilities.indoorSportsArea",
      "W:facilities.sportsGroundArea",
      "X:facilities.equipmentValue",
      "Y:facilities.multimediaRooms",
      "Z:teachers.primary.backbone",
      "AA:teachers.junior.backbone",
    ]);
  });

  it("tells 博士研究生 from 硕士研究生 in either order of wording", () => {
    expect(matchHeader(["专任教师", "#按学历分", "博士研究生"])?.field).toBe(
      "teachers.byDegree.doctor"
    );
    expect(matchHeader(["专任教师", "#按学历分", "硕士研究生"])?.field).toBe(
      "teachers.byDegree.master"
    );
    expect(matchHeader(["研究生学历教师数"])?.field).toBe("teachers.byDegree.master");
    // 高中阶段及以下 is below every stage's requirement: not read as a degree column.
    expect(matchHeader(["专任教师", "#按学历分", "高中阶段及以下"])).toBeNull();
  });

  it("reads the identity columns by the statistics system's own names", () => {
    expect(matchHeader(["统计三级"])?.field).toBe("county");
    expect(matchHeader(["所在地区划三级"])?.field).toBe("county");
    // Province and city are not the county.
    expect(matchHeader(["统计一级"])).toBeNull();
    expect(matchHeader(["统计二级"])).toBeNull();
    expect(matchHeader(["是否计校数"])?.field).toBe("countsAsSchool");
    // A grade column beside 「计」 is not a second pupils column of the stage.
    expect(matchHeader(["在校生数", "小学", "计"])?.field).toBe("pupils.primary");
    expect(matchHeader(["在校生数", "小学", "一年级"])).toBeNull();
  });

  it("skips the code row and the 合计 row, reads every school once with its county, kind and owner", () => {
    expect(exported.records).toHaveLength(schools.length);
    expect(exported.records.map((r) => r.name)).not.toContain("甲");
    const totals = exported.diagnostics.find((d) => d.code === "sheets.total-rows");
    expect(totals?.message).toContain("「合计」（A7）");
    const record = (name: string) => exported.records.find((r) => r.name === name)!;
    expect(record("东江县育才九年一贯制学校")).toMatchObject({
      kind: "nineYear",
      county: "东江县",
    });
    expect(record("西山县第二中学")).toMatchObject({ kind: "completeMiddle", seniorPupils: 700 });
    expect(record("西山县北岭教学点").kind).toBe("teachingPoint");
    expect(record("西山县特殊教育学校").kind).toBe("special");
    expect(record("东江县明德学校")).toMatchObject({ owner: "private", ownerLabel: "民办" });
    expect(record("东江县第1小学")).toMatchObject({ owner: "public", county: "东江县" });
    // A 完全中学's 合计 counts its senior pupils: no mismatch reported.
    expect(exported.diagnostics.map((d) => d.code)).not.toContain("sheets.pupils-total-mismatch");
  });

  it("gives the same figures as the bureau's simple table, per school and per county", () => {
    const key = (p: SchoolPartResult) => `${p.county}|${p.name}|${p.stage}`;
    const rows = (r: AuditResult) =>
      r.schools
        .map((p) => ({
          key: key(p),
          students: p.students,
          values: INDICATORS.map((id) => p.values[id]),
          estimates: INDICATORS.map((id) => p.details[id]?.estimate),
          pass: p.pass,
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
    expect(rows(exportAudit)).toEqual(rows(simpleAudit));
    expect(exportAudit.schools.length).toBeGreaterThan(190);
    expect(exportAudit.excluded.map((e) => e.name).sort()).toEqual(
      simpleAudit.excluded.map((e) => e.name).sort()
    );
    const counties = (r: AuditResult) =>
      r.counties.map((c) => ({
        county: c.name,
        stages: (["primary", "junior"] as const).map((s) => ({
          schools: c.stages[s].schools,
          students: c.stages[s].students,
          cvs: INDICATORS.map((id) => c.stages[s].indicators[id]?.cv),
        })),
      }));
    expect(
      counties(exportAudit)
        .map((c) => c.county)
        .sort()
    ).toEqual(["东江县", "南湖县", "西山县"]);
    expect(counties(exportAudit)).toEqual(counties(simpleAudit));
    for (const c of exportAudit.counties)
      for (const s of ["primary", "junior"] as const)
        expect(c.stages[s].indicators.L1.cv).toEqual(expect.any(Number));
  });

  it("computes L1 from the 学历 columns: 小学 专科 and above, 初中 本科 and above, 博士 and 硕士 both once", () => {
    const p = byName("东江县第1小学");
    const [doctor, master, bachelor, associate] = p.degree;
    const part = partOf(exportAudit, p.name, "primary");
    expect(part.details.L1.numerator).toBe(doctor + master + bachelor + associate);
    expect(part.details.L1.estimate).toBe(false);
    const j = byName("东江县第1初级中学");
    expect(partOf(exportAudit, j.name, "junior").details.L1.numerator).toBe(
      j.degree[0] + j.degree[1] + j.degree[2]
    );
  });

  it("splits a through-train row's whole-school teachers by weighted shares and marks L1 and L3 as estimates", () => {
    const s = byName("东江县育才九年一贯制学校");
    const [doctor, master, bachelor, associate] = s.degree;
    const primary = partOf(exportAudit, s.name, "primary");
    const junior = partOf(exportAudit, s.name, "junior");
    expect(primary.details.L1.numerator).toBeCloseTo(
      (doctor + master + bachelor + associate) * shareOf(s, "primary"),
      9
    );
    expect(junior.details.L1.numerator).toBeCloseTo(
      (doctor + master + bachelor) * shareOf(s, "junior"),
      9
    );
    expect(primary.details.L3.numerator).toBeCloseTo(
      (s.pe + s.music + s.art) * shareOf(s, "primary"),
      9
    );
    for (const id of ["L1", "L3"]) {
      expect(primary.details[id].estimate).toBe(true);
      expect(junior.details[id].estimate).toBe(true);
    }
    // L2 is given per stage (教基1102): no estimate.
    expect(primary.details.L2.numerator).toBe(s.backbone.primary);
    expect(junior.details.L2.estimate).toBe(false);
    // A 完全中学 shares with its senior pupils (1.32).
    const m = byName("西山县第二中学");
    const mj = partOf(exportAudit, m.name, "junior");
    expect(mj.details.L3.numerator).toBeCloseTo((m.pe + m.music + m.art) * shareOf(m, "junior"), 9);
    expect(mj.details.L3.estimate).toBe(true);
  });

  it("counts 艺术 › 计 never on top of 音乐 and 美术; L4 subtracts 室内体育用房; L6 reads 万元", () => {
    const s = byName("东江县第2小学");
    const part = partOf(exportAudit, s.name, "primary");
    expect(part.details.L3.numerator).toBe(s.pe + s.music + s.art);
    expect(part.details.L3.fields).not.toContain("teachers.primary.artsTotal");
    expect(part.details.L4.numerator).toBe(s.teachingArea - s.indoorSportsArea);
    expect(part.details.L5.numerator).toBe(s.sportsGroundArea + s.indoorSportsArea);
    expect(part.values.L6).toBeCloseTo((s.equipmentWan * 10000) / s.pupils.primary!, 9);
    expect(exported.diagnostics.map((d) => d.code)).not.toContain("sheets.arts-split-missing");
  });

  it("leaves out the teaching point under 50 pupils and the special school, keeps the private school", () => {
    const out = exportAudit.excluded.map((e) => e.name);
    expect(out).toEqual(expect.arrayContaining(["西山县北岭教学点", "西山县特殊教育学校"]));
    expect(exportAudit.schools.map((p) => p.name)).toContain("东江县明德学校");
  });
});

describe("an export that gives the arts teachers only as 艺术 › 计", () => {
  const onlyTotal = readSheets([statsExportGrid(schools, { artsSplit: false })]);
  const result = audit(onlyTotal.records);

  it("counts 艺术 › 计 as the arts teachers, with a note, and the same L3 as the split", () => {
    const s = byName("东江县第2小学");
    const part = partOf(result, s.name, "primary");
    expect(part.details.L3.numerator).toBe(s.pe + s.music + s.art);
    expect(part.details.L3.fields).toEqual(["teachers.primary.pe", "teachers.primary.artsTotal"]);
    expect(part.details.L3.notes.join("")).toContain("艺术 › 计");
    const l3 = (r: AuditResult) => r.schools.map((p) => p.values.L3);
    expect(l3(result)).toEqual(l3(exportAudit));
  });

  it("lists the missing 音乐 / 美术 split in 数据诊断 with what to add", () => {
    const note = onlyTotal.diagnostics.find((d) => d.code === "sheets.arts-split-missing");
    expect(note).toMatchObject({ sheet: "基础教育基层统计", cell: "R5" });
    expect(note?.message).toContain("请补充「音乐」「美术」专任教师列");
  });
});

describe("是否计校数 = 0: a campus counted under its parent school", () => {
  const campus = "东江县第一小学（东校区）";

  it("is audited as a school of its stage with its own figures, no estimate", () => {
    const record = exported.records.find((r) => r.name === campus)!;
    expect(record.campus).toBe(true);
    expect(exported.records.filter((r) => r.campus).map((r) => r.name)).toEqual([campus]);
    const part = partOf(exportAudit, campus, "primary");
    const s = byName(campus);
    expect(part.students).toBe(s.pupils.primary);
    expect(part.details.L1.estimate).toBe(false);
    expect(part.details.L3.numerator).toBe(s.pe + s.music + s.art);
  });

  it("is listed in 数据诊断 with its 是否计校数 cell", () => {
    const note = exported.diagnostics.find((d) => d.code === "sheets.campus-rows");
    const row = exported.records.find((r) => r.name === campus)!.source!.row;
    expect(note).toMatchObject({ sheet: "基础教育基层统计", cell: `F${row}` });
    expect(note?.message).toContain(`「${campus}」（F${row}）`);
    expect(simple.diagnostics.map((d) => d.code)).not.toContain("sheets.campus-rows");
  });

  it("counts in 表Ⅰ as a campus, not a school", () => {
    const ctx = reportContext({
      result: exportAudit,
      records: exported.records,
      auditedAt: new Date("2024-01-01T00:00:00Z"),
    });
    const sheet = buildDeclarationI(ctx, "东江县", "表Ⅰ");
    const row = sheet.rows.find((r) => r.cells[0]?.value === "小学")!;
    const [schoolsCell, campusesCell] = [row.cells[1]?.value, row.cells[2]?.value];
    const primaries = exportAudit.schools.filter(
      (p) => p.county === "东江县" && p.kind === "primary"
    );
    expect(campusesCell).toBe(primaries.length);
    expect(schoolsCell).toBe(primaries.length - 1);
  });
});

describe("what the export lacks for G3", () => {
  it("lists the music and art room counts, sizes and classes to add in 数据诊断, and leaves G3 unchecked", () => {
    const note = exported.diagnostics.find((d) => d.code === "sheets.room-columns-missing");
    expect(note?.message).toContain(
      "「音乐专用教室（间）」「音乐专用教室面积（平方米）」「美术专用教室（间）」「美术专用教室面积（平方米）」「班级数」"
    );
    // Each school's G3 check is listed as 未核查 (pass null), never passed or failed.
    const g3Checks = exportAudit.guarantees.filter((g) => g.id === "G3");
    expect(g3Checks.length).toBeGreaterThan(0);
    expect(g3Checks.every((g) => g.pass === null)).toBe(true);
    const g3 = exportAudit.counties[0].items.find((i) => i.id === "G3");
    expect(g3?.status).toBe("unchecked");
  });

  it("names only the room sizes when the counts and classes are given", () => {
    const s = schools[0];
    const withRooms = readSheets([
      {
        name: "学校",
        merges: [],
        rows: [
          ["学校名称", "小学在校生数", "班级数", "音乐专用教室（间）", "美术专用教室（间）"],
          [s.name, s.pupils.primary!, 24, 2, 2],
        ],
      },
    ]);
    const note = withRooms.diagnostics.find((d) => d.code === "sheets.room-columns-missing");
    expect(note?.message).toContain(
      "没有「音乐专用教室面积（平方米）」「美术专用教室面积（平方米）」列"
    );
  });
});
