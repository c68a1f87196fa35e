import type { Stage } from "../engine/types";
import { fieldIdOf, type FieldId } from "./fields";

/** What a header names: the field, how sure the match is, and the unit written in it. */
export interface HeaderMatch {
  field: FieldId;
  confidence: number;
  /** Unit written in the header (「（万元）」 → "万元"), folded. */
  unit?: string;
  /** A 「其中：」 column: a part of the row's total, never added to it (「其中：高中在校生数」). */
  part?: boolean;
}

interface Rule {
  base: string;
  re: RegExp;
  /** Must also hold on the whole flattened header (group cells included). */
  ctx?: RegExp;
  /** Must not hold on the text tested. */
  not?: RegExp;
  conf: number;
}

const TEACHER = /教师|教工|专任|师资/;
const NAME_HEADER = /^(学校|校名|单位|学校全称|学校\(校区\)|学校\(单位\))(名称|全称)?$|^学校.{0,6}名称$|^名称$/;

/** True when a folded text is a wording of the 学校名称 header (a header repeated among the rows). */
export function isNameHeader(text: string): boolean {
  return NAME_HEADER.test(text);
}

/** Ratios a bureau computed itself: 生均… and 每百名学生… columns (→ given.*). */
const RATIO_WORDS = /生均|每百|百名学生/;
/** A share or a rate (占比, 比例, 覆盖率, %): never a count, whatever figure it names. */
const SHARE_WORDS = /占比|比例|比率|率|%|百分比/;

/**
 * True for a header that states a share or rate in other words than the indicator's own
 * (「骨干教师占比(%)」, 「多媒体教室覆盖率」): such a column is set aside, never read as a count.
 *
 * @example
 * isShareHeader("骨干教师占比(%)"); // true
 * isShareHeader("每百名学生拥有骨干教师数"); // false
 */
export function isShareHeader(text: string): boolean {
  return SHARE_WORDS.test(text) && !RATIO_WORDS.test(text);
}
const RATIO_RULES: Rule[] = [
  { base: "given.L1", re: /(每百|百名).*(高于规定学历|高学历|规定学历)/, conf: 1 },
  { base: "given.L2", re: /(每百|百名).*骨干/, conf: 1 },
  { base: "given.L3", re: /(每百|百名).*(体育|艺术|音乐|美术|体艺)/, conf: 1 },
  { base: "given.L4", re: /生均.*(教学及?辅助用房|教辅用房|教学用房)/, conf: 1 },
  { base: "given.L5", re: /生均.*(运动场|场馆|体育)/, conf: 1 },
  { base: "given.L6", re: /生均.*(仪器|设备)/, conf: 1 },
  { base: "given.L7", re: /(每百|百名).*多媒体/, conf: 1 },
  // 2012 basic-balance ratios with no 2017 twin (B1–B3 mirror L4–L6 when read).
  { base: "given.B4", re: /(每百|百名).*(计算机|电脑)/, conf: 1 },
  { base: "given.B5", re: /生均.*(图书|藏书)/, conf: 1 },
];

