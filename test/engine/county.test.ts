import {
  audit,
  COUNTY_INPUTS,
  COUNTY_ITEMS,
  ruleInputs,
  type CountyItemResult,
  type CountyResult,
} from "../../src/engine";
import { formOf, passingCounty, passingForm } from "./countyFixtures";

type Change = Parameters<typeof passingForm>[0];

function county(changes: Change = {}, settings = {}): CountyResult {
  return audit(passingCounty(), settings, { countyForms: [passingForm(changes)] }).counties[0];
}

function item(changes: Change, id: string, settings = {}): CountyItemResult {
  return county(changes, settings).items.find((i) => i.id === id)!;
}

describe("a county that meets every item", () => {
  it("is 达标 with every dimension passed and every veto row 否", () => {
    const result = audit(passingCounty(), {}, { countyForms: [passingForm()] });
    const c = result.counties[0];
    expect(c.items.filter((i) => i.status !== "pass").map((i) => [i.id, i.notes])).toEqual([]);
    expect(c.dimensions).toEqual({
      resource: { status: "pass", checked: 2, passed: 2, failed: 0, unchecked: 0 },
      guarantee: { status: "pass", checked: 15, passed: 15, failed: 0, unchecked: 0 },
      quality: { status: "pass", checked: 9, passed: 9, failed: 0, unchecked: 0 },
      recognition: { status: "pass", checked: 1, passed: 1, failed: 0, unchecked: 0 },
    });
    expect(c.veto.map((v) => [v.id, v.triggered])).toEqual(
      ["V1", "V2", "V3", "V4", "V5", "V6"].map((id) => [id, false])
    );
    expect(c.missing).toEqual([]);
    expect(c.verdict).toBe("pass");
    expect(result.verdict).toBe("pass");
    expect(c.pass).toBe(true);
  });

  it("reports unrounded values: a rate as a fraction, two-rate items as a list in the rule's order", () => {
    const c = county();
    const g11 = c.items.find((i) => i.id === "G11")!;
    expect(g11.value).toEqual([173 / 1704, 78 / 173]);
    expect(g11.required).toEqual([0.1, 0.2]);
    expect(g11.source).toBe("form");
    expect(c.items.find((i) => i.id === "G15")!.value).toEqual([7736 / 8049, true]);
    expect(c.items.find((i) => i.id === "G7")!.value).toBe(6000);
    expect(c.items.find((i) => i.id === "G4")!.source).toBe("schools");
  });
});

