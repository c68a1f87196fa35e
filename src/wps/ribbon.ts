/**
 * The WPS ribbon's callbacks, named as src/wps/ribbon.json (from which ribbon.xml is generated)
 * names them: the tab's load, one action for all buttons (by control id, as WPS calls it) and
 * the buttons' images. Dependencies are injected so tests need no WPS.
 */
import type { EtApplication } from "../hosts/wps/et";
import { createWpsService } from "../taskpane/wpsService";
import type { KeyValueStorage } from "./settingsStore";
import { insertCountyTable } from "./template";
import RIBBON from "./ribbon.json";

export { RIBBON };

/** What WPS passes to a button's callback. */
export interface RibbonControl {
  Id: string;
}

export interface RibbonDeps {
  app(): EtApplication;
  /** Absolute URL of the task pane page (WPS wants one). */
  paneUrl(): string;
  storage: KeyValueStorage;
  /** Shows a message box (window.alert in WPS). */
  alert(message: string): void;
  now?: () => Date;
}

const PANE_ID_KEY = "junheng_taskpane_id";
/** msoCTPDockPositionRight. */
const DOCK_RIGHT = 2;

/**
 * The callbacks by the names ribbon.xml uses; `OnAction` returns the run's promise for tests.
 *
 * @example
 * Object.assign(window, ribbonCallbacks({ app: () => window.Application, … }));
 */
export function ribbonCallbacks(deps: RibbonDeps): Record<string, (control?: unknown) => unknown> {
  const images = new Map(RIBBON.buttons.map((b) => [b.id, b.image]));
  return {
    [RIBBON.onLoad]: (ribbonUI?: unknown) => {
      (deps.app() as EtApplication & { ribbonUI?: unknown }).ribbonUI = ribbonUI;
      return true;
    },
    [RIBBON.onAction]: (control?: unknown) => {
      const id = (control as RibbonControl | undefined)?.Id;
      switch (id) {
        case "jhRunAudit":
          return oneClickAudit(deps);
        case "jhShowPane":
          return guarded(deps, () => showPane(deps));
        case "jhInsertTable":
          return guarded(deps, () => insertCountyTable(deps.app()));
        default:
          return true;
      }
    },
    [RIBBON.getImage]: (control?: unknown) =>
      images.get((control as RibbonControl | undefined)?.Id ?? "") ?? "assets/icon-32.png",
  };
}

/** Runs the audit with the saved choices and says how it went; never throws. */
export async function oneClickAudit(deps: RibbonDeps): Promise<boolean> {
  const service = createWpsService(deps.app(), deps.storage, { now: deps.now });
  try {
    const saved = service.loadSaved();
    const run = await service.run(saved.settings, saved.overrides, () => undefined);
    const verdict = run.result.pass ? "全部达标" : "有未达标项";
    deps.alert(
      `审计完成（${verdict}），已写入：${run.sheets.map((s) => s.name).join("、")}。打开任务窗格可查看各学段结论和未达标学校。`
    );
    return true;
  } catch (error) {
    deps.alert(service.describeError(error));
    return false;
  }
}

/** Shows the pane, creating it the first time. */
function showPane(deps: RibbonDeps): void {
  const app = deps.app();
  const storage = app.PluginStorage;
  const id = storage?.getItem(PANE_ID_KEY);
  const existing =
    id !== undefined && id !== null && id !== "" ? app.GetTaskPane?.(id as string | number) : null;
  if (existing) {
    existing.Visible = true;
    return;
  }
  if (!app.CreateTaskPane)
    throw new Error(
      "当前 WPS 版本不支持任务窗格（Application.CreateTaskPane）。请升级 WPS 表格后重试。"
    );
  const pane = app.CreateTaskPane(deps.paneUrl(), "均衡督导助手");
  storage?.setItem(PANE_ID_KEY, pane.ID);
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
}

function guarded(deps: RibbonDeps, action: () => unknown): boolean {
  try {
    action();
    return true;
  } catch (error) {
    deps.alert(createWpsService(deps.app(), deps.storage).describeError(error));
    return false;
  }
}