/** Counts, areas and identity columns, most specific first. */
const RULES: Rule[] = [
  { base: "seq", re: /^(序号?|编号|No\.?)$/i, conf: 1 },
  { base: "selfVerdict", re: /是否达标|达标情况/, conf: 0.9 },
  { base: "remarks", re: /^(备注|说明)$/, conf: 1 },
  { base: "county", re: /^(所属)?(区县|县区|县市区|县\(市、?区\)|县\(区\)|区\(县\)|县\(市\)|县别|县|区|旗|县名|区名|地区|市县)(名称)?$/, conf: 1 },
  { base: "code", re: /^(学校)?(标识)?(代码|标识码|编码)$|^学校(标识)?(代码|编码|编号|识别码)/, conf: 1 },
  { base: "owner", re: /举办者|办学性质|办学体制|公办民办|公民办|^(学校)?性质$/, conf: 1 },
  { base: "stage", re: /^(学段|学校类型|办学类型|学校类别|类型|类别|学校层次|学段类型)$/, conf: 1 },
  { base: "name", re: NAME_HEADER, conf: 1 },
  { base: "classSizeBands", re: /^\d+[-~—–至到]\d+人?$|^\d+人(及)?(以上|以下)$/, conf: 0.9 },
  { base: "largestClass", re: /最大班额/, conf: 1 },
  { base: "classes", re: /班级数|^班数$|^班级$|教学班/, not: /班额/, conf: 1 },
  { base: "grades", re: /年级数|^年级$/, conf: 1 },
  { base: "facilities.indoorSportsArea", re: /室内体育(用房|活动室|场馆)?/, conf: 1 },
  { base: "facilities.teachingArea", re: /教学及?辅助用房|教辅用房|教学用房/, conf: 1 },
  { base: "facilities.musicRoomArea", re: /音乐(专用)?(教)?室.*面积|音乐室面积/, conf: 1 },
  { base: "facilities.musicRooms", re: /音乐(专用)?(教)?室/, not: /面积/, conf: 1 },
  { base: "facilities.artRoomArea", re: /美术(专用)?(教)?室.*面积/, conf: 1 },
  { base: "facilities.artRooms", re: /美术(专用)?(教)?室/, not: /面积/, conf: 1 },
  { base: "facilities.sportsHallArea", re: /体育馆/, conf: 1 },
  { base: "facilities.sportsArea", re: /体育运动场馆|运动场馆|体育场馆|运动场\(馆\)|场地\(馆\)|体育运动场地?馆/, conf: 1 },
  { base: "facilities.sportsGroundArea", re: /运动场|田径场|操场/, conf: 1 },
  { base: "facilities.equipmentValue", re: /仪器设备|教学设备/, conf: 1 },
  { base: "facilities.multimediaRooms", re: /多媒体/, conf: 1 },
  { base: "facilities.computers", re: /计算机|电脑/, conf: 1 },
  { base: "facilities.books", re: /图书|藏书/, conf: 1 },
  { base: "teachers.backbone", re: /骨干/, conf: 1 },
  { base: "teachers.aboveDegree", re: /高于规定学历|高学历|规定学历以上/, conf: 1 },
  { base: "teachers.aboveDegree", re: /(专科|大专|本科)(及)?以上/, conf: 0.7 },
  { base: "teachers.byDegree.master", re: /研究生|硕士/, ctx: /教师|学历|专任|^(研究生|硕士)/, conf: 0.9 },
  { base: "teachers.byDegree.doctor", re: /博士/, ctx: /教师|学历|专任|^博士/, conf: 0.9 },
  { base: "teachers.byDegree.bachelor", re: /本科/, ctx: /教师|学历|专任|^本科/, conf: 0.9 },
  { base: "teachers.byDegree.associate", re: /专科|大专/, ctx: /教师|学历|专任|^(专科|大专)/, conf: 0.9 },
  { base: "teachers.rotatingPeArts", re: /交流轮岗|兼职|走教/, ctx: TEACHER, conf: 0.9 },
  { base: "teachers.peArts", re: /体育.?艺术|体艺|体育.?音乐.?美术|体育.?美术.?音乐/, ctx: TEACHER, conf: 1 },
  { base: "teachers.pe", re: /体育/, ctx: TEACHER, conf: 1 },
  { base: "teachers.music", re: /音乐/, ctx: TEACHER, conf: 1 },
  { base: "teachers.art", re: /美术/, ctx: TEACHER, conf: 1 },
  { base: "teachers.arts", re: /艺术/, ctx: TEACHER, conf: 0.9 },
  { base: "teachers.seniorTitle", re: /中级.*职|中高级职称/, conf: 0.9 },
  { base: "teachers.fullTime", re: /专任教师|^专任$/, conf: 1 },
  { base: "teachers.fullTime", re: /^教师(总)?(人)?数?$/, conf: 0.7 },
  {
    base: "pupils",
    re: /^(在校|在籍)?(学生|生)(总)?(人)?数?(合计|总计|小计)?$|(在校|在籍)(学)?生(总|人)?数?(合计|总计|小计)?$/,
    not: /寄宿|随迁|残疾|留守|流动|毕业|招生|新生|借读/,
    conf: 1,
  },
];

const UNIT = /^(单位:?)?(万元|千元|元|万平方米|平方米|平米|m2|m\^2|米2|人|名|个|间|台|册|万册|所|班|%|间数|个数|人数)(\/(生|人|名|百人|百名学生))?$/i;
const UNIT_SUFFIX = /(?<=[值积额])(万元|千元|元|万平方米|平方米|平米|m2)$/;
const STAGE_WORD = /小学部?|初级中学|初中部?|高级中学|高中部?/g;

/** Stage words named in a header, and the header without them. */
function takeStage(text: string): { stage: Stage | "senior" | null; rest: string } {
  const found = new Set<Stage | "senior">();
  const rest = text.replace(STAGE_WORD, (w) => {
    found.add(w.startsWith("小学") ? "primary" : w.startsWith("初") ? "junior" : "senior");
    return "";
  });
  return { stage: found.size === 1 ? [...found][0] : null, rest: found.size > 1 ? text : rest };
}

