import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import webpackConfig, { OUTPUT_FILES } from "../../webpack.config";

/**
 * The production build's shared-runtime page in Debian's Chromium: office.js from the CDN is
 * replaced by a stub that records CustomFunctions.associate, dist is served from 127.0.0.1, and
 * the recorded functions are called the way Excel calls them (2-D arrays).
 */
jest.setTimeout(120_000);

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const GOLDEN_DIR = path.join(__dirname, "..", "functions", "golden");
const PRODUCTION_BASE = "https://edu.example.gov.cn/junheng/";

/** Stands in for office.js: records associations, offers CustomFunctions.Error, and calls onReady. */
const OFFICE_STUB = `
window.__associated = {};
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
  onReady: function (callback) {
    var info = { host: "Excel", platform: "PC" };
    setTimeout(function () { if (callback) callback(info); }, 0);
    return Promise.resolve(info);
  },
};
`;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
};

function build(outDir: string): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(webpackConfig({ outDir }, { mode: "production" }), (error, stats) => {
      if (error || !stats) reject(error ?? new Error("webpack gave no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve(stats);
    });
  });
}

function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let outDir: string;
let profileDir: string;
let server: http.Server;
let context: BrowserContext;
let page: Page;
let origin: string;
const pageErrors: string[] = [];
const blocked: string[] = [];

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-dist-"));
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-chromium-"));
  const previous = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL = PRODUCTION_BASE;
  try {
    await build(outDir);
  } finally {
    if (previous === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = previous;
  }
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
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
  // Nothing leaves the machine: office.js is the stub, dist comes from 127.0.0.1, the rest is refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "application/javascript", body: OFFICE_STUB });
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/${OUTPUT_FILES.page}`);
  await page.waitForSelector("#functions li");
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  for (const dir of [outDir, profileDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function built(name: string): string {
  return fs.readFileSync(path.join(outDir, name), "utf8");
}

describe("the production build", () => {
  it("emits functions.json and functions.zh-cn.json equal to the golden files", () => {
    expect(built(OUTPUT_FILES.metadata)).toBe(fs.readFileSync(path.join(GOLDEN_DIR, "functions.json"), "utf8"));
    expect(built(OUTPUT_FILES.metadataZhCn)).toBe(fs.readFileSync(path.join(GOLDEN_DIR, "functions.zh-cn.json"), "utf8"));
  });

  it("writes dist/manifest.xml on ADDIN_BASE_URL, every URL naming an emitted file", () => {
    const manifest = built(OUTPUT_FILES.manifest);
    expect(manifest).not.toContain("localhost");
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(PRODUCTION_BASE)).toBe(true);
      expect([url, fs.existsSync(path.join(outDir, url.slice(PRODUCTION_BASE.length)))]).toEqual([url, true]);
    }
  });

  it("loads office.js from the CDN before the functions bundle", () => {
    const html = built(OUTPUT_FILES.page);
    const office = html.indexOf(OFFICE_JS);
    expect(office).toBeGreaterThan(-1);
    expect(html.indexOf(OUTPUT_FILES.functionsScript)).toBeGreaterThan(office);
  });
});

describe("the shared-runtime page in Chromium", () => {
  it("associates every function id of functions.json", async () => {
    const ids = (JSON.parse(built(OUTPUT_FILES.metadata)) as { functions: { id: string }[] }).functions.map((f) => f.id).sort();
    const associated = await page.evaluate(() => {
      const table = (window as unknown as { __associated: Record<string, unknown> }).__associated;
      return Object.keys(table)
        .filter((id) => typeof table[id] === "function")
        .sort();
    });
    expect(associated).toEqual(ids);
    expect(associated).toHaveLength(10);
  });

  it("computes the worked example with the recorded CV: 0.515", async () => {
    const cv = await page.evaluate(() => {
      const fns = (window as unknown as { __associated: Record<string, (...args: unknown[]) => number> }).__associated;
      const pupils = [[45], [37], [89], [76], [55]];
      const books = [279, 137, 935, 160, 402];
      return fns.CV(
        books.map((b, i) => [b / pupils[i][0]]),
        pupils,
      );
    });
    expect(cv).toBeCloseTo(0.515, 3);
  });

  it("gives 0.9 for PER100(9, 1000), and COMPLIANT meets L3 with it", async () => {
    const result = await page.evaluate(() => {
      const fns = (window as unknown as { __associated: Record<string, (...args: unknown[]) => unknown> }).__associated;
      const value = fns.PER100(9, 1000);
      return { value, met: fns.COMPLIANT(value, "L3", "小学") };
    });
    expect(result).toEqual({ value: 0.9, met: true });
  });

  it("throws CustomFunctions.Error with the Chinese message for text in a range", async () => {
    const error = await page.evaluate(() => {
      const fns = (window as unknown as { __associated: Record<string, (...args: unknown[]) => unknown> }).__associated;
      try {
        fns.CV([[1], ["abc"]], [[10], [20]]);
        return null;
      } catch (e) {
        const err = e as { constructor: { name: string }; code: string; message: string };
        return { type: err.constructor.name, code: err.code, message: err.message };
      }
    });
    expect(error).toEqual({ type: "CustomFunctionsError", code: "#VALUE!", message: expect.stringContaining("文本「abc」") });
  });

  it("renders the placeholder pane after Office.onReady, without page errors or outside requests", async () => {
    expect(await page.locator("#status").textContent()).toContain("Excel");
    expect(await page.locator("#functions li").count()).toBe(10);
    expect(await page.locator("#functions").textContent()).toContain("JH.CV（JH.差异系数）");
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
