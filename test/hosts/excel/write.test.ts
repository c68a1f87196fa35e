/** writePlanToWorkbook against the fake Excel object model (office-addin-mock inside). */
import { describeExcelError, writePlanToWorkbook } from "../../../src/hosts/excel";
import { charsToPoints } from "../../../src/hosts/excel/planOps";
import { FakeWorkbook, type WriteRecord } from "./fakeExcel";
import { countyPlan, SOURCE_SHEET } from "./plans";

function county(): FakeWorkbook {
  const book = new FakeWorkbook();
  book.addSheet(SOURCE_SHEET, [
    ["学校", "在校生数", "在校生数", "高学历教师"],
    ["城关一小", 1000, 1000, 40],
  ]);
  return book;
}

function snapshot(book: FakeWorkbook, sheet: string) {
  return JSON.stringify([...book.sheet(sheet).cells.entries()]);
}

/** Cells of the array writes in each request (formulas and number formats both count). */
function cellsPerBatch(writes: WriteRecord[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const w of writes) {
    if (w.what !== "formulas" && w.what !== "numberFormat") continue;
    const n = (w.value as unknown[][]).reduce((sum, row) => sum + row.length, 0);
    sizes.set(w.batch, (sizes.get(w.batch) ?? 0) + n);
  }
  return sizes;
}

