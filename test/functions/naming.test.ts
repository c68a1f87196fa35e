import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { metadataNameProblems, nameProblem } from "../../scripts/function-names";
import { localizeMetadataJson, type Metadata } from "../../scripts/localize-metadata";

/**
 * Office's naming rules for custom functions, checked on the metadata the build generates (the
 * same generator and zh-CN step the webpack plugins run) and on the rule itself.
 */
const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

describe("every JH id and name abides by Office's custom-function naming rules", () => {
  let english: Metadata;
  let chinese: Metadata;

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(SOURCE);
    english = JSON.parse(result.metadataJson);
    chinese = JSON.parse(localizeMetadataJson(result.metadataJson));
  });

  it("in functions.json (ids and English names)", () => {
    expect(english.functions.length).toBe(10);
    expect(metadataNameProblems(english)).toEqual([]);
  });

  it("in functions.zh-cn.json (ids and Chinese names)", () => {
    expect(chinese.functions.length).toBe(10);
    expect(metadataNameProblems(chinese)).toEqual([]);
  });

  it("uses the renamed functions: JH.WEIGHTEDCV 「JH.差异系数」, JH.PERHUNDRED 「JH.每百名」, JH.GAP 「JH.达标差额」", () => {
    const pairs = Object.fromEntries(chinese.functions.map((f) => [f.id, f.name]));
    expect(pairs).toMatchObject({ WEIGHTEDCV: "差异系数", PERHUNDRED: "每百名", GAP: "达标差额" });
    expect(english.functions.map((f) => f.id)).not.toEqual(expect.arrayContaining(["CV"]));
    expect(english.functions.map((f) => f.id)).not.toEqual(expect.arrayContaining(["PER100"]));
  });
});

describe("nameProblem", () => {
  it("accepts readable names, Chinese included", () => {
    for (const name of [
      "GAP",
      "WEIGHTEDCV",
      "COMPOSITECV",
      "CVLIMIT",
      "PERHUNDRED",
      "差异系数",
      "每百名",
      "JH.达标差额",
      "JH.SPLIT_2",
      "ABCD1",
      "RCX",
    ]) {
      expect([name, nameProblem(name)]).toEqual([name, null]);
    }
  });

  it("refuses names shorter than three characters", () => {
    expect(nameProblem("CV")).toMatch(/fewer than 3/);
    expect(nameProblem("差额")).toMatch(/fewer than 3/);
    expect(nameProblem("")).toMatch(/empty/);
    expect(nameProblem(undefined)).toMatch(/empty/);
  });

  it("refuses A1-style cell references, alone or as a dotted part", () => {
    for (const name of ["PER100", "AB12", "A1", "XFD1048576", "JH.PER100", "per100"]) {
      expect([name, nameProblem(name)]).toEqual([
        name,
        expect.stringMatching(/A1 style|fewer than 3/),
      ]);
    }
  });

  it("refuses R1C1-style references", () => {
    for (const name of ["R1C1", "R2C", "RC3", "R12C", "JH.R1C1", "r1c1"]) {
      expect([name, nameProblem(name)]).toEqual([
        name,
        expect.stringMatching(/R1C1 style|A1 style/),
      ]);
    }
    expect(nameProblem("R1C1")).toMatch(/R1C1 style/);
    expect(nameProblem("R2C")).toMatch(/R1C1 style/);
  });

  it("refuses characters outside letters, digits, '.' and '_', and a leading digit or period", () => {
    for (const name of ["1ABC", ".ABC", "_ABC", "A-B-C", "SUM IF", "差异（加权）", "ABC$"]) {
      expect([name, nameProblem(name)]).toEqual([name, expect.stringMatching(/only letters/)]);
    }
  });

  it("names each offending function of a metadata object, id and name apart", () => {
    const problems = metadataNameProblems({
      functions: [
        { id: "CV", name: "差异系数" },
        { id: "GAP", name: "差额" },
        { id: "PERHUNDRED", name: "R1C1" },
        { id: "SPLIT", name: "SPLIT" },
      ],
    });
    expect(problems).toEqual([
      "CV: id CV has fewer than 3 characters",
      "GAP: name 差额 has fewer than 3 characters",
      "PERHUNDRED: name R1C1 reads as a cell reference (R1C1 style)",
    ]);
  });
});
