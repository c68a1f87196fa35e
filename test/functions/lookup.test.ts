import {
  findIndicator,
  indicatorChoices,
  normalizeName,
  parseStage,
  parseStandard,
} from "../../src/engine/lookup";
import { STANDARD_2012, STANDARD_2017, STANDARDS } from "../../src/engine/standards";

describe("findIndicator: ids, names, short names and aliases", () => {
  it("finds every 2017 indicator by id, in either case and in full-width letters", () => {
    for (const spec of STANDARD_2017.indicators) {
      expect(findIndicator(STANDARD_2017, spec.id)?.id).toBe(spec.id);
      expect(findIndicator(STANDARD_2017, spec.id.toLowerCase())?.id).toBe(spec.id);
    }
    expect(findIndicator(STANDARD_2017, "Ｌ３")?.id).toBe("L3");
    expect(findIndicator(STANDARD_2017, " 「L4」 ")?.id).toBe("L4");
  });

  it("finds the names users type: 「教学用房」 is L4, 「体艺教师」 L3, the official L7 name L7", () => {
    expect(findIndicator(STANDARD_2017, "教学用房")?.id).toBe("L4");
    expect(findIndicator(STANDARD_2017, "体艺教师")?.id).toBe("L3");
    expect(findIndicator(STANDARD_2017, "每百名学生拥有网络多媒体教室数")?.id).toBe("L7");
    expect(findIndicator(STANDARD_2017, "仪器设备值")?.id).toBe("L6");
    expect(findIndicator(STANDARD_2017, "体育、艺术专任教师")?.id).toBe("L3");
  });

  it("resolves every name and alias of every standard to its own indicator (no name is shared)", () => {
    for (const standard of Object.values(STANDARDS)) {
      for (const spec of standard.indicators) {
        for (const name of [spec.name, spec.shortName, ...spec.aliases]) {
          expect([name, findIndicator(standard, name)?.id]).toEqual([name, spec.id]);
        }
      }
    }
  });

  it("keeps the standards apart: B5 is 2012 only, L1 is 2017 only", () => {
    expect(findIndicator(STANDARD_2012, "B5")?.shortName).toBe("图书");
    expect(findIndicator(STANDARD_2017, "B5")).toBeUndefined();
    expect(findIndicator(STANDARD_2012, "L1")).toBeUndefined();
  });

  it("finds nothing for empty or unknown text", () => {
    expect(findIndicator(STANDARD_2017, "")).toBeUndefined();
    expect(findIndicator(STANDARD_2017, "  ")).toBeUndefined();
    expect(findIndicator(STANDARD_2017, "L8")).toBeUndefined();
    expect(findIndicator(STANDARD_2017, "食堂")).toBeUndefined();
  });
});

describe("parseStage and parseStandard", () => {
  it("reads 小学/初中, their parts and English", () => {
    expect(parseStage("小学")).toBe("primary");
    expect(parseStage("小学部")).toBe("primary");
    expect(parseStage("Primary")).toBe("primary");
    expect(parseStage("初中")).toBe("junior");
    expect(parseStage("初级中学")).toBe("junior");
    expect(parseStage(" junior ")).toBe("junior");
    expect(parseStage("高中")).toBeUndefined();
    expect(parseStage("")).toBeUndefined();
  });

  it("reads standards by id (text or number) and by name", () => {
    expect(parseStandard(2017)?.id).toBe("2017");
    expect(parseStandard("2012")?.id).toBe("2012");
    expect(parseStandard("优质均衡")?.id).toBe("2017");
    expect(parseStandard("基本均衡")?.id).toBe("2012");
    expect(parseStandard("２０１７")?.id).toBe("2017");
    expect(parseStandard("2019")).toBeUndefined();
    expect(parseStandard("toString")).toBeUndefined();
  });

  it("lists the choices for messages", () => {
    expect(indicatorChoices(STANDARD_2017)).toContain("L4（教学用房）");
    expect(normalizeName(" 「Ｌ３」 ")).toBe("l3");
  });
});
