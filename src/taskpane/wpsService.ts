/**
 * The AuditService over WPS 表格: the WPS host's reads and writes (src/hosts/wps) as the shared
 * flow's steps, the sheet reader in between, the saved choices in local storage per workbook.
 * The pane and the controller are the same as in Excel.
 */
import * as wpsHost from "../hosts/wps";
import type { EtApplication } from "../hosts/wps/et";
import { activeWorkbook } from "../hosts/wps/workbook";
import { localSettingsStore, type KeyValueStorage } from "../wps/settingsStore";
import { loadState, saveState } from "./documentSettings";
import { describeWpsFailure } from "./errorText";
import { stringsFor, type Strings } from "./i18n";
import { runAudit, scanWorkbook, type PipelineSteps } from "./pipeline";
import { sheetReader } from "./reader";
import type { AuditService } from "./service";

/**
 * The service over the active WPS workbook; its error messages in the pane's language (`strings`,
 * Chinese by default: the ribbon's alerts).
 *
 * @example
 * const service = createWpsService(window.Application, window.localStorage, { strings: stringsFor(navigator.language) });
 * await service.run(settings, [], (p) => console.log(p.step));
 */
export function createWpsService(
  app: EtApplication,
  storage: KeyValueStorage,
  {
    now = () => new Date(),
    strings = stringsFor("zh-CN"),
  }: { now?: () => Date; strings?: Strings } = {}
): AuditService {
  const steps: PipelineSteps = { ...wpsHost.wpsSteps(app, { now }), fields: sheetReader.fields };
  const store = () => localSettingsStore(storage, workbookPath(app));
  return {
    scan: (overrides) => scanWorkbook(steps, overrides),
    run: (settings, overrides, onProgress) => runAudit(steps, settings, overrides, onProgress),
    select: async (sheet, address) => wpsHost.selectCell(app, sheet, address),
    loadSaved: () => loadState(store()),
    save: (state) => saveState(store(), state),
    describeError: (error) => describeWpsFailure(error, strings),
  };
}

/** The workbook's path, or its name while it is unsaved; "" without a workbook. */
function workbookPath(app: EtApplication): string {
  try {
    const workbook = activeWorkbook(app);
    return workbook.FullName || workbook.Name;
  } catch {
    return "";
  }
}
