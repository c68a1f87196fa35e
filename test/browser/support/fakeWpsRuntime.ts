/**
 * WPS as the browser test needs it, loaded before the add-in's pages: window.Application is the
 * fake ET object model of the WPS host's tests (test/hosts/wps/fakeEt.ts) holding the small
 * county's source sheets, with PluginStorage and task panes; window.wps records the functions
 * registered with AddCustomFunction. window.__book, __panes and __functions expose them.
 */
import { fakeEt } from "../../hosts/wps/fakeEt";
import { smallCountyGrids } from "../../support/smallCountyWorkbook";

interface Pane {
  ID: number;
  Visible: boolean;
  DockPosition?: number;
  url: string;
}

const win = window as unknown as Record<string, unknown>;
const fake = fakeEt(smallCountyGrids());
const panes: Pane[] = [];
const plugin = new Map<string, unknown>();
Object.assign(fake.app, {
  PluginStorage: {
    getItem: (k: string) => plugin.get(k),
    setItem: (k: string, v: unknown) => plugin.set(k, v),
  },
  CreateTaskPane: (url: string) => {
    const pane: Pane = { ID: panes.length + 1, Visible: false, url };
    panes.push(pane);
    return pane;
  },
  GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
});
const functions: Record<string, (...args: unknown[]) => unknown> = {};
win.Application = fake.app;
win.wps = {
  AddCustomFunction: (namespace: string, name: string, fn: (...args: unknown[]) => unknown) => {
    functions[`${namespace}.${name}`] = fn;
  },
};
win.__book = fake.book;
win.__panes = panes;
win.__functions = functions;
win.__sheetNames = () => fake.book.sheets.map((s) => s.name);
