/** A county item's figure as the pane shows it, for every kind of rule in the county catalogue. */
import { audit, type CountyItemResult } from "../../src/engine";
import { itemFigure, itemRequirement } from "../../src/taskpane/countyFigures";
import { stringsFor } from "../../src/taskpane/i18n";
import { passingCounty, passingForm } from "../engine/countyFixtures";

const zh = stringsFor("zh-CN").results.figureWords;
const en = stringsFor("en").results.figureWords;

function itemsOf(changes: Parameters<typeof passingForm>[0]): Record<string, CountyItemResult> {
  const county = audit(passingCounty(), {}, { countyForms: [passingForm(changes)] }).counties[0];
  return Object.fromEntries(county.items.map((i) => [i.id, i]));
}

describe("itemFigure", () => {
  const items = itemsOf({
    G1: false,
    "G6-2": 4,
    "G7-1": 599999,
    "G8-1": 109999.6,
    "G14-2": 499,
    "G14-4": false,
    "Q9-1": 2,
    "Q9-2": 0.15,
    "S1-2": 849,
  });

  it("gives 是/否 of an evidence item in the pane's language", () => {
    expect(itemFigure(items.G1, zh)).toBe("否");
    expect(itemFigure(items.G1, en)).toBe("no");
  });

  it("gives a rate as a percent to one decimal, the declaration tables' rounding", () => {
    expect(itemFigure(items.G6, zh)).toBe("80.0%"); // 4 of 5 schools
    expect(itemFigure(items.S1, zh)).toBe("84.9%、—"); // the field-visit pair is blank
    expect(itemFigure(items.S1, en)).toBe("84.9%, —");
  });

  it("gives 元 to at most two decimals: G7 per pupil against its 元 setting, G8's pay", () => {
    expect(items.G7.status).toBe("fail");
    expect(itemFigure(items.G7, zh)).toBe("5,999.99"); // not the 6,000 it fails
    expect(itemFigure(items.G8, zh)).toBe("109,999.6");
    expect(itemFigure(itemsOf({}).G8, zh)).toBe("120,000");
  });

  it("gives each rule of a two-rule item in the rule's order (G14: the share, then the tilt)", () => {
    expect(itemFigure(items.G14, zh)).toBe("49.9%、否");
  });

  it("gives Q9's subjects with their level and rate", () => {
    expect(itemFigure(items.Q9, zh)).toMatch(/^语文 Ⅱ级，差异率0\.15、数学 Ⅳ级，差异率0\.12/);
    expect(itemFigure(items.Q9, en)).toMatch(/^语文 level Ⅱ, gap rate 0\.15, 数学 level Ⅳ/);
  });

  it("gives no figure for an unchecked item, nor for a school-sheet item (its schools are listed)", () => {
    const blank = itemsOf({ "G11-1": null }).G11;
    expect(blank.status).toBe("unchecked");
    expect(itemFigure(blank, zh)).toBeNull();
    expect(itemFigure(items.G3, zh)).toBeNull();
  });
});

describe("itemRequirement", () => {
  it("is the catalogue's 要求, and empty for an unknown id", () => {
    expect(itemRequirement("Q9")).toBe("相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15");
    expect(itemRequirement("X1")).toBe("");
  });
});
