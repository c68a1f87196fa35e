/**
 * The WPS ribbon's callbacks over a fake ET workbook: 一键审计 runs the shared audit with the
 * saved choices and reports in a message box, 打开任务窗格 creates the pane once and shows it
 * again, 插入县域指标表 adds a table the reader recognises; the generated ribbon.xml names only
 * callbacks that exist.
 */
import { parseStringPromise } from "xml2js";
import { readSheets } from "../../src/sheets";
import { readWorkbookGrids } from "../../src/hosts/wps";
import { ribbonCallbacks, RIBBON, type RibbonDeps } from "../../src/wps/ribbon";
import {
  insertCountyTable,
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER_ROW,
  TEMPLATE_SHEET,
} from "../../src/wps/template";
import { localSettingsStore } from "../../src/wps/settingsStore";
import { loadState, saveState, SETTINGS_KEY } from "../../src/taskpane/documentSettings";
import { ribbonXml } from "../../scripts/wps-addin";
import { smallCountyGrids } from "../support/smallCountyWorkbook";
import { fakeEt } from "../hosts/wps/fakeEt";
import type { EtApplication, EtTaskPane } from "../../src/hosts/wps/et";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

function withPanes(app: EtApplication) {
  const panes: (EtTaskPane & { url: string })[] = [];
  const plugin = new Map<string, unknown>();
  Object.assign(app, {
    PluginStorage: {
      getItem: (k: string) => plugin.get(k),
      setItem: (k: string, v: unknown) => plugin.set(k, v),
    },
    CreateTaskPane: (url: string) => {
      const pane = { ID: panes.length + 1, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
  });
  return panes;
}

function setup(grids = smallCountyGrids()) {
  const fake = fakeEt(grids);
  const panes = withPanes(fake.app);
  const alerts: string[] = [];
  const storage = memoryStorage();
  const deps: RibbonDeps = {
    app: () => fake.app,
    paneUrl: () => "http://127.0.0.1/junheng/taskpane.html",
    storage,
    alert: (m) => alerts.push(m),
    now: () => new Date(Date.UTC(2024, 8, 1)),
  };
  return { fake, panes, alerts, storage, deps, callbacks: ribbonCallbacks(deps) };
}

describe("ribbon.xml and its callbacks", () => {
  it("is well-formed, has the 均衡督导 tab with the three buttons, and names only defined callbacks", async () => {
    const xml = await parseStringPromise(ribbonXml());
    const tab = xml.customUI.ribbon[0].tabs[0].tab[0];
    expect(tab.$.label).toBe("均衡督导");
    const buttons = tab.group[0].button.map((b: { $: Record<string, string> }) => b.$);
    expect(buttons.map((b: { label: string }) => b.label)).toEqual([
      "一键审计",
      "打开任务窗格",
      "插入县域指标表",
    ]);
    const names = new Set([
      xml.customUI.$.onLoad,
      ...buttons.flatMap((b: Record<string, string>) => [b.onAction, b.getImage]),
    ]);
    const callbacks = setup().callbacks;
    for (const name of names) expect(typeof callbacks[name]).toBe("function");
  });

  it("gives each button its image and keeps the ribbon object WPS passes on load", () => {
    const { callbacks, fake } = setup();
    expect(callbacks[RIBBON.onLoad]({ Invalidate() {} })).toBe(true);
    expect((fake.app as unknown as { ribbonUI: unknown }).ribbonUI).toBeDefined();
    expect(callbacks[RIBBON.getImage]({ Id: "jhRunAudit" })).toBe("assets/icon-audit-32.png");
  });
});

describe("一键审计", () => {
  it("audits the workbook with the saved settings and says what it wrote", async () => {
    const { callbacks, alerts, fake, storage } = setup();
    // The pane saved the 2012 standard for this workbook.
    const store = localSettingsStore(storage, fake.app.ActiveWorkbook!.FullName);
    const saved = loadState(store);
    await saveState(store, { ...saved, settings: { ...saved.settings, standard: "2012" } });
    await expect(callbacks[RIBBON.onAction]({ Id: "jhRunAudit" })).resolves.toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^审计完成（(全部达标|有未达标项)），已写入：审计总览/);
    expect(fake.book.names.length).toBeGreaterThan(0);
    const overview = fake.book.find("审计总览")!;
    const texts = [...overview.cells.values()].map((c) => String(c.value));
    expect(texts.some((t) => t.includes("2012"))).toBe(true);
  });

  it("says in Chinese what is missing when the workbook has no school table, and writes nothing", async () => {
    const { callbacks, alerts, fake } = setup([
      { name: "说明", rows: [["本表为说明"]], merges: [] },
    ]);
    await expect(callbacks[RIBBON.onAction]({ Id: "jhRunAudit" })).resolves.toBe(false);
    expect(alerts[0]).toMatch(/没有在工作簿中找到学校数据表/);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["说明"]);
  });

  it("says so when no workbook is open", async () => {
    const { callbacks, alerts, fake } = setup();
    (fake.app as { ActiveWorkbook: unknown }).ActiveWorkbook = null;
    await callbacks[RIBBON.onAction]({ Id: "jhRunAudit" });
    expect(alerts[0]).toMatch(/没有打开的工作簿/);
  });
});

