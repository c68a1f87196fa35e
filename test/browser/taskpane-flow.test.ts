import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT_FILES } from "../../webpack.config";
import { OVERRIDES_KEY } from "../../src/taskpane/documentSettings";
import {
  build,
  bundleScript,
  officeStub,
  openBrowser,
  transitionsDone,
  type BrowserSession,
} from "../support/browser";
import { HOSTILE_NAME } from "../report/fixture";
import { makeTempDir, removeTempDir } from "../support/tmp";

/**
 * The production build's task pane in Debian's Chromium, at a task pane's width, over a small
 * county: office.js is a stub, and Excel.run drives the real Excel host (src/hosts/excel) against
 * the host's fake in-memory workbook (test/hosts/excel/fakeExcel.ts) holding the county's sheets;
 * the sheet reader, the engine and the report are the real ones, unchanged.
 * Screenshots: test-artifacts/taskpane/.
 */
// Timeout: the slow jest project's (jest.config.js).

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "taskpane");
const WIDTH = 340;

let outDir: string;
let session: BrowserSession;
let page: Page;

interface TestWindow {
  __actions: Record<string, (event: { completed(): void }) => void>;
  __panesShown: number;
  __workbook: {
    sheets: { name: string }[];
    activeSheet: string;
    selection: string;
    writes: { what: string }[];
  };
  __settings: Record<string, string>;
  __holdWrites(): void;
  __releaseWrites(): void;
  __held: boolean;
}

/** What the pane shows now (the viewport, as a user sees it); `full` adds the whole page as <name>-full.png. */
async function shot(name: string, full = false): Promise<void> {
  // No hover colour on whatever the mouse last clicked.
  await page.mouse.move(WIDTH - 2, 2);
  // Let Fluent's colour transitions (disabled → enabled) finish: the picture, not an assertion.
  await transitionsDone(page);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  if (full)
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
}

/** The page is no wider than the pane: nothing cut off or scrolling sideways. */
async function fitsWidth(): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth
  );
}

function workbook() {
  return page.evaluate(() => {
    const book = (window as unknown as TestWindow).__workbook;
    return {
      sheets: book.sheets.map((s) => s.name),
      activeSheet: book.activeSheet,
      selection: book.selection,
      added: book.writes.filter((w) => w.what === "worksheets.add").length,
    };
  });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  outDir = makeTempDir("pane");
  await build(outDir);
  const fakeExcel = await bundleScript(path.join(__dirname, "support", "fakeExcelRuntime.ts"));
  session = await openBrowser(outDir, officeStub("zh-CN") + "\n" + fakeExcel, {
    width: WIDTH,
    height: 900,
  });
  page = session.page;
  await page.goto(`${session.origin}/${OUTPUT_FILES.page}`);
});

afterAll(async () => {
  await session?.close();
  if (outDir) removeTempDir(outDir);
});

