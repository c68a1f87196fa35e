import { editAppProperties } from "../../../src/hosts/file/package/app-xml";
import {
  appendToWorkbook,
  editContentTypes,
  editRelationships,
  hasSelectedTab,
  ownedSheetNamesOf,
  removeSheets,
  setActiveTab,
  workbookSheets,
} from "../../../src/hosts/file/package/index-parts";
import { appendAuditStyles, styleKey } from "../../../src/hosts/file/package/styles-xml";
import { assertNoDoctype } from "../../../src/hosts/file/package/xml-text";
import { missingElements } from "../../support/xml-elements";

const MAIN =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

describe("workbook.xml edits", () => {
  const audited =
    `<workbook ${MAIN}><sheets><sheet name="小学" sheetId="1" r:id="rId1"/><sheet name="审计总览" sheetId="2" r:id="rId2"/><sheet name="学校达标" sheetId="3" r:id="rId3"/><sheet name="用户后加" sheetId="4" r:id="rId4"/></sheets>` +
    `<definedNames><definedName name="JH_AUDIT_1">'审计总览'!$A$1</definedName><definedName name="JH_AUDIT_2">'学校达标'!$A$1</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'审计总览'!$1:$2</definedName><definedName name="本页" localSheetId="3">'用户后加'!$A$1</definedName><definedName name="全局">'小学'!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`;

  it("finds the sheets an earlier audit owns through its JH_AUDIT names", () => {
    expect(ownedSheetNamesOf(audited)).toEqual(["审计总览", "学校达标"]);
  });

  it("removes the owned sheets and their names; a user's sheet-scoped name follows its sheet's new position", () => {
    const out = removeSheets(audited, ["审计总览", "学校达标"]);
    expect(workbookSheets(out).map((s) => s.name)).toEqual(["小学", "用户后加"]);
    expect(out).toContain(
      `<definedName name="本页" localSheetId="1">'用户后加'!$A$1</definedName>`
    );
    expect(out).toContain(`<definedName name="全局">'小学'!$A$1</definedName>`);
    expect(out).not.toMatch(/JH_AUDIT|Print_Titles/);
  });

  it("appends sheets and names keeping every original element; creates definedNames and calcPr where absent", () => {
    const plain = `<workbook ${MAIN}><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="小学" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const out = appendToWorkbook(
      plain,
      [{ name: "审计总览", sheetId: 2, relId: "rIdJH1" }],
      [{ name: "JH_AUDIT_1", formula: "'审计总览'!$A$1" }]
    );
    expect(missingElements(plain, out)).toEqual([]);
    expect(out).toBe(
      `<workbook ${MAIN}><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="小学" sheetId="1" r:id="rId1"/><sheet name="审计总览" sheetId="2" r:id="rIdJH1"/></sheets>` +
        `<definedNames><definedName name="JH_AUDIT_1">'审计总览'!$A$1</definedName></definedNames><calcPr fullCalcOnLoad="1"/></workbook>`
    );
  });

  it("writes in the part's own namespace prefix and declares the relationships prefix when the root lacks it", () => {
    const prefixed = `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets><x:sheet name="A" sheetId="1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:sheets><x:calcPr calcId="1"/></x:workbook>`;
    const out = appendToWorkbook(prefixed, [{ name: "B&C", sheetId: 2, relId: "rIdJH1" }], []);
    expect(out).toContain(
      '<x:sheet name="B&amp;C" sheetId="2" xmlns:jhr="http://schemas.openxmlformats.org/officeDocument/2006/relationships" jhr:id="rIdJH1"/></x:sheets>'
    );
    expect(out).toContain('<x:calcPr fullCalcOnLoad="1" calcId="1"/>');
    expect(missingElements(prefixed, out)).toEqual([]);
  });

  it("edits relationships and content types by Id and part name only", () => {
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a.xml"/><Relationship Id="rId2" Type="t" Target="b.xml"/></Relationships>';
    expect(
      editRelationships(
        rels,
        ["rId2"],
        [{ id: "rIdJH1", type: "w", target: "worksheets/sheet9.xml" }]
      )
    ).toBe(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a.xml"/><Relationship Id="rIdJH1" Type="w" Target="worksheets/sheet9.xml"/></Relationships>'
    );
    const types =
      '<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/></Types>';
    expect(
      editContentTypes(
        types,
        ["xl/worksheets/sheet2.xml"],
        [{ part: "xl/worksheets/sheet3.xml", type: "w" }]
      )
    ).toBe(
      '<Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="w"/></Types>'
    );
  });
});

