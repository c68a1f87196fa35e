import { formatSummary } from "../../src/cli/summary";
import { audit, markUnreadStages } from "../../src/engine";
import { schoolAt } from "../engine/fixtures";

describe("formatSummary", () => {
  it("gives the verdict per stage, the failing schools with what they need, and where the files went", () => {
    const failing = schoolAt("城南小学", "primary", 1000, 1.2);
    failing.stages.primary!.teachers!.backbone = 5;
    const result = audit([
      schoolAt("城北小学", "primary", 1000, 1.3),
      failing,
      schoolAt("实验中学", "junior", 800, 1.4),
    ]);
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
    const result = audit([
      schoolAt("大校", "primary", 2100, 1.3),
      schoolAt("小校", "primary", 900, 1.3),
    ]);
    const text = formatSummary(result, { workbook: "x" });
    expect(text).toContain("政府保障项未达标 1 项");
    expect(text).toContain("结论：未达标");
  });
});

describe("formatSummary: every line a sentence (issue #18, item 12)", () => {
  it("says a CV cannot be computed, and why, instead of 「L1 —>0.50」", () => {
    const a = schoolAt("甲小学", "primary", 1000, 1.2);
    const b = schoolAt("乙小学", "primary", 1000, 1.2);
    delete a.stages.primary!.teachers!.aboveDegree;
    delete b.stages.primary!.teachers!.aboveDegree;
    const text = formatSummary(audit([a, b]), { workbook: "x" });
    expect(text).not.toContain("—>");
    expect(text).toContain("无法计算差异系数：L1（没有可计算的学校）");
  });

  it("under 2012 names the composite CV once, and says when it cannot be computed", () => {
    const a = schoolAt("甲小学", "primary", 1000, 1.2);
    const text = formatSummary(audit([a], { standard: "2012" }), { workbook: "x" });
    expect(text.match(/综合差异系数/g)).toHaveLength(1);
    expect(text).not.toContain("综合差异系数 —");
  });

  it("ends advice with one full stop, never 「。；」, and every line but the file paths with 。", () => {
    const failing = schoolAt("城南小学", "primary", 1000, 1.2);
    failing.stages.primary!.teachers!.backbone = 5;
    delete failing.facilities!.multimediaRooms;
    const text = formatSummary(audit([schoolAt("城北小学", "primary", 1000, 1.3), failing]), {
      workbook: "x",
    });
    expect(text).not.toMatch(/。；|。。/);
    const lines = text
      .split("\n")
      .filter((l) => !/^(审计工作簿|审计结果 JSON|均衡督导助手)/.test(l));
    for (const line of lines) expect(line).toMatch(/[。：]$/);
  });
});

describe("formatSummary: a stage named but not read (issue #18, item 5)", () => {
  it("says 「未读到学校」 for the stage and 未完成 for the county, never 达标", () => {
    const result = markUnreadStages(audit([schoolAt("城北小学", "primary", 1000, 1.3)]), [
      "junior",
    ]);
    const text = formatSummary(result, { workbook: "x" });
    expect(text).toContain("初中：未读到学校");
    expect(text).toContain("结论：未完成（初中未读到学校）。");
    expect(text).not.toContain("结论：达标");
  });
});