describe("the task pane over a small county, step by step", () => {
  it("1. opens on 数据 with the tables found, each field's column and confidence", async () => {
    const primary = page.getByRole("group", { name: "小学", exact: true });
    await primary.waitFor();
    expect(await page.getByRole("tab", { name: "数据" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(
      await primary.getByRole("combobox", { name: "「小学」中「在校生数」所在的列" }).textContent()
    ).toBe("C 列：在校生数");
    expect(
      await primary
        .getByRole("combobox", { name: "「小学」中「教学仪器设备值」所在的列" })
        .textContent()
    ).toBe("L 列：教学仪器设备值（万元）");
    expect(await primary.getByText("把握 100%").count()).toBe(15);
    expect(await primary.getByText("单位换算：教学仪器设备值：万元→元").isVisible()).toBe(true);
    expect(await page.getByRole("group", { name: "O'Brien" }).isVisible()).toBe(true);
    expect(await fitsWidth()).toBe(true);
    await shot("01-data", true);
    // The other tables start folded; the keyboard opens one.
    const junior = page.getByRole("group", { name: "初中", exact: true });
    const juniorPupils = junior.getByRole("combobox", { name: "「初中」中「在校生数」所在的列" });
    expect(await juniorPupils.isVisible()).toBe(false);
    await junior.getByRole("button", { name: /初中/ }).focus();
    await page.keyboard.press("Enter");
    await juniorPupils.waitFor();
    expect(await juniorPupils.textContent()).toBe("C 列：在校生数");
    await page.keyboard.press("Enter");
    await juniorPupils.waitFor({ state: "hidden" });
  });

  it("2. changes a mapping with the dropdown, and saves it in the workbook's settings", async () => {
    const primary = page.getByRole("group", { name: "小学", exact: true });
    const indoor = primary.getByRole("combobox", {
      name: "「小学」中「其中：室内体育用房面积」所在的列",
    });
    await indoor.scrollIntoViewIfNeeded();
    await indoor.click();
    const unused = page.getByRole("option", { name: "不使用此字段" });
    await unused.waitFor();
    await shot("02-mapping-dropdown");
    await unused.click();
    await page.waitForFunction(
      (key) => (window as unknown as TestWindow).__settings[key] !== undefined,
      OVERRIDES_KEY
    );
    const saved = await page.evaluate(
      (key) => JSON.parse((window as unknown as TestWindow).__settings[key]),
      OVERRIDES_KEY
    );
    expect(saved).toEqual([{ sheet: "小学", field: "facilities.indoorSportsArea", column: null }]);
    // The field stays on show, set aside, so it can be used again.
    await page.waitForFunction(() =>
      [...document.querySelectorAll("[role=combobox]")].some(
        (c) =>
          c.getAttribute("aria-label")?.includes("其中：室内体育用房面积") &&
          c.textContent === "不使用此字段"
      )
    );
    expect(await primary.getByText("未使用").isVisible()).toBe(true);
    await primary.getByText("未使用").scrollIntoViewIfNeeded();
    expect(await fitsWidth()).toBe(true);
    await shot("03-mapping-changed");
  });

  it("3. shows 设置 at the pane's width", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("radio", { name: "2017 优质均衡（教督〔2017〕6号）" }).waitFor();
    expect(
      await page.getByRole("radio", { name: "2017 优质均衡（教督〔2017〕6号）" }).isChecked()
    ).toBe(true);
    expect(await fitsWidth()).toBe(true);
    await shot("04-settings");
  });

  it("4. runs 一键审计 with a progress bar and the step being done", async () => {
    await page.evaluate(() => (window as unknown as TestWindow).__holdWrites());
    await page.getByRole("button", { name: "一键审计" }).click();
    await page.waitForFunction(() => (window as unknown as TestWindow).__held);
    await page.getByText(/^写入审计表（\d+%）$/).waitFor();
    expect(await page.getByRole("progressbar").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "正在审计…" }).isDisabled()).toBe(true);
    await shot("05-progress");
    await page.evaluate(() => (window as unknown as TestWindow).__releaseWrites());
    await page.getByRole("region", { name: "结果" }).waitFor();
    expect(await page.getByRole("progressbar").count()).toBe(0);
  });

  it("5. shows the verdicts, CVs, failing schools and audit sheets, which the real Excel host wrote", async () => {
    expect(await page.getByRole("tab", { name: "结果" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(await page.getByRole("group", { name: "小学 未达标" }).isVisible()).toBe(true);
    expect(await page.getByRole("table", { name: "小学 差异系数" }).getByRole("row").count()).toBe(
      9
    );
    expect(
      await page
        .getByRole("button", { name: `在源表中选中「${HOSTILE_NAME}」`, exact: true })
        .isVisible()
    ).toBe(true);
    const book = await workbook();
    expect(book.sheets).toEqual(
      expect.arrayContaining([
        "小学",
        "初中",
        "O'Brien",
        "说明",
        "审计总览",
        "学校达标",
        "差异系数",
        "问题清单",
        "数据诊断",
      ])
    );
    expect(book.activeSheet).toBe("审计总览");
    expect(await page.getByRole("button", { name: "打开工作表「问题清单」" }).isVisible()).toBe(
      true
    );
    expect(await fitsWidth()).toBe(true);
    await shot("06-results", true);
  });

  it("6. selects a finding's source cell when it is clicked, and opens an audit sheet from its link", async () => {
    const finding = page.getByRole("button", {
      name: `在源表中选中「${HOSTILE_NAME}」的「每百名学生拥有高于规定学历教师数」数据`,
    });
    await finding.scrollIntoViewIfNeeded();
    await finding.click();
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__workbook.selection === "D7"
    );
    expect(await workbook()).toMatchObject({ activeSheet: "小学", selection: "D7" });
    await page.getByRole("status").filter({ hasText: "已在工作表「小学」中选中 D7" }).waitFor();
    await finding.focus();
    await finding.scrollIntoViewIfNeeded();
    await shot("07-finding-clicked");
    // Keyboard: Enter on a focused sheet link activates that sheet.
    await page.getByRole("button", { name: "打开工作表「问题清单」" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__workbook.activeSheet === "问题清单"
    );
  });

  it("7. stays readable at 320 px, without page errors or outside requests", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await fitsWidth()).toBe(true);
    await shot("08-results-320px");
    expect(session.pageErrors).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  it("8. runs the same audit from the ribbon's 一键审计, replacing the audit sheets, and completes the event", async () => {
    const before = await workbook();
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const w = window as unknown as TestWindow;
          w.__actions.runAudit({ completed: () => resolve(true) });
        })
    );
    expect(completed).toBe(true);
    expect(await page.evaluate(() => (window as unknown as TestWindow).__panesShown)).toBe(1);
    const after = await workbook();
    // The previous audit's sheets were replaced, not added beside: same names, one of each.
    expect([...after.sheets].sort()).toEqual([...before.sheets].sort());
    expect(after.activeSheet).toBe("审计总览");
    // A second full set of audit sheets was written (and the first one deleted).
    expect(after.added).toBe(2 * before.added);
    expect(session.pageErrors).toEqual([]);
  });

  it("9. speaks English when Office's display language is English", async () => {
    const english = await session.context.newPage();
    try {
      await english.setViewportSize({ width: WIDTH, height: 900 });
      await english.goto(`${session.origin}/${OUTPUT_FILES.page}?lang=en-US`);
      await english.getByRole("group", { name: "小学", exact: true }).waitFor();
      expect(await english.getByRole("button", { name: "Run audit" }).isVisible()).toBe(true);
      expect(await english.getByRole("tab", { name: "Settings" }).isVisible()).toBe(true);
      await english.getByRole("button", { name: "Run audit" }).click();
      await english.getByRole("region", { name: "Results" }).waitFor();
      expect(await english.getByText("Schools that fail").isVisible()).toBe(true);
      expect(
        await english.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth
        )
      ).toBe(true);
      await english.mouse.move(WIDTH - 2, 2);
      await transitionsDone(english);
      await english.screenshot({ path: path.join(ARTIFACTS, "09-results-english.png") });
    } finally {
      await english.close();
    }
  });
});
