import { compulsoryPupils } from "./eligibility";
import { isCount } from "./numeric";
import type { GuaranteeCheck, SourceCell } from "./result";
import type { GuaranteeRules } from "./standards";
import {
  STAGE_NAMES,
  STAGES,
  type AuditSettings,
  type FacilityFigures,
  type SchoolRecord,
  type Stage,
} from "./types";

const THROUGH_TRAIN_KINDS = new Set(["nineYear", "twelveYear"]);

/** Where a record's checks are located: built into each check at once (one object shape). */
interface Where {
  school: string;
  county: string;
  source: SourceCell | undefined;
}

/**
 * Where the check builders put their checks: the whole list (`CheckList`), or a county's tallies
 * (`CheckTallies`), which keep only what the county items read. The builders run for every school
 * of a province, so they word a message only when the sink reads it (`worded`).
 */
interface CheckSink {
  /** True when a check with this verdict has its message read. */
  worded(pass: boolean | null): boolean;
  add(
    where: Where,
    id: GuaranteeCheck["id"],
    name: string,
    stage: Stage | undefined,
    pass: boolean | null,
    value: number | null,
    limit: number,
    message: string
  ): void;
}

/** The checks as objects, their fields in the documented order (the JSON's key order). */
class CheckList implements CheckSink {
  readonly checks: GuaranteeCheck[] = [];

  worded(): boolean {
    return true;
  }

  add(
    where: Where,
    id: GuaranteeCheck["id"],
    name: string,
    stage: Stage | undefined,
    pass: boolean | null,
    value: number | null,
    limit: number,
    message: string
  ): void {
    const check: GuaranteeCheck =
      stage === undefined
        ? { id, name, pass, value, limit, message, school: where.school, county: where.county }
        : {
            id,
            name,
            stage,
            pass,
            value,
            limit,
            message,
            school: where.school,
            county: where.county,
          };
    if (where.source) check.source = where.source;
    this.checks.push(check);
  }
}

/** What a county item reads of one kind of check (G3, G4 or G5) over a county's schools. */
export interface CheckTally {
  /** Checks of this kind. */
  total: number;
  /** Of which 未核查 (pass null). */
  open: number;
  /** The school of the first 未核查 check. */
  firstOpen: string | undefined;
  /** 「school：message」 of each failed check, in the checks' order. */
  failed: string[];
}

/**
 * A county's checks tallied by kind: what the county items (catalogue rule kind "schools") and
 * the county's counts of failed and unchecked checks read, without a check object per school.
 *
 * @example
 * const tallies = CheckTallies.of(result.guarantees.filter((g) => g.county === "东县"));
 * tallies.G4.failed; // ["一小：在校生2300人，超过小学、初中规模上限2000人"]
 */
export class CheckTallies implements CheckSink {
  readonly G3: CheckTally = { total: 0, open: 0, firstOpen: undefined, failed: [] };
  readonly G4: CheckTally = { total: 0, open: 0, firstOpen: undefined, failed: [] };
  readonly G5: CheckTally = { total: 0, open: 0, firstOpen: undefined, failed: [] };

  /** The tallies of a list of checks. */
  static of(checks: readonly GuaranteeCheck[]): CheckTallies {
    const tallies = new CheckTallies();
    for (const check of checks) tallies.addCheck(check);
    return tallies;
  }

  /** Failed checks of every kind. */
  get failed(): number {
    return this.G3.failed.length + this.G4.failed.length + this.G5.failed.length;
  }

  /** Unchecked checks of every kind. */
  get open(): number {
    return this.G3.open + this.G4.open + this.G5.open;
  }

  worded(pass: boolean | null): boolean {
    return pass === false;
  }

  add(
    where: Where,
    id: GuaranteeCheck["id"],
    _name: string,
    _stage: Stage | undefined,
    pass: boolean | null,
    _value: number | null,
    _limit: number,
    message: string
  ): void {
    this.count(id, where.school, pass, message);
  }

