/**
 * Adding a measure is catalogue data only: a made-up field (阅览室面积), a made-up measure over it
 * and an indicator L8 in a copy of the 2017 standard are read from a sheet, audited, written as a
 * live formula and offered in the pane, with no edit anywhere else.
 */
jest.mock("../../src/engine/catalogue/fields", () => {
  const actual = jest.requireActual("../../src/engine/catalogue/fields");
  const readingRoom = {
    id: "facilities.readingRoomArea",
    label: { zh: "阅览室面积", en: "Reading room area (m²)" },
    unit: "area",
    wordings: [{ re: /阅览室/, conf: 1 }],
  };
  return { ...actual, FIELD_DEFS: [...actual.FIELD_DEFS, readingRoom] };
});
jest.mock("../../src/engine/catalogue/measures", () => {
  const actual = jest.requireActual("../../src/engine/catalogue/measures");
  const readingRoomArea = {
    id: "readingRoomArea",
    source: "facilities",
    alternatives: [[{ field: "facilities.readingRoomArea" }]],
    addition: { noun: { zh: "阅览室", en: "reading room" }, unit: "m2", wholeUnits: false },
  };
  return { ...actual, MEASURE_DEFS: [...actual.MEASURE_DEFS, readingRoomArea] };
});
jest.mock("../../src/engine/standards/standard2017", () => {
  const { STANDARD_2017 } = jest.requireActual("../../src/engine/standards/standard2017");
  const l8 = {
    id: "L8",
    name: "生均阅览室面积",
    shortName: "阅览室",
    paneName: { zh: "生均阅览室面积", en: "Reading room area" },
    aliases: [],
    unit: "平方米",
    measure: "readingRoomArea",
    scale: 1,
    thresholds: { primary: 0.5, junior: 0.6 },
  };
  return { STANDARD_2017: { ...STANDARD_2017, indicators: [...STANDARD_2017.indicators, l8] } };
});

import { audit } from "../../src/engine";
import { buildPlan } from "../../src/report";
import { FIELDS, readSheets } from "../../src/sheets";
import type { SheetGrid } from "../../src/sheets/grid";
import { AUDITED_AT, rowsWith, sheetOf } from "../report/helpers";

const GRID: SheetGrid = {
  name: "小学",
  merges: [],
  rows: [
    ["学校名称", "在校生数", "阅览室面积（平方米）"],
    ["城关小学", 1000, 600],
    ["东街小学", 400, 100],
  ],
};

describe("a measure added to a copy of the catalogue", () => {
  const read = readSheets([GRID]);
  const result = audit(read.records);

  it("is read from the sheet by its catalogue wording", () => {
    expect(read.records[0].facilities).toEqual({ readingRoomArea: 600 });
    expect(read.records[0].source?.cells?.["facilities.readingRoomArea"]).toBe("C2");
  });

  it("is audited: value, threshold, shortfall and CV", () => {
    const [town, east] = result.schools;
    expect(town.values.L8).toBe(0.6);
    expect(town.details.L8.met).toBe(true);
    expect(east.values.L8).toBe(0.25);
    expect(east.details.L8.reachesFloor).toBe(false);
    expect(east.shortfalls.find((s) => s.indicator === "L8")?.advice).toBe(
      `需增加阅览室100.00平方米；低于要求的85%，至少增加阅览室70.00平方米方可达到85%`
    );
    expect(result.stages!.primary.indicators.L8.cv).toBeGreaterThan(0);
  });

  it("is written as a live formula over the source cells", () => {
    const plan = buildPlan({
      result,
      records: read.records,
      read: { tables: read.tables, skipped: read.skipped },
      auditedAt: AUDITED_AT,
    });
    const schools = sheetOf(plan, "schools");
    const row = rowsWith(schools, 1, "城关小学")[0];
    const cells = schools.rows.find((r) => r.row === row)!.cells;
    const l8 = cells.find((c) => c?.formula === "'小学'!C2/'小学'!B2");
    expect(l8?.value).toBe(0.6);
  });

  it("is offered in the pane's field list with its label", () => {
    expect(FIELDS).toContainEqual({ id: "facilities.readingRoomArea", label: "阅览室面积" });
  });
});