describe("打开任务窗格", () => {
  it("creates the pane on the add-in's page once, docked right, then shows the same pane again", () => {
    const { callbacks, panes } = setup();
    callbacks[RIBBON.onAction]({ Id: "jhShowPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({
      url: "http://127.0.0.1/junheng/taskpane.html",
      Visible: true,
      DockPosition: 2,
    });
    panes[0].Visible = false;
    callbacks[RIBBON.onAction]({ Id: "jhShowPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(true);
  });
});

describe("插入县域指标表", () => {
  it("adds an empty table the reader recognises once a school row is filled in", () => {
    const { callbacks, fake } = setup([{ name: "说明", rows: [["说明"]], merges: [] }]);
    callbacks[RIBBON.onAction]({ Id: "jhInsertTable" });
    const sheet = fake.book.find(TEMPLATE_SHEET)!;
    expect(fake.book.active).toBe(sheet);
    expect(TEMPLATE_COLUMNS.map((_, c) => sheet.cell(TEMPLATE_HEADER_ROW, c)?.value)).toEqual(
      TEMPLATE_COLUMNS.map((c) => c.header)
    );
    // A clerk types one school.
    const school = [
      1,
      "示范县",
      "第一小学",
      "小学",
      900,
      20,
      45,
      50,
      45,
      10,
      9,
      4800,
      8000,
      180,
      25,
    ];
    school.forEach((value, c) => sheet.cells.set(`${TEMPLATE_HEADER_ROW + 1},${c}`, { value }));
    const read = readSheets(readWorkbookGrids(fake.app).grids);
    expect(read.tables.map((t) => t.sheet)).toEqual([TEMPLATE_SHEET]);
    expect(read.records).toHaveLength(1);
    expect(read.records[0]).toMatchObject({ name: "第一小学", county: "示范县" });
    expect(read.records[0].stages.primary?.pupils).toBe(900);
    expect(read.records[0].facilities?.equipmentValue).toBe(1_800_000);
  });

  it("takes 「县域指标表 (2)」 when the name is taken and never writes the existing sheet", () => {
    const { fake } = setup([{ name: TEMPLATE_SHEET, rows: [["我的表"]], merges: [] }]);
    expect(insertCountyTable(fake.app)).toBe(`${TEMPLATE_SHEET} (2)`);
    expect(fake.book.find(TEMPLATE_SHEET)!.changes).toEqual([]);
  });
});

describe("settings kept per workbook in local storage", () => {
  it("round-trips, keeps workbooks apart and reads a damaged entry as the defaults", async () => {
    const storage = memoryStorage();
    const a = localSettingsStore(storage, "C:/县A.xlsx");
    const state = loadState(a);
    await saveState(a, {
      settings: { ...state.settings, excludePrivate: true },
      overrides: [{ sheet: "小学", field: "pupils", column: 4 }],
    });
    expect(loadState(localSettingsStore(storage, "C:/县A.xlsx"))).toMatchObject({
      settings: { excludePrivate: true },
      overrides: [{ sheet: "小学", column: 4 }],
    });
    expect(loadState(localSettingsStore(storage, "C:/县B.xlsx")).overrides).toEqual([]);
    storage.items.set(`junheng:C:/县A.xlsx:${SETTINGS_KEY}`, "{not json");
    expect(loadState(localSettingsStore(storage, "C:/县A.xlsx")).settings.excludePrivate).toBe(
      state.settings.excludePrivate
    );
  });

  it("reports a storage that refuses the write", async () => {
    const store = localSettingsStore(
      {
        getItem: () => null,
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      },
      "x"
    );
    await expect(saveState(store, loadState(store))).rejects.toThrow(
      /设置未能保存到工作簿：QuotaExceededError/
    );
  });
});
