/**
 * A record's compact source cells read as the plain object of A1 addresses they replace: same
 * keys in the same order, same values, through every way the report, the flow and the task pane
 * read them; and they cannot be changed by mistake.
 */
import { pathOrders, SourceCellsBuilder } from "../../src/sheets/source-cells";
import { readSheets } from "../../src/sheets";

function made(row: number, notes: [string, number][], paths = pathOrders()) {
  const builder = new SourceCellsBuilder(paths, row);
  for (const [path, col] of notes) builder.note(path, col);
  return builder.make();
}

describe("compact source cells", () => {
  const plain = { name: "C12", "pupils.junior": "E12", "facilities.equipmentValue": "AB12" };
  const cells = made(12, [
    ["name", 2],
    ["pupils.junior", 4],
    ["facilities.equipmentValue", 27],
  ]);

  it("read as the plain object: keys in order, values, entries, spread, JSON, equality", () => {
    expect(cells.name).toBe("C12");
    expect(cells["facilities.equipmentValue"]).toBe("AB12");
    expect(cells["pupils.primary"]).toBeUndefined();
    expect(cells?.["pupils.junior"]).toBe("E12");
    expect(Object.keys(cells)).toEqual(Object.keys(plain));
    expect(Object.entries(cells)).toEqual(Object.entries(plain));
    expect({ ...cells }).toEqual(plain);
    expect(JSON.stringify(cells)).toBe(JSON.stringify(plain));
    expect(cells).toStrictEqual(plain);
    expect("name" in cells).toBe(true);
    expect("pupils.primary" in cells).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(cells, "name")).toBe(true);
    expect(Object.getPrototypeOf(cells)).toBe(Object.prototype);
    const seen: string[] = [];
    for (const key in cells) seen.push(key);
    expect(seen).toEqual(Object.keys(plain));
  });

  it("are read-only", () => {
    expect(() => {
      (cells as Record<string, string>).name = "Z1";
    }).toThrow(TypeError);
    expect(() => {
      delete (cells as Record<string, string>).name;
    }).toThrow(TypeError);
    expect(cells.name).toBe("C12");
  });

  it("keep a path noted twice at its first place with its last cell, as a plain object does", () => {
    const twice = made(3, [
      ["name", 0],
      ["given.primary.L4", 5],
      ["given.primary.L4", 6],
    ]);
    expect(twice).toStrictEqual({ name: "A3", "given.primary.L4": "G3" });
  });

  it("share the path order between records noted alike, and keep each record's own cells", () => {
    const paths = pathOrders();
    const a = made(
      5,
      [
        ["name", 1],
        ["pupils.primary", 3],
      ],
      paths
    );
    const b = made(
      6,
      [
        ["name", 1],
        ["pupils.primary", 2],
      ],
      paths
    );
    const c = made(7, [["name", 1]], paths);
    expect([a, b, c]).toEqual([
      { name: "B5", "pupils.primary": "D5" },
      { name: "B6", "pupils.primary": "C6" },
      { name: "B7" },
    ]);
  });

  it("give the worksheet addresses of a grid that does not start at A1", () => {
    const { records } = readSheets([
      {
        name: "小学",
        origin: { row: 4, col: 2 },
        merges: [],
        rows: [
          ["学校名称", "学段", "在校生数"],
          ["实验小学", "小学", 800],
        ],
      },
    ]);
    expect(records[0].source?.cells).toStrictEqual({ name: "C6", "pupils.primary": "E6" });
  });
});