describe("boundaries of every item rule (exactly at the line passes, just under fails)", () => {
  const cases: [string, string, Change, Change][] = [
    ["G6 all of them", "G6", { "G6-1": 5, "G6-2": 5 }, { "G6-1": 5, "G6-2": 4 }],
    ["G7 per pupil ≥ 6000", "G7", { "G7-1": 600000, "G7-2": 100 }, { "G7-1": 599999, "G7-2": 100 }],
    [
      "G8 pay ≥ civil servants'",
      "G8",
      { "G8-1": 110000, "G8-2": 110000 },
      { "G8-1": 109999, "G8-2": 110000 },
    ],
    ["G9 100%", "G9", { "G9-1": 300, "G9-2": 300 }, { "G9-1": 300, "G9-2": 299 }],
    [
      "G11 rotation ≥ 10%",
      "G11",
      { "G11-1": 1000, "G11-2": 100, "G11-3": 20 },
      { "G11-1": 1000, "G11-2": 99, "G11-3": 20 },
    ],
    [
      "G11 backbone ≥ 20%",
      "G11",
      { "G11-1": 1000, "G11-2": 100, "G11-3": 20 },
      { "G11-1": 1000, "G11-2": 100, "G11-3": 19 },
    ],
    ["G12 100%", "G12", { "G12-1": 3224, "G12-2": 3224 }, { "G12-1": 3224, "G12-2": 3223 }],
    ["G13 小学 100%", "G13", { "G13-1": 500, "G13-2": 500 }, { "G13-1": 500, "G13-2": 499 }],
    ["G13 初中 ≥ 95%", "G13", { "G13-3": 100, "G13-4": 95 }, { "G13-3": 100, "G13-4": 94 }],
    ["G14 share ≥ 50%", "G14", { "G14-1": 1000, "G14-2": 500 }, { "G14-1": 1000, "G14-2": 499 }],
    [
      "G15 migrant ≥ 85%",
      "G15",
      { "G15-1": 100, "G15-2": 80, "G15-3": 5 },
      { "G15-1": 100, "G15-2": 80, "G15-3": 4 },
    ],
    [
      "Q1 retention ≥ 95%",
      "Q1",
      { "Q1-1": 102, "Q1-2": 2, "Q1-3": 100, "Q1-4": 10, "Q1-5": 5 },
      { "Q1-1": 102, "Q1-2": 2, "Q1-3": 99, "Q1-4": 10, "Q1-5": 5 },
    ],
    ["Q2 ≥ 95%", "Q2", { "Q2-1": 100, "Q2-2": 95 }, { "Q2-1": 100, "Q2-2": 94 }],
    ["Q4 all of them", "Q4", { "Q4-1": 30, "Q4-2": 30 }, { "Q4-1": 30, "Q4-2": 29 }],
    ["Q9 level ≥ Ⅲ", "Q9", { "Q9-1": 3 }, { "Q9-1": 2 }],
    ["Q9 rate strictly < 0.15", "Q9", { "Q9-2": 0.1499 }, { "Q9-2": 0.15 }],
    ["S1 questionnaire ≥ 85%", "S1", { "S1-1": 1000, "S1-2": 850 }, { "S1-1": 1000, "S1-2": 849 }],
    [
      "S1 field visits ≥ 85% when given",
      "S1",
      { "S1-3": 20, "S1-4": 17 },
      { "S1-3": 20, "S1-4": 16 },
    ],
  ];
  it.each(cases)("%s", (_name, id, atLine, under) => {
    expect(item(atLine, id).status).toBe("pass");
    expect(item(under, id).status).toBe("fail");
  });

  it("95 of 100 is 95% and meets 95% (floating point does not flip it)", () => {
    expect(item({ "Q2-1": 100, "Q2-2": 95 }, "Q2").value).toBe(0.95);
    expect(item({ "G13-3": 60, "G13-4": 57 }, "G13").status).toBe("pass");
  });

  it("Q9 at 0.15 written with float noise still fails (strict <)", () => {
    expect(item({ "Q9-2": 0.1 + 0.05 }, "Q9").status).toBe("fail");
  });

  it("G7 follows the setting specialSchoolFunding (8000 in some provinces)", () => {
    expect(item({ "G7-1": 700000, "G7-2": 100 }, "G7").status).toBe("pass");
    const strict = item({ "G7-1": 700000, "G7-2": 100 }, "G7", { specialSchoolFunding: 8000 });
    expect(strict.status).toBe("fail");
    expect(strict.required).toBe(8000);
  });

  it.each(["G1", "G2", "G10", "Q3", "Q5", "Q6", "Q7", "Q8"])(
    "evidence item %s: 是 passes, 否 fails",
    (id) => {
      expect(item({ [id]: true }, id).status).toBe("pass");
      expect(item({ [id]: false }, id).status).toBe("fail");
    }
  );

  it("G14 and G15 need their 是 rows too", () => {
    expect(item({ "G14-4": false }, "G14").status).toBe("fail");
    expect(item({ "G15-4": false }, "G15").status).toBe("fail");
  });

  it("an item without a subject's level and rate at all is unchecked; subjects left blank were not monitored", () => {
    const blanks = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Q9-${i + 1}`, null]));
    expect(item(blanks, "Q9").status).toBe("unchecked");
    const onlyMaths = { ...blanks, "Q9-3": 3, "Q9-4": 0.1 };
    const q9 = item(onlyMaths, "Q9");
    expect(q9.status).toBe("pass");
    expect(q9.value).toEqual([{ subject: "数学", level: 3, rate: 0.1 }]);
    expect(item({ ...onlyMaths, "Q9-4": null }, "Q9")).toMatchObject({
      status: "unchecked",
      missing: ["Q9-4"],
    });
  });
});

describe("rates entered as such (填报比例)", () => {
  it("takes a percent in the numerator row when the denominator is blank", () => {
    const g15 = item({ "G15-1": null, "G15-2": { percent: 0.961 }, "G15-3": null }, "G15");
    expect(g15.status).toBe("pass");
    expect(g15.source).toBe("form-rate");
    expect(g15.value).toEqual([0.961, true]);
    expect(item({ "Q2-1": null, "Q2-2": { percent: 0.95 } }, "Q2").status).toBe("pass");
    expect(item({ "Q2-1": null, "Q2-2": { percent: 0.949 } }, "Q2").status).toBe("fail");
  });

  it("takes G11's two rates as entered", () => {
    const g11 = item(
      { "G11-1": null, "G11-2": { percent: 0.1015 }, "G11-3": { percent: 0.4509 } },
      "G11"
    );
    expect(g11).toMatchObject({ status: "pass", value: [0.1015, 0.4509], source: "form-rate" });
  });

  it("a percent whose denominator is also filled is not guessed: unchecked with a note", () => {
    const q2 = item({ "Q2-1": 100, "Q2-2": { percent: 0.96 } }, "Q2");
    expect(q2.status).toBe("unchecked");
    expect(q2.notes.join()).toContain("Q2-1");
  });

  it("a percent in a count row that takes no rate is unchecked", () => {
    expect(item({ "G11-1": { percent: 0.5 } }, "G11").status).toBe("unchecked");
  });
});

describe("unchecked items are never a pass", () => {
  it("a blank row leaves its item unchecked, its dimension unchecked and the county incomplete, listing the code", () => {
    const c = county({ "G11-3": null });
    expect(c.items.find((i) => i.id === "G11")).toMatchObject({
      status: "unchecked",
      missing: ["G11-3"],
    });
    expect(c.dimensions.guarantee).toEqual({
      status: "unchecked",
      checked: 14,
      passed: 14,
      failed: 0,
      unchecked: 1,
    });
    expect(c.verdict).toBe("incomplete");
    expect(c.missing).toEqual(["G11-3"]);
  });

  it("a row the reader rejected leaves its item unchecked with the reason", () => {
    const g12 = item({ "G12-2": { invalid: "分项大于合计" } }, "G12");
    expect(g12.status).toBe("unchecked");
    expect(g12.notes.join()).toContain("分项大于合计");
  });

  it("a zero denominator cannot be computed", () => {
    expect(item({ "Q2-1": 0, "Q2-2": 0 }, "Q2").status).toBe("unchecked");
  });

  it("without a form every county item is unchecked and every input code is missing; the verdict is 未完成", () => {
    const result = audit(passingCounty());
    const c = result.counties[0];
    expect(c.pass).toBe(true); // resource allocation and G3–G5 as before
    expect(c.verdict).toBe("incomplete");
    expect(result.verdict).toBe("incomplete");
    expect(c.dimensions.resource.status).toBe("pass");
    expect(c.dimensions.guarantee).toEqual({
      status: "unchecked",
      checked: 3,
      passed: 3,
      failed: 0,
      unchecked: 12,
    });
    expect(c.dimensions.quality.status).toBe("unchecked");
    expect(c.dimensions.recognition.status).toBe("unchecked");
    const expected = COUNTY_INPUTS.filter(
      (i) =>
        !i.optional &&
        !["G2-1", "G2-2", "G14-3", "S1-3", "S1-4"].includes(i.code) &&
        !/^S1-([5-9]|10)$/.test(i.code) && // 表Ⅵ's 问卷总数 and 家长 rows: shown, not judged
        !/^Q9-(1[3-8])$/.test(i.code)
    ).map((i) => i.code);
    expect([...c.missing].sort()).toEqual([...expected].sort());
    expect(c.items.find((i) => i.id === "G1")!.notes[0]).toContain("请插入县域指标表");
  });

  it("lists what is missing in the form's order, and asks for each code once", () => {
    const c = audit(passingCounty()).counties[0];
    const formOrder = COUNTY_INPUTS.map((i) => i.code);
    const position = (code: string) => formOrder.indexOf(code);
    const items = c.missing.filter((code) => !code.startsWith("V"));
    expect(items).toEqual([...items].sort((a, b) => position(a) - position(b)));
    const g11 = c.items.find((i) => i.id === "G11")!;
    expect(g11.missing).toEqual(["G11-1", "G11-2", "G11-3"]);
    // G11-2 is the first rate's part and the second's whole: one note asks for it.
    expect(g11.notes.filter((n) => n.includes("G11-2"))).toHaveLength(1);
    expect(g11.notes).toHaveLength(3);
  });

  it("a missing school column leaves G3 and G5 unchecked with the columns to add", () => {
    const records = passingCounty();
    for (const r of records) {
      delete r.facilities!.musicRooms;
      delete r.facilities!.artRooms;
      for (const s of Object.values(r.stages)) delete s!.largestClass;
    }
    const c = audit(records, {}, { countyForms: [passingForm()] }).counties[0];
    expect(c.items.find((i) => i.id === "G3")).toMatchObject({ status: "unchecked" });
    expect(c.items.find((i) => i.id === "G3")!.notes.join()).toContain("音乐、美术专用教室");
    expect(c.items.find((i) => i.id === "G5")!.status).toBe("unchecked");
    expect(c.verdict).toBe("incomplete");
  });
});

describe("fail dominates, and the veto", () => {
  it("a failed item makes the county 未达标 whatever else is missing", () => {
    const c = audit(passingCounty(), {}, { countyForms: [formOf({ "G8-1": 1, "G8-2": 2 })] })
      .counties[0];
    expect(c.dimensions.guarantee.status).toBe("fail");
    expect(c.dimensions.quality.status).toBe("unchecked");
    expect(c.verdict).toBe("fail");
  });

  it("a failed resource dimension fails the county", () => {
    const records = passingCounty();
    records[0].stages.primary!.pupils = 100000; // far too many pupils: every indicator drops
    const c = audit(records, {}, { countyForms: [passingForm()] }).counties[0];
    expect(c.dimensions.resource.status).toBe("fail");
    expect(c.verdict).toBe("fail");
  });

  it.each(["V1", "V2", "V3", "V4", "V5", "V6"])(
    "是 on %s triggers the veto and fails the county",
    (code) => {
      const c = county({ [code]: true });
      expect(c.veto.find((v) => v.id === code)!.triggered).toBe(true);
      expect(c.dimensions.guarantee.status).toBe("pass");
      expect(c.verdict).toBe("fail");
    }
  );

  it("a blank veto row is null, missing, and leaves the county 未完成", () => {
    const c = county({ V3: null });
    expect(c.veto.find((v) => v.id === "V3")!.triggered).toBeNull();
    expect(c.missing).toEqual(["V3"]);
    expect(c.verdict).toBe("incomplete");
  });

  it("a province's veto addition is read only when the setting lists it", () => {
    expect(county({ V7: true }).veto.map((v) => v.id)).not.toContain("V7");
    expect(county({ V7: true }).verdict).toBe("pass");
    expect(county({ V7: true }, { extraVetoItems: ["V7"] }).verdict).toBe("fail");
    expect(county({}, { extraVetoItems: ["V7"] })).toMatchObject({
      verdict: "incomplete",
      missing: ["V7"],
    });
  });

  it("social recognition below 85% fails the county", () => {
    expect(county({ "S1-1": 1000, "S1-2": 800 }).verdict).toBe("fail");
  });
});

describe("several counties", () => {
  it("each county gets its own verdict from its own form", () => {
    const records = [...passingCounty("甲县"), ...passingCounty("乙县")];
    const result = audit(
      records,
      {},
      { countyForms: [passingForm({}, "甲县"), passingForm({ "G11-3": null }, "乙县")] }
    );
    const byName = Object.fromEntries(result.counties.map((c) => [c.name, c]));
    expect(byName["甲县"].verdict).toBe("pass");
    expect(byName["乙县"].verdict).toBe("incomplete");
    expect(byName["乙县"].missing).toEqual(["G11-3"]);
    expect(result.verdict).toBe("incomplete");
    const failing = audit(
      records,
      {},
      { countyForms: [passingForm({ V1: true }, "甲县"), passingForm({}, "乙县")] }
    );
    expect(failing.counties.map((c) => c.verdict)).toEqual(["fail", "pass"]);
    expect(failing.verdict).toBe("fail");
  });

  it("a form naming a county without schools is reported and not used", () => {
    const result = audit(
      passingCounty("甲县"),
      {},
      { countyForms: [passingForm({}, "甲县"), passingForm({}, "丙县")] }
    );
    expect(result.diagnostics.map((d) => d.code)).toContain("engine.county-form-unmatched");
  });
});

describe("the catalogue", () => {
  it("every input code is unique and every rule reads only catalogue codes", () => {
    const codes = COUNTY_INPUTS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const it of COUNTY_ITEMS) for (const c of ruleInputs(it.rule)) expect(codes).toContain(c);
    expect(COUNTY_ITEMS.map((i) => i.id)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `G${i + 1}`),
      ...Array.from({ length: 9 }, (_, i) => `Q${i + 1}`),
      "S1",
    ]);
  });

  it("under the 2012 standard the verdict is resource allocation alone", () => {
    const result = audit(passingCounty(), { standard: "2012" });
    expect(result.counties[0].items).toEqual([]);
    expect(result.verdict).toBe(result.pass ? "pass" : "fail");
  });
});
