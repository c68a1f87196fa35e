/**
 * The county items of the 2017 standard (教督〔2017〕6号) beyond resource allocation, as data:
 * the inputs of the county form 「县域指标」 (their codes are part of the interface and stay stable),
 * the items of the government-guarantee, education-quality and social-recognition dimensions with
 * their rules, and the one-vote veto. The evaluator (src/engine/county/) interprets the rule kinds;
 * adding an item is one entry here plus its test.
 */

/** How a form input is read: 人数/个数, 元, 是/否, a monitoring level Ⅰ–Ⅳ, or a rate. */
export type CountyInputKind = "count" | "money" | "yesno" | "level" | "rate";

/** The three dimensions besides resource allocation. */
export type CountyDimension = "guarantee" | "quality" | "recognition";

export interface CountyInput {
  /** 编号: stable across versions. */
  code: string;
  /** 项目 as the form prints it. */
  label: string;
  /** 单位 as the form prints it ("" for 是/否). */
  unit: string;
  kind: CountyInputKind;
  /** The item (or veto) the input belongs to. */
  item: string;
  /** A part of another input (G11-2 of G11-1): the reader says so when it is larger. */
  partOf?: string;
  /**
   * The input is the numerator of a rate, and the county may enter the rate itself here (0.961 with a
   * % format, or 「96.1%」) leaving the denominator rows blank: 「填报比例」.
   */
  acceptsRate?: boolean;
  /** Only read when a setting switches it on (a province's veto additions). */
  optional?: boolean;
}

/** A sum of inputs; a `{ subtract }` term is taken away (Q1's transfers). */
export type Term = string | { subtract: string };

/** Comparison of a rule: 「不低于 / 达到 / 以上」 is ≥ with the engine's tolerance; 「低于」 is strict <. */
export type Comparison = ">=" | "<";

/** The threshold: a number, or a setting of AuditSettings (G7's 6000 元). */
export type Threshold = number | { setting: "specialSchoolFunding" };

export type ItemRule =
  /** A document the county holds: 是 passes, 否 fails. */
  | { kind: "evidence"; input: string }
  /** Σnumerator / Σdenominator compared with min; a rate entered in `rateInput` stands for it. */
  | {
      kind: "ratio";
      numerator: readonly Term[];
      denominator: readonly Term[];
      min: Threshold;
      cmp: Comparison;
      /** Where the rate may be entered instead of the counts. */
      rateInput?: string;
      /** The whole rule is skipped when all its inputs are blank (S1's field visits). */
      optional?: boolean;
    }
  /** Every one of `whole` is counted in `part` (G6, Q4); a whole of 0 passes. */
  | { kind: "allOf"; part: string; whole: string }
  /** One figure not below another (G8: teachers' pay ≥ civil servants' pay). */
  | { kind: "atLeast"; value: string; than: string }
  /** Q9: every subject given has level ≥ minLevel and rate < maxRate; at least one subject given. */
  | {
      kind: "levelAndRate";
      subjects: readonly { name: string; level: string; rate: string }[];
      minLevel: number;
      maxRate: number;
    }
  /** Every sub-rule holds (G11's two ratios, G14's share and tilt). */
  | { kind: "all"; rules: readonly ItemRule[] }
  /** Checked per school by the engine's school-level checks (G3, G4, G5). */
  | { kind: "schools"; check: "G3" | "G4" | "G5"; columns: string };

/** County items the school sheets can decide (src/engine/county/schoolFigures.ts). */
export type SchoolFiguresSource = "G6" | "G9" | "G12" | "Q4";