describe("writePlanToWorkbook: a small county", () => {
  test("queues the values, formats and layout the plan asks for, on new sheets only", async () => {
    const book = county();
    const before = snapshot(book, SOURCE_SHEET);
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    const { sheetNames } = await writePlanToWorkbook(context, countyPlan(3));

    expect(sheetNames).toEqual({ 审计总览: "审计总览", 学校明细: "学校明细" });
    expect(book.sheets.map((s) => s.name)).toEqual([SOURCE_SHEET, "审计总览", "学校明细"]);
    expect(sync).toHaveBeenCalledTimes(3); // sheet list, the write, the swap
    expect(book.activeSheet).toBe("审计总览");

    const on = (sheet: string) => book.writes.filter((w) => w.sheet === sheet);
    const detail = on("学校明细");
    // One 2-D write of formulas (with its number formats) for the whole table.
    expect(detail.filter((w) => w.what === "formulas")).toEqual([
      {
        batch: 2,
        sheet: "学校明细",
        address: "A1:D5",
        what: "formulas",
        value: [
          ["学校明细", "", "", ""],
          ["学校", "在校生数", "L1 每百名学生高于规定学历教师数", "结论"],
          ["第1实验小学", "='小学'!C3", "='小学'!D3*100/'小学'!C3", "未达标"],
          ["第2实验小学", "='小学'!C4", "='小学'!D4*100/'小学'!C4", "未达标"],
          ["第3实验小学", "='小学'!C5", "='小学'!D5*100/'小学'!C5", "达标"],
        ],
      },
    ]);
    const numberFormats = detail.find((w) => w.what === "numberFormat");
    expect(numberFormats?.address).toBe("A1:D5");
    expect((numberFormats?.value as string[][])[2]).toEqual(["General", "0", "0.00", "General"]);
    // Number formats are queued before the values they format.
    expect(detail.findIndex((w) => w.what === "numberFormat")).toBeLessThan(
      detail.findIndex((w) => w.what === "formulas")
    );

    // Styles: verdict fills by cell, header bold and filled, bordered number block as one range.
    const set = (address: string, what: string) =>
      detail.find((w) => w.address === address && w.what === what)?.value;
    expect(set("D3", "format.fill.color")).toBe("#FFC7CE"); // fail: red
    expect(set("D4", "format.fill.color")).toBe("#FFEB9C"); // warn: amber
    expect(set("D5", "format.fill.color")).toBe("#C6EFCE"); // pass: green
    expect(set("A2:D2", "format.font.bold")).toBe(true);
    expect(set("A2:D2", "format.fill.color")).toBe("#DDEBF7");
    expect(set("B3:C5", 'format.borders.getItem("InsideHorizontal")#1.style')).toBe("Continuous");
    expect(detail.some((w) => w.address === "D3" && w.what.includes("InsideHorizontal"))).toBe(
      false
    );

    // Layout.
    expect(set("A1:D1", "merge")).toBe(false);
    expect(set("A:A", "format.columnWidth")).toBe(charsToPoints(24));
    expect(set("B:C", "format.columnWidth")).toBe(charsToPoints(10));
    expect(set("D:D", "columnHidden")).toBe(true);
    expect(set("2:2", "format.rowHeight")).toBe(30);
    const calls = detail.map((w) => w.what);
    expect(calls).toContain("freezePanes.freezeAt(学校明细!A1:A2)");
    expect(calls).toContain('pageLayout.setPrintTitleRows("$1:$2")');
    expect(detail.find((w) => w.what === "pageLayout.orientation")?.value).toBe("Landscape");
    expect(detail.find((w) => w.what === "pageLayout.zoom")?.value).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 0,
    });

    // Conditional formats: custom rules, plan's first rule on top (added last), first match wins.
    const cf = detail.filter(
      (w) => w.address === "C3:C5" && w.what.startsWith("conditionalFormats")
    );
    expect(cf.filter((w) => w.what.endsWith("custom.rule.formula")).map((w) => w.value)).toEqual([
      "=C3<4.2",
      "=C3<4.2*0.85",
    ]);
    expect(
      cf.filter((w) => w.what.endsWith("custom.format.fill.color")).map((w) => w.value)
    ).toEqual(["#FFEB9C", "#FFC7CE"]);
    expect(cf.filter((w) => w.what.endsWith("stopIfTrue")).map((w) => w.value)).toEqual([
      true,
      true,
    ]);
    expect(
      detail.find(
        (w) => w.address === "B3:B5" && w.what.endsWith("dataBar.positiveFormat.fillColor")
      )?.value
    ).toBe("#5B9BD5");

    // Internal hyperlinks with the cell text kept.
    expect(set("A3", "hyperlink")).toEqual({
      documentReference: "'小学'!A3",
      textToDisplay: "第1实验小学",
    });
    expect(on("审计总览").find((w) => w.address === "A5" && w.what === "hyperlink")?.value).toEqual(
      {
        documentReference: "'学校明细'!A1",
        textToDisplay: "学校明细",
      }
    );

    // Ownership markers on A1 of each new sheet, and nothing written to the source.
    expect(book.names.map((n) => [n.name, book.formulaOf(n)])).toEqual([
      ["JH_AUDIT_1", "='审计总览'!$A$1"],
      ["JH_AUDIT_2", "='学校明细'!$A$1"],
    ]);
    expect(book.writes.filter((w) => w.sheet === SOURCE_SHEET)).toEqual([]);
    expect(snapshot(book, SOURCE_SHEET)).toBe(before);
  });

  test("screen updating and calculation are suspended for every write request", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), countyPlan(40), { maxCellsPerRequest: 100 });
    const writeBatches = new Set(
      book.writes.filter((w) => w.what === "formulas").map((w) => w.batch)
    );
    expect(writeBatches.size).toBeGreaterThan(1);
    for (const batch of writeBatches) {
      const app = book.writes.filter((w) => w.batch === batch && w.what.startsWith("application."));
      expect(app.map((w) => w.what)).toEqual([
        "application.suspendScreenUpdatingUntilNextSync()",
        "application.suspendApiCalculationUntilNextSync()",
      ]);
    }
    const last = Math.max(...book.writes.map((w) => w.batch));
    expect(book.writes.filter((w) => w.batch === last).map((w) => w.what)).toContain(
      "application.calculate(Recalculate)"
    );
  });
});

test("a nonsensical budget is refused before Excel is asked anything", async () => {
  const book = county();
  await expect(
    writePlanToWorkbook(book.context(), countyPlan(1), { maxCellsPerRequest: 0 })
  ).rejects.toThrow("maxCellsPerRequest 应为不小于 1 的数");
  expect(book.syncs).toBe(0);
});

