import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT_FILES } from "../../webpack.config";
import {
  build,
  bundleScript,
  officeStub,
  openBrowser,
  transitionsDone,
  type BrowserSession,
} from "../support/browser";
import { TYPO_SCHOOL } from "../support/incompleteCountyWorkbook";
import { makeTempDir, removeTempDir } from "../support/tmp";

/**
 * The production build's task pane in Debian's Chromium over a county whose data has a school row
 * left out for a typo'd 在校生数 and a county form whose G11 fails: the results page shows the
 * county verdict card with its reasons and the 「数据不完整」 warning, in Chinese (rendered with
 * the CJK font .ci/run installs), and takes a click on each to its cell. The real reader, engine,
 * report and Excel host run against the host's fake workbook, as in taskpane-flow.test.ts.
 * Screenshots: test-artifacts/taskpane/verdict-*.png.
 */
// Timeout: the slow jest project's (jest.config.js).

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "taskpane");
const WIDTH = 340;

let outDir: string;
let session: BrowserSession;
let page: Page;

interface TestWindow {
  __workbook: { activeSheet: string; selection: string };
}

async function shot(target: Page, name: string): Promise<void> {
  await target.mouse.move(WIDTH - 2, 2);
  await transitionsDone(target);
  await target.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await target.screenshot({ path: path.join(ARTIFACTS, `${name}-full.png`), fullPage: true });
}

function selection(target: Page) {
  return target.evaluate(() => {
    const book = (window as unknown as TestWindow).__workbook;
    return { sheet: book.activeSheet, address: book.selection };
  });
}

/** The page is no wider than the pane: nothing cut off or scrolling sideways. */
function fitsWidth(target: Page): Promise<boolean> {
  return target.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth
  );
}

async function runAudit(target: Page, button: string, results: string): Promise<void> {
  await target.getByRole("group", { name: "小学", exact: true }).waitFor();
  await target.getByRole("button", { name: button }).click();
  await target.getByRole("region", { name: results }).waitFor();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  outDir = makeTempDir("pane-verdict");
  await build(outDir);
  const fakeExcel = await bundleScript(
    path.join(__dirname, "support", "fakeExcelIncompleteRuntime.ts")
  );
  session = await openBrowser(outDir, officeStub("zh-CN") + "\n" + fakeExcel, {
    width: WIDTH,
    height: 900,
  });
  page = session.page;
  await page.goto(`${session.origin}/${OUTPUT_FILES.page}`);
  await runAudit(page, "一键审计", "结果");
});

afterAll(async () => {
  await session?.close();
  if (outDir) removeTempDir(outDir);
});

describe("the pane's county verdict and 「数据不完整」 warning", () => {
  it("renders Chinese with a CJK font of the system (fonts-noto-cjk, installed by .ci/run)", () => {
    // Without one the screenshots show boxes instead of Chinese.
    const families = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
    expect(families).toMatch(/Noto Sans CJK/);
  });

  it("warns 「数据不完整」 with the row left out, its reason, and a click to its bad cell", async () => {
    const warning = page.getByRole("group", { name: "数据不完整" });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      "有 1 所学校的行因数据有误未读入，审计结果不含这些学校。"
    );
    expect(await warning.textContent()).toContain(
      `在校生数（小学!${TYPO_SCHOOL.cell}）为「1,2O0」，不是数字`
    );
    // A school left out for another reason (特殊教育学校) is not bad data.
    expect(await warning.textContent()).not.toContain("特殊教育学校");
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, "verdict-01-warning");
    await warning.screenshot({ path: path.join(ARTIFACTS, "verdict-01-warning-bar.png") });
    await warning
      .getByRole("button", {
        name: `在「${TYPO_SCHOOL.sheet}」中选中「${TYPO_SCHOOL.name}」的 ${TYPO_SCHOOL.cell}`,
      })
      .click();
    await page.waitForFunction(
      (cell) => (window as unknown as TestWindow).__workbook.selection === cell,
      TYPO_SCHOOL.cell
    );
    expect(await selection(page)).toEqual({ sheet: TYPO_SCHOOL.sheet, address: TYPO_SCHOOL.cell });
  });

  it("shows the county verdict 未达标 with its dimension lines and reasons", async () => {
    const card = page.getByRole("group", { name: "县域结论（四个方面与一票否决） 未达标" });
    await card.scrollIntoViewIfNeeded();
    const text = await card.textContent();
    // The typo'd row left out of the CVs counts as one unchecked entry of resource allocation.
    expect(text).toContain("资源配置：未达标（核查2项，达标0项，未达标2项，未核查1项）");
    expect(text).toContain("政府保障程度：未达标（核查13项，达标12项，未达标1项，未核查2项）");
    expect(text).toContain("教育质量：达标（核查9项，达标9项，未达标0项，未核查0项）");
    expect(text).toContain("社会认可度：达标（核查1项，达标1项，未达标0项，未核查0项）");
    const failed = card.getByRole("region", { name: "未达标项目" });
    expect(await failed.getByRole("listitem").count()).toBe(1);
    expect(await failed.textContent()).toContain(
      "实际：5.9%、78.0%；要求：交流轮岗教师占符合条件教师总数的10%以上"
    );
    const unchecked = card.getByRole("region", { name: "未核查项目" });
    expect(await unchecked.textContent()).toContain("请补充学校表的最大班额或分班额段班级数");
    expect(await card.getByRole("region", { name: "待补充" }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await card.screenshot({ path: path.join(ARTIFACTS, "verdict-02-card.png") });
    await shot(page, "verdict-02-results");
  });

  it("takes a click on the failed item to its row in 表Ⅳ, and on a CV to 差异系数", async () => {
    await page.getByRole("button", { name: "在「表Ⅳ」中查看 G11 教师交流轮岗" }).click();
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__workbook.activeSheet === "表Ⅳ"
    );
    expect((await selection(page)).address).toMatch(/^A(\d+):E\1$/);
    const cv = page.getByRole("button", {
      name: "在「差异系数」中选中小学「L1 高于规定学历教师」的差异系数",
    });
    await cv.scrollIntoViewIfNeeded();
    await cv.click();
    await page.waitForFunction(
      () => (window as unknown as TestWindow).__workbook.activeSheet === "差异系数"
    );
    expect((await selection(page)).address).toMatch(/^I\d+$/);
    expect(session.pageErrors).toEqual([]);
    expect(session.blocked).toEqual([]);
  });

  it("says the same in English", async () => {
    const english = await session.context.newPage();
    try {
      await english.setViewportSize({ width: WIDTH, height: 900 });
      await english.goto(`${session.origin}/${OUTPUT_FILES.page}?lang=en-US`);
      await runAudit(english, "Run audit", "Results");
      const warning = english.getByRole("group", { name: "Data incomplete" });
      expect(await warning.textContent()).toContain("1 school row was left out for bad data");
      const card = english.getByRole("group", {
        name: "County verdict (four dimensions and the veto) Does not meet the standard",
      });
      expect(await card.getByRole("region", { name: "Items not met" }).textContent()).toContain(
        "Figure: 5.9%, 78.0%; required:"
      );
      expect(await fitsWidth(english)).toBe(true);
      await shot(english, "verdict-03-english");
    } finally {
      await english.close();
    }
  });
});