export interface CountyItem {
  id: string;
  dimension: CountyDimension;
  /** 名称 as the national tables print it (short). */
  name: string;
  /** 要求 as the form prints it. */
  requirement: string;
  rule: ItemRule;
  /**
   * School-sheet columns that can decide the item instead of the form (read when present; the school
   * sheets win). Named here for the 未核查 note.
   */
  schoolColumns?: string;
  /**
   * The item is computed from the school sheets when they carry `schoolColumns`: their figures,
   * summed into this item's form codes, are judged by the same rule (and win over the form).
   */
  fromSchools?: SchoolFiguresSource;
  /**
   * 指标值或简要结论 as 表Ⅳ / 表Ⅴ write it, with the figures filled in (counts and 元 as integers,
   * rates to one decimal, as the tables' note asks). Placeholders:
   * `{G11-1}` an input's figure (是/否 for a yes/no row, Ⅰ–Ⅳ for a level);
   * `{G15-2+G15-3}` a sum of inputs; `{r1%}` the item's first rate in % (`{r2%}` the second),
   * `{r1}` the first ratio as a whole number (G7's 元 per pupil);
   * `{具备:G1}` 已具备 / 未具备; `{佐证:G1}` the document named in 佐证材料, in brackets;
   * `{subjects}` Q9's monitored subjects, each as `subjectSentence`.
   * A blank figure prints 「__」 as in the blank national table.
   */
  sentence?: string;
  /** Q9: one monitored subject in the sentence; `{subject}`, `{level}` (Ⅰ–Ⅳ), `{rate}` (two decimals). */
  subjectSentence?: string;
}

export interface VetoItem {
  code: string;
  label: string;
  /** Only checked when the setting `extraVetoItems` lists it. */
  optional?: boolean;
}

const yesno = (code: string, label: string, item = code): CountyInput => ({
  code,
  label,
  unit: "",
  kind: "yesno",
  item,
});
const count = (
  code: string,
  label: string,
  item: string,
  more: Partial<CountyInput> = {}
): CountyInput => ({
  code,
  label,
  unit: more.unit ?? "人",
  kind: "count",
  item,
  ...more,
});
const money = (code: string, label: string, item: string): CountyInput => ({
  code,
  label,
  unit: "元",
  kind: "money",
  item,
});

/** Q9's subjects in 表Ⅴ's order (2015 scheme), then the 2021 scheme's additions. */
export const MONITORING_SUBJECTS: readonly string[] = [
  "语文",
  "数学",
  "科学",
  "体育",
  "艺术",
  "德育",
  "英语",
  "劳动",
  "心理健康",
];

const q9Inputs: CountyInput[] = MONITORING_SUBJECTS.flatMap((subject, i) => [
  {
    code: `Q9-${2 * i + 1}`,
    label: `${subject}学业水平等级`,
    unit: "级",
    kind: "level" as const,
    item: "Q9",
  },
  {
    code: `Q9-${2 * i + 2}`,
    label: `${subject}校际差异率`,
    unit: "",
    kind: "rate" as const,
    item: "Q9",
  },
]);

