import fc from "fast-check";
import { readSheets } from "../../src/sheets";
import type { CellValue, MergedArea, SheetGrid } from "../../src/sheets/grid";

const WORDS = [
  "合计",
  "总计",
  "小计",
  "注：",
  "学校名称",
  "在校生数",
  "小学",
  "初中",
  "一、小学",
  "L1",
  "#DIV/0!",
  "一千二",
  "１,２３４",
  "万元",
  "教师情况",
  "体育",
  "　",
  "\n",
  "填报单位：",
  "单位：万元",
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...WORDS),
  fc.record({ error: fc.constantFrom("#DIV/0!", "#N/A", "#REF!", "#VALUE!") }),
  fc.boolean()
);

const mergeArb: fc.Arbitrary<MergedArea> = fc.record({
  top: fc.integer({ min: -2, max: 30 }),
  left: fc.integer({ min: -2, max: 15 }),
  bottom: fc.integer({ min: -2, max: 40 }),
  right: fc.integer({ min: -2, max: 20 }),
});

const gridArb: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("小学", "初中", "汇总", "表Ⅱ-2")),
  rows: fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 30 }),
  merges: fc.array(mergeArb, { maxLength: 6 }),
  origin: fc.option(
    fc.record({ row: fc.integer({ min: -3, max: 1000 }), col: fc.integer({ min: -3, max: 100 }) }),
    { nil: undefined }
  ),
});

describe("property: random and hostile grids", () => {
  it("never throws, and every diagnostic and record is well formed", () => {
    fc.assert(
      fc.property(fc.array(gridArb, { maxLength: 3 }), (grids) => {
        const result = readSheets(grids);
        for (const d of result.diagnostics) {
          expect(["error", "warning", "info"]).toContain(d.level);
          expect(d.code).toMatch(/^sheets\./);
          expect(typeof d.sheet).toBe("string");
          expect(typeof d.cell).toBe("string");
          expect(d.message.length).toBeGreaterThan(0);
        }
        for (const r of result.records) {
          expect(r.name.trim()).not.toBe("");
          expect(r.name.replace(/\s/g, "")).not.toMatch(
            /^(合计|总计|小计|注[:：]|填报单位|学校名称$)/
          );
          expect(r.source!.row).toBeGreaterThanOrEqual(1);
          for (const address of Object.values(r.source!.cells ?? {}))
            expect(address).toMatch(/^[A-Z]+[1-9]\d*$/);
        }
      }),
      { numRuns: Number(process.env.SHEETS_PROPERTY_RUNS ?? 2000) }
    );
  });
});

type Filler =
  { kind: "total"; label: string } | { kind: "blank" } | { kind: "school"; pupils: CellValue };

const fillerArb: fc.Arbitrary<Filler> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("school" as const),
      pupils: fc.oneof(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }).map((n) => `${n.toLocaleString("en-US")} `)
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("total" as const),
      label: fc.constantFrom("合计", "总计", "小计", "小学小计", "全县合计", "总 计", "合 计"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) }
);

describe("property: totals, blank and footnote rows are never schools", () => {
  it("reads exactly the school rows above the footnote, whatever surrounds them", () => {
    fc.assert(
      fc.property(
        fc.array(fillerArb, { minLength: 1, maxLength: 40 }),
        fc.array(
          fc.constantFrom(
            "注：本表截至9月1日。",
            "说明：单位万元",
            "填表人：李四",
            "注1：",
            "*含民办学校"
          ),
          { maxLength: 3 }
        ),
        fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 4 }),
        fc.boolean(),
        (body, notes, trailing, withTitle) => {
          const rows: CellValue[][] = [];
          if (withTitle)
            rows.push(
              ["某县义务教育学校资源配置情况统计表"],
              ["填报单位：某县教育局", null, "单位：人、万元"]
            );
          rows.push(["序号", "学校名称", "在校生数", "教学仪器设备值"]);
          const schoolRows: number[] = [];
          body.forEach((item, i) => {
            if (item.kind === "school") {
              schoolRows.push(rows.length + 1);
              rows.push([i + 1, `第${i + 1}小学`, item.pupils, 100]);
            } else if (item.kind === "total") rows.push([null, item.label, 99999, 999]);
            else rows.push([null, null, null, null]);
          });
          const footnoteRow = rows.length;
          for (const note of notes) rows.push([note]);
          // After a footnote anything may follow; before none, nothing does.
          if (notes.length > 0) for (const t of trailing) rows.push(t);
          const result = readSheets([{ name: "小学", rows, merges: [] }]);
          const readRows = result.records.map((r) => r.source!.row);
          expect(readRows).toEqual(schoolRows);
          for (const r of result.records) {
            expect(r.name).toMatch(/^第\d+小学$/);
            expect(r.source!.row).toBeLessThanOrEqual(footnoteRow);
          }
        }
      ),
      { numRuns: Number(process.env.SHEETS_PROPERTY_RUNS ?? 1500) }
    );
  });
});

const WORDINGS: Record<string, string[]> = {
  name: ["学校名称", "学校（校区）名称", "单位名称"],
  pupils: ["在校生数", "在校学生数（人）", "学生数", "在校生人数", "学生总数"],
  "teachers.backbone": ["县级及以上骨干教师数", "县级以上骨干教师", "县级及以上骨干教师（人）"],
  "teachers.peArts": [
    "体育艺术专任教师数",
    "体育、艺术（音乐、美术）专任教师数",
    "体育、艺术专任教师数",
  ],
  "facilities.equipmentValue": ["教学仪器设备值", "教学仪器设备总值（万元）", "教学仪器设备值(元)"],
  "facilities.multimediaRooms": ["网络多媒体教室数", "网络多媒体教室（间）"],
  "facilities.sportsArea": [
    "体育运动场馆面积",
    "体育运动场（馆）面积（㎡）",
    "体育运动场馆面积（m2）",
  ],
  "facilities.teachingArea": ["教学及辅助用房面积", "教学及辅助用房面积（平方米）"],
};

/** Breaks a wording the way typed headers are broken: stray spaces, line breaks, half-width brackets. */
const messArb = (text: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.constantFrom("", " ", "\n", "　", "\r\n"), fc.boolean())
    .map(([at, gap, half]) => {
      const broken = text.slice(0, at) + gap + text.slice(at);
      return half ? broken.replace(/（/g, "(").replace(/）/g, ")") : broken;
    });

describe("property: header wordings broken by spaces, line breaks and bracket widths", () => {
  it("still map every column to its field", () => {
    const fields = Object.keys(WORDINGS);
    const headerArb = fc.tuple(
      ...fields.map((f) => fc.constantFrom(...WORDINGS[f]).chain(messArb))
    );
    fc.assert(
      fc.property(headerArb, (header) => {
        const rows: CellValue[][] = [header, ["城关小学", 1000, 12, 10, 250, 25, 8000, 5000]];
        const result = readSheets([{ name: "小学", rows, merges: [] }]);
        expect(result.tables[0].columns.map((c) => c.field)).toEqual(fields);
        expect(result.records).toHaveLength(1);
      }),
      { numRuns: Number(process.env.SHEETS_PROPERTY_RUNS ?? 1000) }
    );
  });
});
