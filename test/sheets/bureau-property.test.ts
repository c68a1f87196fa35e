/**
 * Issue #18 property: how a bureau lays out the same schools — rows in any order, one sheet split
 * into township sheets with subtotal rows, a row hidden then shown again — changes no figure of
 * the schools audited.
 */
import fc from "fast-check";
import { audit } from "../../src/engine";
import { readSheets } from "../../src/sheets";
import type { CellValue, SheetGrid } from "../../src/sheets/grid";

const HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育艺术专任教师数",
  "教学及辅助用房面积（㎡）",
  "教学仪器设备值（万元）",
  "网络多媒体教室数",
];

type School = (string | number)[];

const schoolsArb: fc.Arbitrary<School[]> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 60, max: 3000 }),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 100, max: 30000 }),
      fc.integer({ min: 0, max: 900 }),
      fc.integer({ min: 0, max: 90 })
    ),
    { minLength: 2, maxLength: 14 }
  )
  .map((rows) =>
    rows.map((figures, i) => [`城关第${i + 1}${i % 2 === 0 ? "小学" : "初级中学"}`, ...figures])
  );

/** Each audited school part's pupils and indicator values, by name and stage. */
function figuresOf(grids: SheetGrid[], includeHiddenRows = false): Map<string, unknown> {
  const read = readSheets(grids, { includeHiddenRows });
  const result = audit(read.records);
  return new Map(
    result.schools.map((s) => [`${s.name}|${s.stage}`, { students: s.students, values: s.values }])
  );
}

const sheet = (name: string, rows: CellValue[][], hiddenRows?: number[]): SheetGrid => ({
  name,
  rows,
  merges: [],
  ...(hiddenRows ? { hiddenRows } : {}),
});

/** A subtotal row of a township sheet, decorated as bureaus do. */
function subtotal(township: string, rows: School[], style: number): CellValue[] {
  const label = [
    `${township}（小计）`,
    `${township}小计：`,
    `${township}合计（${rows.length}所）`,
    "全镇总计（不含教学点）",
  ][style % 4];
  return [
    label,
    ...HEADER.slice(1).map((_, c) => rows.reduce((sum, r) => sum + (r[c + 1] as number), 0)),
  ];
}

describe("property: layout changes no audited figure (issue #18)", () => {
  it("shuffling rows, splitting into township sheets with subtotal rows, hiding then unhiding a row", () => {
    fc.assert(
      fc.property(
        schoolsArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        (schools, seed, townships) => {
          const base = figuresOf([sheet("学校", [HEADER, ...schools])]);
          expect(base.size).toBe(schools.length);

          // Rows in another order.
          const shuffled = [...schools].sort(
            (a, b) =>
              (((a[1] as number) * 7919 + seed) % 101) - (((b[1] as number) * 7919 + seed) % 101)
          );
          expect(figuresOf([sheet("学校", [HEADER, ...shuffled])])).toEqual(base);

          // One sheet per township, each ending with a subtotal row.
          const parts: School[][] = Array.from({ length: townships }, () => []);
          schools.forEach((s, i) => parts[(i + seed) % townships].push(s));
          const split = parts.map((rows, t) =>
            sheet(`镇${t + 1}`, [HEADER, ...rows, subtotal(`镇${t + 1}`, rows, seed + t)])
          );
          expect(figuresOf(split)).toEqual(base);

          // A hidden row leaves the others as they were; shown again (or audited anyway) all is back.
          const hidden = 1 + (seed % schools.length);
          const withHidden = figuresOf([sheet("学校", [HEADER, ...schools], [hidden])]);
          const hiddenName = `${schools[hidden - 1][0]}|${hidden % 2 === 1 ? "primary" : "junior"}`;
          const others = new Map([...base].filter(([k]) => k !== hiddenName));
          expect(withHidden).toEqual(others);
          expect(figuresOf([sheet("学校", [HEADER, ...schools], [hidden])], true)).toEqual(base);
          expect(figuresOf([sheet("学校", [HEADER, ...schools], [])])).toEqual(base);
        }
      ),
      { numRuns: Number(process.env.SHEETS_PROPERTY_RUNS ?? 150) }
    );
  });
});