/** Every input of the county form, in the order of the standard (the form's row order). */
export const COUNTY_INPUTS: readonly CountyInput[] = [
  yesno("G1", "学校规划布局合理，符合国家有关规定（是/否）"),
  yesno(
    "G2",
    "城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一（是/否）"
  ),
  money("G2-1", "生均公用经费基准定额（小学）", "G2"),
  money("G2-2", "生均公用经费基准定额（初中）", "G2"),
  count("G6-1", "不足100名学生的村小学和教学点数", "G6", { unit: "个" }),
  count("G6-2", "其中按100名学生核定公用经费的学校数", "G6", { unit: "个", partOf: "G6-1" }),
  money("G7-1", "特殊教育学校公用经费", "G7"),
  count("G7-2", "特殊教育学校在校生数", "G7"),
  money("G8-1", "教师年平均工资收入", "G8"),
  money("G8-2", "当地公务员年平均工资收入", "G8"),
  count("G9-1", "应完成5年360学时培训的教师数", "G9"),
  count("G9-2", "已完成5年360学时培训的教师数", "G9", { partOf: "G9-1", acceptsRate: true }),
  yesno("G10", "县级教育行政部门统筹分配各校教职工编制和岗位（是/否）"),
  count("G11-1", "符合交流轮岗条件的教师数", "G11"),
  count("G11-2", "上一年度交流轮岗教师数", "G11", { partOf: "G11-1", acceptsRate: true }),
  count("G11-3", "其中骨干教师数", "G11", { partOf: "G11-2", acceptsRate: true }),
  count("G12-1", "专任教师数", "G12"),
  count("G12-2", "其中持有教师资格证上岗数", "G12", { partOf: "G12-1", acceptsRate: true }),
  count("G13-1", "城区和镇区公办小学招生数", "G13"),
  count("G13-2", "其中就近划片入学数（小学）", "G13", { partOf: "G13-1", acceptsRate: true }),
  count("G13-3", "城区和镇区公办初中招生数", "G13"),
  count("G13-4", "其中就近划片入学数（初中）", "G13", { partOf: "G13-3", acceptsRate: true }),
  count("G14-1", "优质高中招生名额总数", "G14", { unit: "个" }),
  count("G14-2", "分配到区域内初中的名额数", "G14", {
    unit: "个",
    partOf: "G14-1",
    acceptsRate: true,
  }),
  count("G14-3", "其中分配到农村初中的名额数", "G14", { unit: "个", partOf: "G14-2" }),
  yesno("G14-4", "名额分配向农村初中倾斜（是/否）", "G14"),
  count("G15-1", "符合条件的随迁子女数", "G15"),
  count("G15-2", "在公办学校就读数", "G15", { partOf: "G15-1", acceptsRate: true }),
  count("G15-3", "在政府购买服务的民办学校就读数", "G15", { partOf: "G15-1" }),
  yesno("G15-4", "留守儿童关爱体系健全（是/否）", "G15"),
  count("Q1-1", "三年前初一在校生数", "Q1"),
  count("Q1-2", "其间死亡学生数", "Q1", { partOf: "Q1-1" }),
  count("Q1-3", "初中毕业生数", "Q1", { acceptsRate: true }),
  count("Q1-4", "三年内转入学生数", "Q1"),
  count("Q1-5", "三年内转出学生数", "Q1"),
  count("Q2-1", "适龄残疾儿童少年数", "Q2"),
  count("Q2-2", "其中入学数", "Q2", { partOf: "Q2-1", acceptsRate: true }),
  yesno("Q3", "所有学校制定章程，实现学校管理与教学信息化（是/否）"),
  count("Q4-1", "学校数", "Q4", { unit: "所" }),
  count("Q4-2", "其中教师培训经费不低于年度公用经费预算总额5%的学校数", "Q4", {
    unit: "所",
    partOf: "Q4-1",
  }),
  yesno("Q5", "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平（是/否）"),
  yesno("Q6", "所有学校德育工作、校园文化建设水平达到良好以上（是/否）"),
  yesno("Q7", "课程开齐开足，教学秩序规范，综合实践活动有效开展（是/否）"),
  yesno("Q8", "无过重课业负担（是/否）"),
  ...q9Inputs,
  // 表Ⅵ's 问卷总数 and its 「其中：家长」 row: shown, not judged (S1 is judged on the totals). S1-5 comes
  // first on the form, as the table reads; codes are never renumbered.
  count("S1-5", "发放问卷总数", "S1", { unit: "份" }),
  count("S1-1", "回收有效问卷数", "S1", { unit: "份", partOf: "S1-5" }),
  count("S1-2", "其中满意问卷数", "S1", { unit: "份", partOf: "S1-1", acceptsRate: true }),
  count("S1-3", "实地走访人数", "S1"),
  count("S1-4", "其中满意人数", "S1", { partOf: "S1-3", acceptsRate: true }),
  count("S1-6", "其中家长：发放问卷数", "S1", { unit: "份", partOf: "S1-5" }),
  count("S1-7", "其中家长：回收有效问卷数", "S1", { unit: "份", partOf: "S1-1" }),
  count("S1-8", "其中家长：满意问卷数", "S1", { unit: "份", partOf: "S1-7" }),
  count("S1-9", "其中家长：实地走访人数", "S1", { partOf: "S1-3" }),
  count("S1-10", "其中家长：满意人数", "S1", { partOf: "S1-9" }),
  yesno("V1", "以考试方式招生（是/否）", "veto"),
  yesno("V2", "违规择校（是/否）", "veto"),
  yesno("V3", "设置重点学校或重点班（是/否）", "veto"),
  yesno("V4", "「有编不补」或长期聘用编外教师（是/否）", "veto"),
  yesno("V5", "教育系统发生重大安全责任事故或严重违纪违规事件（是/否）", "veto"),
  yesno("V6", "弄虚作假（是/否）", "veto"),
  { ...yesno("V7", "校外培训机构治理和减轻课外负担不力（是/否）", "veto"), optional: true },
];

type RatioRule = Extract<ItemRule, { kind: "ratio" }>;

const ratio = (
  numerator: readonly Term[],
  denominator: readonly Term[],
  min: number,
  rateInput: string,
  optional = false
): RatioRule => ({
  kind: "ratio",
  numerator,
  denominator,
  min,
  cmp: ">=",
  rateInput,
  ...(optional ? { optional } : {}),
});