/** Units written in brackets or after the figure's name, and the header without them. */
function takeUnits(text: string): { units: string[]; rest: string } {
  const units: string[] = [];
  let rest = text.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    if (UNIT.test(inner)) {
      units.push(inner.replace(/^单位:?/, ""));
      return "";
    }
    return whole;
  });
  rest = rest.replace(UNIT_SUFFIX, (u) => {
    units.push(u);
    return "";
  });
  return { units, rest: rest.replace(/^其中:?/, "").replace(/^[、:,.]+|[、:,.]+$/g, "") };
}

function firstMatch(rules: Rule[], text: string, ctx: string): Rule | null {
  if (!text) return null;
  for (const rule of rules) {
    if (rule.re.test(text) && (!rule.ctx || rule.ctx.test(ctx)) && (!rule.not || !rule.not.test(text))) return rule;
  }
  return null;
}

function bandBase(text: string): string | null {
  const range = /^(\d+)[-~—–至到](\d+)/.exec(text);
  if (range) return `classSizeBands.${Number(range[1])}-${Number(range[2])}`;
  const open = /^(\d+)人(及)?(以上|以下)/.exec(text);
  if (!open) return null;
  // Class-size bands in the statistics tables read 「56人以上」 as 56 and more (and 「25人以下」 as up to 25).
  const n = Number(open[1]);
  return open[3] === "以上" ? `classSizeBands.${n}-` : `classSizeBands.1-${n}`;
}

/** Chooses the rule for a header: ratios first, then the leaf cell, then the whole flattened text. */
function chooseRule(leaf: string, whole: string, grouped: boolean): { rule: Rule; text: string; conf: number } | null {
  const candidates: [Rule[], string, number][] = [[RATIO_RULES, leaf, 1]];
  if (RATIO_WORDS.test(whole)) candidates.push([RATIO_RULES, whole, 0.9]);
  if (!RATIO_WORDS.test(leaf)) {
    candidates.push([RULES, leaf, 1]);
    if (grouped && !RATIO_WORDS.test(whole)) candidates.push([RULES, whole, 0.85]);
  }
  for (const [rules, text, factor] of candidates) {
    for (const variant of [text, text.replace(/\([^()]*\)/g, "")]) {
      const rule = firstMatch(rules, variant, whole);
      if (rule) return { rule, text: variant, conf: rule.conf * factor * (variant === text ? 1 : 0.95) };
    }
  }
  return null;
}

/**
 * Names the field behind a column from its header cells, top to bottom (group cells first),
 * each already folded (see foldText). Stage words pick the stage (「小学在校生数」 → pupils.primary),
 * units in the header are returned, and the confidence says how direct the match was.
 *
 * @example
 * matchHeader(["教师情况", "县级以上骨干教师"]); // { field: "teachers.backbone", confidence: 1 }
 * matchHeader(["在校生数", "小学"]); // { field: "pupils.primary", confidence: 0.85 }
 * matchHeader(["教学仪器设备总值(万元)"]); // { field: "facilities.equipmentValue", confidence: 1, unit: "万元" }
 */
export function matchHeader(parts: readonly string[]): HeaderMatch | null {
  const cleaned = parts.filter((p) => p !== "");
  if (cleaned.length === 0) return null;
  const joined = cleaned.join("");
  if (joined.length > 120) return null;
  const { stage, rest: wholeNoStage } = takeStage(joined);
  const whole = takeUnits(wholeNoStage);
  const leaf = takeUnits(takeStage(cleaned[cleaned.length - 1]).rest);
  const chosen = chooseRule(leaf.rest, whole.rest, cleaned.length > 1);
  if (!chosen) return null;
  // A share or rate names a count's field (骨干, 多媒体) but is no count: only the ratio rules may take it.
  if (!RATIO_RULES.includes(chosen.rule) && isShareHeader(joined)) return null;
  let base = chosen.rule.base;
  if (base === "classSizeBands") {
    const band = bandBase(chosen.text);
    if (!band) return null;
    base = band;
  }
  const unit = whole.units[whole.units.length - 1];
  const withUnit = (field: FieldId): HeaderMatch => ({ field, confidence: round(chosen.conf), ...(unit ? { unit } : {}) });
  if (stage === "senior") {
    if (base !== "pupils") return null;
    return cleaned.some((p) => /^其中/.test(p)) ? { ...withUnit("seniorPupils"), part: true } : withUnit("seniorPupils");
  }
  const stageOk = stage && isStagedName(base) ? stage : undefined;
  return withUnit(fieldIdOf(base, stageOk));
}

function isStagedName(base: string): boolean {
  return /^(pupils|classes|grades|largestClass|classSizeBands|teachers|given)(\.|$)/.test(base);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