  /** A check built as an object (a through-train school's G4). */
  addCheck(check: GuaranteeCheck): void {
    this.count(check.id, check.school, check.pass, check.message);
  }

  private count(id: GuaranteeCheck["id"], school: string, pass: boolean | null, message: string) {
    // A branch per kind rather than this[id]: one named read (this runs for every school).
    const tally = id === "G3" ? this.G3 : id === "G4" ? this.G4 : this.G5;
    tally.total++;
    if (pass === null) {
      if (tally.open++ === 0) tally.firstOpen = school;
    } else if (pass === false) tally.failed.push(flat(school, message));
  }
}

/**
 * 「school：message」 as one flat string. A template literal would keep a tree of a few joined
 * pieces (the message is itself built from several) for every failed check of a province, kept
 * to the end of the audit and flattened anyway when the county item's notes are deduplicated;
 * join writes the characters once.
 */
function flat(school: string, message: string): string {
  return [school, message].join("：");
}

/** G4: 小学 and 初中 ≤ 2000 pupils, 九年/十二年一贯制 ≤ 2500 (compulsory stages only). */
function schoolSize(
  out: CheckSink,
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  where: Where
): void {
  const pupils = compulsoryPupils(record);
  if (pupils <= 0) return;
  const limits = settings.relaxations.olderLargeSchools
    ? rules.schoolSizeRelaxed
    : rules.schoolSize;
  const through = THROUGH_TRAIN_KINDS.has(record.kind);
  const limit = through ? limits.throughTrain : limits.singleStage;
  const pass = pupils <= limit;
  const message = !out.worded(pass)
    ? ""
    : pass
      ? `在校生${pupils}人，不超过${limit}人`
      : `在校生${pupils}人，超过${through ? "一贯制学校" : "小学、初中"}规模上限${limit}人`;
  out.add(where, "G4", "学校规模", undefined, pass, pupils, limit, message);
}

const UNCHECKED_CLASS_SIZE: Record<Stage, string> = {
  primary: `未核查：学校表中没有${STAGE_NAMES.primary}最大班额或分班额段班级数，请补充该列`,
  junior: `未核查：学校表中没有${STAGE_NAMES.junior}最大班额或分班额段班级数，请补充该列`,
};

/** G5: every class ≤ 45 (小学) / 50 (初中): the largest class, or the classes in size bands above it. */
function classSize(
  out: CheckSink,
  record: SchoolRecord,
  rules: GuaranteeRules,
  where: Where
): void {
  for (let s = 0; s < STAGES.length; s++) {
    const stage = STAGES[s];
    const figures = s === 0 ? record.stages.primary : record.stages.junior;
    if (!figures) continue;
    const limit = s === 0 ? rules.classSize.primary : rules.classSize.junior;
    if (isCount(figures.largestClass)) {
      const largest = figures.largestClass;
      const pass = largest <= limit;
      const message = !out.worded(pass)
        ? ""
        : pass
          ? `${STAGE_NAMES[stage]}最大班额${largest}人，不超过${limit}人`
          : `${STAGE_NAMES[stage]}最大班额${largest}人，超过${limit}人`;
      out.add(where, "G5", "班额", stage, pass, largest, limit, message);
    } else if (figures.classSizeBands && figures.classSizeBands.length > 0) {
      let count = 0;
      const bands = figures.classSizeBands;
      for (let i = 0; i < bands.length; i++) {
        const b = bands[i];
        if (b.min > limit && isCount(b.count) && b.count > 0) count += b.count;
      }
      const message = !out.worded(count === 0)
        ? ""
        : count === 0
          ? `${STAGE_NAMES[stage]}没有超过${limit}人的班级`
          : `${STAGE_NAMES[stage]}有${count}个班级超过${limit}人`;
      out.add(where, "G5", "班额", stage, count === 0, count, limit, message);
    } else if ((figures.pupils ?? 0) > 0) {
      // No column to check by: 未核查, never 达标.
      const message = s === 0 ? UNCHECKED_CLASS_SIZE.primary : UNCHECKED_CLASS_SIZE.junior;
      out.add(where, "G5", "班额", stage, null, null, limit, message);
    }
  }
}

