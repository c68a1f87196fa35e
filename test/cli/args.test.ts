import { parseArgs, UsageError } from "../../src/cli/args";

describe("parseArgs", () => {
  it("takes a workbook and the documented flags", () => {
    expect(
      parseArgs(["县.xlsx", "--out", "o.xlsx", "--json", "r.json", "--standard", "2012"])
    ).toEqual({
      input: "县.xlsx",
      out: "o.xlsx",
      json: "r.json",
      standard: "2012",
      help: false,
    });
  });

  it("audits the bundled sample with the 2017 standard when given nothing", () => {
    expect(parseArgs([])).toEqual({ standard: "2017", help: false });
  });

  it.each([
    [["--bogus"], /不认识的参数「--bogus」/],
    [["a.xlsx", "b.xlsx"], /只能指定一个工作簿/],
    [["a.xlsx", "--out"], /--out 后面缺少取值/],
    [["a.xlsx", "--json", "--out", "x"], /--json 后面缺少取值/],
    [["--standard", "2020"], /未知的评估标准「2020」/],
  ])("rejects %j with a Chinese usage message", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("--set", () => {
  it("takes auditYear and includeHiddenRows, several times", () => {
    expect(
      parseArgs(["县.xlsx", "--set", "auditYear=2023", "--set", "includeHiddenRows=true"]).set
    ).toEqual({ auditYear: 2023, includeHiddenRows: true });
    expect(parseArgs(["--set", "auditYear=latest"]).set).toEqual({ auditYear: null });
  });

  it("refuses an unknown setting or a value of the wrong kind, in Chinese", () => {
    expect(() => parseArgs(["--set", "colour=red"])).toThrow(/没有名为「colour」的设置/);
    expect(() => parseArgs(["--set", "auditYear=去年"])).toThrow(/四位年份/);
    expect(() => parseArgs(["--set", "includeHiddenRows=maybe"])).toThrow(/true 或 false/);
  });
});
