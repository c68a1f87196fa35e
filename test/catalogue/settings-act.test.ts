/**
 * Every setting the summary lists as in force changes at least one figure: each is flipped from
 * its default on one county built to exercise them all (through the real reader, flow and engine),
 * and the audit result must differ. A setting that changes nothing would be a claim the audit
 * does not keep.
 */
import {
  decidedCountyItems,
  DEFAULT_SETTINGS,
  findStandard,
  SETTINGS,
  settingInForce,
  withSetting,
  type AuditResult,
  type AuditSettings,
  type SettingDef,
  type SettingValue,
} from "../../src/engine";
import { runAudit, type FlowSteps } from "../../src/flow/auditFlow";
import { readSheets } from "../../src/sheets";
import type { SheetGrid } from "../../src/sheets/grid";

const E = null;

/** 小学: a 2200-pupil school with small music and art rooms, a private school, a 50–99-pupil school, and a hidden row. */
const PRIMARY: SheetGrid = {
  name: "小学",
  merges: [],
  rows: [
    // prettier-ignore
    ["学校名称", "举办者", "在校生数", "班级数", "高于规定学历教师数", "县级及以上骨干教师数", "体育专任教师数", "音乐专任教师数", "美术专任教师数", "艺术专任教师数", "交流轮岗、兼职、走教体艺教师数", "教学及辅助用房面积", "其中：室内体育用房", "体育运动场馆面积", "校外租赁场馆面积", "教学仪器设备值（元）", "网络多媒体教室数", "音乐专用教室数", "音乐专用教室面积", "美术专用教室数", "美术专用教室面积"],
    [
      "城关小学",
      "公办",
      2200,
      44,
      100,
      30,
      10,
      5,
      5,
      3,
      E,
      10000,
      500,
      15000,
      2000,
      4400000,
      50,
      4,
      320,
      4,
      320,
    ],
    ["河口小学", "公办", 80, 6, 4, 1, 0, 0, 0, E, 1, 400, E, 700, E, 170000, 2, E, E, E, E],
    [
      "育才民办小学",
      "民办",
      600,
      12,
      20,
      5,
      3,
      2,
      1,
      E,
      E,
      2500,
      E,
      4000,
      E,
      1300000,
      14,
      E,
      E,
      E,
      E,
    ],
    [
      "东街小学（已撤并）",
      "公办",
      300,
      6,
      3,
      0,
      0,
      0,
      0,
      E,
      E,
      600,
      E,
      900,
      E,
      200000,
      3,
      E,
      E,
      E,
      E,
    ],
  ],
  hiddenRows: [4],
};

/** 初中: two school years side by side. */
const JUNIOR: SheetGrid = {
  name: "初中",
  merges: [
    { top: 0, left: 1, bottom: 0, right: 2 },
    { top: 0, left: 3, bottom: 0, right: 4 },
  ],
  rows: [
    ["学校名称", "2023学年", E, "2024学年", E],
    [E, "在校生数", "县级及以上骨干教师数", "在校生数", "县级及以上骨干教师数"],
    ["城关中学", 900, 9, 1000, 12],
    ["河口中学", 500, 2, 450, 6],
  ],
};

/** 县域指标: G7 at 7000 元 per pupil (meets 6000, not 8000) and the province's V7 answered 是. */
const FORM: SheetGrid = {
  name: "县域指标",
  merges: [],
  rows: [
    ["编号", "项目", "填报值"],
    ["G7-1", "特殊教育学校公用经费", 700000],
    ["G7-2", "特殊教育学校在校生数", 100],
    ["V7", "校外培训机构治理和减轻课外负担不力", "是"],
  ],
};

async function auditWith(settings: AuditSettings): Promise<AuditResult> {
  const steps: FlowSteps = {
    readGrids: async () =>
      [PRIMARY, JUNIOR, FORM].map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) })),
    readSheets,
    writePlan: async () => ({}),
    now: () => new Date("2026-12-06T00:00:00Z"),
  };
  return (await runAudit(steps, settings, [], () => undefined)).result;
}

/** A value other than the default, as a user would choose it. */
function otherValue(def: SettingDef): SettingValue {
  switch (def.type) {
    case "boolean":
      return !def.default;
    case "choice":
      return def.choices.find((c) => c.value !== def.default)!.value;
    case "number":
      return def.default + 2000;
    case "year":
      return 2023;
    case "codes":
      return def.choices.map((c) => c.value);
  }
}

/** The figures of a result: everything but the settings it echoes. */
const figures = (result: AuditResult) => JSON.stringify({ ...result, settings: null });

describe("every setting in force changes a figure", () => {
  let base: AuditResult;
  let listed: SettingDef[];
  beforeAll(async () => {
    base = await auditWith(DEFAULT_SETTINGS);
    const decided = decidedCountyItems(base.counties);
    listed = SETTINGS.filter((def) =>
      settingInForce(def, findStandard(DEFAULT_SETTINGS.standard)!, decided)
    );
  });

  it("lists every setting of the catalogue for this county", () => {
    expect(listed.map((d) => d.id)).toEqual(SETTINGS.map((d) => d.id));
  });

  it.each(SETTINGS.map((def) => [def.id, def] as const))("%s", async (_id, def) => {
    const changed = await auditWith(withSetting(DEFAULT_SETTINGS, def, otherValue(def)));
    expect(figures(changed)).not.toEqual(figures(base));
  });
});