/** The 未核查 message of G3, one string per case (every school without the columns shares it). */
function uncheckedRoomsMessage(label: string, noCount: boolean, noClasses: boolean): string {
  const lacking = [noCount ? `${label}专用教室间数` : "", noClasses ? "班级数" : ""];
  return `未核查：学校表中没有${lacking.filter(Boolean).join("、")}，请补充该列`;
}
/** By room kind (音乐 0, 美术 1), then no count × 2 + no classes (the case 00 is checked). */
const UNCHECKED_ROOMS = (["音乐", "美术"] as const).map((label) =>
  [false, true].flatMap((noCount) =>
    [false, true].map((noClasses) => uncheckedRoomsMessage(label, noCount, noClasses))
  )
);
function uncheckedRooms(label: "音乐" | "美术", noCount: boolean, noClasses: boolean): string {
  return UNCHECKED_ROOMS[label === "音乐" ? 0 : 1][(noCount ? 2 : 0) + (noClasses ? 1 : 0)];
}

/** G3 of one kind of room. */
function roomCheck(
  out: CheckSink,
  where: Where,
  label: "音乐" | "美术",
  count: number | undefined,
  area: number | undefined,
  leastArea: number,
  classes: number,
  required: number
): void {
  const name = label === "音乐" ? "音乐专用教室" : "美术专用教室";
  if (classes <= 0 || !isCount(count)) {
    // No column to check by: 未核查, never 达标.
    const message = uncheckedRooms(label, !isCount(count), classes <= 0);
    out.add(where, "G3", name, undefined, null, null, classes > 0 ? required : 0, message);
    return;
  }
  const enough = count >= required;
  const average = isCount(area) && count > 0 ? area / count : undefined;
  const bigEnough = average === undefined || average >= leastArea;
  let message: string;
  if (!out.worded(enough && bigEnough)) message = "";
  else if (enough && bigEnough) message = `${label}专用教室${count}间，满足${classes}个班的要求`;
  else {
    const tooFew = `${classes}个班需${required}间${label}专用教室，现有${count}间`;
    const tooSmall = `${label}专用教室平均面积${average?.toFixed(1)}平方米，低于${leastArea}平方米`;
    message = !enough && !bigEnough ? `${tooFew}；${tooSmall}` : !enough ? tooFew : tooSmall;
  }
  out.add(where, "G3", name, undefined, enough && bigEnough, count, required, message);
}

/** A record without facilities: every figure absent (one object for all of them). */
const NO_FACILITIES: FacilityFigures = Object.freeze({});

/** G3: at least ceil(classes / 12) music rooms and as many art rooms, each ≥ 96 / 90 m². */
function musicArtRooms(
  out: CheckSink,
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  where: Where
): void {
  const f: FacilityFigures = record.facilities ?? NO_FACILITIES;
  let classes = 0;
  for (let s = 0; s < STAGES.length; s++) {
    const c = (s === 0 ? record.stages.primary : record.stages.junior)?.classes;
    classes += isCount(c) ? c : 0;
  }
  const required = Math.ceil(classes / rules.rooms.classesPerRoom);
  const minArea = settings.relaxations.olderRoomAreas ? rules.roomsRelaxed : rules.rooms;
  roomCheck(
    out,
    where,
    "音乐",
    f.musicRooms,
    f.musicRoomArea,
    minArea.musicRoomArea,
    classes,
    required
  );
  roomCheck(out, where, "美术", f.artRooms, f.artRoomArea, minArea.artRoomArea, classes, required);
}

/** Part words a through-train school's rows carry after its name (「实验学校小学部」). */
const PART_SUFFIX = /(小学部|初中部|小学段|初中段|初级中学部|高中部)$/;

