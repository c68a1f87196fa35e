/**
 * Shared helpers of the browser tests: build the production bundle into a temporary directory,
 * serve it from 127.0.0.1, and open it in Debian's Chromium (playwright-core) with office.js
 * replaced by a stub and every other outside request refused.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { WORLDWIDE_OFFICE_JS_URL } from "../../scripts/office-js-url";
import webpackConfig from "../../webpack.config";
import { makeTempDir, removeTempDir } from "./tmp";

/** The worldwide CDN's office.js: what the build puts into its pages unless OFFICE_JS_URL says otherwise. */
export const OFFICE_JS = WORLDWIDE_OFFICE_JS_URL;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

/** webpack's production build of the add-in into outDir; `configure` may adjust the config (a test's module swap). */
export function build(
  outDir: string,
  configure: (config: webpack.Configuration) => void = () => undefined
): Promise<webpack.Stats> {
  const config = webpackConfig({ outDir }, { mode: "production" });
  configure(config);
  return compile(config);
}

function compile(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats) reject(error ?? new Error("webpack gave no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(stats);
    });
  });
}

/**
 * One test-only script bundled for the browser (e.g. a fake Excel object model), returned as text
 * to serve in place of office.js or beside it. office-addin-manifest is swapped for the same
 * stub jest uses (office-addin-mock needs only its enum).
 */
export async function bundleScript(entry: string): Promise<string> {
  const outDir = makeTempDir("script");
  try {
    await compile({
      mode: "production",
      entry,
      output: { path: outDir, filename: "script.js" },
      resolve: {
        extensions: [".ts", ".js"],
        alias: {
          "office-addin-manifest$": path.join(__dirname, "..", "stubs", "office-addin-manifest.js"),
        },
      },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: {
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "es2020", target: "es2017" },
              },
            },
          },
        ],
      },
      performance: { hints: false },
    });
    return fs.readFileSync(path.join(outDir, "script.js"), "utf8");
  } finally {
    removeTempDir(outDir);
  }
}

/** A static file server of root on 127.0.0.1 and a free port. */
export function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(
      root,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "")
    );
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Uncaught errors of the page. */
  pageErrors: string[];
  /** Requests that tried to leave the machine. */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * Serves dist, launches Chromium offline with office.js (at officeJsUrl, the address the build was
 * given) answered by officeStub, and opens a page.
 *
 * @example
 * const session = await openBrowser(outDir, OFFICE_STUB, { width: 340, height: 900 });
 * await session.page.goto(`${session.origin}/taskpane.html`);
 */
export async function openBrowser(
  dist: string,
  officeStub: string,
  viewport?: { width: number; height: number },
  officeJsUrl: string = OFFICE_JS
): Promise<BrowserSession> {
  const server = await serve(dist);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profileDir = makeTempDir("chromium");
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    ...(viewport ? { viewport } : {}),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const pageErrors: string[] = [];
  const blocked: string[] = [];
  // Nothing leaves the machine: office.js is the stub, dist comes from 127.0.0.1, the rest is refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === officeJsUrl)
      return route.fulfill({
        status: 200,
        contentType: "application/javascript",
        body: officeStub,
      });
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  // Waits on conditions get what a loaded machine needs (playwright's default is 30 s).
  context.setDefaultTimeout(120_000);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    origin,
    pageErrors,
    blocked,
    close: async () => {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      removeTempDir(profileDir);
    },
  };
}

/**
 * office.js as the tests need it: CustomFunctions.associate recorded in window.__associated,
 * Office.actions.associate in window.__actions, document settings kept in window.__settings
 * (saveAsync succeeds asynchronously), showAsTaskpane counted, and onReady called with Excel.
 * The page's ?lang= query, when given, overrides the display language.
 */
export function officeStub(displayLanguage = "zh-CN"): string {
  return `
window.__associated = {};
window.__actions = {};
window.__settings = {};
window.__settingsSaves = 0;
window.__panesShown = 0;
window.CustomFunctions = {
  associate: function (id, fn) {
    if (typeof id === "object") Object.assign(window.__associated, id);
    else window.__associated[id] = fn;
  },
  Error: function CustomFunctionsError(code, message) { this.code = code; this.message = message; },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};
window.Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    displayLanguage: new URLSearchParams(location.search).get("lang") || ${JSON.stringify(displayLanguage)},
    document: {
      settings: {
        get: function (name) { return name in window.__settings ? JSON.parse(window.__settings[name]) : null; },
        set: function (name, value) { window.__settings[name] = JSON.stringify(value); },
        remove: function (name) { delete window.__settings[name]; },
        saveAsync: function (callback) {
          window.__settingsSaves++;
          setTimeout(function () { if (callback) callback({ status: "succeeded" }); }, 0);
        },
      },
    },
  },
  actions: { associate: function (id, fn) { window.__actions[id] = fn; } },
  addin: { showAsTaskpane: function () { window.__panesShown++; return Promise.resolve(); } },
  onReady: function (callback) {
    var info = { host: "Excel", platform: "PC" };
    return new Promise(function (resolve) {
      setTimeout(function () { if (callback) callback(info); resolve(info); }, 0);
    });
  },
};
`;
}

/**
 * Resolves once no finite CSS transition or animation of the page is running (Fluent's colour
 * fades); endless ones (a spinner while an audit runs) never finish and are not waited for.
 */
export async function transitionsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)
  );
}
