/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { CvTable } from "../../src/taskpane/components/CvTable";
import { StageVerdict } from "../../src/taskpane/components/StageVerdict";
import { PaneController } from "../../src/taskpane/controller";
import { OVERRIDES_KEY, SETTINGS_KEY } from "../../src/taskpane/documentSettings";
import { stringsFor } from "../../src/taskpane/i18n";
import { HOSTILE_NAME } from "../report/fixture";
import { deferred, fakeWorkbook, type FakeWorkbook } from "./fakes";

// Each run renders the whole pane in jsdom (3–4 s on a quiet machine): the 5 s default is too
// tight on a shared CI box. A timeout, not a timed assertion.
jest.setTimeout(30_000);

async function openPane(language = "zh-CN", fake: FakeWorkbook = fakeWorkbook()) {
  const controller = new PaneController(fake.service);
  render(<App controller={controller} strings={stringsFor(language)} />);
  await act(() => controller.rescan());
  return { fake, controller };
}

/** Runs the audit through the pane's button and waits for the results page. */
async function runFromButton(name = "一键审计") {
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByRole("region", { name: /结果|Results/ });
}

describe("the task pane", () => {
  it("opens on 数据 with each table, its fields, their columns and confidence", async () => {
    await openPane();
    expect(screen.getByRole("tab", { name: "数据", selected: true })).toBeTruthy();
    const primary = screen.getByRole("group", { name: "小学" });
    expect(within(primary).getByText("表头第 4–4 行，读到 5 所学校")).toBeTruthy();
    const pupils = within(primary).getByRole("combobox", {
      name: "「小学」中「小学在校生数」所在的列",
    });
    expect(pupils.textContent).toBe("C 列：在校生数");
    expect(within(primary).getAllByText("把握 70%")).toHaveLength(1);
    expect(screen.getByText(/「说明」：没有找到学校名称和在校生数的表头/)).toBeTruthy();
  });

  it("saves a changed mapping in the workbook and shows the new column", async () => {
    const { fake } = await openPane();
    const primary = screen.getByRole("group", { name: "小学" });
    fireEvent.click(
      within(primary).getByRole("combobox", { name: "「小学」中「小学在校生数」所在的列" })
    );
    fireEvent.click(await screen.findByRole("option", { name: "D 列：高于规定学历教师数" }));
    await waitFor(() =>
      expect(fake.settings.get(OVERRIDES_KEY)).toEqual([
        { sheet: "小学", field: "pupils.primary", column: 3 },
      ])
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole("group", { name: "小学" })).getByRole("combobox", {
          name: "「小学」中「小学在校生数」所在的列",
        }).textContent
      ).toBe("D 列：高于规定学历教师数")
    );
    expect(fake.scans.at(-1)!.overrides).toEqual([
      { sheet: "小学", field: "pupils.primary", column: 3 },
    ]);
  });

  it("keeps a field set aside on show, so it can be used again, and adds a field the reader missed", async () => {
    const { fake } = await openPane();
    const combo = () =>
      within(screen.getByRole("group", { name: "小学" })).getByRole("combobox", {
        name: "「小学」中「其中：室内体育用房」所在的列",
      });
    fireEvent.click(combo());
    fireEvent.click(await screen.findByRole("option", { name: "不使用此字段" }));
    await waitFor(() => expect(combo().textContent).toBe("不使用此字段"));
    expect(within(screen.getByRole("group", { name: "小学" })).getByText("未使用")).toBeTruthy();
    fireEvent.click(combo());
    fireEvent.click(await screen.findByRole("option", { name: "J 列：其中：室内体育用房（㎡）" }));
    await waitFor(() =>
      expect(fake.settings.get(OVERRIDES_KEY)).toEqual([
        { sheet: "小学", field: "facilities.indoorSportsArea", column: 9 },
      ])
    );
    await waitFor(() => expect(combo().textContent).toBe("J 列：其中：室内体育用房（㎡）"));

    const junior = () => within(screen.getByRole("group", { name: "初中" }));
    fireEvent.click(junior().getByRole("combobox", { name: "初中：添加字段…" }));
    fireEvent.click(await screen.findByRole("option", { name: "其中：室内体育用房" }));
    const added = junior().getByRole("combobox", {
      name: "「初中」中「其中：室内体育用房」所在的列",
    });
    fireEvent.click(added);
    fireEvent.click(await screen.findByRole("option", { name: "M 列" }));
    await waitFor(() =>
      expect(fake.settings.get(OVERRIDES_KEY)).toEqual([
        { sheet: "小学", field: "facilities.indoorSportsArea", column: 9 },
        { sheet: "初中", field: "facilities.indoorSportsArea", column: 12 },
      ])
    );
  });

  it("saves 设置 in the workbook", async () => {
    const { fake } = await openPane();
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    fireEvent.click(screen.getByRole("radio", { name: "2012 基本均衡（对照）" }));
    await waitFor(() =>
      expect((fake.settings.get(SETTINGS_KEY) as { standard: string }).standard).toBe("2012")
    );
    fireEvent.click(screen.getByRole("radio", { name: "不纳入审计" }));
    fireEvent.click(screen.getByRole("switch", { name: /计入交流轮岗/ }));
    await waitFor(() =>
      expect(fake.settings.get(SETTINGS_KEY)).toMatchObject({
        standard: "2012",
        excludePrivate: true,
        relaxations: { smallSchoolPeArtsTeachers: true },
      })
    );
    expect((screen.getByRole("switch", { name: /计入交流轮岗/ }) as HTMLInputElement).checked).toBe(
      true
    );
  });

  it("shows the progress bar and the step while the audit sheets are written", async () => {
    const fake = fakeWorkbook();
    fake.holdWrite = deferred();
    await openPane("zh-CN", fake);
    fireEvent.click(screen.getByRole("button", { name: "一键审计" }));
    expect(await screen.findByText("写入审计表（63%）")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect((screen.getByRole("button", { name: "正在审计…" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    await act(async () => fake.holdWrite!.resolve());
    await screen.findByRole("region", { name: "结果" });
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("renders the verdicts, the CVs against their limits and the failing schools", async () => {
    await openPane();
    await runFromButton();
    expect(screen.getByRole("group", { name: "小学 未达标" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "初中 未达标" })).toBeTruthy();
    expect(screen.getByText("5 所学校，4 所达标，在校生 4100 人；差异系数均在上限内")).toBeTruthy();
    const table = screen.getByRole("table", { name: "小学 差异系数" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(1 + 7 + 1);
    expect(
      within(rows[1])
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["L1 高于规定学历教师", expect.stringMatching(/^0\.\d{3}$/), "0.50", "符合"]);
    expect(within(rows[8]).getByText("综合差异系数")).toBeTruthy();
    expect(screen.getByRole("button", { name: `在源表中选中「${HOSTILE_NAME}」` })).toBeTruthy();
    expect(screen.getByText(/L1 需增加6名高于规定学历教师/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "打开工作表「审计总览」" })).toBeTruthy();
  });

  it("shows the county verdict of the whole standard, its dimension lines and what is missing", async () => {
    await openPane();
    await runFromButton();
    const card = screen.getByRole("group", { name: "县域结论（四个方面与一票否决） 未达标" });
    expect(
      within(card).getByText("资源配置：未达标（核查2项，达标0项，未达标2项，未核查0项）")
    ).toBeTruthy();
    expect(within(card).getByText(/政府保障程度：未核查（核查\d+项/)).toBeTruthy();
    expect(within(card).getByText(/工作簿中还没有县域指标表/)).toBeTruthy();
    expect(within(card).getByRole("region", { name: "待补充" }).textContent).toMatch(
      /G1、G2、G6-1、G6-2、/
    );
  });

  it("takes a click on a missing code to its cell in the county form", async () => {
    const fake = fakeWorkbook();
    fake.extraGrids = [
      {
        name: "县域指标",
        merges: [],
        rows: [
          ["县域指标"],
          ["编号", "项目", "填报值"],
          ["G1", "学校规划布局合理", null],
          ["G2", "四统一", "是"],
        ],
      },
    ];
    await openPane("zh-CN", fake);
    expect(screen.getByText(/「县域指标」：县域指标表：按县填报/)).toBeTruthy();
    await runFromButton();
    expect(screen.getByText(/点击编号跳到「县域指标」表/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "填写 G1" }));
    await waitFor(() => expect(fake.selected.at(-1)).toEqual({ sheet: "县域指标", address: "C3" }));
    expect(screen.queryByRole("button", { name: "填写 G2" })).toBeNull();
  });

  it("inserts the county form from 数据 and shows its first cell to fill", async () => {
    const { fake } = await openPane();
    fireEvent.click(screen.getByRole("button", { name: "插入县域指标表" }));
    await waitFor(() => expect(fake.inserted).toBe(1));
    await waitFor(() => expect(fake.selected.at(-1)).toEqual({ sheet: "县域指标", address: "D5" }));
  });

  it("marks a CV over its limit, and judges the composite under 2012", async () => {
    const { fake } = await openPane();
    fake.settings.set(SETTINGS_KEY, { standard: "2012" });
    const controller = new PaneController(fake.service);
    const run = (await controller.run())!;
    const stage = run.result.counties[0].stages.primary;
    expect(stage.compositeLimit).toBe(0.65);
    const over = { ...stage, cvPass: false, compositeCv: 0.7, indicators: { ...stage.indicators } };
    const first = Object.keys(over.indicators)[0];
    over.indicators[first] = { ...over.indicators[first], cv: 0.61, limit: 0.5, pass: false };
    render(<CvTable stage={over} />);
    const table = screen.getAllByRole("table").at(-1)!;
    const rows = within(table).getAllByRole("row");
    expect(
      within(rows[1])
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(1)
    ).toEqual(["0.610", "0.50", "超出"]);
    expect(
      within(rows.at(-1)!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual(["综合差异系数", "0.700", "0.65", "超出"]);
  });

  it("says 「未读到学校」 for a stage the workbook names but of which no school was read (issue #18, item 5)", async () => {
    const { fake } = await openPane();
    const run = (await new PaneController(fake.service).run())!;
    const junior = {
      ...run.result.counties[0].stages.junior,
      schools: 0,
      pass: null,
      unread: true,
      note: "未读到学校",
    };
    render(<StageVerdict stage={junior} />);
    const card = screen.getByLabelText("初中 未读到学校");
    expect(card.textContent).toContain("县域结论为「未完成」");
    expect(within(card).queryByRole("table")).toBeNull();
  });

  it("gives a verdict card per county and stage when the sheets hold several counties", async () => {
    await openPane("zh-CN", fakeWorkbook({ a: "甲县", b: "乙县" }));
    await runFromButton();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(["甲县", "乙县"]);
    expect(screen.getAllByRole("table", { name: "小学 差异系数" })).toHaveLength(2);
    expect(screen.getAllByRole("table", { name: "初中 差异系数" })).toHaveLength(2);
    expect(screen.getByText("乙县，达到 1/7 项指标")).toBeTruthy();
  });

  it("selects a finding's source cell, and an audit sheet, when clicked", async () => {
    const fake = fakeWorkbook();
    fake.renames = { 审计总览: "审计总览 (2)" };
    await openPane("zh-CN", fake);
    await runFromButton();
    fireEvent.click(
      screen.getByRole("button", {
        name: `在源表中选中「${HOSTILE_NAME}」的「每百名学生拥有高于规定学历教师数」数据`,
      })
    );
    fireEvent.click(screen.getByRole("button", { name: "在源表中选中「@x」" }));
    fireEvent.click(screen.getByRole("button", { name: "打开工作表「审计总览 (2)」" }));
    await waitFor(() =>
      expect(fake.selected).toEqual([
        { sheet: "小学", address: "D7" },
        { sheet: "初中", address: "B6" },
        { sheet: "审计总览 (2)", address: "A1" },
      ])
    );
  });

  it("speaks English when Office's display language is English", async () => {
    await openPane("en-US");
    expect(screen.getByRole("tab", { name: "Data", selected: true })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Run audit" })).toBeTruthy();
    expect(screen.getByText("Header rows 4–4, 5 schools read")).toBeTruthy();
    await runFromButton("Run audit");
    expect(screen.getByRole("group", { name: "Primary Fail" })).toBeTruthy();
    expect(screen.getByText("Schools that fail")).toBeTruthy();
    expect(screen.queryByText("一键审计")).toBeNull();
    // The advice is worded from the engine's figures, not shown in Chinese.
    expect(
      screen.getByText(
        /^L1 Add 6 teachers above the required degree; below 85% of the standard: at least 3 teachers above the required degree to reach 85%$/
      )
    ).toBeTruthy();
    expect(screen.queryByText(/需增加/)).toBeNull();
  });

  it("shows what went wrong in a message bar, without a stack trace, and dismisses it", async () => {
    const fake = fakeWorkbook();
    await openPane("zh-CN", fake);
    fake.readError = Object.assign(new Error("RichApi.Error at line 1"), {
      code: "InvalidOperationInCellEditMode",
      stack: "Error: at foo (x.js:1:1)",
    });
    fireEvent.click(screen.getByRole("button", { name: "一键审计" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("未能完成");
    expect(alert.textContent).toContain("Excel 出错（InvalidOperationInCellEditMode）：请重试。");
    expect(alert.textContent).not.toMatch(/x\.js|at foo/);
    fireEvent.click(within(alert).getByRole("button", { name: "关闭" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
