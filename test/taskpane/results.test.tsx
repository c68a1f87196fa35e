/** @jest-environment jsdom */
/**
 * The results page's county verdict with its reasons, the 「数据不完整」 warning and the CV table,
 * rendered on their own over a real audit (engine, report plan, flow targets): each item, row and
 * CV is a click to its cell.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { audit, type AuditResult, type ExcludedRecord } from "../../src/engine";
import { cvKey, locateTargets, type CountyTargets } from "../../src/flow/targets";
import { buildPlan } from "../../src/report";
import { ControllerContext, StringsContext } from "../../src/taskpane/components/context";
import { CountyVerdict } from "../../src/taskpane/components/CountyVerdict";
import { CvTable } from "../../src/taskpane/components/CvTable";
import { DataIncomplete } from "../../src/taskpane/components/DataIncomplete";
import { PaneController } from "../../src/taskpane/controller";
import { stringsFor } from "../../src/taskpane/i18n";
import { passingCounty, passingForm } from "../engine/countyFixtures";
import { AUDITED_AT } from "../report/helpers";
import { fakeWorkbook } from "./fakes";

/** G11 fails (100 of 1704 rotated: 5.9%), V3 is triggered, G7-1 and V4 are blank. */
function failingCounty(): { result: AuditResult; targets: CountyTargets } {
  const records = passingCounty();
  const result = audit(
    records,
    {},
    {
      countyForms: [passingForm({ "G11-2": 100, "G7-1": null, V3: true, V4: null })],
    }
  );
  const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
  return { result, targets: locateTargets(plan, result)[""] };
}

function renderWith(ui: ReactElement, language = "zh-CN") {
  const fake = fakeWorkbook();
  const controller = new PaneController(fake.service);
  render(
    <ControllerContext.Provider value={controller}>
      <StringsContext.Provider value={stringsFor(language)}>{ui}</StringsContext.Provider>
    </ControllerContext.Provider>
  );
  /** The cell the last click selected. */
  const clicked = async () => {
    await Promise.resolve();
    return fake.selected.at(-1);
  };
  return { fake, clicked };
}

