import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";

/**
 * A workbook with everything a bureau's file may hold that a re-serialising writer loses: a chart,
 * a picture and a shape in one drawing, a legacy comment, a named cell style, sheet-scoped names
 * used in formulas (the same name global and local), sheet and workbook protection, manual page
 * breaks, an x14 data validation, print titles, custom document properties and a link to another
 * workbook. Built part by part on top of the sample county (so the audit has schools to read);
 * `macro` makes it an .xlsm with a vbaProject.bin.
 */

const SAMPLE = path.resolve(__dirname, "../../assets/sample-county.xlsx");

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Global 数据 = A1:A3 of 图表页 (sum 6); 数据 local to 图表页 = B1:B3 (sum 60). */
export const SCOPED_NAME_FIGURES = { chartSheetSum: 60, summarySheetSum: 6 };

const CHART_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" mc:Ignorable="x14"><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>10</v></c><c r="C1"><f>SUM(数据)</f><v>60</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>20</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>30</v></c></row></sheetData><sheetProtection algorithmName="SHA-512" hashValue="x6fVbbiTbTlVgBPUbj3fWuTSbMflDDBWUt4l1HZ5LPsO/XAx7mAWaUKmzDEzkszD7rRUXQXQyFtTBxrUxd8c7w==" saltValue="8Qh0G6QqfMWz+nlZjDmHmw==" spinCount="100000" sheet="1" objects="1" scenarios="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/><rowBreaks count="1" manualBreakCount="1"><brk id="2" max="16383" man="1"/></rowBreaks><drawing r:id="rId1"/><legacyDrawing r:id="rId3"/><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'小学'!$B$5:$B$10</xm:f></x14:formula1><xm:sqref>D1:D3</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>`;

const SUMMARY_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><f>SUM(数据)</f><v>6</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const CHART_SHEET_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">
<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>
<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="1905000" cy="476250"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="4" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>督导室备注</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>
</xdr:wsDr>`;

const DRAWING_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'图表页'!$A$1:$A$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>督导室</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>请核对</t></r></text></comment></commentList></comments>`;

const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;

const EXTERNAL_LINK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

const EXTERNAL_LINK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///D:/%E7%9D%A3%E5%AF%BC/%E5%B8%82%E7%BA%A7%E6%B1%87%E6%80%BB.xlsx" TargetMode="External"/></Relationships>`;

const CUSTOM_PROPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报送单位"><vt:lpwstr>某县教育局督导室</vt:lpwstr></property></Properties>`;

function insertBefore(xml: string, marker: string, text: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The rich workbook's bytes (.xlsx, or .xlsm with `macro`). */
export async function buildRichWorkbook(options: { macro?: boolean } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const text = async (name: string) => zip.file(name)!.async("string");

  zip.file("xl/worksheets/sheet91.xml", CHART_SHEET);
  zip.file("xl/worksheets/_rels/sheet91.xml.rels", CHART_SHEET_RELS);
  zip.file("xl/worksheets/sheet92.xml", SUMMARY_SHEET);
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", DRAWING_RELS);
  zip.file("xl/drawings/vmlDrawing1.vml", VML);
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/comments1.xml", COMMENTS);
  zip.file("xl/media/image1.png", Buffer.from(PNG_1X1, "base64"));
  zip.file("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK);
  zip.file("xl/externalLinks/_rels/externalLink1.xml.rels", EXTERNAL_LINK_RELS);
  zip.file("docProps/custom.xml", CUSTOM_PROPS);

  let workbook = await text("xl/workbook.xml");
  // The chart sheet follows the sample's own sheets: its sheet-scoped name points at its index.
  const chartSheetIndex = (workbook.match(/<sheet /g) ?? []).length;
  workbook = insertBefore(
    workbook,
    "<sheets>",
    '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x6fVbbiTbTlVgBPUbj3fWuTSbMflDDBWUt4l1HZ5LPsO/XAx7mAWaUKmzDEzkszD7rRUXQXQyFtTBxrUxd8c7w==" workbookSaltValue="8Qh0G6QqfMWz+nlZjDmHmw==" workbookSpinCount="100000" lockStructure="1"/>'
  );
  workbook = insertBefore(
    workbook,
    "</sheets>",
    '<sheet name="图表页" sheetId="91" r:id="rId20"/><sheet name="汇总" sheetId="92" r:id="rId21"/>'
  );
  workbook = workbook.replace(
    "</sheets>",
    `</sheets><externalReferences><externalReference r:id="rId22"/></externalReferences><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'小学'!$3:$4</definedName><definedName name="数据">'图表页'!$A$1:$A$3</definedName><definedName name="数据" localSheetId="${chartSheetIndex}">'图表页'!$B$1:$B$3</definedName><definedName name="外部值">[1]Sheet1!$A$1</definedName><definedName name="折算系数">1.1</definedName></definedNames>`
  );
  zip.file("xl/workbook.xml", workbook);

  let rels = await text("xl/_rels/workbook.xml.rels");
  rels = insertBefore(
    rels,
    "</Relationships>",
    `<Relationship Id="rId20" Type="${REL}/worksheet" Target="worksheets/sheet91.xml"/><Relationship Id="rId21" Type="${REL}/worksheet" Target="worksheets/sheet92.xml"/><Relationship Id="rId22" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
      (options.macro
        ? `<Relationship Id="rId23" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`
        : "")
  );
  zip.file("xl/_rels/workbook.xml.rels", rels);

  let root = await text("_rels/.rels");
  root = insertBefore(
    root,
    "</Relationships>",
    `<Relationship Id="rId90" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`
  );
  zip.file("_rels/.rels", root);

  let styles = await text("xl/styles.xml");
  // A named cell style 督导标题 (cellStyleXfs 1), used by 汇总!A1 through cellXfs 1's sibling.
  styles = styles.replace(
    /<cellStyleXfs count="1">(.*?)<\/cellStyleXfs>/,
    '<cellStyleXfs count="2">$1<xf numFmtId="0" fontId="1" fillId="2" borderId="1"/></cellStyleXfs>'
  );
  styles = styles.replace(
    /<cellStyles count="1">(.*?)<\/cellStyles>/,
    '<cellStyles count="2">$1<cellStyle name="督导标题" xfId="1"/></cellStyles>'
  );
  if (!styles.includes('name="督导标题"'))
    throw new Error("sample styles.xml changed: named style not added");
  zip.file("xl/styles.xml", styles);

  let types = await text("[Content_Types].xml");
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  types = insertBefore(
    types,
    "</Types>",
    [
      override(
        "/xl/worksheets/sheet91.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
      ),
      override(
        "/xl/worksheets/sheet92.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
      ),
      override(
        "/xl/drawings/drawing1.xml",
        "application/vnd.openxmlformats-officedocument.drawing+xml"
      ),
      override(
        "/xl/charts/chart1.xml",
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
      ),
      override(
        "/xl/comments1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
      ),
      override(
        "/xl/externalLinks/externalLink1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"
      ),
      override(
        "/docProps/custom.xml",
        "application/vnd.openxmlformats-officedocument.custom-properties+xml"
      ),
      '<Default Extension="png" ContentType="image/png"/>',
      ...(options.macro
        ? ['<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>']
        : []),
    ].join("")
  );
  if (options.macro) {
    types = types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
    // Not a real VBA project: the bytes only have to come back unchanged.
    zip.file(
      "xl/vbaProject.bin",
      Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 37 + 11) % 256))
    );
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