describe("round trips do not grow with the county", () => {
  async function syncsFor(schools: number, maxCellsPerRequest: number) {
    const book = county();
    const context = book.context();
    const sync = jest.spyOn(context, "sync");
    const progress: [number, number][] = [];
    await writePlanToWorkbook(context, countyPlan(schools), {
      maxCellsPerRequest,
      onProgress: (d, t) => progress.push([d, t]),
    });
    return { syncs: sync.mock.calls.length, book, progress };
  }

  test("10 schools and 10,000 schools take the same number of syncs when chunking is out of the way", async () => {
    const small = await syncsFor(10, 1e9);
    const large = await syncsFor(10_000, 1e9);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(small.syncs);
    expect(large.book.cell("学校明细", "A10002")?.value).toBe("第10000实验小学");
  });

  test("chunking splits a big plan into several requests, each under the cap, every cell written once", async () => {
    const cap = 2_000;
    const { syncs, book, progress } = await syncsFor(1_000, cap);
    const sizes = cellsPerBatch(book.writes);
    expect(sizes.size).toBeGreaterThan(2);
    for (const n of sizes.values()) expect(n).toBeLessThanOrEqual(cap);
    expect(syncs).toBe(
      1 +
        new Set(book.writes.filter((w) => w.what !== "worksheet.delete()").map((w) => w.batch)).size
    );
    // Every planned cell landed exactly where it belongs.
    const written = new Map<string, number>();
    for (const w of book.writes.filter((x) => x.what === "formulas" && x.sheet === "学校明细")) {
      const [from] = (w.address as string).split(":");
      const firstRow = Number(from.replace(/\D/g, ""));
      (w.value as unknown[][]).forEach((_, i) =>
        written.set(`${firstRow + i}`, (written.get(`${firstRow + i}`) ?? 0) + 1)
      );
    }
    expect(written.size).toBe(1_002);
    expect([...written.values()].every((n) => n === 1)).toBe(true);
    expect(book.cell("学校明细", "C1002")).toEqual({
      value: "='小学'!D1002*100/'小学'!C1002",
      type: "Formula",
    });
    // Progress counts requests, ending with done = total.
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
    expect(progress.map((p) => p[0])).toEqual(progress.map((_, i) => i + 1));
  });
});

