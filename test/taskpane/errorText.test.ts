/**
 * The pane's error messages in its display language: Excel's advice by its Office.js code, the
 * flow's and the settings' own errors by their kind. An English pane shows no Chinese advice.
 */
import { NoSchoolsError, NothingCountedError } from "../../src/flow/auditFlow";
import { describeExcelError, EXCEL_ADVICE } from "../../src/hosts/excel";
import { SettingsSaveError } from "../../src/taskpane/documentSettings";
import { NoWorkbookError } from "../../src/hosts/wps";
import { describeFailure, describeWpsFailure } from "../../src/taskpane/errorText";
import { stringsFor } from "../../src/taskpane/i18n";

const en = stringsFor("en-US");
const zh = stringsFor("zh-CN");
const HAN = /\p{Script=Han}/u;
const CODES = Object.keys(EXCEL_ADVICE) as (keyof typeof EXCEL_ADVICE)[];

describe("describeFailure", () => {
  it("has English advice for every Excel code the host advises on, each its own, without Chinese", () => {
    expect(Object.keys(en.errors.excel).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      const text = describeFailure({ code, message: "english", name: "RichApi.Error" }, en);
      expect([code, HAN.test(text), text === en.errors.excel[code]]).toEqual([code, false, true]);
    }
    expect(new Set(Object.values(en.errors.excel)).size).toBe(CODES.length);
  });

  it("says what to do in English: protected sheets, the 5 MB limit", () => {
    expect(describeFailure({ code: "AccessDenied" }, en)).toMatch(/protected.*Unprotect Sheet/);
    expect(describeFailure({ code: "RequestPayloadSizeLimitExceeded" }, en)).toMatch(
      /5 MB.*desktop Excel/
    );
  });

  it("keeps the host's Chinese words in a Chinese pane, for every kind of Excel error", () => {
    const errors = [
      ...CODES.map((code) => ({ code, message: "x" })),
      { code: "WeirdNewCode", message: "x" },
      new Error("审计表「学校达标」C3 的值 NaN 不是有限数字"),
      new TypeError("Cannot read properties of undefined"),
      undefined,
    ];
    for (const error of errors) expect(describeFailure(error, zh)).toBe(describeExcelError(error));
  });

  it("names an unknown code in English, and never shows a bug's own text", () => {
    expect(describeFailure({ code: "WeirdNewCode", message: "x" }, en)).toMatch(
      /^Talking to Excel failed \(error code WeirdNewCode\)/
    );
    const bug = describeFailure(new TypeError("Cannot read properties of undefined"), en);
    expect(bug).not.toMatch(/Cannot read/);
    expect(HAN.test(bug)).toBe(false);
  });

  it("passes the add-in's own Chinese message through (it names the workbook's cells)", () => {
    const own = new Error("审计表「学校达标」C3 的值 NaN 不是有限数字");
    expect(describeFailure(own, en)).toBe(own.message);
  });

  it("words the flow's errors in English, quoting the workbook's sheets and reasons", () => {
    const none = new NoSchoolsError([
      { sheet: "说明", reason: "没有找到学校名称和在校生数的表头" },
    ]);
    expect(describeFailure(none, zh)).toBe(none.message);
    expect(describeFailure(none, en)).toBe(
      "No school table was found in the workbook (「说明」：没有找到学校名称和在校生数的表头). Open a sheet with columns such as school name and pupils and try again, or map the columns on the Data tab."
    );
    const excluded = Array.from({ length: 4 }, (_, i) => ({
      recordIndex: i,
      name: `特教${i}`,
      county: "",
      reason: "特殊教育学校",
    }));
    const nothing = new NothingCountedError(excluded);
    expect(describeFailure(nothing, zh)).toBe(nothing.message);
    expect(describeFailure(nothing, en)).toMatch(
      /^None of the schools read counts in the audit \(「特教0」：特殊教育学校; 「特教1」.*「特教2」：特殊教育学校 …\), so no audit sheets were written\./
    );
  });

  it("words a failed settings save in English, with Office's reason", () => {
    const error = new SettingsSaveError("Document is read-only");
    expect(describeFailure(error, zh)).toBe(error.message);
    expect(error.message).toMatch(/^设置未能保存到工作簿：Document is read-only/);
    expect(describeFailure(error, en)).toBe(
      "The settings could not be saved in the workbook: Document is read-only. Make sure the workbook can be edited and try again."
    );
  });
});

describe("describeWpsFailure (the pane in WPS)", () => {
  const etError = new Error("Exception occurred");

  it("says in English that no workbook is open, and what to do", () => {
    const text = describeWpsFailure(new NoWorkbookError(), en);
    expect(text).toMatch(/^WPS Spreadsheets has no workbook open\. Open the workbook to audit/);
    expect(text.replace("「一键审计」", "")).not.toMatch(HAN);
    expect(describeWpsFailure(new NoWorkbookError(), zh)).toMatch(/^WPS 表格中没有打开的工作簿/);
  });

  it("words ET's own errors in the pane's language, quoting ET's short text", () => {
    expect(describeWpsFailure(etError, en)).toMatch(
      /^Talking to WPS Spreadsheets failed \(Exception occurred\); the operation did not finish/
    );
    expect(describeWpsFailure(etError, en)).not.toMatch(HAN);
    expect(describeWpsFailure(etError, zh)).toMatch(
      /^与 WPS 表格通信时出错（Exception occurred），/
    );
    expect(describeWpsFailure(new Error("   "), en)).toMatch(
      /^Talking to WPS Spreadsheets failed;/
    );
    expect(describeWpsFailure(undefined, zh)).toMatch(/^与 WPS 表格通信时出错，/);
  });

  it("cuts a long ET dump to 120 characters", () => {
    const text = describeWpsFailure(new Error(`x${"y".repeat(300)}`), en);
    expect(text).toContain(`(x${"y".repeat(119)})`);
    expect(text).not.toContain("y".repeat(120));
  });

  it("keeps the add-in's own Chinese words (a cell's bad value) as they are, in either language", () => {
    const own = new Error("审计表「学校达标」C3 的值 NaN 不是有限数字");
    expect(describeWpsFailure(own, en)).toBe(own.message);
    expect(describeWpsFailure(own, zh)).toBe(own.message);
  });

  it("words the flow's errors as the Excel pane does", () => {
    const none = new NoSchoolsError([
      { sheet: "说明", reason: "没有找到学校名称和在校生数的表头" },
    ]);
    expect(describeWpsFailure(none, en)).toBe(describeFailure(none, en));
    expect(describeWpsFailure(none, zh)).toBe(none.message);
  });
});
