import fc from "fast-check";
import {
  cellA1,
  columnLetter,
  numberLiteral,
  plainA1,
  quoteSheet,
  rangeA1,
  sheetRef,
} from "../../src/report/refs";
import { renameRefs } from "../../src/report/rename";
import { fieldTerm } from "../../src/report/sourceTerms";
import type { SchoolRecord } from "../../src/engine";

describe("references", () => {
  it("letters columns past Z", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    expect(cellA1(4, 2)).toBe("C5");
    expect(cellA1(4, 2, "row")).toBe("C$5");
    expect(cellA1(4, 2, "col")).toBe("$C5");
    expect(cellA1(4, 2, "both")).toBe("$C$5");
    expect(rangeA1(5, 4, 9, 4)).toBe("E6:E10");
  });

  it("always quotes sheet names and doubles quotes inside", () => {
    expect(quoteSheet("小学")).toBe("'小学'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(sheetRef("a'b'c", "E5")).toBe("'a''b''c'!E5");
  });

  it("names each sheet right when references alternate between sheets, the empty name included", () => {
    const sheets = ["小学", "O'Brien", "", "小学", "1,2", "O'Brien", ""];
    expect(sheets.map((s, i) => sheetRef(s, `A${i + 1}`))).toEqual([
      "'小学'!A1",
      "'O''Brien'!A2",
      "''!A3",
      "'小学'!A4",
      "'1,2'!A5",
      "'O''Brien'!A6",
      "''!A7",
    ]);
  });

  it("accepts only plain single-cell addresses from the reader", () => {
    expect(plainA1("E5")).toBe("E5");
    expect(plainA1("$e$5")).toBe("E5");
    expect(plainA1("E5:F6")).toBeNull();
    expect(plainA1("E5+1")).toBeNull();
    expect(plainA1("E0")).toBeNull();
    expect(plainA1(undefined)).toBeNull();
    // The fast path for addresses already plain agrees with the full rule on any text.
    const rule = (a: string) => {
      const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(a.trim().toUpperCase());
      return m ? m[1] + m[2] : null;
    };
    const address = fc.string({
      unit: fc.constantFrom("A", "Z", "a", "$", "0", "1", "9", " ", "@", "[", ":"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(address, (a) => expect(plainA1(a)).toBe(rule(a))),
      { numRuns: 2000 }
    );
  });

  it("writes number literals without exponents", () => {
    expect(numberLiteral(10000)).toBe("10000");
    expect(numberLiteral(1.1)).toBe("1.1");
    expect(numberLiteral(1e-7)).toBe("0.0000001");
    expect(numberLiteral(1e21)).toBe("1000000000000000000000");
    expect(() => numberLiteral(NaN)).toThrow(RangeError);
  });

  it("renames quoted sheet references all at once, leaving other sheets alone", () => {
    const rename = new Map([
      ["学校达标", "差异系数"],
      ["差异系数", "学校达标 (2)"],
    ]);
    expect(renameRefs("'学校达标'!E6+'差异系数'!I4+'小学'!C5+'O''Brien'!C4", rename)).toBe(
      "'差异系数'!E6+'学校达标 (2)'!I4+'小学'!C5+'O''Brien'!C4"
    );
  });
});

describe("fieldTerm", () => {
  const record: SchoolRecord = {
    name: "x",
    kind: "primary",
    stages: { primary: { pupils: 1000 } },
    facilities: { equipmentValue: 2500000, teachingArea: 4000 },
    source: {
      sheet: "小学",
      row: 5,
      cells: {
        "facilities.equipmentValue": "L5",
        "facilities.teachingArea": "I5",
        "pupils.primary": "C5",
      },
      factors: { "facilities.equipmentValue": 10000 },
      textCells: ["facilities.teachingArea"],
    },
  };

  it("references the cell times its unit factor", () => {
    expect(fieldTerm(record, "facilities.equipmentValue")).toEqual({
      expr: "'小学'!L5*10000",
      live: true,
      compound: true,
    });
    expect(fieldTerm(record, "pupils.primary")).toEqual({
      expr: "'小学'!C5",
      live: true,
      compound: false,
    });
  });

  it("writes the record's number where the cell held text or there is no cell", () => {
    expect(fieldTerm(record, "facilities.teachingArea")).toEqual({
      expr: "4000",
      live: false,
      compound: false,
    });
    expect(fieldTerm({ ...record, source: undefined }, "facilities.equipmentValue")).toEqual({
      expr: "2500000",
      live: false,
      compound: false,
    });
    expect(fieldTerm(record, "facilities.books")).toBeNull();
  });
});