describe("ownership: a second audit replaces only the audit's sheets", () => {
  test("a user's 「审计总览」 survives both runs; ours is 「审计总览 (2)」 and is replaced", async () => {
    const book = county();
    book.addSheet("审计总览", [["我自己的笔记"]]);
    const source = snapshot(book, SOURCE_SHEET);

    const first = await writePlanToWorkbook(book.context(), countyPlan(3));
    expect(first.sheetNames["审计总览"]).toBe("审计总览 (2)");
    const second = await writePlanToWorkbook(book.context(), countyPlan(5));
    expect(second.sheetNames).toEqual({ 审计总览: "审计总览 (2)", 学校明细: "学校明细" });

    expect(book.sheets.map((s) => s.name)).toEqual([
      SOURCE_SHEET,
      "审计总览",
      "审计总览 (2)",
      "学校明细",
    ]);
    expect(book.cell("审计总览", "A1")?.value).toBe("我自己的笔记");
    expect(book.cell("审计总览 (2)", "B4")?.value).toBe("=COUNTA('学校明细'!A3:A7)");
    expect(book.cell("学校明细", "A7")?.value).toBe("第5实验小学");
    // Exactly one marker per current audit sheet; the first run's markers are gone.
    expect(book.names.map((n) => [n.name, book.formulaOf(n)])).toEqual([
      ["JH_AUDIT_3", "='审计总览 (2)'!$A$1"],
      ["JH_AUDIT_4", "='学校明细'!$A$1"],
    ]);
    expect(book.activeSheet).toBe("审计总览 (2)");
    expect(snapshot(book, SOURCE_SHEET)).toBe(source);
    // The user's sheet and the source were never the target of any write.
    expect(book.writes.filter((w) => w.sheet === "审计总览" || w.sheet === SOURCE_SHEET)).toEqual(
      []
    );
  });

  test("while the old audit sheets still exist the new ones are written under other names, then renamed", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), countyPlan(2));
    await writePlanToWorkbook(book.context(), countyPlan(4));

    const secondRun = book.writes
      .filter((w) => w.batch > 0 && w.value !== undefined && w.what === "worksheets.add")
      .slice(2);
    expect(secondRun.map((w) => w.value)).toEqual(["审计总览 (2)", "学校明细 (2)"]);
    // Formulas pointing at another audit sheet use its write-time name; Excel carries them
    // through the rename (the fake does the same).
    const summaryFormula = book.writes.find(
      (w) => w.sheet === "审计总览 (2)" && w.what === "formulas" && w.address === "A4:B5"
    );
    expect((summaryFormula?.value as unknown[][])[0][1]).toBe("=COUNTA('学校明细 (2)'!A3:A6)");
    // …and after the swap the formula names the final sheet, not #REF! from the deleted old one.
    expect(book.cell("审计总览", "B4")?.value).toBe("=COUNTA('学校明细'!A3:A6)");
    // Links are not updated by Excel on rename, so they use the final name right away.
    const link = book.writes
      .filter((w) => w.sheet === "审计总览 (2)" && w.what === "hyperlink")
      .pop();
    expect(link?.value).toEqual({ documentReference: "'学校明细'!A1", textToDisplay: "学校明细" });

    expect(book.sheets.map((s) => s.name)).toEqual([SOURCE_SHEET, "审计总览", "学校明细"]);
    expect(book.cell("学校明细", "A6")?.value).toBe("第4实验小学");
  });

  test("a sheet that only shares the name of an audit sheet, without the marker, is never deleted", async () => {
    const book = county();
    book.addSheet("学校明细", [["用户的明细"]]);
    book.addSheet("审计总览", [["用户的总览"]]);
    await writePlanToWorkbook(book.context(), countyPlan(2));
    await writePlanToWorkbook(book.context(), countyPlan(2));
    expect(book.sheets.map((s) => s.name).sort()).toEqual(
      [SOURCE_SHEET, "审计总览", "审计总览 (2)", "学校明细", "学校明细 (2)"].sort()
    );
    expect(book.cell("学校明细", "A1")?.value).toBe("用户的明细");
    expect(book.cell("审计总览", "A1")?.value).toBe("用户的总览");
  });
});

describe("source and user sheets are never written", () => {
  test("every write targets a sheet the run added itself, apart from deleting the previous audit's", async () => {
    const book = county();
    book.addSheet("审计总览", [["用户的总览"]]);
    await writePlanToWorkbook(book.context(), countyPlan(4));
    const firstRunSheets = new Set(book.sheets.map((s) => s.name));
    book.writes = [];
    await writePlanToWorkbook(book.context(), countyPlan(4));

    const added = new Set(
      book.writes.filter((w) => w.what === "worksheets.add").map((w) => w.value as string)
    );
    expect([...added]).toEqual(["审计总览 (3)", "学校明细 (2)"]);
    const elsewhere = book.writes.filter((w) => w.sheet !== "" && !added.has(w.sheet));
    expect(elsewhere.map((w) => [w.sheet, w.what])).toEqual([
      ["审计总览 (2)", "worksheet.delete()"],
      ["学校明细", "worksheet.delete()"],
    ]);
    expect(firstRunSheets.has(SOURCE_SHEET) && firstRunSheets.has("审计总览")).toBe(true);
    expect(book.writes.some((w) => w.sheet === SOURCE_SHEET || w.sheet === "审计总览")).toBe(false);
  });
});

describe("hostile text stays text", () => {
  const hostile = ['=HYPERLINK("http://x","y")', "+1", "-1", "@x", "'引号", "0012"];

  test("school names that look like formulas or numbers are written with the quote prefix and read back as text", async () => {
    const book = county();
    await writePlanToWorkbook(
      book.context(),
      countyPlan(hostile.length, (i) => hostile[i])
    );
    const written = book.writes.find((w) => w.sheet === "学校明细" && w.what === "formulas")
      ?.value as unknown[][];
    expect(written.slice(2).map((row) => row[0])).toEqual(hostile.map((name) => `'${name}`));
    hostile.forEach((name, i) => {
      expect(book.cell("学校明细", `A${i + 3}`)).toEqual({
        value: name,
        type: "String",
        quotePrefix: true,
      });
    });
    // Their links do not restate the text (textToDisplay), so nothing can re-parse it.
    const links = book.writes
      .filter((w) => w.sheet === "学校明细" && w.what === "hyperlink")
      .map((w) => w.value);
    expect(links).toHaveLength(hostile.length);
    expect(links.every((link) => !("textToDisplay" in (link as object)))).toBe(true);
  });
});

