/**
 * Where WPS keeps the pane's settings and column choices. Office keeps them in the document;
 * WPS has no document settings store that takes a JSON text of this size, so they are kept in
 * the add-in's local storage (shared by its ribbon page and its task pane), one entry per
 * workbook path. A workbook copied to another computer starts from the defaults there.
 */
import type { SettingsStore } from "../taskpane/documentSettings";

/** The part of window.localStorage used here. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * A SettingsStore for one workbook, over local storage.
 *
 * @example
 * const store = localSettingsStore(window.localStorage, workbook.FullName);
 * loadState(store).settings.standard; // "2017" the first time
 */
export function localSettingsStore(storage: KeyValueStorage, workbookPath: string): SettingsStore {
  const prefix = `junheng:${workbookPath}:`;
  const pending = new Map<string, unknown>();
  return {
    get(name) {
      if (pending.has(name)) return pending.get(name);
      const text = storage.getItem(prefix + name);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // a damaged entry reads as the defaults
      }
    },
    set(name, value) {
      pending.set(name, value);
    },
    saveAsync(callback) {
      try {
        for (const [name, value] of pending) storage.setItem(prefix + name, JSON.stringify(value));
        pending.clear();
        callback?.({ status: "succeeded" });
      } catch (error) {
        callback?.({
          status: "failed",
          error: { message: error instanceof Error ? error.message : String(error) },
        });
      }
    },
  };
}
