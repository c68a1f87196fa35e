import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT_FILES } from "../../webpack.config";
import { build, OFFICE_JS, officeStub, openBrowser, type BrowserSession } from "../support/browser";
import { makeTempDir, removeTempDir } from "../support/tmp";

/**
 * The production build's shared-runtime page in Debian's Chromium: office.js from the CDN is
 * replaced by a stub that records CustomFunctions.associate and Office.actions.associate, dist is
 * served from 127.0.0.1, and the recorded functions are called the way Excel calls them (2-D arrays).
 * The pane's whole flow over a fake workbook is test/browser/taskpane-flow.test.ts.
 */
// Timeout: the slow jest project's (jest.config.js).

const GOLDEN_DIR = path.join(__dirname, "..", "functions", "golden");
const PRODUCTION_BASE = "https://edu.example.gov.cn/junheng/";
/** Built with OFFICE_JS_URL set: the page must load office.js from here (the stub answers it). */
const CUSTOM_OFFICE_JS = "https://example.cn/office.js";

let outDir: string;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  outDir = makeTempDir("dist");
  const previous = {
    ADDIN_BASE_URL: process.env.ADDIN_BASE_URL,
    OFFICE_JS_URL: process.env.OFFICE_JS_URL,
  };
  process.env.ADDIN_BASE_URL = PRODUCTION_BASE;
  process.env.OFFICE_JS_URL = CUSTOM_OFFICE_JS;
  try {
    await build(outDir);
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  session = await openBrowser(outDir, officeStub(), undefined, CUSTOM_OFFICE_JS);
  page = session.page;
  await page.goto(`${session.origin}/${OUTPUT_FILES.page}`);
  await page.getByRole("button", { name: "一键审计" }).waitFor();
});

afterAll(async () => {
  await session?.close();
  if (outDir) removeTempDir(outDir);
});

function built(name: string): string {
  return fs.readFileSync(path.join(outDir, name), "utf8");
}

describe("the production build", () => {
  it("emits functions.json and functions.zh-cn.json equal to the golden files", () => {
    expect(built(OUTPUT_FILES.metadata)).toBe(
      fs.readFileSync(path.join(GOLDEN_DIR, "functions.json"), "utf8")
    );
    expect(built(OUTPUT_FILES.metadataZhCn)).toBe(
      fs.readFileSync(path.join(GOLDEN_DIR, "functions.zh-cn.json"), "utf8")
    );
  });

  it("writes dist/manifest.xml on ADDIN_BASE_URL, every URL naming an emitted file", () => {
    const manifest = built(OUTPUT_FILES.manifest);
    expect(manifest).not.toContain("localhost");
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map(
      (m) => m[1]
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(PRODUCTION_BASE)).toBe(true);
      expect([url, fs.existsSync(path.join(outDir, url.slice(PRODUCTION_BASE.length)))]).toEqual([
        url,
        true,
      ]);
    }
  });

  it("loads office.js from OFFICE_JS_URL before the functions bundle", () => {
    const html = built(OUTPUT_FILES.page);
    const office = html.indexOf(CUSTOM_OFFICE_JS);
    expect(office).toBeGreaterThan(-1);
    expect(html).not.toContain(OFFICE_JS);
    expect(html.indexOf(OUTPUT_FILES.functionsScript)).toBeGreaterThan(office);
  });

  it("puts OFFICE_JS_URL into every emitted page that loads office.js", () => {
    const pages = fs
      .readdirSync(outDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html"));
    expect(pages).toContain(OUTPUT_FILES.page);
    for (const page of pages) {
      // The production page is minified: attribute quotes may be gone.
      const sources = [...built(page).matchAll(/<script[^>]*\ssrc="?([^"\s>]*office\.js)/g)].map(
        (m) => m[1]
      );
      expect([page, sources]).toEqual([page, [CUSTOM_OFFICE_JS]]);
    }
  });
});

describe("the shared-runtime page in Chromium", () => {
  it("associates every function id of functions.json", async () => {
    const ids = (
      JSON.parse(built(OUTPUT_FILES.metadata)) as { functions: { id: string }[] }
    ).functions
      .map((f) => f.id)
      .sort();
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
      const fns = (
        window as unknown as { __associated: Record<string, (...args: unknown[]) => number> }
      ).__associated;
      const pupils = [[45], [37], [89], [76], [55]];
      const books = [279, 137, 935, 160, 402];
      return fns.WEIGHTEDCV(
        books.map((b, i) => [b / pupils[i][0]]),
        pupils
      );
    });
    expect(cv).toBeCloseTo(0.515, 3);
  });

  it("gives 0.9 for PERHUNDRED(9, 1000), and COMPLIANT meets L3 with it", async () => {
    const result = await page.evaluate(() => {
      const fns = (
        window as unknown as { __associated: Record<string, (...args: unknown[]) => unknown> }
      ).__associated;
      const value = fns.PERHUNDRED(9, 1000);
      return { value, met: fns.COMPLIANT(value, "L3", "小学") };
    });
    expect(result).toEqual({ value: 0.9, met: true });
  });

  it("throws CustomFunctions.Error with the Chinese message for text in a range", async () => {
    const error = await page.evaluate(() => {
      const fns = (
        window as unknown as { __associated: Record<string, (...args: unknown[]) => unknown> }
      ).__associated;
      try {
        fns.WEIGHTEDCV([[1], ["abc"]], [[10], [20]]);
        return null;
      } catch (e) {
        const err = e as { constructor: { name: string }; code: string; message: string };
        return { type: err.constructor.name, code: err.code, message: err.message };
      }
    });
    expect(error).toEqual({
      type: "CustomFunctionsError",
      code: "#VALUE!",
      message: expect.stringContaining("文本「abc」"),
    });
  });

  it("renders the task pane after Office.onReady and associates the ribbon's runAudit, without page errors or outside requests", async () => {
    expect(await page.locator("h1").textContent()).toBe("均衡督导助手");
    expect(await page.getByRole("tab", { name: "数据" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { __actions: object }).__actions))
    ).toEqual(["runAudit"]);
    expect(session.pageErrors).toEqual([]);
    expect(session.blocked).toEqual([]);
  });
});