describe("failures leave the previous audit in place", () => {
  test("a protected workbook stops the write: new sheets removed, old audit and markers intact", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), countyPlan(3));
    const sheetsBefore = book.sheets.map((s) => s.name);
    const namesBefore = book.names.map((n) => n.name);
    const oldDetail = snapshot(book, "学校明细");

    // The second run's third request (its first write) fails part-way, after the sheets were added.
    book.failOn = (record) =>
      record.sheet === "学校明细 (2)" && record.what === "merge" ? "AccessDenied" : undefined;
    const error = await writePlanToWorkbook(book.context(), countyPlan(6)).catch((e: unknown) => e);

    expect(describeExcelError(error)).toMatch(/受保护/);
    expect(book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(book.names.map((n) => n.name)).toEqual(namesBefore);
    expect(snapshot(book, "学校明细")).toBe(oldDetail);
  });

  test("a failure in a later chunk also removes every new sheet and keeps the old audit", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), countyPlan(3));
    const before = book.sheets.map((s) => `${s.name}:${snapshot(book, s.name)}`);
    const markers = book.names.map((n) => n.name);
    // The first run took syncs 1–3; the second reads at 4, adds its sheets at 5, fails at 7.
    book.failOn = (record) =>
      record.what === "formulas" && record.batch === 7
        ? "RequestPayloadSizeLimitExceeded"
        : undefined;
    const error = await writePlanToWorkbook(book.context(), countyPlan(300), {
      maxCellsPerRequest: 200,
    }).catch((e: unknown) => e);
    expect(describeExcelError(error)).toMatch(/5 MB/);
    expect(
      book.writes.some((w) => w.what === "formulas" && w.batch === 6 && w.sheet === "学校明细 (2)")
    ).toBe(true);
    expect(book.sheets.map((s) => `${s.name}:${snapshot(book, s.name)}`)).toEqual(before);
    expect(book.names.map((n) => n.name)).toEqual(markers);
  });

  test("cell edit mode before anything is written: nothing changes, a Chinese message says what to do", async () => {
    const book = county();
    book.failOn = (record) =>
      record.what === "worksheets.add" ? "InvalidOperationInCellEditMode" : undefined;
    const error = await writePlanToWorkbook(book.context(), countyPlan(3)).catch((e: unknown) => e);
    expect(describeExcelError(error)).toMatch(/单元格编辑状态/);
    expect(book.sheets.map((s) => s.name)).toEqual([SOURCE_SHEET]);
    expect(book.names).toEqual([]);
  });

  test("a plan with a non-finite number is refused before the workbook is touched", async () => {
    const book = county();
    const plan = countyPlan(2);
    plan.sheets[1].rows[3].cells[2] = { value: Number.POSITIVE_INFINITY, style: "number" };
    await expect(writePlanToWorkbook(book.context(), plan)).rejects.toThrow(
      "审计表「学校明细」C4 的值 Infinity 不是有限数字"
    );
    expect(book.writes).toEqual([]);
  });
});

describe("writePlanToWorkbook: the blank county form (owned: false)", () => {
  test("adds the user's form without a marker and leaves an earlier audit's sheets and markers alone", async () => {
    const { buildCountyFormPlan } = await import("../../../src/report");
    const book = county();
    await writePlanToWorkbook(book.context(), countyPlan(3));
    const markers = book.names.map((n) => n.name);
    const sheetsBefore = book.sheets.map((s) => s.name);
    const { sheetNames } = await writePlanToWorkbook(book.context(), buildCountyFormPlan(), {
      owned: false,
    });
    expect(sheetNames).toEqual({ 县域指标: "县域指标" });
    expect(book.sheets.map((s) => s.name)).toEqual([...sheetsBefore, "县域指标"]);
    expect(book.names.map((n) => n.name)).toEqual(markers);
  });
});

