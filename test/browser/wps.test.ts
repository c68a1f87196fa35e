/**
 * The WPS add-in as `npm run build:wps` builds it, in Debian's Chromium: index.html (the page WPS
 * loads) with a stub WPS (window.Application is the fake ET workbook of the WPS host's tests,
 * window.wps records AddCustomFunction). Every callback ribbon.xml names is defined, each button
 * is clicked through OnAction, the JH functions are registered under their Office names, and the
 * task pane page the ribbon opens renders the same React pane over the WPS host.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import webpack from "webpack";
import { parseStringPromise } from "xml2js";
import { bundleScript, officeStub, openBrowser, type BrowserSession } from "../support/browser";
import { makeTempDir, removeTempDir } from "../support/tmp";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wpsConfig = require("../../webpack.wps.config.js") as ((
  env: object,
  argv: object
) => Promise<webpack.Configuration>) & {
  WPS_FILES: Record<string, string>;
};
const FILES = wpsConfig.WPS_FILES;

jest.setTimeout(240_000);

let outDir: string;
let session: BrowserSession;
let page: Page;
const dialogs: string[] = [];

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats) reject(error ?? new Error("webpack gave no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    });
  });
}

function addinFile(name: string): string {
  return path.join(outDir, FILES.folder, name);
}

interface WpsWindow {
  [callback: string]: unknown;
  __sheetNames(): string[];
  __panes: { url: string; Visible: boolean }[];
  __functions: Record<string, (...args: unknown[]) => unknown>;
}

beforeAll(async () => {
  outDir = makeTempDir("dist-wps");
  await compile(await wpsConfig({ outDir }, { mode: "production" }));
  const fakeWps = await bundleScript(path.join(__dirname, "support", "fakeWpsRuntime.ts"));
  session = await openBrowser(outDir, officeStub());
  await session.context.addInitScript({ content: fakeWps });
  page = session.page;
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(`${session.origin}/${FILES.folder}/${FILES.page}`);
});

afterAll(async () => {
  await session?.close();
  if (outDir) removeTempDir(outDir);
});

describe("npm run build:wps", () => {
  it("lays out the offline package as wpsjs build does: the add-in folder, publish.xml, install scripts, a zip", async () => {
    for (const name of [
      FILES.ribbon,
      FILES.page,
      FILES.main,
      FILES.pane,
      "taskpane.js",
      FILES.functions,
      FILES.manifest,
    ]) {
      expect(fs.existsSync(addinFile(name))).toBe(true);
    }
    const publish = await parseStringPromise(
      fs.readFileSync(path.join(outDir, FILES.publish), "utf8")
    );
    expect(publish.jsplugins.jsplugin[0].$).toMatchObject({
      type: "et",
      url: FILES.folder,
      enable: "enable_dev",
    });
    const online = await parseStringPromise(
      fs.readFileSync(path.join(outDir, FILES.jsplugins), "utf8")
    );
    expect(online.jsplugins.jspluginonline[0].$.url).toMatch(/^https?:\/\/.+\/$/);
    expect(fs.readFileSync(path.join(outDir, "install.sh"), "utf8")).toContain(
      ".local/share/Kingsoft/wps/jsaddons"
    );
    expect(fs.readFileSync(path.join(outDir, "install.bat"), "utf8")).toContain(
      "%APPDATA%\\kingsoft\\wps\\jsaddons"
    );
    expect(fs.statSync(path.join(outDir, FILES.zip)).size).toBeGreaterThan(100_000);
    const manifest = await parseStringPromise(fs.readFileSync(addinFile(FILES.manifest), "utf8"));
    expect(manifest.JsPlugin.Functions[0]).toEqual({ Uri: ["/functions.json"], Namespace: ["JH"] });
  });
});

describe("the add-in's page in a browser with a stub WPS", () => {
  it("defines every callback ribbon.xml names", async () => {
    const ribbon = await parseStringPromise(fs.readFileSync(addinFile(FILES.ribbon), "utf8"));
    const buttons = ribbon.customUI.ribbon[0].tabs[0].tab[0].group[0].button.map(
      (b: { $: Record<string, string> }) => b.$
    );
    const names = [
      ribbon.customUI.$.onLoad,
      ...buttons.flatMap((b: Record<string, string>) => [b.onAction, b.getImage]),
    ];
    const types = await page.evaluate(
      (list) => list.map((n) => typeof (window as unknown as WpsWindow)[n]),
      [...new Set(names)]
    );
    expect(types.every((t) => t === "function")).toBe(true);
    expect(
      await page.evaluate(() =>
        ((window as unknown as WpsWindow).OnAddinLoad as (r: object) => boolean)({})
      )
    ).toBe(true);
    for (const button of buttons) {
      const image = await page.evaluate(
        (id) => ((window as unknown as WpsWindow).GetImage as (c: object) => string)({ Id: id }),
        button.id
      );
      expect(fs.existsSync(addinFile(image))).toBe(true);
    }
  });

  it("registers every function of functions.json under JH, and they compute", async () => {
    const listed = JSON.parse(fs.readFileSync(addinFile(FILES.functions), "utf8")).functions.map(
      (f: { name: string }) => `JH.${f.name}`
    );
    const registered = await page.evaluate(() =>
      Object.keys((window as unknown as WpsWindow).__functions)
    );
    expect(registered).toEqual(listed);
    const results = await page.evaluate(() => {
      const f = (window as unknown as WpsWindow).__functions;
      return [
        f["JH.CVLIMIT"]("小学"),
        f["JH.STANDARD"]("教学用房", "初中"),
        f["JH.STANDARD"]("L9", "小学"),
      ];
    });
    expect(results.slice(0, 2)).toEqual([0.5, 5.8]);
    expect(String(results[2])).toMatch(/^#(VALUE!|N\/A) JH\.STANDARD 的第1个参数/);
  });

  it("一键审计 writes the audit sheets into the workbook and says so", async () => {
    const before = await page.evaluate(() => (window as unknown as WpsWindow).__sheetNames());
    const ok = await page.evaluate(() =>
      ((window as unknown as WpsWindow).OnAction as (c: object) => Promise<boolean>)({
        Id: "jhRunAudit",
      })
    );
    expect(ok).toBe(true);
    expect(dialogs.at(-1)).toMatch(/^审计完成/);
    const after = await page.evaluate(() => (window as unknown as WpsWindow).__sheetNames());
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toContain("审计总览");
  });

  it("插入县域指标表 adds the table sheet", async () => {
    await page.evaluate(() =>
      ((window as unknown as WpsWindow).OnAction as (c: object) => boolean)({ Id: "jhInsertTable" })
    );
    expect(await page.evaluate(() => (window as unknown as WpsWindow).__sheetNames())).toContain(
      "县域指标表"
    );
  });

  it("打开任务窗格 opens the pane page, which shows the pane over the WPS workbook", async () => {
    await page.evaluate(() =>
      ((window as unknown as WpsWindow).OnAction as (c: object) => boolean)({ Id: "jhShowPane" })
    );
    const panes = await page.evaluate(() => (window as unknown as WpsWindow).__panes);
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ Visible: true });
    expect(panes[0].url).toBe(`${session.origin}/${FILES.folder}/${FILES.pane}`);
    const pane = await session.context.newPage();
    const paneErrors: string[] = [];
    pane.on("pageerror", (error) => paneErrors.push(error.message));
    // The pane speaks the browser's language; a bureau's WPS runs in Chinese.
    await pane.addInitScript(() =>
      Object.defineProperty(navigator, "language", { get: () => "zh-CN" })
    );
    await pane.goto(panes[0].url);
    await pane.getByRole("button", { name: "一键审计" }).waitFor();
    await pane.getByRole("group", { name: "小学", exact: true }).waitFor();
    await pane.getByRole("button", { name: "一键审计" }).click();
    await pane.getByRole("tab", { name: "结果" }).waitFor();
    await pane.waitForFunction(() =>
      (window as unknown as WpsWindow).__sheetNames().includes("审计总览")
    );
    expect(paneErrors).toEqual([]);
    await pane.close();
  });

  it("loads nothing from outside and throws no page error", () => {
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