describe("the county verdict card", () => {
  const { result, targets } = failingCounty();
  const county = result.counties[0];

  it("names the failed item with its figure against the requirement, and takes a click to its row in 表Ⅳ", async () => {
    const { clicked } = renderWith(<CountyVerdict county={county} targets={targets} />);
    const card = screen.getByRole("group", { name: "县域结论（四个方面与一票否决） 未达标" });
    const failed = within(card).getByRole("region", { name: "未达标项目" });
    const g11 = within(failed).getByRole("button", { name: "在「表Ⅳ」中查看 G11 教师交流轮岗" });
    expect(
      within(failed).getByText(
        "实际：5.9%、78.0%；要求：交流轮岗教师占符合条件教师总数的10%以上，其中骨干教师不低于交流轮岗教师总数的20%"
      )
    ).toBeTruthy();
    fireEvent.click(g11);
    expect(await clicked()).toEqual(targets.items.G11);
    expect(targets.items.G11.sheet).toBe("表Ⅳ");
  });

  it("names the triggered veto item, a click to its row in 表Ⅵ", async () => {
    const { clicked } = renderWith(<CountyVerdict county={county} targets={targets} />);
    const veto = screen.getByRole("region", { name: "一票否决情形" });
    expect(within(veto).getAllByRole("button")).toHaveLength(1);
    fireEvent.click(
      within(veto).getByRole("button", { name: "在「表Ⅵ」中查看 V3 设置重点学校或重点班" })
    );
    expect(await clicked()).toEqual(targets.veto.V3);
  });

  it("lists each unchecked item with why, and each missing code as a click to its 填报值 cell", async () => {
    const { clicked } = renderWith(<CountyVerdict county={county} targets={targets} />);
    const unchecked = screen.getByRole("region", { name: "未核查项目" });
    expect(within(unchecked).getAllByRole("listitem")).toHaveLength(1);
    expect(
      within(unchecked).getByRole("button", { name: "在「表Ⅳ」中查看 G7 特殊教育学校生均公用经费" })
    ).toBeTruthy();
    expect(
      within(unchecked).getByText("请在县域指标表填报G7-1「特殊教育学校公用经费」")
    ).toBeTruthy();
    const missing = screen.getByRole("region", { name: "待补充" });
    expect(
      within(missing)
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual(["G7-1", "V4"]);
    fireEvent.click(within(missing).getByRole("button", { name: "填写 V4" }));
    expect(await clicked()).toEqual({ sheet: "县域指标", address: county.form!.cells.V4 });
  });

  it("goes to the item's first form cell (its rule's first input) when the audit tables are not known", async () => {
    const { clicked } = renderWith(<CountyVerdict county={county} />);
    fireEvent.click(screen.getByRole("button", { name: "在「县域指标」中查看 G11 教师交流轮岗" }));
    expect(await clicked()).toEqual({ sheet: "县域指标", address: county.form!.cells["G11-2"] });
  });

  it("folds a long list of unchecked items (no county form yet) under its count, and opens it on a click", () => {
    const bare = audit(passingCounty()).counties[0];
    const count = bare.items.filter((i) => i.status === "unchecked").length;
    expect(count).toBeGreaterThan(5);
    renderWith(<CountyVerdict county={bare} />);
    const unchecked = screen.getByRole("region", { name: "未核查项目" });
    expect(within(unchecked).queryAllByRole("listitem")).toHaveLength(0);
    fireEvent.click(within(unchecked).getByRole("button", { name: `未核查项目（${count}项）` }));
    expect(within(unchecked).getAllByRole("listitem")).toHaveLength(count);
    // Without the form there is nowhere to go: the items are text, the hint says to insert the form.
    expect(within(unchecked).queryAllByRole("button", { name: /^在「/ })).toHaveLength(0);
    expect(within(unchecked).getByText(/^请插入县域指标表并填报G1「/)).toBeTruthy();
    expect(screen.getByText(/工作簿中还没有县域指标表/)).toBeTruthy();
    // Each code to fill is one element, kept on one line (「G13-4」 never breaks at its hyphen).
    const missing = screen.getByRole("region", { name: "待补充" });
    expect(within(missing).getByText("G13-4").tagName).toBe("SPAN");
    expect(missing.textContent).toContain("G1、G2、G6-1、");
    // G11's two rules both note G11-2: said once.
    const g11 = within(unchecked).getByText(/^请插入县域指标表并填报G11-2「/).textContent!;
    expect(g11.match(/G11-2「/g)).toHaveLength(1);
  });

  it("lists no reasons of a county that passes: only the dimension lines", () => {
    const passing = audit(passingCounty(), {}, { countyForms: [passingForm()] }).counties[0];
    expect(passing.verdict).toBe("pass");
    renderWith(<CountyVerdict county={passing} />);
    expect(screen.getByRole("group", { name: "县域结论（四个方面与一票否决） 达标" })).toBeTruthy();
    expect(screen.queryAllByRole("region")).toHaveLength(0);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("speaks English: the pane's words, the data's Chinese names", () => {
    renderWith(<CountyVerdict county={county} targets={targets} />, "en-US");
    const card = screen.getByRole("group", {
      name: "County verdict (four dimensions and the veto) Does not meet the standard",
    });
    const failed = within(card).getByRole("region", { name: "Items not met" });
    expect(
      within(failed).getByRole("button", { name: "Show G11 教师交流轮岗 in 「表Ⅳ」" })
    ).toBeTruthy();
    expect(within(failed).getByText(/^Figure: 5\.9%, 78\.0%; required: 交流轮岗/)).toBeTruthy();
    expect(within(card).getByRole("region", { name: "Unchecked items" })).toBeTruthy();
  });
});

describe("the 「数据不完整」 warning", () => {
  const leftOut: ExcludedRecord = {
    recordIndex: -1,
    name: "错字小学",
    county: "",
    reason: "在校生数（小学!C9）为「1,2O0」，不是数字，应为大于0的人数，该行未读入",
    source: { sheet: "小学", row: 9, cell: "C9" },
    rowLeftOut: true,
  };
  const counted: ExcludedRecord = {
    recordIndex: 3,
    name: "特教学校",
    county: "",
    reason: "特殊教育学校不计入",
  };
  const sheets = [{ kind: "diagnostics" as const, name: "数据诊断" }];

  it("counts the rows left out, lists each with its reason, and takes a click to its bad cell", async () => {
    const { clicked } = renderWith(
      <DataIncomplete excluded={[counted, leftOut]} sheets={sheets} />
    );
    const bar = screen.getByRole("group", { name: "数据不完整" });
    expect(bar.textContent).toContain("有 1 所学校的行因数据有误未读入");
    expect(within(bar).getByText(leftOut.reason)).toBeTruthy();
    expect(within(bar).queryByText(/特教学校/)).toBeNull();
    fireEvent.click(within(bar).getByRole("button", { name: "在「小学」中选中「错字小学」的 C9" }));
    expect(await clicked()).toEqual({ sheet: "小学", address: "C9" });
    fireEvent.click(within(bar).getByRole("button", { name: "在「数据诊断」中查看" }));
    expect(await clicked()).toEqual({ sheet: "数据诊断", address: "A1" });
  });

  it("says nothing when no row was left out (other exclusions are not bad data)", () => {
    renderWith(<DataIncomplete excluded={[counted]} sheets={sheets} />);
    expect(screen.queryByText("数据不完整")).toBeNull();
  });

  it("in English", () => {
    renderWith(<DataIncomplete excluded={[leftOut, leftOut]} sheets={[]} />, "en");
    const bar = screen.getByRole("group", { name: "Data incomplete" });
    expect(bar.textContent).toContain("2 school rows were left out for bad data");
    expect(
      within(bar).getAllByRole("button", { name: "Select C9 of “错字小学” in 「小学」" })
    ).toHaveLength(2);
  });
});

describe("the CV table", () => {
  it("takes a click on a CV to its cell in 差异系数", async () => {
    const { result, targets } = failingCounty();
    const stage = result.counties[0].stages.primary;
    const { clicked } = renderWith(
      <CvTable stage={stage} standardId="2017" cvTargets={targets.cvs} />
    );
    const l1 = screen.getByRole("button", {
      name: "在「差异系数」中选中小学「L1 高于规定学历教师」的差异系数",
    });
    expect(l1.textContent).toBe(stage.indicators.L1.cv!.toFixed(3));
    fireEvent.click(l1);
    expect(await clicked()).toEqual(targets.cvs[cvKey("primary", "L1")]);
  });
});
