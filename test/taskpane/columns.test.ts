import { columnChoices } from "../../src/taskpane/columns";

describe("columnChoices", () => {
  it("joins a two-row header band, reading merged group cells into every column they cover", () => {
    const grid = {
      name: "小学",
      rows: [
        ["学校名称", "教师情况", null, "学生"],
        [null, "骨干教师", "体育 教师", "在校生数"],
        ["城东小学", 12, 3, 1000],
      ],
      merges: [
        { top: 0, left: 1, bottom: 0, right: 2 },
        { top: 0, left: 0, bottom: 1, right: 0 },
      ],
    };
    expect(columnChoices(grid, [1, 2])).toEqual([
      { column: 0, letter: "A", header: "学校名称" },
      { column: 1, letter: "B", header: "教师情况 / 骨干教师" },
      { column: 2, letter: "C", header: "教师情况 / 体育 教师" },
      { column: 3, letter: "D", header: "学生 / 在校生数" },
    ]);
  });

  it("uses the grid's origin for the letters and the worksheet rows", () => {
    const grid = {
      name: "s",
      rows: [
        ["序号", "学校"],
        [1, "甲"],
      ],
      merges: [],
      origin: { row: 3, col: 25 },
    };
    expect(columnChoices(grid, [4, 4])).toEqual([
      { column: 0, letter: "Z", header: "序号" },
      { column: 1, letter: "AA", header: "学校" },
    ]);
  });

  it("offers every column of ragged rows, with empty headers for error and blank cells", () => {
    const grid = { name: "s", rows: [[{ error: "#REF!" }], [1, 2, 3]], merges: [] };
    expect(columnChoices(grid, [1, 1]).map((c) => [c.letter, c.header])).toEqual([
      ["A", ""],
      ["B", ""],
      ["C", ""],
    ]);
  });
});
