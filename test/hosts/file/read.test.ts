import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  readWorkbookFile,
  unsupportedContentWarnings,
  WorkbookFileError,
} from "../../../src/hosts/file";
import { makeTempDir, removeTempDir } from "../../support/tmp";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("read");
});
afterAll(() => removeTempDir(dir));

async function save(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The error readWorkbookFile rejects with (fails the test when it resolves). */
async function readError(file: string): Promise<WorkbookFileError> {
  try {
    await readWorkbookFile(file);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  throw new Error(`expected ${file} to be rejected`);
}

describe("readWorkbookFile: cell values as Excel gives them", () => {
  let grid: Awaited<ReturnType<typeof readWorkbookFile>>["grids"][number];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    // Rows 1–2 stay empty: the grid still starts at A1.
    ws.getCell("A3").value = 1234.5;
    ws.getCell("B3").value = "１,２３４";
    ws.getCell("C3").value = true;
    ws.getCell("D3").value = { formula: "A3*2", result: 2469 } as ExcelJS.CellFormulaValue;
    ws.getCell("E3").value = {
      formula: "A3/0",
      result: { error: "#DIV/0!" },
    } as ExcelJS.CellFormulaValue;
    ws.getCell("F3").value = { formula: "A3+1" } as ExcelJS.CellFormulaValue; // no cached result
    ws.getCell("G3").value = {
      richText: [{ text: "示范区" }, { font: { bold: true }, text: "实验小学" }],
    };
    ws.getCell("H3").value = { text: "链接文字", hyperlink: "http://example.com" };
    ws.getCell("I3").value = new Date(Date.UTC(2023, 8, 1));
    ws.getCell("J3").value = new Date(Date.UTC(2023, 8, 1, 8, 30));
    ws.getCell("K3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("L3").value = '=HYPERLINK("http://example.com","x")';
    ws.getCell("A5").value = "合并标题";
    ws.mergeCells("A5:C6");
    // Falsy cached results: ExcelJS's value getter drops them, the reader must not.
    ws.getCell("E7").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    ws.getCell("F7").value = { formula: "A3-A3", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("G7").value = { formula: "T(A3)", result: "" } as ExcelJS.CellFormulaValue;
    const file = await save(wb, "values.xlsx");
    grid = (await readWorkbookFile(file)).grids[0];
  });

  it("keeps numbers, text (full-width digits too) and booleans as they are, from A1", () => {
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.rows[0] ?? []).toEqual([]);
    expect(grid.rows[2].slice(0, 3)).toEqual([1234.5, "１,２３４", true]);
  });

  it("reads formula cells as their cached results, errors as { error }, and no result as null", () => {
    expect(grid.rows[2][3]).toBe(2469);
    expect(grid.rows[2][4]).toEqual({ error: "#DIV/0!" });
    expect(grid.rows[2][5] ?? null).toBeNull();
    expect(grid.rows[6][4]).toBe(false);
    expect(grid.rows[6][5]).toBe(0);
    // An empty-text result reads as an empty cell: ExcelJS cannot tell <v></v> from no result.
    expect(grid.rows[6][6] ?? null).toBeNull();
  });

  it("flattens rich text and hyperlinks to plain text", () => {
    expect(grid.rows[2][6]).toBe("示范区实验小学");
    expect(grid.rows[2][7]).toBe("链接文字");
  });

  it("gives dates as ISO strings: the date alone at midnight, else with the time", () => {
    expect(grid.rows[2][8]).toBe("2023-09-01");
    expect(grid.rows[2][9]).toBe("2023-09-01T08:30:00");
  });

  it("reads error values and formula-like text as what they are", () => {
    expect(grid.rows[2][10]).toEqual({ error: "#N/A" });
    expect(grid.rows[2][11]).toBe('=HYPERLINK("http://example.com","x")');
  });

  it("gives merged areas 0-based and inclusive, with the value in the top-left cell only", () => {
    expect(grid.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 2 }]);
    expect(grid.rows[4][0]).toBe("合并标题");
    expect(grid.rows[4][1] ?? null).toBeNull();
    expect(grid.rows[5]?.[0] ?? null).toBeNull();
  });
});