describe("the sheet the workbook opens on", () => {
  it("sets activeTab on the workbook view and nothing else; adds a view where there is none", () => {
    const xml = `<workbook ${MAIN}><bookViews><workbookView xWindow="240" firstSheet="0" activeTab="2"/></bookViews><sheets/></workbook>`;
    expect(setActiveTab(xml, 7, 9)).toBe(
      `<workbook ${MAIN}><bookViews><workbookView xWindow="240" firstSheet="0" activeTab="7"/></bookViews><sheets/></workbook>`
    );
    expect(missingElements(xml, setActiveTab(xml, 7, 9), ["activeTab"])).toEqual([]);
    expect(
      setActiveTab(
        `<workbook ${MAIN}><bookViews><workbookView/></bookViews><sheets/></workbook>`,
        3,
        4
      )
    ).toContain('<workbookView activeTab="3"/>');
    expect(setActiveTab(`<workbook ${MAIN}><sheets/></workbook>`, 1, 2)).toBe(
      `<workbook ${MAIN}><bookViews><workbookView activeTab="1"/></bookViews><sheets/></workbook>`
    );
  });

  it("brings back a firstSheet that would hide the active tab or name no sheet", () => {
    const xml = `<workbook ${MAIN}><bookViews><workbookView firstSheet="5" activeTab="5"/></bookViews><sheets/></workbook>`;
    expect(setActiveTab(xml, 1, 3)).toContain('<workbookView firstSheet="1" activeTab="1"/>');
  });

  it("sees a user's selected tab in the sheet's opening, not in its data", () => {
    expect(
      hasSelectedTab(
        '<worksheet><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>'
      )
    ).toBe(true);
    expect(
      hasSelectedTab(
        '<x:worksheet><x:sheetViews><x:sheetView workbookViewId="0" tabSelected="true"/></x:sheetViews>'
      )
    ).toBe(true);
    expect(
      hasSelectedTab(
        '<worksheet><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row><c><is><t>tabSelected="1"</t></is></c></row>'
      )
    ).toBe(false);
    expect(hasSelectedTab('<worksheet><sheetViews><sheetView tabSelected="0"/></sheetViews>')).toBe(
      false
    );
  });
});

describe("docProps/app.xml edits", () => {
  const VT = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
  const app =
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${VT}><Application>Microsoft Excel</Application>` +
    `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>` +
    `<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>小学</vt:lpstr><vt:lpstr>初中</vt:lpstr><vt:lpstr>小学!Print_Titles</vt:lpstr></vt:vector></TitlesOfParts><Company>某县教育局</Company></Properties>`;

  it("adds the audit's sheet titles to the worksheets group, before the named ranges, with the counts following", () => {
    const out = editAppProperties(app, {
      kept: ["小学", "初中"],
      removed: [],
      added: ["审计总览", "A&B"],
    });
    expect(out).toContain(
      "<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>"
    );
    expect(out).toContain(
      '<vt:vector size="5" baseType="lpstr"><vt:lpstr>小学</vt:lpstr><vt:lpstr>初中</vt:lpstr><vt:lpstr>审计总览</vt:lpstr><vt:lpstr>A&amp;B</vt:lpstr><vt:lpstr>小学!Print_Titles</vt:lpstr></vt:vector>'
    );
    expect(missingElements(app, out, ["size", "text:vt:i4"])).toEqual([]);
    expect(out).toContain("<Company>某县教育局</Company>");
  });

  it("takes out only an earlier audit's titles on a re-run", () => {
    const audited = editAppProperties(app, {
      kept: ["小学", "初中"],
      removed: [],
      added: ["审计总览"],
    });
    const again = editAppProperties(audited, {
      kept: ["小学", "初中"],
      removed: ["审计总览"],
      added: ["审计总览", "学校达标"],
    });
    expect(again).toContain("<vt:i4>4</vt:i4>");
    expect(again.match(/审计总览/g)).toHaveLength(1);
  });

  it("adds a worksheets group when the part has none; leaves a part without titles as it was", () => {
    const charts = `<Properties ${VT}><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>图表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>图1</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    const out = editAppProperties(charts, { kept: [], removed: [], added: ["审计总览"] });
    expect(out).toContain('<vt:vector size="4" baseType="variant">');
    expect(out).toContain("<vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>");
    expect(out).toContain(
      '<vt:vector size="2" baseType="lpstr"><vt:lpstr>图1</vt:lpstr><vt:lpstr>审计总览</vt:lpstr>'
    );
    const bare = `<Properties ${VT}><Application>WPS 表格</Application></Properties>`;
    expect(editAppProperties(bare, { kept: [], removed: [], added: ["审计总览"] })).toBe(bare);
  });
});

describe("styles.xml edits", () => {
  const styles =
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><name val="宋体"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

  it("appends after the original entries, so every original index keeps its meaning", () => {
    const { xml, cellFormat, dxf } = appendAuditStyles(styles, [
      { style: "header" },
      { style: "number", numFmt: "0.000" },
      { numFmt: "0.00" },
    ]);
    expect(missingElements(styles, xml, ["count"])).toEqual([]);
    expect(cellFormat.get(styleKey("header", undefined))).toBe(2);
    expect(cellFormat.get(styleKey("number", "0.000"))).toBe(3);
    expect(cellFormat.get(styleKey(undefined, "0.00"))).toBe(4);
    expect(dxf).toEqual({ pass: 0, warn: 1, fail: 2 });
    expect(xml).toContain('<cellXfs count="5">');
    expect(xml).toContain(
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts'
    );
    expect(xml).toContain('<dxfs count="3"><dxf>');
    expect(xml).toContain('<font><b/><sz val="12"/><name val="宋体"/></font>'); // the workbook's own font
  });
});

describe("refusals", () => {
  it("refuses a part with a DOCTYPE or entity declaration", () => {
    expect(() =>
      assertNoDoctype(
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        "xl/workbook.xml"
      )
    ).toThrow("部件「xl/workbook.xml」含有 DOCTYPE");
    expect(() => assertNoDoctype("<x/>", "xl/workbook.xml")).not.toThrow();
  });

  it("missingElements notices a dropped element and a changed attribute", () => {
    expect(missingElements("<a><b x='1'/><c/></a>", "<a><c/></a>")).toHaveLength(1);
    expect(missingElements("<a><b x='1'/></a>", "<a><b x='2'/></a>")).toHaveLength(1);
    expect(missingElements("<a><b x='1'/></a>", "<a><b x='1' y='2'/><n/></a>")).toEqual([]);
  });
});
