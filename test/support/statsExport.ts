/**
 * A county's schools as the education statistics system (教育事业统计) exports them: one row per
 * school or campus, four header rows with merged group cells, a code row (甲, 乙, 1, 2 …), a 合计
 * row; and the same figures as a bureau's own one-row-header table. Both are built from one list,
 * so any difference in what the audit makes of them is the reader's.
 */
import type { CellValue, MergedArea, SheetGrid } from "../../src/sheets/grid";

export interface ExportSchool {
  name: string;
  code: string;
  /** 办学类型 as the statistics system writes it: 小学, 初级中学, 九年一贯制学校, 教学点 … */
  kindText: string;
  /** 举办者: 地方教育部门 (public) or 民办. */
  owner: string;
  county: string;
  /** 是否计校数: 0 for a campus the statistics count under its parent school. */
  counted: 0 | 1;
  pupils: { primary?: number; junior?: number; senior?: number };
  /** 专任教师 by highest degree: 博士研究生, 硕士研究生, 本科, 专科, 高中阶段及以下. */
  degree: [number, number, number, number, number];
  pe: number;
  music: number;
  art: number;
  teachingArea: number;
  indoorSportsArea: number;
  sportsGroundArea: number;
  /** 教学仪器设备资产值, in 万元 as the export gives it. */
  equipmentWan: number;
  multimediaRooms: number;
  backbone: { primary?: number; junior?: number };
}

/** A seeded pseudo-random generator, so the fixture is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * About two hundred schools in three counties: plain 小学 and 初级中学, a 九年一贯制学校, a 完全中学 with
 * senior pupils, a campus counted under its parent (是否计校数 = 0), a private school, a 教学点
 * under 50 pupils and a special school.
 */
export function exportSchools(): ExportSchool[] {
  const rand = rng(19);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const school = (
    name: string,
    kindText: string,
    county: string,
    pupils: ExportSchool["pupils"],
    extra: Partial<ExportSchool> = {}
  ): ExportSchool => {
    const all = (pupils.primary ?? 0) + (pupils.junior ?? 0) + (pupils.senior ?? 0);
    const teachers = Math.max(2, Math.round(all / 14));
    const master = int(0, Math.ceil(teachers / 8));
    const bachelor = Math.round(teachers * (0.5 + rand() * 0.3));
    const associate = Math.max(0, Math.min(teachers - master - bachelor, int(1, 6)));
    const low = Math.max(0, teachers - master - bachelor - associate - 1);
    return {
      name,
      code: String(2133000000 + int(0, 999999)),
      kindText,
      owner: "地方教育部门",
      county,
      counted: 1,
      pupils,
      degree: [1, master, bachelor, associate, low],
      pe: Math.max(1, Math.round(all / 180)),
      music: Math.max(1, Math.round(all / 300)),
      art: Math.max(0, Math.round(all / 320)),
      teachingArea: Math.round(all * (4.5 + rand() * 2)),
      indoorSportsArea: int(0, 3) === 0 ? 0 : int(200, 900),
      sportsGroundArea: Math.round(all * (6 + rand() * 4)),
      equipmentWan: Math.round(all * (0.15 + rand() * 0.1) * 10) / 10,
      multimediaRooms: Math.max(1, Math.round(all / 45)),
      backbone: {
        ...(pupils.primary
          ? { primary: int(1, Math.max(2, Math.round(pupils.primary / 100))) }
          : {}),
        ...(pupils.junior ? { junior: int(1, Math.max(2, Math.round(pupils.junior / 90))) } : {}),
      },
      ...extra,
    };
  };
  const list: ExportSchool[] = [];
  // About 200 schools in three counties, as a county bureau's export holds them.
  for (const county of ["东江县", "西山县", "南湖县"]) {
    for (let i = 1; i <= 40; i++)
      list.push(school(`${county}第${i}小学`, "小学", county, { primary: int(300, 1800) }));
    for (let i = 1; i <= 24; i++)
      list.push(school(`${county}第${i}初级中学`, "初级中学", county, { junior: int(400, 1200) }));
  }
  list.push(
    school("东江县育才九年一贯制学校", "九年一贯制学校", "东江县", { primary: 900, junior: 500 }),
    school("东江县第一小学（东校区）", "小学", "东江县", { primary: 640 }, { counted: 0 }),
    school("东江县明德学校", "小学", "东江县", { primary: 760 }, { owner: "民办" }),
    school("西山县北岭教学点", "教学点", "西山县", { primary: 38 }),
    school("西山县特殊教育学校", "特殊教育学校", "西山县", { primary: 60, junior: 40 }),
    school("西山县第二中学", "完全中学", "西山县", { junior: 900, senior: 700 })
  );
  return list;
}

