import ExcelJS from "exceljs";
import type { SchoolRecord } from "../src/engine";

/**
 * A messy county workbook for end-to-end tests of the reader: numbers stored as text with
 * thousands separators and full-width digits, a #DIV/0! from the bureau's own formula, a 小计 row,
 * blank separator rows, a three-row header band with cells merged over all three rows, a
 * special-education school, a 15-pupil teaching point, a school whose name is formula-like text,
 * 「初中」 apart from 「小学」, and a nine-year school as one row with per-stage columns.
 * messyCountyExpectedRecords() is what a correct reader should make of it.
 */

export const MESSY_TITLE = "示范县2023年小学办学条件统计表";
/** A school name that must stay text everywhere (never become a formula). */
export const HOSTILE_NAME = '=HYPERLINK("http://example.com","x")';

type Render = "plain" | "thousands" | "fullwidth";

interface PrimaryRow {
  name: string;
  type: string;
  kind: SchoolRecord["kind"];
  pupils?: number;
  teachers: [fullTime: number, above: number, backbone: number, peArts: number];
  facilities: [area: number, sports: number, equipmentWan: number, rooms: number];
  render?: Partial<Record<"pupils" | "area" | "equipment", Render>>;
}

const PRIMARY_CITY: PrimaryRow[] = [
  {
    name: "示范县第一小学",
    type: "小学",
    kind: "primary",
    pupils: 1234,
    teachers: [70, 66, 15, 13],
    facilities: [7800, 11500, 520.5, 35],
    render: { pupils: "thousands" },
  },
  {
    name: "示范县第二小学",
    type: "小学",
    kind: "primary",
    pupils: 1056,
    teachers: [61, 58, 12, 11],
    facilities: [6900, 9800, 446.2, 30],
    render: { pupils: "fullwidth", area: "thousands" },
  },
  {
    name: HOSTILE_NAME,
    type: "小学",
    kind: "primary",
    pupils: 880,
    teachers: [50, 47, 10, 9],
    facilities: [5600, 8100, 360.8, 24],
  },
];

const PRIMARY_RURAL: PrimaryRow[] = [
  {
    name: "示范县河口村教学点",
    type: "教学点",
    kind: "teachingPoint",
    pupils: 15,
    teachers: [3, 3, 0, 1],
    facilities: [260, 900, 6.5, 1],
  },
  {
    name: "示范县培智学校",
    type: "特殊教育学校",
    kind: "special",
    teachers: [24, 22, 3, 4],
    facilities: [3100, 2500, 180, 8],
  },
  {
    name: "示范县第三小学",
    type: "小学",
    kind: "primary",
    pupils: 642,
    teachers: [38, 35, 7, 6],
    facilities: [3500, 5200, 150.75, 16],
    render: { equipment: "thousands" },
  },
];

interface JuniorRow {
  name: string;
  pupils: number;
  teachers: [fullTime: number, above: number, backbone: number, peArts: number];
  facilities: [area: number, sports: number, equipmentWan: number, rooms: number];
}

const JUNIOR: JuniorRow[] = [
  {
    name: "示范县第一初级中学",
    pupils: 1120,
    teachers: [105, 101, 28, 17],
    facilities: [9900, 15800, 1020.5, 30],
  },
  {
    name: "示范县实验中学",
    pupils: 860,
    teachers: [82, 79, 20, 13],
    facilities: [7700, 12100, 610.3, 24],
  },
];

const NINE_YEAR = {
  name: "示范县城南学校",
  pupils: { primary: 720, junior: 480 },
  fullTime: { primary: 42, junior: 46 },
  above: { primary: 40, junior: 44 },
  backbone: { primary: 9, junior: 11 },
  peArts: { primary: 8, junior: 7 },
  facilities: [10200, 16900, 610.4, 34] as [number, number, number, number],
};

const FULL_WIDTH_DIGITS = "０１２３４５６７８９";

/** 「1234」 as stored by a careless sheet: 「1,234」 or 「１２３４」. */
function rendered(value: number, how: Render = "plain"): string | number {
  if (how === "thousands") return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (how === "fullwidth")
    return String(value).replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
  return value;
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function headerStyle(ws: ExcelJS.Worksheet, top: number, bottom: number, lastCol: number): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BOX;
    }
  }
}

function primarySheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("小学");
  ws.getCell("A1").value = MESSY_TITLE;
  ws.mergeCells("A1:M1");
  ws.getCell("A2").value = "填报单位：示范县教育局　　单位：人、平方米、万元";
  ws.mergeCells("A2:M2");
  // Three header rows; the first four columns are merged over all three.
  const spans: [string, string][] = [
    ["A3:A5", "序号"],
    ["B3:B5", "学校名称"],
    ["C3:C5", "学校类型"],
    ["D3:D5", "在校生数"],
    ["E3:H3", "教师情况"],
    ["E4:E5", "专任教师数"],
    ["F4:H4", "其中"],
    ["I3:L3", "办学条件"],
    ["I4:I5", "教学及辅助用房面积（㎡）"],
    ["J4:J5", "体育运动场馆面积（㎡）"],
    ["K4:K5", "教学仪器设备值（万元）"],
    ["L4:L5", "网络多媒体教室数"],
    ["M3:M5", "生均教学仪器设备值（元）"],
  ];
  for (const [range, text] of spans) {
    ws.getCell(range.split(":")[0]).value = text;
    ws.mergeCells(range);
  }
  ws.getCell("F5").value = "高于规定学历教师数";
  ws.getCell("G5").value = "县级以上骨干教师";
  ws.getCell("H5").value = "体育艺术专任教师数";
  headerStyle(ws, 3, 5, 13);

  let r = 6;
  let serial = 1;
  const writeSchool = (s: PrimaryRow) => {
    const row = ws.getRow(r);
    row.getCell(1).value = serial++;
    row.getCell(2).value = s.name;
    row.getCell(3).value = s.type;
    row.getCell(4).value = s.pupils === undefined ? null : rendered(s.pupils, s.render?.pupils);
    s.teachers.forEach((t, k) => (row.getCell(5 + k).value = t));
    row.getCell(9).value = rendered(s.facilities[0], s.render?.area);
    row.getCell(10).value = s.facilities[1];
    row.getCell(11).value = rendered(s.facilities[2], s.render?.equipment);
    row.getCell(12).value = s.facilities[3];
    // The bureau's own ratio: Excel coerces 「1,234」 in arithmetic, not full-width digits; a blank divides by 0.
    let result: number | { error: ExcelJS.CellErrorValue["error"] };
    if (s.pupils === undefined) result = { error: "#DIV/0!" as ExcelJS.CellErrorValue["error"] };
    else if (s.render?.pupils === "fullwidth")
      result = { error: "#VALUE!" as ExcelJS.CellErrorValue["error"] };
    else result = (s.facilities[2] * 10000) / s.pupils; // Excel caches the full value; 0.00 only formats it
    row.getCell(13).value = { formula: `K${r}*10000/D${r}`, result } as ExcelJS.CellFormulaValue;
    row.getCell(13).numFmt = "0.00";
    for (let c = 1; c <= 13; c++) row.getCell(c).border = BOX;
    r++;
  };
  // A 小计 row of SUM formulas whose cached results are what Excel computes: SUM skips numbers
  // stored as text, so the bureau's own subtotal is short (a trap the reader must not trust).
  const subtotal = (label: string, from: number, to: number) => {
    const row = ws.getRow(r);
    row.getCell(2).value = label;
    for (let c = 4; c <= 12; c++) {
      let sum = 0;
      for (let k = from; k <= to; k++) {
        const v = ws.getCell(k, c).value;
        if (typeof v === "number") sum += v;
      }
      const letter = String.fromCharCode(64 + c);
      row.getCell(c).value = {
        formula: `SUM(${letter}${from}:${letter}${to})`,
        result: Math.round(sum * 100) / 100,
      } as ExcelJS.CellFormulaValue;
    }
    r++;
  };
  const cityStart = r;
  PRIMARY_CITY.forEach(writeSchool);
  subtotal("城区小计", cityStart, r - 1);
  r++; // blank separator row
  const ruralStart = r;
  PRIMARY_RURAL.forEach(writeSchool);
  subtotal("乡镇小计", ruralStart, r - 1);
  r++;
  ws.getCell(r, 2).value = "合计";
  ws.getCell(r, 4).value = PRIMARY_CITY.concat(PRIMARY_RURAL).reduce(
    (s, x) => s + (x.pupils ?? 0),
    0
  );
  r += 2;
  ws.getCell(r, 1).value = "注：在校生数以学籍系统为准；文本格式的数字为各校填报原样。";
  ws.mergeCells(r, 1, r, 13);
  ws.getColumn(2).width = 36;
}

function juniorSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("初中");
  ws.getCell("A1").value = "示范县2023年初中办学条件统计表";
  ws.mergeCells("A1:K1");
  ws.getCell("A2").value = "单位：人、平方米、万元";
  const headers = [
    "序号",
    "学校名称",
    "学生数",
    "专任教师数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育、艺术（音乐、美术）专任教师数",
    "教学及辅助用房面积（㎡）",
    "体育运动场（馆）面积（㎡）",
    "教学仪器设备总值（万元）",
    "网络多媒体教室（间）",
  ];
  headers.forEach((h, c) => {
    ws.getCell(3, c + 1).value = h;
    ws.mergeCells(3, c + 1, 4, c + 1);
  });
  headerStyle(ws, 3, 4, headers.length);
  JUNIOR.forEach((s, i) => {
    const row = ws.getRow(5 + i);
    row.values = [
      i + 1,
      s.name,
      s.pupils,
      ...s.teachers,
      s.facilities[0],
      s.facilities[1],
      i === 0 ? rendered(s.facilities[2], "thousands") : s.facilities[2],
      s.facilities[3],
    ];
  });
  ws.getCell(5 + JUNIOR.length, 2).value = "合计";
  ws.getCell(5 + JUNIOR.length, 3).value = {
    formula: `SUM(C5:C${4 + JUNIOR.length})`,
    result: JUNIOR.reduce((s, x) => s + x.pupils, 0),
  } as ExcelJS.CellFormulaValue;
  ws.getColumn(2).width = 30;
}

function nineYearSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet("一贯制学校");
  ws.getCell("A1").value = "示范县2023年九年一贯制学校办学条件统计表";
  ws.mergeCells("A1:P1");
  const pairs: [string, string, string][] = [
    ["在校学生数", "小学在校生数", "初中在校生数"],
    ["专任教师数", "小学专任教师数", "初中专任教师数"],
    ["高于规定学历教师数", "小学高于规定学历教师数", "初中高于规定学历教师数"],
    ["县级及以上骨干教师数", "小学县级及以上骨干教师数", "初中县级及以上骨干教师数"],
    ["体育、艺术专任教师数", "小学体育、艺术专任教师数", "初中体育、艺术专任教师数"],
  ];
  ws.getCell("A2").value = "序号";
  ws.mergeCells("A2:A3");
  ws.getCell("B2").value = "学校名称";
  ws.mergeCells("B2:B3");
  pairs.forEach(([group, p, j], k) => {
    const col = 3 + 2 * k;
    ws.getCell(2, col).value = group;
    ws.mergeCells(2, col, 2, col + 1);
    ws.getCell(3, col).value = p;
    ws.getCell(3, col + 1).value = j;
  });
  ws.getCell(2, 13).value = "办学条件（全校共用）";
  ws.mergeCells(2, 13, 2, 16);
  [
    "教学及辅助用房面积（㎡）",
    "体育运动场馆面积（㎡）",
    "教学仪器设备值（万元）",
    "网络多媒体教室数",
  ].forEach((h, k) => (ws.getCell(3, 13 + k).value = h));
  headerStyle(ws, 2, 3, 16);
  const s = NINE_YEAR;
  ws.getRow(4).values = [
    1,
    s.name,
    s.pupils.primary,
    s.pupils.junior,
    s.fullTime.primary,
    s.fullTime.junior,
    s.above.primary,
    s.above.junior,
    s.backbone.primary,
    s.backbone.junior,
    s.peArts.primary,
    s.peArts.junior,
    ...s.facilities,
  ];
  ws.getColumn(2).width = 24;
}

/** The messy workbook (not yet saved). */
export function messyCountyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "均衡督导助手样例生成器";
  workbook.created = new Date(Date.UTC(2023, 8, 1));
  workbook.modified = workbook.created;
  primarySheet(workbook);
  juniorSheet(workbook);
  nineYearSheet(workbook);
  return workbook;
}

function facilities([area, sports, wan, rooms]: [
  number,
  number,
  number,
  number,
]): SchoolRecord["facilities"] {
  return {
    teachingArea: area,
    sportsArea: sports,
    equipmentValue: Math.round(wan * 10000),
    multimediaRooms: rooms,
  };
}

/**
 * What a correct reader makes of the messy workbook: one record per school row (no 小计/合计
 * rows), numbers parsed from text, 万元 in 元, without source cells. The special school has no
 * pupil count; the teaching point has 15 (both are excluded by the engine).
 */
export function messyCountyExpectedRecords(): SchoolRecord[] {
  const teachers = ([fullTime, aboveDegree, backbone, peArts]: [
    number,
    number,
    number,
    number,
  ]) => ({ fullTime, aboveDegree, backbone, peArts });
  const primary = PRIMARY_CITY.concat(PRIMARY_RURAL).map((s): SchoolRecord => ({
    name: s.name,
    kind: s.kind,
    stages: {
      primary: {
        ...(s.pupils === undefined ? {} : { pupils: s.pupils }),
        teachers: teachers(s.teachers),
      },
    },
    facilities: facilities(s.facilities),
  }));
  const junior = JUNIOR.map((s): SchoolRecord => ({
    name: s.name,
    kind: "junior",
    stages: { junior: { pupils: s.pupils, teachers: teachers(s.teachers) } },
    facilities: facilities(s.facilities),
  }));
  const n = NINE_YEAR;
  const nine: SchoolRecord = {
    name: n.name,
    kind: "nineYear",
    stages: {
      primary: {
        pupils: n.pupils.primary,
        teachers: {
          fullTime: n.fullTime.primary,
          aboveDegree: n.above.primary,
          backbone: n.backbone.primary,
          peArts: n.peArts.primary,
        },
      },
      junior: {
        pupils: n.pupils.junior,
        teachers: {
          fullTime: n.fullTime.junior,
          aboveDegree: n.above.junior,
          backbone: n.backbone.junior,
          peArts: n.peArts.junior,
        },
      },
    },
    facilities: facilities(n.facilities),
  };
  return [...primary, ...junior, nine];
}