/** The items, in the order of the 2017 text. */
export const COUNTY_ITEMS: readonly CountyItem[] = [
  {
    id: "G1",
    dimension: "guarantee",
    name: "学校规划布局",
    requirement: "学校规划布局合理，符合国家有关规定",
    sentence: "{具备:G1}{佐证:G1}",
    rule: { kind: "evidence", input: "G1" },
  },
  {
    id: "G2",
    dimension: "guarantee",
    name: "城乡四统一",
    requirement: "城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一",
    sentence: "{具备:G2}{佐证:G2}；生均公用经费基准定额小学{G2-1}元、初中{G2-2}元",
    rule: { kind: "evidence", input: "G2" },
  },
  {
    id: "G3",
    dimension: "guarantee",
    name: "音乐、美术专用教室",
    requirement: "每12个班级配备音乐、美术专用教室1间以上，每间面积分别不小于96、90平方米",
    rule: {
      kind: "schools",
      check: "G3",
      columns: "学校表的音乐、美术专用教室间数（及面积）和班级数",
    },
  },
  {
    id: "G4",
    dimension: "guarantee",
    name: "学校规模",
    requirement: "小学、初中规模不超过2000人，九年一贯制、十二年一贯制学校义务教育阶段不超过2500人",
    rule: { kind: "schools", check: "G4", columns: "学校表的在校生数" },
  },
  {
    id: "G5",
    dimension: "guarantee",
    name: "班额",
    requirement: "小学、初中所有班级学生数分别不超过45人、50人",
    rule: { kind: "schools", check: "G5", columns: "学校表的最大班额或分班额段班级数" },
  },
  {
    id: "G6",
    dimension: "guarantee",
    name: "小规模学校公用经费",
    requirement: "不足100名学生的村小学和教学点按100名学生核定公用经费",
    sentence: "全县不足100名学生的村小学和教学点{G6-1}个，按100名学生核定公用经费的{G6-2}个",
    fromSchools: "G6",
    schoolColumns: "学校表的「核定公用经费」列（不足100名学生的学校）",
    rule: { kind: "allOf", part: "G6-2", whole: "G6-1" },
  },
  {
    id: "G7",
    dimension: "guarantee",
    name: "特殊教育学校生均公用经费",
    requirement: "特殊教育学校生均公用经费不低于6000元",
    sentence: "全县特殊教育学校公用经费{G7-1}元，在校生{G7-2}人，生均公用经费{r1}元",
    rule: {
      kind: "ratio",
      numerator: ["G7-1"],
      denominator: ["G7-2"],
      min: { setting: "specialSchoolFunding" },
      cmp: ">=",
    },
  },
  {
    id: "G8",
    dimension: "guarantee",
    name: "教师工资收入",
    requirement: "教师平均工资收入水平不低于当地公务员平均工资收入水平",
    sentence: "全县教师年平均工资收入{G8-1}元，当地公务员年平均工资收入{G8-2}元",
    rule: { kind: "atLeast", value: "G8-1", than: "G8-2" },
  },
  {
    id: "G9",
    dimension: "guarantee",
    name: "教师5年360学时培训",
    requirement: "教师5年360学时培训完成率达到100%",
    sentence: "全县应完成5年360学时培训的教师{G9-1}名，已完成{G9-2}名，完成率{r1%}",
    fromSchools: "G9",
    schoolColumns: "学校表的「应完成5年360学时培训教师数」「已完成5年360学时培训教师数」列",
    rule: ratio(["G9-2"], ["G9-1"], 1, "G9-2"),
  },
  {
    id: "G10",
    dimension: "guarantee",
    name: "编制岗位统筹",
    requirement:
      "县级教育行政部门在核定的教职工编制总额和岗位总量内，统筹分配各校教职工编制和岗位数量",
    sentence: "{具备:G10}{佐证:G10}",
    rule: { kind: "evidence", input: "G10" },
  },
  {
    id: "G11",
    dimension: "guarantee",
    name: "教师交流轮岗",
    requirement: "交流轮岗教师占符合条件教师总数的10%以上，其中骨干教师不低于交流轮岗教师总数的20%",
    sentence:
      "全县符合交流轮岗条件教师总数{G11-1}名，上一年度交流轮岗教师{G11-2}名，占比{r1%}；交流轮岗的骨干教师{G11-3}名，占交流轮岗教师总数的{r2%}",
    rule: {
      kind: "all",
      rules: [ratio(["G11-2"], ["G11-1"], 0.1, "G11-2"), ratio(["G11-3"], ["G11-2"], 0.2, "G11-3")],
    },
  },
  {
    id: "G12",
    dimension: "guarantee",
    name: "专任教师持证上岗",
    requirement: "专任教师持有教师资格证上岗率达到100%",
    sentence: "全县专任教师{G12-1}名，持有教师资格证上岗{G12-2}名，持证上岗率{r1%}",
    fromSchools: "G12",
    schoolColumns: "学校表的「持证上岗教师数」列（与「专任教师数」）",
    rule: ratio(["G12-2"], ["G12-1"], 1, "G12-2"),
  },
  {
    id: "G13",
    dimension: "guarantee",
    name: "就近划片入学",
    requirement: "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到100%、95%",
    sentence:
      "城区和镇区公办小学招生{G13-1}人，就近划片入学{G13-2}人，占比{r1%}；公办初中招生{G13-3}人，就近划片入学{G13-4}人，占比{r2%}",
    rule: {
      kind: "all",
      rules: [ratio(["G13-2"], ["G13-1"], 1, "G13-2"), ratio(["G13-4"], ["G13-3"], 0.95, "G13-4")],
    },
  },
  {
    id: "G14",
    dimension: "guarantee",
    name: "优质高中招生名额分配",
    requirement: "优质高中招生名额分配比例不低于50%，并向农村初中倾斜",
    sentence:
      "优质高中招生名额{G14-1}个，分配到区域内初中{G14-2}个，分配比例{r1%}，其中分配到农村初中{G14-3}个；向农村初中倾斜：{G14-4}",
    rule: {
      kind: "all",
      rules: [ratio(["G14-2"], ["G14-1"], 0.5, "G14-2"), { kind: "evidence", input: "G14-4" }],
    },
  },
  {
    id: "G15",
    dimension: "guarantee",
    name: "随迁子女与留守儿童",
    requirement:
      "符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%，留守儿童关爱体系健全",
    sentence:
      "全县符合条件的随迁子女数{G15-1}人，在公办学校就读{G15-2}人，在政府购买服务的民办学校就读{G15-3}人，合计{G15-2+G15-3}人，占比{r1%}；留守儿童关爱体系{具备:G15-4}",
    rule: {
      kind: "all",
      rules: [
        ratio(["G15-2", "G15-3"], ["G15-1"], 0.85, "G15-2"),
        { kind: "evidence", input: "G15-4" },
      ],
    },
  },
  {
    id: "Q1",
    dimension: "quality",
    name: "初中三年巩固率",
    requirement: "全县初中三年巩固率达到95%以上",
    sentence:
      "全县初中毕业班学生数为{Q1-3}人，三年前该年级入学学生数为{Q1-1}人，毕业年级三年转入学生数为{Q1-4}人，死亡学生数为{Q1-2}人，转出学生数为{Q1-5}人，全县初中三年巩固率为{r1%}",
    rule: ratio(
      ["Q1-3", { subtract: "Q1-4" }, "Q1-5"],
      ["Q1-1", { subtract: "Q1-2" }],
      0.95,
      "Q1-3"
    ),
  },
  {
    id: "Q2",
    dimension: "quality",
    name: "残疾儿童少年入学率",
    requirement: "全县残疾儿童少年入学率达到95%以上",
    sentence: "全县适龄残疾儿童少年{Q2-1}人，入学{Q2-2}人，入学率{r1%}",
    rule: ratio(["Q2-2"], ["Q2-1"], 0.95, "Q2-2"),
  },
  {
    id: "Q3",
    dimension: "quality",
    name: "学校章程与信息化",
    requirement: "所有学校制定章程，实现学校管理与教学信息化",
    sentence: "{具备:Q3}{佐证:Q3}",
    rule: { kind: "evidence", input: "Q3" },
  },
  {
    id: "Q4",
    dimension: "quality",
    name: "教师培训经费",
    requirement: "所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费",
    sentence: "全县学校{Q4-1}所，教师培训经费不低于年度公用经费预算总额5%的学校{Q4-2}所",
    fromSchools: "Q4",
    schoolColumns: "学校表的「教师培训经费」「年度公用经费预算」列",
    rule: { kind: "allOf", part: "Q4-2", whole: "Q4-1" },
  },
  {
    id: "Q5",
    dimension: "quality",
    name: "信息化教学",
    requirement: "教师能熟练运用信息化手段组织教学，设施设备利用率达到较高水平",
    sentence: "{具备:Q5}{佐证:Q5}",
    rule: { kind: "evidence", input: "Q5" },
  },
  {
    id: "Q6",
    dimension: "quality",
    name: "德育与校园文化",
    requirement: "所有学校德育工作、校园文化建设水平达到良好以上",
    sentence: "{具备:Q6}{佐证:Q6}",
    rule: { kind: "evidence", input: "Q6" },
  },
  {
    id: "Q7",
    dimension: "quality",
    name: "课程与教学秩序",
    requirement: "课程开齐开足，教学秩序规范，综合实践活动有效开展",
    sentence: "{具备:Q7}{佐证:Q7}",
    rule: { kind: "evidence", input: "Q7" },
  },
  {
    id: "Q8",
    dimension: "quality",
    name: "课业负担",
    requirement: "无过重课业负担",
    sentence: "{具备:Q8}{佐证:Q8}",
    rule: { kind: "evidence", input: "Q8" },
  },
  {
    id: "Q9",
    dimension: "quality",
    name: "国家义务教育质量监测",
    requirement: "相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15",
    sentence: "{subjects}",
    subjectSentence: "{subject}{level}级、校际差异率{rate}",
    rule: {
      kind: "levelAndRate",
      subjects: MONITORING_SUBJECTS.map((name, i) => ({
        name,
        level: `Q9-${2 * i + 1}`,
        rate: `Q9-${2 * i + 2}`,
      })),
      minLevel: 3,
      maxRate: 0.15,
    },
  },
  {
    id: "S1",
    dimension: "recognition",
    name: "社会认可度",
    requirement: "社会认可度达到85%以上",
    rule: {
      kind: "all",
      rules: [
        ratio(["S1-2"], ["S1-1"], 0.85, "S1-2"),
        ratio(["S1-4"], ["S1-3"], 0.85, "S1-4", true),
      ],
    },
  },
];

