/**
 * The pane's state and its actions, as a small store the React tree subscribes to
 * (useSyncExternalStore) and the ribbon's one-click audit calls directly: in the shared runtime
 * both see the same run, so a ribbon-started audit shows its progress in the pane.
 * Every failure becomes a message (service.describeError); nothing here throws.
 */
import type { AuditSettings } from "../engine";
import { withOverride } from "./documentSettings";
import { stringsFor, type Strings } from "./i18n";
import type {
  AuditService,
  ColumnOverride,
  RunProgress,
  RunResult,
  SavedState,
  ScanResult,
} from "./service";

export type PaneTab = "data" | "settings" | "results";

export interface PaneState {
  tab: PaneTab;
  saved: SavedState;
  scan: ScanResult | null;
  scanning: boolean;
  /** Progress of the audit being run, null when none runs. */
  progress: RunProgress | null;
  lastRun: RunResult | null;
  /** What went wrong last, in words for the user. */
  error: string | null;
  /** The cell last shown in the workbook. */
  selected: { sheet: string; address: string } | null;
}

type Listener = () => void;

/**
 * @example
 * const controller = new PaneController(createService());
 * await controller.rescan();            // 数据: tables and mappings
 * await controller.changeMapping({ sheet: "小学", field: "pupils", column: 3 }); // saved, rescanned
 * const run = await controller.run();   // null on failure: controller.getState().error says why
 */
export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<Listener>();
  private running: Promise<RunResult | null> | null = null;

  /** `strings`: the pane's words, for the message when even describing an error failed. */
  constructor(
    private readonly service: AuditService,
    private readonly strings: Pick<Strings, "errors"> = stringsFor("zh-CN")
  ) {
    this.state = {
      tab: "data",
      saved: service.loadSaved(),
      scan: null,
      scanning: false,
      progress: null,
      lastRun: null,
      error: null,
      selected: null,
    };
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setTab(tab: PaneTab): void {
    this.update({ tab });
  }

  dismissError(): void {
    this.update({ error: null });
  }

  /** Reads the workbook again and shows the tables found with the saved overrides. */
  async rescan(): Promise<void> {
    this.update({ scanning: true });
    try {
      const scan = await this.service.scan(this.state.saved.overrides);
      this.update({ scan, scanning: false });
    } catch (error) {
      this.update({ scanning: false, error: this.describe(error) });
    }
  }

  /** Maps a field to another column (null: do not use it), saves the choice and rescans. */
  async changeMapping(choice: ColumnOverride): Promise<void> {
    const saved = {
      ...this.state.saved,
      overrides: withOverride(this.state.saved.overrides, choice),
    };
    this.update({ saved });
    if (await this.persist(saved)) await this.rescan();
  }

  /** Takes new settings and saves them in the workbook. */
  async changeSettings(settings: AuditSettings): Promise<void> {
    const saved = { ...this.state.saved, settings };
    this.update({ saved });
    await this.persist(saved);
  }

  /**
   * Runs the audit with the saved settings and mapping; a second call while one runs joins it.
   * Resolves to the run, or null when it failed (the error is in the state).
   */
  run(): Promise<RunResult | null> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Inserts the blank county form and shows its first 填报值 cell. */
  async insertCountyForm(): Promise<void> {
    if (!this.service.insertCountyForm) return;
    try {
      const sheet = await this.service.insertCountyForm();
      await this.select(sheet, "D5");
    } catch (error) {
      this.update({ error: this.describe(error) });
    }
  }

  /** Shows a cell of the workbook (a finding's source, an audit sheet). */
  async select(sheet: string, address: string): Promise<void> {
    try {
      await this.service.select(sheet, address);
      this.update({ selected: { sheet, address } });
    } catch (error) {
      this.update({ error: this.describe(error) });
    }
  }

  private async runOnce(): Promise<RunResult | null> {
    const { settings, overrides } = this.state.saved;
    this.update({ error: null, progress: { step: "read", fraction: 0 } });
    try {
      const outcome = await this.service.run(settings, overrides, (progress) =>
        this.update({ progress })
      );
      this.update({
        progress: null,
        lastRun: outcome,
        tab: "results",
        scan: this.state.scan ? { ...this.state.scan, tables: outcome.tables } : null,
      });
      return outcome;
    } catch (error) {
      this.update({ progress: null, error: this.describe(error) });
      return null;
    }
  }

  private async persist(saved: SavedState): Promise<boolean> {
    try {
      await this.service.save(saved);
      return true;
    } catch (error) {
      this.update({ error: this.describe(error) });
      return false;
    }
  }

  private describe(error: unknown): string {
    try {
      return this.service.describeError(error);
    } catch {
      return this.strings.errors.unexpected;
    }
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