/**
 * Any white space. One object for every call: a regular expression literal inside the function
 * would build a new RegExp each time it is reached (once per school).
 */
const SPACE = /\s/;

/** A school's name without its part word: the name its parts share. */
function schoolNameOf(name: string): string {
  // Most names have neither a space nor a part word: skip the replacing (one call per school).
  const last = name.charCodeAt(name.length - 1);
  if (last !== 0x90e8 /* 部 */ && last !== 0x6bb5 /* 段 */ && !SPACE.test(name)) return name;
  return name.replace(/\s+/g, "").replace(PART_SUFFIX, "");
}

/** A key's hash as the text 「#code」 or the name would hash (FNV-1a over UTF-16 units). */
function keyHash(key: string, code: boolean): number {
  let h = 0x811c9dc5;
  if (code) h = Math.imul(h ^ 0x23 /* # */, 0x01000193);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/** Two keys are the same text (a code `c` is the text 「#c」). */
function sameKey(a: string, aCode: number, b: string, bCode: number): boolean {
  if (aCode === bCode) return a === b;
  return aCode ? b === `#${a}` : a === `#${b}`;
}

/**
 * The through-train schools given as one record per part: records of one county with the same
 * 学校代码, or the same name once 小学部/初中部 is taken off, whose stages do not overlap and
 * together cover 小学 and 初中. Returns the record indexes of each such school.
 *
 * @example
 * // 「实验学校｜小学部｜1500」 and 「实验学校｜初中部｜1300」 → [[0, 1]]
 */
export function throughTrainGroups(
  records: readonly SchoolRecord[],
  counted: ArrayLike<number>,
  countyOf: (r: SchoolRecord) => string
): number[][] {
  // The schools of one county sharing a key (#code, else the name without its part word), found
  // county by county with a hash table of typed arrays sized for the county: no map entry, key
  // string or array per school (a province has hundreds of thousands, and almost none share a
  // key), and a table small enough to stay in the processor's cache (one table for a whole
  // province missed it on nearly every school).
  const n = counted.length;
  const { starts, order } = byCounty(records, counted, countyOf);
  let largest = 0;
  for (let c = 0; c + 1 < starts.length; c++)
    largest = Math.max(largest, starts[c + 1] - starts[c]);
  const slots = new Int32Array(tableSize(largest));
  const keys = new Array<string>(n);
  const byCode = new Uint8Array(n);
  const hashes = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n);
  const follower = new Uint8Array(n);
  let shared = false;
  for (let c = 0; c + 1 < starts.length; c++) {
    const mask = tableSize(starts[c + 1] - starts[c]) - 1;
    slots.fill(-1, 0, mask + 1);
    for (let o = starts[c]; o < starts[c + 1]; o++) {
      const j = order[o];
      const r = records[counted[j]];
      const code = typeof r.code === "string" && r.code !== "";
      const key = code ? (r.code as string) : r.code ? `#${r.code}` : schoolNameOf(r.name);
      keys[j] = key;
      byCode[j] = code ? 1 : 0;
      const h = keyHash(key, code);
      hashes[j] = h;
      for (let at = h & mask; ; at = (at + 1) & mask) {
        const head = slots[at];
        if (head < 0) {
          slots[at] = j;
          tail[j] = j;
          break;
        }
        if (hashes[head] === h && sameKey(keys[head], byCode[head], key, byCode[j])) {
          next[tail[head]] = j;
          tail[head] = j;
          follower[j] = 1;
          shared = true;
          break;
        }
      }
    }
  }
  const groups: number[][] = [];
  if (!shared) return groups;
  for (let j = 0; j < n; j++) {
    // A chain's head is the first school of its county and key; the rest follow in order.
    if (next[j] < 0 || follower[j] === 1) continue;
    const group: number[] = [];
    for (let x = j; x >= 0; x = next[x]) group.push(counted[x]);
    groups.push(group);
  }
  return groups.filter((group) => {
    const stages = group.flatMap((i) => Object.keys(records[i].stages));
    return (
      new Set(stages).size === stages.length &&
      stages.includes("primary") &&
      stages.includes("junior")
    );
  });
}

