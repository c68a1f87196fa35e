import { STANDARD_2017, type Shortfall } from "../../src/engine";
import { stringsFor } from "../../src/taskpane/i18n";

const shortfall = (over: Partial<Shortfall>): Shortfall => ({
  indicator: "L7",
  // The engine names the indicator's catalogue measure with it.
  measure: STANDARD_2017.indicators.find((spec) => spec.id === (over.indicator ?? "L7"))!.measure,
  name: "每百名学生拥有网络多媒体教室数",
  value: 2.2,
  required: 2.3,
  floor: 1.955,
  gap: 0.1,
  belowFloor: false,
  addition: 1,
  additionToFloor: 0,
  unit: "rooms",
  additionScope: "school",
  advice: "需全校增加1间网络多媒体教室（全校共用，按折算学生数分摊到本学段后达标）",
  ...over,
});

describe("the advice of a shortfall in the pane's language", () => {
  it("shows the engine's Chinese advice as it is", () => {
    expect(stringsFor("zh-CN").results.advice(shortfall({}))).toBe(shortfall({}).advice);
  });

  it("words it in English from the engine's figures: the whole school for a shared facility, m² to 0.01", () => {
    const en = stringsFor("en-US").results.advice;
    expect(en(shortfall({}))).toBe(
      "The whole school must add 1 networked multimedia classroom (shared by its stages, split by weighted pupils)"
    );
    expect(
      en(
        shortfall({
          indicator: "L4",
          unit: "m2",
          additionScope: "part",
          addition: 54.281,
          belowFloor: true,
          additionToFloor: 3.5,
        })
      )
    ).toBe(
      "Add 54.28 m² of teaching and auxiliary rooms; below 85% of the standard: at least 3.50 m² of teaching and auxiliary rooms to reach 85%"
    );
    expect(
      en(shortfall({ indicator: "L6", unit: "yuan", additionScope: "part", addition: 100000 }))
    ).toBe("Add 100,000 yuan of teaching equipment");
    expect(
      en(shortfall({ indicator: "L2", unit: "teachers", additionScope: "part", addition: 2 }))
    ).toBe("Add 2 county-level backbone teachers");
    expect(en(shortfall({ value: null, addition: null }))).toBe(
      "No L7 figures: it cannot be shown to meet the standard. Fill them in."
    );
  });
});