describe("writePlanToWorkbook: charts and printing", () => {
  /** The county plan with a CV chart on 学校明细 and a printed header and footer. */
  function chartPlan() {
    const plan = countyPlan(3);
    const detail = plan.sheets[1];
    detail.charts = [
      {
        title: "小学各指标差异系数与限值",
        anchor: { top: 6, left: 0, bottom: 25, right: 3 },
        categories: { range: "A3:A5", labels: ["第1实验小学", "第2实验小学", "第3实验小学"] },
        axisTitles: { category: "指标", value: "差异系数" },
        series: [
          {
            name: "差异系数",
            kind: "bar",
            range: "C3:C5",
            values: [0.2, 0.3, 0.4],
            color: "#5B9BD5",
            labelFormat: "0.000",
          },
          {
            name: "限值（0.5）",
            kind: "line",
            range: "B3:B5",
            values: [1, 1, 1],
            color: "#C00000",
          },
        ],
      },
    ];
    detail.pageBreaks = [6];
    detail.page = {
      ...detail.page,
      paper: "A4",
      header: { left: "某县", center: "学校明细", right: "审计日期：2026-11-29" },
      footer: { center: "第 &P 页 共 &N 页" },
    };
    return plan;
  }

  test("adds a clustered-column chart of the CV cells with the limit as a dashed line", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), chartPlan());
    const detail = book.writes.filter((w) => w.sheet === "学校明细").map((w) => w.what);
    const add = 'charts.add("ColumnClustered",学校明细!C3:C5,"Columns")#1';
    expect(detail).toContain('charts.add("ColumnClustered",学校明细!C3:C5,"Columns")');
    const value = (what: string) =>
      book.writes.find((w) => w.sheet === "学校明细" && w.what === `${add}.${what}`)?.value;
    expect(value("title.text")).toBe("小学各指标差异系数与限值");
    expect(value("axes.categoryAxis.title.text")).toBe("指标");
    expect(value("axes.valueAxis.title.text")).toBe("差异系数");
    expect(value("axes.valueAxis.minimum")).toBe(0);
    expect(detail).toContain(`${add}.setPosition("A7","D26")`);
    // The bars: the first series, labelled with 3 decimals, categories from the sheet.
    const bars = `${add}.series.getItemAt(0)#1`;
    expect(value("series.getItemAt(0)#1.dataLabels.numberFormat")).toBe("0.000");
    expect(detail).toContain(`${bars}.setXAxisValues(学校明细!A3:A5)`);
    // The limit: a series added over its cells and turned into a dashed line.
    const line = `${add}.series.add("限值（0.5）")#1`;
    expect(detail).toContain(`${line}.setValues(学校明细!B3:B5)`);
    expect(value('series.add("限值（0.5）")#1.chartType')).toBe("Line");
    expect(value('series.add("限值（0.5）")#1.format.line.lineStyle')).toBe("Dash");
    expect(value('series.add("限值（0.5）")#1.format.line.color')).toBe("#C00000");
    // The summary has no chart.
    expect(book.writes.some((w) => w.sheet === "审计总览" && w.what.startsWith("charts"))).toBe(
      false
    );
  });

  test("prints on A4 with the header and the page numbers in the footer", async () => {
    const book = county();
    await writePlanToWorkbook(book.context(), chartPlan());
    const value = (what: string) =>
      book.writes.find((w) => w.sheet === "学校明细" && w.what === `pageLayout.${what}`)?.value;
    expect(value("paperSize")).toBe("A4");
    expect(value("headersFooters.defaultForAllPages.centerFooter")).toBe("第 &P 页 共 &N 页");
    expect(value("headersFooters.defaultForAllPages.leftHeader")).toBe("某县");
    expect(value("headersFooters.defaultForAllPages.rightHeader")).toBe("审计日期：2026-11-29");
    // The page break above the chart.
    expect(
      book.writes.some((w) => w.sheet === "学校明细" && w.what === 'horizontalPageBreaks.add("A7")')
    ).toBe(true);
  });
});