/** The one-vote veto (一票否决): 是 on any of them fails the county. */
export const VETO_ITEMS: readonly VetoItem[] = COUNTY_INPUTS.filter((i) => i.item === "veto").map(
  (i) => ({
    code: i.code,
    label: i.label.replace(/（是\/否）$/, ""),
    ...(i.optional ? { optional: true } : {}),
  })
);

/** Dimension names as the report prints them. */
export const DIMENSION_NAMES: Record<CountyDimension | "resource", string> = {
  resource: "资源配置",
  guarantee: "政府保障程度",
  quality: "教育质量",
  recognition: "社会认可度",
};

/** The county verdict and item statuses as the report and the summary print them. */
export const VERDICT_NAMES = { pass: "达标", fail: "未达标", incomplete: "未完成" } as const;
export const STATUS_NAMES = { pass: "达标", fail: "未达标", unchecked: "未核查" } as const;

const INPUTS_BY_CODE = new Map(COUNTY_INPUTS.map((i) => [i.code, i]));

/** The form input with this code, or undefined. */
export function countyInput(code: string): CountyInput | undefined {
  return INPUTS_BY_CODE.get(code);
}

/** Codes of a term list, without the sign. */
export function termCodes(terms: readonly Term[]): string[] {
  return terms.map((t) => (typeof t === "string" ? t : t.subtract));
}

/** Every input code a rule reads, in order. */
export function ruleInputs(rule: ItemRule): string[] {
  switch (rule.kind) {
    case "evidence":
      return [rule.input];
    case "ratio":
      return [...termCodes(rule.numerator), ...termCodes(rule.denominator)].filter(
        (c, i, all) => all.indexOf(c) === i
      );
    case "allOf":
      return [rule.whole, rule.part];
    case "atLeast":
      return [rule.value, rule.than];
    case "levelAndRate":
      return rule.subjects.flatMap((s) => [s.level, s.rate]);
    case "all":
      return rule.rules.flatMap(ruleInputs).filter((c, i, all) => all.indexOf(c) === i);
    case "schools":
      return [];
  }
}
