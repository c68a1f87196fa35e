import { DEFAULT_SETTINGS, resolveSettings } from "../../src/engine";
import {
  loadState,
  OVERRIDES_KEY,
  saveState,
  SETTINGS_KEY,
  withOverride,
} from "../../src/taskpane/documentSettings";
import { FakeSettings } from "./fakes";

describe("the saved state in the workbook's settings", () => {
  it("gives the defaults and no overrides in a new workbook", () => {
    expect(loadState(new FakeSettings())).toEqual({ settings: DEFAULT_SETTINGS, overrides: [] });
  });

  it("reads back what was saved", async () => {
    const store = new FakeSettings();
    const state = {
      settings: resolveSettings({
        standard: "2012",
        excludePrivate: true,
        relaxations: { olderRoomAreas: true },
      }),
      overrides: [
        { sheet: "小学", field: "pupils.primary", column: 3 },
        { sheet: "初中", field: "given.junior.L7", column: null },
      ],
    };
    await saveState(store, state);
    expect(store.saves).toBe(1);
    expect(loadState(store)).toEqual(state);
  });

  it("falls back to the default field by field for malformed values", () => {
    const store = new FakeSettings();
    store.set(SETTINGS_KEY, {
      standard: "2099",
      excludePrivate: "yes",
      includeArtsColumn: false,
      specialSchoolFunding: -1,
      relaxations: { cityExtraSportsArea: true, olderLargeSchools: 1 },
    });
    store.set(OVERRIDES_KEY, [
      { sheet: "小学", field: "name", column: 1 },
      { sheet: "小学", field: "pupils", column: -2 },
      { sheet: 3, field: "x", column: 1 },
      "junk",
    ]);
    const state = loadState(store);
    expect(state.settings).toEqual({
      ...DEFAULT_SETTINGS,
      includeArtsColumn: false,
      relaxations: { ...DEFAULT_SETTINGS.relaxations, cityExtraSportsArea: true },
    });
    expect(state.overrides).toEqual([{ sheet: "小学", field: "name", column: 1 }]);
  });

  it("ignores settings that are not objects", () => {
    const store = new FakeSettings();
    store.set(SETTINGS_KEY, "2012");
    store.set(OVERRIDES_KEY, { sheet: "小学" });
    expect(loadState(store)).toEqual({ settings: DEFAULT_SETTINGS, overrides: [] });
  });

  it("rejects with a Chinese message when Office cannot save", async () => {
    const store = new FakeSettings();
    store.fail = "The document is read-only.";
    await expect(saveState(store, { settings: DEFAULT_SETTINGS, overrides: [] })).rejects.toThrow(
      "设置未能保存到工作簿：The document is read-only.。请确认工作簿可编辑后重试。"
    );
  });
});

describe("withOverride", () => {
  it("replaces an earlier choice for the same sheet and field and keeps the others", () => {
    const before = [
      { sheet: "小学", field: "pupils.primary", column: 2 },
      { sheet: "初中", field: "pupils.primary", column: 5 },
    ];
    expect(withOverride(before, { sheet: "小学", field: "pupils.primary", column: null })).toEqual([
      { sheet: "初中", field: "pupils.primary", column: 5 },
      { sheet: "小学", field: "pupils.primary", column: null },
    ]);
  });
});
