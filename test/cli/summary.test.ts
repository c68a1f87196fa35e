import { formatSummary } from "../../src/cli/summary";
import { audit } from "../../src/engine";
import { schoolAt } from "../engine/fixtures";

describe("formatSummary", () => {
  it("gives the verdict per stage, the failing schools with what they need, and where the files went", () => {
    const failing = schoolAt("城南小学", "primary", 1000, 1.2);
    failing.stages.primary!.teachers!.backbone = 5;
    const result = audit([schoolAt("城北小学", "primary", 1000, 1.3), failing, schoolAt("实验中学", "junior", 800, 1.4)]);
    const text = formatSummary(result, { workbook: "/tmp/县.audit.xlsx", json: "/tmp/县.json" });
    expect(text).toContain("小学 2所（部）、2000名学生：未达标");
    expect(text).toContain("初中 1所（部）、800名学生：达标");
    expect(text).toContain("学校达标 1/2");
    expect(text).toContain("城南小学（小学）：L2 需增加5名县级及以上骨干教师");
    expect(text).toContain("结论：未达标");
    expect(text).toContain("审计工作簿：/tmp/县.audit.xlsx");
    expect(text).toContain("审计结果 JSON：/tmp/县.json");
  });

  it("names the CVs over their limits", () => {
    const result = audit([schoolAt("甲", "junior", 1000, 1), schoolAt("乙", "junior", 1000, 4)]);
    expect(formatSummary(result, { workbook: "x" })).toMatch(/差异系数超限：L1 0\.600>0\.45/);
  });

  it("counts each county's failed guarantee checks", () => {
    const result = audit([schoolAt("大校", "primary", 2100, 1.3), schoolAt("小校", "primary", 900, 1.3)]);
    const text = formatSummary(result, { workbook: "x" });
    expect(text).toContain("政府保障项未达标 1 项");
    expect(text).toContain("结论：未达标");
  });
});
