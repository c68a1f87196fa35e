/**
 * The Excel object model for the browser tests: window.Excel.run over the Excel host's own fake
 * workbook (test/hosts/excel/fakeExcel.ts, Office.js batching included), holding the given
 * source sheets. Loaded with the office.js stub, before the add-in's bundles (see the runtime
 * entries beside this file). window.__workbook exposes it to the test; window.__holdWrites()
 * makes the next write request wait until window.__releaseWrites(), so the test can see the
 * progress bar mid-write.
 */
import { a1, type SheetGrid } from "../../../src/sheets/grid";
import { FakeWorkbook, type SourceValue } from "../../hosts/excel/fakeExcel";

interface TestWindow {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  __workbook: FakeWorkbook;
  __holdWrites(): void;
  __releaseWrites(): void;
  __held: boolean;
}

/** Puts window.Excel over a fake workbook holding the grids (origin A1). */
export function installFakeExcel(grids: SheetGrid[]): void {
  const win = window as unknown as TestWindow;
  const book = new FakeWorkbook();
  for (const grid of grids) {
    const merges = grid.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    book.addSheet(grid.name, grid.rows as SourceValue[][], { row: 0, col: 0 }, merges);
  }

  let gate: Promise<void> | null = null;
  let heldFrom = 0;
  let open: () => void = () => undefined;
  win.__holdWrites = () => {
    heldFrom = book.writes.length;
    gate = new Promise((resolve) => (open = resolve));
  };
  win.__releaseWrites = () => {
    gate = null;
    open();
  };
  win.__held = false;

  win.Excel = {
    run: async (batch) => {
      const context = book.context();
      const sync = async () => {
        // A write request is pending once a worksheet was queued for adding.
        if (gate && book.writes.slice(heldFrom).some((w) => w.what === "worksheets.add")) {
          win.__held = true;
          await gate;
          win.__held = false;
        }
        return book.sync();
      };
      return batch({ workbook: context.workbook, sync } as unknown as Excel.RequestContext);
    },
  };
  win.__workbook = book;
}
