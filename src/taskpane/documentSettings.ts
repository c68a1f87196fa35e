/**
 * Settings and column overrides kept in the workbook itself (Office.context.document.settings),
 * so the ribbon button and the next session use the same choices. Values are checked on load:
 * a workbook edited by an older version, or by hand, falls back to the defaults field by field.
 */
import { resolveSettings, settingsFromObject, type AuditSettings } from "../engine";
import type { ColumnOverride, SavedState } from "./service";

/** The part of Office.Settings used here (a fake in the tests). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export const SETTINGS_KEY = "junheng.auditSettings";
export const OVERRIDES_KEY = "junheng.columnOverrides";

/**
 * The saved state, defaults for anything missing or malformed.
 *
 * @example
 * loadState(Office.context.document.settings).settings.standard; // "2017" in a new workbook
 */
export function loadState(store: SettingsStore): SavedState {
  return {
    settings: cleanSettings(store.get(SETTINGS_KEY)),
    overrides: cleanOverrides(store.get(OVERRIDES_KEY)),
  };
}

/**
 * Writes both values and saves the document's settings; rejects with Office's message on failure.
 *
 * @example
 * await saveState(Office.context.document.settings, { settings, overrides });
 */
export function saveState(store: SettingsStore, state: SavedState): Promise<void> {
  store.set(SETTINGS_KEY, state.settings);
  store.set(OVERRIDES_KEY, state.overrides);
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      // Office.AsyncResultStatus.Succeeded is "succeeded"; compare by value so tests need no Office.
      if (String(result.status).toLowerCase() === "succeeded") resolve();
      else reject(new SettingsSaveError(result.error?.message ?? "未知原因"));
    });
  });
}

/** Office refused to save the document settings; `reason` is Office's own text. */
export class SettingsSaveError extends Error {
  constructor(readonly reason: string) {
    super(`设置未能保存到工作簿：${reason}。请确认工作簿可编辑后重试。`);
    this.name = "SettingsSaveError";
  }
}

/** Saved settings as the catalogue accepts them: a value it refuses (or an unknown key) is dropped for its default. */
function cleanSettings(raw: unknown): AuditSettings {
  if (!isObject(raw)) return resolveSettings();
  return settingsFromObject(resolveSettings(), raw).settings;
}

function cleanOverrides(raw: unknown): ColumnOverride[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (o): o is ColumnOverride =>
        isObject(o) &&
        typeof o.sheet === "string" &&
        typeof o.field === "string" &&
        (o.column === null || (Number.isInteger(o.column) && (o.column as number) >= 0))
    )
    .map((o) => ({ sheet: o.sheet, field: o.field, column: o.column }));
}

/**
 * The overrides with one choice set: a later choice for the same sheet and field replaces the earlier.
 *
 * @example
 * withOverride([], { sheet: "小学", field: "pupils", column: 3 }); // [{ sheet: "小学", field: "pupils", column: 3 }]
 */
export function withOverride(
  overrides: ColumnOverride[],
  choice: ColumnOverride
): ColumnOverride[] {
  return [...overrides.filter((o) => o.sheet !== choice.sheet || o.field !== choice.field), choice];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