const E: null = null;

/** The export's columns, as header paths top to bottom (a path shorter than 4 is merged down). */
function exportColumns(
  split: boolean
): { path: string[]; value: (s: ExportSchool) => CellValue }[] {
  const n = (v: number | undefined) => (v === undefined ? E : v);
  const pupilsOf = (s: ExportSchool) =>
    (s.pupils.primary ?? 0) + (s.pupils.junior ?? 0) + (s.pupils.senior ?? 0);
  const teachersOf = (s: ExportSchool) => s.degree.reduce((a, b) => a + b, 0);
  const degrees = ["博士研究生", "硕士研究生", "本科", "专科", "高中阶段及以下"];
  return [
    { path: ["学校（机构）名称"], value: (s) => s.name },
    { path: ["学校标识码"], value: (s) => s.code },
    { path: ["办学类型"], value: (s) => s.kindText },
    { path: ["举办者"], value: (s) => s.owner },
    { path: ["统计三级"], value: (s) => s.county },
    { path: ["是否计校数"], value: (s) => s.counted },
    { path: ["在校生数", "合计"], value: pupilsOf },
    { path: ["在校生数", "小学", "计"], value: (s) => n(s.pupils.primary) },
    { path: ["在校生数", "初中", "计"], value: (s) => n(s.pupils.junior) },
    { path: ["在校生数", "高中", "计"], value: (s) => n(s.pupils.senior) },
    { path: ["专任教师", "合计"], value: teachersOf },
    ...degrees.map((d, i) => ({
      path: ["专任教师", "#按学历分", d],
      value: (s: ExportSchool) => s.degree[i],
    })),
    { path: ["专任教师", "#按授课课程分", "体育与健康"], value: (s) => s.pe },
    { path: ["专任教师", "#按授课课程分", "艺术", "计"], value: (s) => s.music + s.art },
    ...(split
      ? [
          {
            path: ["专任教师", "#按授课课程分", "艺术", "音乐"],
            value: (s: ExportSchool) => s.music,
          },
          {
            path: ["专任教师", "#按授课课程分", "艺术", "美术"],
            value: (s: ExportSchool) => s.art,
          },
        ]
      : []),
    { path: ["教学及辅助用房", "计"], value: (s) => s.teachingArea },
    { path: ["教学及辅助用房", "其中：室内体育用房"], value: (s) => s.indoorSportsArea },
    { path: ["运动场地面积"], value: (s) => s.sportsGroundArea },
    { path: ["教学仪器设备资产值（万元）"], value: (s) => s.equipmentWan },
    { path: ["网络多媒体教室（间）"], value: (s) => s.multimediaRooms },
    { path: ["教基1102", "县级以上骨干教师(小学)"], value: (s) => n(s.backbone.primary) },
    { path: ["教基1102", "县级以上骨干教师(初中)"], value: (s) => n(s.backbone.junior) },
  ];
}

const HEADER_ROWS = 4;

