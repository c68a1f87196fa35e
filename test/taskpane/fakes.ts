import type { RejectedRow } from "../../src/sheets";
import type { SheetGrid } from "../../src/sheets/grid";
/**
 * Fakes for the pane's tests: a document-settings store, and an AuditService built from the real
 * pipeline (engine and report included) over the small county workbook, with the Excel I/O
 * replaced by recorders and a write the test can hold open to watch the progress.
 */
import type { WorkbookPlan } from "../../src/report";
import { loadState, saveState, type SettingsStore } from "../../src/taskpane/documentSettings";
import { runAudit, scanWorkbook, type PipelineSteps } from "../../src/taskpane/pipeline";
import type { AuditService } from "../../src/taskpane/service";
import { FAKE_FIELDS, fakeReader, smallCountyGrids } from "../support/smallCountyWorkbook";

export class FakeSettings implements SettingsStore {
  readonly values = new Map<string, unknown>();
  saves = 0;
  fail: string | null = null;

  get(name: string): unknown {
    // Office hands back a copy of what was saved (JSON round trip).
    return this.values.has(name) ? JSON.parse(JSON.stringify(this.values.get(name))) : null;
  }

  set(name: string, value: unknown): void {
    this.values.set(name, JSON.parse(JSON.stringify(value)));
  }

  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void {
    this.saves++;
    const fail = this.fail;
    setTimeout(
      () =>
        callback?.(fail ? { status: "failed", error: { message: fail } } : { status: "succeeded" }),
      0
    );
  }
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakeWorkbook {
  service: AuditService;
  settings: FakeSettings;
  selected: { sheet: string; address: string }[];
  written: WorkbookPlan[];
  scans: { overrides: unknown }[];
  /** When set, the write waits for it (after reporting its first chunk). */
  holdWrite: Deferred | null;
  /** When set, reading the workbook fails with it. */
  readError: unknown;
  /** Planned name → the name the fake workbook gives it. */
  renames: Record<string, string>;
  /** More sheets the fake workbook holds beside the small county (a county form). */
  extraGrids: SheetGrid[];
  /** How many times the pane inserted the county form. */
  inserted: number;
  /** School rows the fake reader reports as left out for bad data (「数据不完整」). */
  rejectedRows: RejectedRow[];
}

/** The small county (in two counties when given) behind a fake service. */
export function fakeWorkbook(counties?: { a: string; b: string }): FakeWorkbook {
  const read = fakeReader(counties);
  const settings = new FakeSettings();
  const fake: FakeWorkbook = {
    service: undefined as unknown as AuditService,
    settings,
    selected: [],
    written: [],
    scans: [],
    holdWrite: null,
    readError: null,
    renames: {},
    extraGrids: [],
    inserted: 0,
    rejectedRows: [],
  };
  const steps: PipelineSteps = {
    readGrids: async () => {
      if (fake.readError) throw fake.readError;
      return [...smallCountyGrids(), ...fake.extraGrids];
    },
    readSheets: (grids, options) => {
      fake.scans.push({ overrides: options.overrides });
      return { ...read(grids, options), rejectedRows: fake.rejectedRows };
    },
    fields: FAKE_FIELDS,
    writePlan: async (plan, onProgress) => {
      onProgress(1, 4);
      if (fake.holdWrite) await fake.holdWrite.promise;
      onProgress(4, 4);
      fake.written.push(plan);
      return Object.fromEntries(plan.sheets.map((s) => [s.name, fake.renames[s.name] ?? s.name]));
    },
    now: () => new Date(Date.UTC(2026, 10, 29, 8, 0)),
  };
  fake.service = {
    scan: (overrides) => scanWorkbook(steps, overrides),
    run: (s, overrides, onProgress) => runAudit(steps, s, overrides, onProgress),
    select: async (sheet, address) => {
      fake.selected.push({ sheet, address });
    },
    insertCountyForm: async () => {
      fake.inserted++;
      return "县域指标";
    },
    loadSaved: () => loadState(settings),
    save: (state) => saveState(settings, state),
    describeError: (error) =>
      typeof error === "object" && error !== null && "code" in error
        ? `Excel 出错（${String((error as { code: unknown }).code)}）：请重试。`
        : error instanceof Error
          ? error.message
          : "未知错误",
  };
  return fake;
}
