import {
  checkSettingValue,
  DEFAULT_SETTINGS,
  describeSetting,
  findSetting,
  SETTINGS,
  settingInForce,
  settingsFromObject,
  settingsInForce,
  settingValue,
  STANDARD_2012,
  STANDARD_2017,
  withSetting,
} from "../../src/engine";

describe("the settings catalogue", () => {
  it("builds the engine's defaults: every setting at its default, each at its own path", () => {
    for (const def of SETTINGS) expect(settingValue(DEFAULT_SETTINGS, def)).toEqual(def.default);
    const leaves = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null && !Array.isArray(v)
          ? leaves(v, `${prefix}${k}.`)
          : [`${prefix}${k}`]
      );
    expect(leaves(DEFAULT_SETTINGS).sort()).toEqual(SETTINGS.map((d) => d.path.join(".")).sort());
  });

  it("has one entry per id, each with Chinese and English labels and help", () => {
    expect(new Set(SETTINGS.map((d) => d.id)).size).toBe(SETTINGS.length);
    for (const def of SETTINGS) {
      expect(def.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(def.label.en).toMatch(/^[\x20-\x7e“”–²]+$/);
      expect(def.help.zh).not.toBe("");
      expect(def.help.en).not.toBe("");
    }
  });

  it("replaces one value without touching the settings it was given", () => {
    const def = findSetting("cityExtraSportsArea")!;
    const changed = withSetting(DEFAULT_SETTINGS, def, true);
    expect(changed.relaxations.cityExtraSportsArea).toBe(true);
    expect(DEFAULT_SETTINGS.relaxations.cityExtraSportsArea).toBe(false);
    expect(changed.relaxations.olderRoomAreas).toBe(false);
  });

  it.each([
    ["cityExtraSportsArea", "true", true],
    ["cityExtraSportsArea", "是", true],
    ["cityExtraSportsArea", "0", false],
    ["standard", "2012", "2012"],
    ["specialSchoolFunding", "8000", 8000],
    ["specialSchoolFunding", "0.01", 0.01],
  ])("reads --set %s=%s", (id, text, value) => {
    expect(checkSettingValue(findSetting(id)!, text)).toEqual({ ok: true, value });
  });

  it.each([
    ["cityExtraSportsArea", "maybe", /cityExtraSportsArea.*「maybe」无效：应为true 或 false/],
    ["standard", "2020", /standard.*「2020」无效：应为2017 或 2012|standard.*应为2012 或 2017/],
    ["specialSchoolFunding", "0", /specialSchoolFunding.*大于0的数/],
    ["specialSchoolFunding", "很多", /specialSchoolFunding/],
  ])("refuses %s=%s naming the setting and what it accepts", (id, text, message) => {
    const checked = checkSettingValue(findSetting(id)!, text);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toMatch(message);
  });

  it("takes typed values only from a settings file, and reports unknown ids", () => {
    const read = settingsFromObject(DEFAULT_SETTINGS, {
      specialSchoolFunding: 8000,
      excludePrivate: "yes",
      noSuch: 1,
      relaxations: { olderRoomAreas: true },
    });
    expect(read.settings.specialSchoolFunding).toBe(8000);
    expect(read.settings.excludePrivate).toBe(false);
    expect(read.settings.relaxations.olderRoomAreas).toBe(true);
    expect(read.problems).toHaveLength(2);
    expect(read.problems.join("")).toMatch(/excludePrivate/);
    expect(read.problems.join("")).toMatch(/没有名为「noSuch」的设置/);
  });

  it("lists a setting as in force only where the standard has a rule it changes", () => {
    const names = (standard = STANDARD_2017) =>
      SETTINGS.filter((d) => settingInForce(d, standard)).map((d) => d.id);
    // No county item G7 yet: the funding floor changes nothing and is not listed.
    expect(names()).not.toContain("specialSchoolFunding");
    expect(
      settingInForce(findSetting("specialSchoolFunding")!, STANDARD_2017, new Set(["G7"]))
    ).toBe(true);
    // 2012 has no L3 and no school checks, but has 生均体育运动场馆面积.
    expect(names(STANDARD_2012)).toEqual([
      "standard",
      "excludePrivate",
      "subtractIndoorSports",
      "cityExtraSportsArea",
      "auditYear",
      "includeHiddenRows",
    ]);
  });

  it("states each value for the summary, with the relaxed figures from the standard's data", () => {
    const lines = Object.fromEntries(
      settingsInForce(
        withSetting(DEFAULT_SETTINGS, findSetting("olderRoomAreas")!, true),
        STANDARD_2017
      )
    );
    expect(lines["评估标准"]).toBe("优质均衡（2017）（教督〔2017〕6号）");
    expect(lines["较早建成的音乐、美术教室按放宽面积"]).toBe(
      `采用（音乐 ${STANDARD_2017.guarantees!.roomsRelaxed.musicRoomArea}、美术 ${STANDARD_2017.guarantees!.roomsRelaxed.artRoomArea} 平方米）`
    );
    expect(describeSetting(findSetting("specialSchoolFunding")!, 8000, STANDARD_2017, "en")).toBe(
      "8000 yuan"
    );
  });
});

describe("the audit year setting", () => {
  const year = findSetting("auditYear")!;
  it.each([
    ["2023", 2023],
    ["latest", null],
    ["最近", null],
    ["1900", 1900],
    ["2100", 2100],
  ])("reads %s", (text, value) =>
    expect(checkSettingValue(year, text)).toEqual({ ok: true, value })
  );
  it.each(["1899", "2101", "2023.5", "去年"])("refuses %s", (text) =>
    expect(checkSettingValue(year, text).ok).toBe(false)
  );
  it("states the latest year in words", () =>
    expect(describeSetting(year, null, STANDARD_2017)).toBe("最近一年"));
});