/**
 * The schools as the statistics system exports them: a title, four header rows (group cells
 * merged across their columns, a cell with nothing below merged down), the code row (甲 乙 … for
 * identity columns, 1 2 3 … for figures), a 合计 row, then one row per school.
 * `artsSplit: false` leaves out 音乐 and 美术, as exports that give only 艺术 › 计 do.
 */
export function statsExportGrid(
  schools: readonly ExportSchool[],
  { artsSplit = true, name = "基础教育基层统计" } = {}
): SheetGrid {
  const columns = exportColumns(artsSplit);
  const width = columns.length;
  const title: CellValue[] = [
    "2024年教育事业统计 学校基本情况（按学校）",
    ...Array(width - 1).fill(E),
  ];
  const header: CellValue[][] = Array.from({ length: HEADER_ROWS }, () => Array(width).fill(E));
  const merges: MergedArea[] = [{ top: 0, left: 0, bottom: 0, right: width - 1 }];
  const top = 1;
  // Each level: runs of equal prefixes share one merged cell.
  for (let level = 0; level < HEADER_ROWS; level++) {
    let c = 0;
    while (c < width) {
      const path = columns[c].path;
      if (level >= path.length) {
        c++;
        continue;
      }
      const prefix = path.slice(0, level + 1).join("›");
      let end = c;
      while (
        end + 1 < width &&
        columns[end + 1].path.length > level &&
        columns[end + 1].path.slice(0, level + 1).join("›") === prefix
      )
        end++;
      header[level][c] = path[level];
      const leaf = level === path.length - 1;
      const bottom = leaf ? top + HEADER_ROWS - 1 : top + level;
      if (end > c || bottom > top + level)
        merges.push({ top: top + level, left: c, bottom, right: end });
      c = end + 1;
    }
  }
  const identity = 6;
  const code: CellValue[] = columns.map((_, i) =>
    i < identity ? "甲乙丙丁戊己"[i] : String(i - identity + 1)
  );
  const rows = schools.map((s) => columns.map((col) => col.value(s)));
  const total: CellValue[] = columns.map((col, i) => {
    if (i === 0) return "合计";
    if (i < identity) return E;
    return rows.reduce((sum, r) => sum + (typeof r[i] === "number" ? (r[i] as number) : 0), 0);
  });
  return { name, rows: [title, ...header, code, total, ...rows], merges };
}

/**
 * The same schools in a bureau's own table: one header row in its own words, stages as columns,
 * the arts teachers split (or, with `artsSplit: false`, only their total in an 艺术 column).
 */
export function simpleTableGrid(
  schools: readonly ExportSchool[],
  { name = "学校情况" } = {}
): SheetGrid {
  const n = (v: number | undefined) => (v === undefined ? E : v);
  const header = [
    "学校名称",
    "学校代码",
    "学校类型",
    "举办者",
    "区县",
    "小学在校生数",
    "初中在校生数",
    "高中在校生数",
    "专任教师数",
    "博士",
    "硕士",
    "本科",
    "专科",
    "体育教师数",
    "音乐教师数",
    "美术教师数",
    "教学及辅助用房面积（平方米）",
    "室内体育用房面积（平方米）",
    "运动场地面积（平方米）",
    "教学仪器设备值（万元）",
    "网络多媒体教室数",
    "小学骨干教师数",
    "初中骨干教师数",
  ];
  const rows = schools.map((s): CellValue[] => [
    s.name,
    s.code,
    s.kindText,
    s.owner,
    s.county,
    n(s.pupils.primary),
    n(s.pupils.junior),
    n(s.pupils.senior),
    s.degree.reduce((a, b) => a + b, 0),
    s.degree[0],
    s.degree[1],
    s.degree[2],
    s.degree[3],
    s.pe,
    s.music,
    s.art,
    s.teachingArea,
    s.indoorSportsArea,
    s.sportsGroundArea,
    s.equipmentWan,
    s.multimediaRooms,
    n(s.backbone.primary),
    n(s.backbone.junior),
  ]);
  return { name, rows: [header, ...rows], merges: [] };
}