describe("readWorkbookFile: bad files get a Chinese message naming the file", () => {
  it("a missing file", async () => {
    const error = await readError(path.join(dir, "没有这个文件.xlsx"));
    expect(error.code).toBe("not-found");
    expect(error.message).toContain("找不到文件");
    expect(error.message).toContain("没有这个文件.xlsx");
  });

  it("a folder", async () => {
    const folder = path.join(dir, "文件夹.xlsx");
    mkdirSync(folder, { recursive: true });
    expect((await readError(folder)).code).toBe("not-a-file");
  });

  it("a text file renamed to .xlsx", async () => {
    const file = path.join(dir, "文本.xlsx");
    writeFileSync(file, "学校名称,在校生数\n实验小学,1200\n");
    const error = await readError(file);
    expect(error.code).toBe("not-xlsx");
    expect(error.message).toContain("另存为 .xlsx");
  });

  it("an .xls or password-protected workbook (OLE container)", async () => {
    const file = path.join(dir, "旧版.xlsx");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
    );
    const error = await readError(file);
    expect(error.code).toBe("legacy-or-encrypted");
    expect(error.message).toContain("密码");
  });

  it("a zip that holds no workbook (e.g. a .docx)", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const file = path.join(dir, "文档.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await readError(file)).code).toBe("not-xlsx");
  });

  it("a truncated workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("小学").getCell("A1").value = "学校";
    const whole = await save(wb, "whole.xlsx");
    const file = path.join(dir, "截断.xlsx");
    const bytes = readFileSync(whole);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await readError(file);
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain("已损坏");
    expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in the message
  });
});

