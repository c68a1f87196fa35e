import { filingUnitLine } from "../../src/sheets/units";
import { readSheets } from "../../src/sheets";

describe("filingUnitLine: the bureau a 「填报单位：」 line names", () => {
  it.each([
    [["填报单位:示范区教育局(盖章)单位:人、平方米、万元"], "示范区教育局"],
    [["某县统计表", "填报单位:某县教育局"], "某县教育局"],
    [["填表单位:某县教育体育局填表人:张三"], "某县教育体育局"],
    [["报送单位(盖章):某区教育局"], "某区教育局"],
    [["填报单位:____"], undefined],
    [["填报单位:"], undefined],
    [["单位:人、平方米、万元"], undefined],
    [["某县2024年统计表"], undefined],
  ])("%j → %j", (above, expected) => {
    expect(filingUnitLine(above)).toBe(expected);
  });

  it("is reported on the table the reader read", () => {
    const read = readSheets([
      {
        name: "小学",
        rows: [
          ["某县2024年小学统计表"],
          ["填报单位：某县教育局（盖章）　　单位：人、平方米、万元"],
          ["学校名称", "在校生数", "高于规定学历教师数"],
          ["城关小学", 1000, 40],
          ["河口小学", 500, 20],
        ],
        merges: [],
      },
    ]);
    expect(read.tables[0].filingUnit).toBe("某县教育局");
  });
});
