/**
 * Issue #18 through the whole flow (read → audit → plan): a stage that yields no school, a
 * through-train school given as two part rows, and hidden rows, as the audit sheets show them.
 */
import type { AuditSettings } from "../../src/engine";
import type { SheetGrid } from "../../src/sheets/grid";
import { formulaMismatches } from "../report/formulaEval";
import { grid } from "../sheets/helpers";
import { runOnGrids } from "./helpers";

const E: null = null;

const HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育艺术专任教师数",
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值",
  "网络多媒体教室数",
];

/** A row meeting every 2017 indicator with room to spare (primary thresholds ×1.3, junior ×1.3). */
function row(
  name: string,
  pupils: number,
  junior = false,
  extra: (string | number)[] = []
): (string | number)[] {
  const t = junior ? [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4] : [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3];
  const f = 1.3;
  return [
    name,
    ...extra,
    pupils,
    ...t.map((x, i) => Math.ceil((i >= 3 && i <= 5 ? x * pupils : (x * pupils) / 100) * f)),
  ];
}

async function run(grids: SheetGrid[], settings: Partial<AuditSettings> = {}) {
  const outcome = await runOnGrids(grids, settings);
  const plan = outcome.plan;
  const texts = (kind: string) =>
    plan.sheets
      .filter((s) => s.kind === kind)
      .flatMap((s) =>
        s.rows.flatMap((r) => r.cells.map((c) => (c && typeof c.value === "string" ? c.value : "")))
      );
  return { ...outcome, texts };
}

describe("5. a stage the workbook names but of which no school is read", () => {
  const primary = grid("小学", [HEADER, row("城关小学", 1000), row("河口小学", 800)]);
  const junior = grid("初中", [
    ["学校", "人数", "备注"],
    ["城关中学", 900, ""],
  ]);

  it("is an error in 数据诊断, 「未读到学校」 in 审计总览, and the county is 未完成 (pass null)", async () => {
    const { result, texts } = await run([primary, junior]);
    expect(
      result.diagnostics
        .filter((d) => d.code === "sheets.stage-unread")
        .map((d) => [d.level, d.sheet])
    ).toEqual([["error", "初中"]]);
    expect(result.counties[0].stages.primary.pass).toBe(true);
    expect(result.counties[0].stages.junior).toMatchObject({
      pass: null,
      unread: true,
      note: "未读到学校",
    });
    expect(result.counties[0].pass).toBeNull();
    expect(result.pass).toBeNull();
    const summary = texts("summary");
    expect(summary).toContain("未读到学校");
    expect(summary).toContain("未完成");
    expect(summary).not.toContain("达标（初中）");
    expect(JSON.parse(JSON.stringify(result)).pass).toBeNull();
  });

  it("leaves the verdict alone when every stage named is read", async () => {
    const { result } = await run([primary, grid("初中", [HEADER, row("城关中学", 900, true)])]);
    expect(result.pass).toBe(true);
    expect(result.diagnostics.some((d) => d.code === "sheets.stage-unread")).toBe(false);
  });
});

describe("8. G4 judges a through-train school given as two part rows as one school", () => {
  const header = [HEADER[0], "学段", ...HEADER.slice(1)];
  const sheet = grid("学校", [
    header,
    row("实验学校", 1500, false, ["小学部"]),
    row("实验学校", 1300, true, ["初中部"]),
    row("城关小学", 900, false, ["小学"]),
  ]);

  it("sums the parts' 2800 pupils against the through-train limit of 2500", async () => {
    const { result } = await run([sheet]);
    const g4 = result.guarantees.filter((g) => g.id === "G4");
    expect(g4.map((g) => [g.school, g.value, g.limit, g.pass])).toEqual([
      ["城关小学", 900, 2000, true],
      ["实验学校", 2800, 2500, false],
    ]);
    expect(g4[1].message).toContain("2800");
    // The indicators stay per part.
    expect(
      result.schools.filter((s) => s.name === "实验学校").map((s) => [s.stage, s.students])
    ).toEqual([
      ["primary", 1500],
      ["junior", 1300],
    ]);
  });

  it("takes rows with the same 学校代码 for one school whatever their names", async () => {
    const coded = [HEADER[0], "学校代码", ...HEADER.slice(1)];
    const { result } = await run([
      grid("学校", [
        coded,
        row("实验学校小学部", 1500, false, ["3101"]),
        row("实验学校初中部", 1300, true, ["3101"]),
      ]),
    ]);
    expect(result.guarantees.filter((g) => g.id === "G4").map((g) => [g.value, g.pass])).toEqual([
      [2800, false],
    ]);
  });
});

describe("9. a hidden row is not audited and 审计总览 says how many were left out", () => {
  const rows = [
    HEADER,
    row("城关小学", 1000),
    ["甲县城东小学（2023年已撤并）", 300, 0, 0, 0, 0, 0, 0, 0],
    row("河口小学", 800),
  ];

  it("passes the county without the hidden school, lists it in 数据诊断 and counts it in 审计总览", async () => {
    const { result, texts } = await run([{ ...grid("小学", rows), hiddenRows: [2] }]);
    expect(result.schools.map((s) => s.name)).toEqual(["城关小学", "河口小学"]);
    expect(result.pass).toBe(true);
    expect(texts("summary").some((t) => t.includes("1所学校的行被隐藏或筛选掉"))).toBe(true);
    expect(texts("diagnostics")).toContain("甲县城东小学（2023年已撤并）");
  });

  it("audits it with includeHiddenRows, and the county fails", async () => {
    const { result } = await run([{ ...grid("小学", rows), hiddenRows: [2] }], {
      includeHiddenRows: true,
    });
    expect(result.schools.map((s) => s.name)).toContain("甲县城东小学（2023年已撤并）");
    expect(result.pass).toBe(false);
  });
});

describe("2. a 完全中学's pupils in the audit sheets: live formulas that take off the 其中 part", () => {
  it("recompute every formula to the engine's figure (junior 900 = 2100 − 1200)", async () => {
    const rows = [
      ["学校名称", "在校生数", "其中：高中在校生数", "高于规定学历教师数", "县级及以上骨干教师数"],
      ["第一中学", 2100, 1200, 160, 30],
      ["第二中学", 800, E, 60, 10],
    ];
    const { result, plan } = await runOnGrids([grid("初中", rows)]);
    expect(result.schools.find((s) => s.name === "第一中学")!.students).toBe(900);
    const sources = {
      初中: { B2: 2100, C2: 1200, D2: 160, E2: 30, B3: 800, C3: null, D3: 60, E3: 10 },
    };
    expect(formulaMismatches(plan, sources)).toEqual([]);
    const formulas = plan.sheets.flatMap((s) =>
      s.rows.flatMap((r) => r.cells.map((c) => c?.formula ?? ""))
    );
    expect(formulas.some((f) => f.includes("'初中'!B2-'初中'!C2"))).toBe(true);
  });
});