/** A power of two at least twice `entries` (at least 16): a hash table's size. */
function tableSize(entries: number): number {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

/**
 * The counted schools (positions in `counted`) by county: county c's are `order[starts[c]]` to
 * `order[starts[c + 1] - 1]`, in their own order (counties numbered as they first appear).
 */
function byCounty(
  records: readonly SchoolRecord[],
  counted: ArrayLike<number>,
  countyOf: (r: SchoolRecord) => string
): { starts: Int32Array; order: Int32Array } {
  const n = counted.length;
  const countyOfSchool = new Int32Array(n);
  const numbers = new Map<string, number>();
  let lastName = "";
  let last = -1;
  for (let j = 0; j < n; j++) {
    const name = countyOf(records[counted[j]]);
    // A county's schools usually sit together: most need no lookup.
    if (last < 0 || name !== lastName) {
      let number = numbers.get(name);
      if (number === undefined) numbers.set(name, (number = numbers.size));
      lastName = name;
      last = number;
    }
    countyOfSchool[j] = last;
  }
  const starts = new Int32Array(numbers.size + 1);
  for (let j = 0; j < n; j++) starts[countyOfSchool[j] + 1]++;
  for (let c = 0; c < numbers.size; c++) starts[c + 1] += starts[c];
  const order = new Int32Array(n);
  const filled = starts.slice(0, numbers.size);
  for (let j = 0; j < n; j++) order[filled[countyOfSchool[j]]++] = j;
  return { starts, order };
}

/**
 * G4 of a through-train school given as one record per part: its compulsory pupils summed, under
 * the through-train limit (1500 + 1300 = 2800 pupils exceed 2500 though each part is under 2000).
 */
export function throughTrainSize(
  parts: readonly SchoolRecord[],
  rules: GuaranteeRules,
  settings: AuditSettings,
  county: string,
  source: SourceCell | undefined
): GuaranteeCheck[] {
  const stages: SchoolRecord["stages"] = {};
  for (const part of parts) Object.assign(stages, part.stages);
  const whole: SchoolRecord = { name: schoolNameOf(parts[0].name), kind: "nineYear", stages };
  const list = new CheckList();
  schoolSize(list, whole, rules, settings, { school: whole.name, county, source });
  for (const check of list.checks) {
    check.message = `${check.message}（${parts
      .map(
        (p) =>
          `${p.name}${Object.keys(p.stages)
            .map((st) => STAGE_NAMES[st as keyof typeof STAGE_NAMES])
            .join("")}${compulsoryPupils(p)}人`
      )
      .join(" + ")}）`;
  }
  return list.checks;
}

/** The school-level government-guarantee checks the sheets allow; `size: false` leaves G4 to throughTrainSize. */
export function guaranteeChecks(
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  county: string,
  source: SourceCell | undefined,
  size = true
): GuaranteeCheck[] {
  const list = new CheckList();
  addGuaranteeChecks(list, record, rules, settings, { school: record.name, county, source }, size);
  return list.checks;
}

/** guaranteeChecks, added to a sink. */
function addGuaranteeChecks(
  out: CheckSink,
  record: SchoolRecord,
  rules: GuaranteeRules,
  settings: AuditSettings,
  where: Where,
  size: boolean
): void {
  musicArtRooms(out, record, rules, settings, where);
  if (size) schoolSize(out, record, rules, settings, where);
  classSize(out, record, rules, where);
}

/**
 * The G3–G5 checks of one audit, built when they are read instead of kept for every school: a
 * province's audit would otherwise hold four check objects a school. The county verdicts read
 * each county's tallies (`ofCounty`: counts, and the failed checks' messages), made as the
 * schools are added, without a check object; the result's `guarantees` builds the whole list
 * (`all`) when the report, the pane or the JSON asks for it. Both run the same builders over the same records, so
 * they agree (test/engine/checkTallies.test.ts).
 */
export class SchoolChecks {
  /**
   * Record index × 2, + 1 when the school's own G4 is checked (not its through-train group's);
   * the first `count` are used (a typed array for every school: nothing grown by push).
   */
  private entries: Int32Array;
  private count = 0;

  constructor(
    private readonly records: readonly SchoolRecord[],
    private readonly rules: GuaranteeRules,
    private readonly settings: AuditSettings,
    /** Through-train schools given as one record per part (throughTrainGroups). */
    private readonly groups: readonly number[][],
    private readonly countyOf: (record: SchoolRecord) => string,
    private readonly sourceOf: (record: SchoolRecord) => SourceCell | undefined
  ) {
    this.entries = new Int32Array(records.length);
  }

  /**
   * The school at `recordIndex` (of `county`) has counted parts: it gets checks (`size`: its own
   * G4). They are tallied for the county now, while the caller has the record at hand (an audit
   * visits each school once for everything it needs of it).
   */
  add(recordIndex: number, size: boolean, county: string): void {
    if (this.finished) throw new Error("SchoolChecks: a school added after the tallies were read");
    if (this.count === this.entries.length) {
      const bigger = new Int32Array(Math.max(16, this.count * 2));
      bigger.set(this.entries);
      this.entries = bigger;
    }
    this.entries[this.count++] = recordIndex * 2 + (size ? 1 : 0);
    const record = this.records[recordIndex];
    this.where.school = record.name;
    addGuaranteeChecks(this.talliesOf(county), record, this.rules, this.settings, this.where, size);
  }

  /** Every check: each school's in record order, then each through-train school's G4. */
  all(): GuaranteeCheck[] {
    const list = new CheckList();
    for (let e = 0; e < this.count; e++) {
      const record = this.records[this.entries[e] >> 1];
      const where = {
        school: record.name,
        county: this.countyOf(record),
        source: this.sourceOf(record),
      };
      addGuaranteeChecks(
        list,
        record,
        this.rules,
        this.settings,
        where,
        (this.entries[e] & 1) === 1
      );
    }
    for (const group of this.groups) list.checks.push(...this.groupSize(group));
    return list.checks;
  }

  /** The tallies of one county's checks (the same checks, in the same order, as in `all`). */
  ofCounty(county: string): CheckTallies {
    if (!this.finished) {
      // The through-train schools' G4 come after every school's checks, as in `all`.
      this.finished = true;
      for (const group of this.groups) {
        const tallies = this.talliesOf(this.countyOf(this.records[group[0]]));
        for (const check of this.groupSize(group)) tallies.addCheck(check);
      }
    }
    return this.byCounty.get(county) ?? new CheckTallies();
  }

  /** Each county's tallies, filled as schools are added. */
  private readonly byCounty = new Map<string, CheckTallies>();
  private finished = false;
  /** One `where` for every tallied school: a tally keeps only the strings it is given. */
  private readonly where: Where = { school: "", county: "", source: undefined };
  private lastCounty = "";
  private last: CheckTallies | undefined;

  private talliesOf(county: string): CheckTallies {
    // A county's schools usually sit together: most need no lookup.
    if (this.last !== undefined && county === this.lastCounty) return this.last;
    let tallies = this.byCounty.get(county);
    if (!tallies) this.byCounty.set(county, (tallies = new CheckTallies()));
    this.lastCounty = county;
    this.last = tallies;
    return tallies;
  }

  private groupSize(group: readonly number[]): GuaranteeCheck[] {
    const parts = group.map((i) => this.records[i]);
    return throughTrainSize(
      parts,
      this.rules,
      this.settings,
      this.countyOf(parts[0]),
      this.sourceOf(parts[0])
    );
  }
}