describe("warnings about what ExcelJS cannot keep", () => {
  function sheetZip(): JSZip {
    const zip = new JSZip();
    zip.file(
      "xl/workbook.xml",
      '<workbook><sheets><sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="小学" sheetId="2" r:id="rId2"/><sheet name="图表1" sheetId="3" r:id="rId3"/></sheets></workbook>'
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      '<worksheet><hyperlinks><hyperlink ref="A1" location="小学!A1"/></hyperlinks></worksheet>'
    );
    zip.file(
      "xl/worksheets/sheet2.xml",
      "<worksheet><extLst><ext><x14:sparklineGroups><x14:sparklineGroup/></x14:sparklineGroups></ext></extLst></worksheet>"
    );
    zip.file("xl/chartsheets/sheet1.xml", "<chartsheet/>");
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>'
    );
    zip.file(
      "xl/drawings/drawing1.xml",
      '<xdr:wsDr><xdr:twoCellAnchor><xdr:graphicFrame><a:graphic><a:graphicData><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame></xdr:twoCellAnchor>' +
        "<xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor><xdr:twoCellAnchor><xdr:pic/></xdr:twoCellAnchor></xdr:wsDr>"
    );
    zip.file("xl/vbaProject.bin", "macro");
    zip.file("xl/externalLinks/externalLink1.xml", "<externalLink/>");
    return zip;
  }

  function withNames(zip: JSZip, names: string): JSZip {
    zip.file(
      "xl/workbook.xml",
      `<workbook><sheets><sheet name="小学" sheetId="1" r:id="rId2"/></sheets><definedNames>${names}</definedNames></workbook>`
    );
    return zip;
  }

  it("names the sheet and what the copy lacks: charts, shapes, pivot tables, chart sheets, macros, links", async () => {
    const warnings = await unsupportedContentWarnings(sheetZip());
    expect(warnings).toEqual([
      "工作表「汇总」含有1个图表，保存的副本中不含这些内容（原文件不受影响）。",
      "工作表「汇总」含有1个形状或文本框，保存的副本中不含这些内容（原文件不受影响）。",
      "工作表「汇总」含有1个数据透视表，保存的副本中不含这些内容（原文件不受影响）。",
      "工作表「汇总」含有1个指向工作簿内位置的超链接，保存的副本中不含这些内容（原文件不受影响）。",
      "工作表「小学」含有1组迷你图，保存的副本中不含这些内容（原文件不受影响）。",
      "图表工作表「图表1」无法保留，保存的副本中不含该工作表（原文件不受影响）。",
      "工作簿含有宏（VBA），保存的副本中不含这些内容（原文件不受影响）。",
      "工作簿含有指向其他工作簿的外部链接，保存的副本中这些链接可能失效（原文件不受影响）。",
    ]);
  });

  it("says nothing about pictures, which ExcelJS keeps, nor about ignored sheets", async () => {
    const zip = sheetZip();
    zip.remove("xl/vbaProject.bin");
    zip.remove("xl/externalLinks/externalLink1.xml");
    zip.remove("xl/chartsheets/sheet1.xml");
    expect(await unsupportedContentWarnings(zip, ["汇总", "图表1", "小学"])).toEqual([]);
  });

  it("names the defined names ExcelJS drops (constants, formulas, relative references) and not the ranges it keeps", async () => {
    const zip = withNames(
      sheetZip(),
      '<definedName name="折算系数">1.1</definedName><definedName name="区域">小学!$A$1:$B$3</definedName>' +
        '<definedName name="两块">&apos;小学&apos;!$A$1,&apos;小学&apos;!$C$1:$D$2</definedName><definedName name="相对">小学!A1</definedName>' +
        '<definedName name="动态">OFFSET(小学!$A$1,0,0,COUNTA(小学!$A:$A),1)</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">小学!$1:$3</definedName>'
    );
    zip.remove("xl/vbaProject.bin");
    zip.remove("xl/externalLinks/externalLink1.xml");
    // Names belong to the workbook: ignoring the sheet does not hide them.
    expect(await unsupportedContentWarnings(zip, ["小学"])).toEqual([
      "工作簿中的名称「折算系数」「相对」「动态」不是单元格区域（如常量或公式），保存的副本中将不含这些名称，引用它们的公式会出错（原文件不受影响）。",
    ]);
  });

  it("a plain ExcelJS workbook with a picture has no warning; with a macro part it has one", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("小学");
    ws.getCell("A1").value = 1;
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64"
    );
    ws.addImage(
      wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }),
      "B2:C3"
    );
    const file = await save(wb, "picture.xlsx");
    expect((await readWorkbookFile(file)).warnings).toEqual([]);

    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file("xl/vbaProject.bin", "macro");
    const withMacro = path.join(dir, "macro.xlsx");
    writeFileSync(withMacro, await zip.generateAsync({ type: "nodebuffer" }));
    const read = await readWorkbookFile(withMacro);
    expect(read.warnings).toEqual([
      "工作簿含有宏（VBA），保存的副本中不含这些内容（原文件不受影响）。",
    ]);
    expect(read.grids.map((g) => g.name)).toEqual(["小学"]);
  });
});

describe("readWorkbookFile: hidden and filtered-out rows", () => {
  it("lists rows hidden by hand or by a filter in hiddenRows (0-based), and none on a sheet without them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("小学");
    ws.addRows([
      ["学校名称", "在校生数"],
      ["城关小学", 900],
      ["甲县城东小学（2023年已撤并）", 300],
      ["河口小学", 600],
      ["王庄小学", 200],
    ]);
    ws.getRow(3).hidden = true;
    // An AutoFilter that filtered a row out saves it as hidden too.
    ws.autoFilter = "A1:B5";
    ws.getRow(5).hidden = true;
    wb.addWorksheet("初中").addRows([
      ["学校名称", "在校生数"],
      ["城关中学", 800],
    ]);
    const { grids } = await readWorkbookFile(await save(wb, "hidden.xlsx"));
    expect(grids[0].hiddenRows).toEqual([2, 4]);
    expect(grids[1].hiddenRows).toBeUndefined();
  });
});
