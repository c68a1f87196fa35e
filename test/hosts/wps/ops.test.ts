/**
 * The WPS write operations, pure: number formats grouped into rectangles, union addresses under
 * ET's 255 characters, links as HYPERLINK formulas with quotes escaped, widths in characters set
 * before columns are hidden, and colours as ET's BGR longs.
 */
import {
  hyperlinkFormula,
  splitAddressList,
  wpsOps,
  MAX_ADDRESS,
} from "../../../src/hosts/wps/ops";
import { bgr } from "../../../src/hosts/wps/styles";
import type { PlannedSheet, WorkbookPlan } from "../../../src/report/plan";

const noRenames = { writeAs: new Map<string, string>(), final: new Map<string, string>() };

function sheet(rows: PlannedSheet["rows"], extra: Partial<PlannedSheet> = {}): PlannedSheet {
  return {
    kind: "schools",
    name: "学校达标",
    rows,
    merges: [],
    columnWidths: [],
    conditionalFormats: [],
    dataBars: [],
    page: { landscape: false, fitToWidth: false },
    ...extra,
  } as PlannedSheet;
}

function plan(...sheets: PlannedSheet[]): WorkbookPlan {
  return { sheets, activate: sheets[0].kind } as WorkbookPlan;
}

describe("wpsOps", () => {
  it("groups a column's number format into one rectangle and leaves General cells alone", () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      row: i,
      cells: [
        { value: `校${i}` },
        { value: i, formula: `'小学'!C${i + 1}`, numFmt: "0.00" },
        { value: i, numFmt: "0" },
      ],
    }));
    const ops = wpsOps(plan(sheet(rows)), noRenames, 20_000);
    const formats = ops.filter((op) => op.kind === "numberFormat");
    expect(formats).toEqual([
      { sheet: 0, kind: "numberFormat", address: "B1:B100", format: "0.00" },
      { sheet: 0, kind: "numberFormat", address: "C1:C100", format: "0" },
    ]);
    const values = ops.filter((op) => op.kind === "values");
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ address: "A1:C100" });
  });

  it("writes a link cell as a HYPERLINK formula in the same values write, to the sheet's final name", () => {
    const rows = [
      { row: 0, cells: [{ value: "小学!F12", style: "link" as const, link: "'学校达标'!F12" }] },
    ];
    const renamed = {
      writeAs: new Map([["学校达标", "学校达标 (2)"]]),
      final: new Map([["学校达标", "学校达标 (3)"]]),
    };
    const ops = wpsOps(plan(sheet(rows)), renamed, 20_000);
    expect(ops.find((op) => op.kind === "values")).toMatchObject({
      formulas: [['=HYPERLINK("#\'学校达标 (3)\'!F12","小学!F12")']],
    });
  });

  it("sets widths in characters before hiding a column (a width would show it again)", () => {
    const ops = wpsOps(
      plan(
        sheet([{ row: 0, cells: [{ value: 1 }] }], {
          columnWidths: [10, 10, 24],
          hiddenColumns: [1],
        })
      ),
      noRenames,
      20_000
    );
    const kinds = ops.map((op) => op.kind);
    expect(ops.filter((op) => op.kind === "columnWidth")).toEqual([
      { sheet: 0, kind: "columnWidth", address: "A:B", chars: 10 },
      { sheet: 0, kind: "columnWidth", address: "C:C", chars: 24 },
    ]);
    expect(kinds.lastIndexOf("columnWidth")).toBeLessThan(kinds.indexOf("hideColumns"));
  });

  it("cuts a checkerboard of styles into union addresses ET accepts", () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      row: i,
      cells: [{ value: "x", style: i % 2 ? ("pass" as const) : ("fail" as const) }],
    }));
    const styles = wpsOps(plan(sheet(rows)), noRenames, 20_000).filter((op) => op.kind === "style");
    expect(styles.every((op) => "address" in op && op.address.length <= MAX_ADDRESS)).toBe(true);
    const cells = styles.flatMap((op) => ("address" in op ? op.address.split(",") : []));
    expect(cells).toHaveLength(300);
  });
});

describe("helpers", () => {
  it("splitAddressList keeps each list within the limit, joined with commas", () => {
    expect(splitAddressList("A1, B2, C3", 5)).toEqual(["A1,B2", "C3"]);
    expect(splitAddressList("A1:B2")).toEqual(["A1:B2"]);
    expect(splitAddressList("")).toEqual([]);
  });

  it("hyperlinkFormula escapes quotes and gives up on text too long for a formula literal", () => {
    expect(hyperlinkFormula(`'A"B'!A1`, 'say "hi"')).toBe(`=HYPERLINK("#'A""B'!A1","say ""hi""")`);
    expect(hyperlinkFormula("'小学'!A1", 12)).toBe(`=HYPERLINK("#'小学'!A1",12)`);
    expect(hyperlinkFormula("'小学'!A1", "x".repeat(256))).toBeUndefined();
  });

  it("bgr turns #RRGGBB into ET's BGR long", () => {
    expect(bgr("#FF0000")).toBe(0x0000ff);
    expect(bgr("#0000FF")).toBe(0xff0000);
    expect(bgr("#C6EFCE")).toBe(0xceefc6);
  });
});
