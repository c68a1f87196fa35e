/**
 * Reading, checking and stating setting values, for every setting of the catalogue alike: the
 * command line's `--set id=value`, a settings file, the pane's saved settings and the summary's
 * 「标准与设置」 lines all go through here.
 */
import type { Standard } from "../standards";
import type { AuditSettings } from "../types";
import { SETTINGS, type Bilingual, type SettingDef } from "./settings";

export type SettingValue = boolean | number | string | null | readonly string[];
export type Language = keyof Bilingual;

/** The value at a setting's path. */
export function settingValue(settings: AuditSettings, def: SettingDef): SettingValue {
  let node: unknown = settings;
  for (const key of def.path) node = (node as Record<string, unknown>)?.[key];
  return node as SettingValue;
}

/**
 * A copy of the settings with one value replaced (nested groups copied, never shared).
 *
 * @example
 * withSetting(DEFAULT_SETTINGS, findSetting("cityExtraSportsArea")!, true).relaxations.cityExtraSportsArea; // true
 */
export function withSetting<T extends object>(
  settings: T,
  def: SettingDef,
  value: SettingValue
): T {
  // Copy each level along the path (not structuredClone: older Office web views lack it).
  const copy: Record<string, unknown> = { ...(settings as Record<string, unknown>) };
  let node = copy;
  for (const key of def.path.slice(0, -1)) {
    const inner = node[key];
    node[key] = typeof inner === "object" && inner !== null ? { ...inner } : {};
    node = node[key] as Record<string, unknown>;
  }
  node[def.path[def.path.length - 1]] = value;
  return copy as T;
}

/** Every setting at its default, as AuditSettings. */
export function defaultSettings(): AuditSettings {
  return SETTINGS.reduce(
    (settings, def) => withSetting(settings, def, def.default),
    {} as AuditSettings
  );
}

/** What a setting accepts, in Chinese, for messages: 「true 或 false（是/否）」. */
export function acceptedValues(def: SettingDef): string {
  switch (def.type) {
    case "boolean":
      return "true 或 false（也可写 是/否、1/0）";
    case "choice":
      return def.choices.map((c) => c.value).join(" 或 ");
    case "number":
      return `${def.above ? "大于" : "不小于"}${def.min}的数（单位：${def.unit.zh}）`;
    case "year":
      return `四位年份（如 2023），或 latest（最近一年）`;
    case "codes":
      return `用逗号分隔的编号，可选 ${def.choices.map((c) => c.value).join("、")}（留空为不增加）`;
  }
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

export type Checked = { ok: true; value: SettingValue } | { ok: false; message: string };

const TRUE_WORDS = new Set(["true", "1", "是", "yes", "on", "开"]);
const FALSE_WORDS = new Set(["false", "0", "否", "no", "off", "关"]);

function refuse(def: SettingDef, got: unknown): Checked {
  const shown = typeof got === "string" ? got : JSON.stringify(got);
  return {
    ok: false,
    message: `设置「${def.id}」（${def.label.zh}）的取值「${shown}」无效：应为${acceptedValues(def)}。`,
  };
}

/**
 * Checks a value for a setting. Text from the command line or a form field is converted
 * (「true」, 「是」, 「8000」); a typed value from a settings file or saved state must have the
 * setting's own type (`typed`), so a saved 「"yes"」 is refused, not guessed. The message names
 * the setting and what it accepts.
 *
 * @example
 * checkSettingValue(findSetting("cityExtraSportsArea")!, "true"); // { ok: true, value: true }
 * checkSettingValue(findSetting("cityExtraSportsArea")!, "true", { typed: true }).ok; // false
 * checkSettingValue(findSetting("standard")!, "2020").ok; // false
 */
export function checkSettingValue(
  def: SettingDef,
  raw: unknown,
  options: { typed?: boolean } = {}
): Checked {
  const convertsText = !options.typed || def.type === "choice" || def.type === "year";
  if (options.typed && def.type === "codes" && !Array.isArray(raw)) return refuse(def, raw);
  const text = typeof raw === "string" && convertsText ? raw.trim().toLowerCase() : null;
  switch (def.type) {
    case "boolean":
      if (typeof raw === "boolean") return { ok: true, value: raw };
      if (text !== null && TRUE_WORDS.has(text)) return { ok: true, value: true };
      if (text !== null && FALSE_WORDS.has(text)) return { ok: true, value: false };
      return refuse(def, raw);
    case "choice": {
      const value = typeof raw === "number" ? String(raw) : text;
      const choice = def.choices.find((c) => c.value.toLowerCase() === value);
      return choice ? { ok: true, value: choice.value } : refuse(def, raw);
    }
    case "number": {
      const value =
        typeof raw === "number" ? raw : text !== null && text !== "" ? Number(text) : NaN;
      const inRange = Number.isFinite(value) && (def.above ? value > def.min : value >= def.min);
      return inRange ? { ok: true, value } : refuse(def, raw);
    }
    case "codes": {
      const codes = Array.isArray(raw)
        ? raw
        : text !== null
          ? text.split(/[,，、\s]+/).filter(Boolean)
          : null;
      if (!codes || codes.some((c) => typeof c !== "string")) return refuse(def, raw);
      const values = (codes as string[]).map(
        (c) => def.choices.find((choice) => choice.value.toLowerCase() === c.toLowerCase())?.value
      );
      return values.every((v) => v !== undefined)
        ? { ok: true, value: [...new Set(values as string[])] }
        : refuse(def, raw);
    }
    case "year": {
      if (raw === null || (text !== null && /^(latest|最近|最近一年|null|)$/.test(text)))
        return { ok: true, value: null };
      const value = typeof raw === "number" ? raw : text !== null ? Number(text) : NaN;
      return Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX
        ? { ok: true, value }
        : refuse(def, raw);
    }
  }
}

/** Whether a setting changes anything under this standard (and the county items present). */
export function settingInForce(
  def: SettingDef,
  standard: Standard,
  countyItems: ReadonlySet<string> = new Set()
): boolean {
  const measures = new Set<string>(standard.indicators.map((spec) => spec.measure));
  return def.affects.some((target) => {
    switch (target.kind) {
      case "audit":
        return true;
      case "measure":
        return measures.has(target.measure);
      case "guarantee":
        return standard.guarantees !== undefined;
      case "countyItem":
        return countyItems.has(target.item);
    }
  });
}

/** A setting's value as a reader checks it: 「计入」, 「采用（音乐 73、美术 67 平方米）」, 「6000元」. */
export function describeSetting(
  def: SettingDef,
  value: SettingValue,
  standard: Standard,
  lang: Language = "zh"
): string {
  switch (def.type) {
    case "boolean": {
      const text = def.states[value ? 0 : 1][lang];
      const detail = value ? def.detail?.(standard)?.[lang] : undefined;
      return detail ? `${text}（${detail}）` : text;
    }
    case "choice": {
      const choice = def.choices.find((c) => c.value === value);
      return choice ? (choice.statement ?? choice.label)[lang] : String(value);
    }
    case "number":
      return lang === "zh" ? `${value}${def.unit.zh}` : `${value} ${def.unit.en}`;
    case "year":
      if (value === null) return lang === "zh" ? "最近一年" : "the latest";
      return lang === "zh" ? `${value}年` : String(value);
    case "codes": {
      const codes = (value ?? []) as readonly string[];
      if (codes.length === 0) return lang === "zh" ? "无" : "none";
      return codes
        .map((c) => def.choices.find((choice) => choice.value === c)?.label[lang] ?? c)
        .join(lang === "zh" ? "、" : ", ");
    }
  }
}

/**
 * The settings in force for an audit, as [label, value] lines in catalogue order.
 *
 * @example
 * settingsInForce(DEFAULT_SETTINGS, STANDARD_2017)[0]; // ["评估标准", "优质均衡（2017）（教督〔2017〕6号）"]
 */
export function settingsInForce(
  settings: AuditSettings,
  standard: Standard,
  countyItems?: ReadonlySet<string>,
  lang: Language = "zh"
): [string, string][] {
  return SETTINGS.filter((def) => settingInForce(def, standard, countyItems)).map((def) => [
    def.label[lang],
    describeSetting(def, settingValue(settings, def), standard, lang),
  ]);
}

/**
 * Settings from a saved or typed object keyed by setting id ({ "cityExtraSportsArea": true }),
 * or in AuditSettings' own nested shape. Unknown ids and bad values are reported, not applied.
 */
export function settingsFromObject(
  base: AuditSettings,
  raw: Record<string, unknown>
): { settings: AuditSettings; problems: string[] } {
  let settings = base;
  const problems: string[] = [];
  for (const def of SETTINGS) {
    let value: unknown = raw[def.id];
    if (value === undefined && def.path.length > 1) {
      let node: unknown = raw;
      for (const key of def.path) node = (node as Record<string, unknown> | undefined)?.[key];
      value = node;
    }
    if (value === undefined) continue;
    const checked = checkSettingValue(def, value, { typed: true });
    if (checked.ok) settings = withSetting(settings, def, checked.value);
    else problems.push(checked.message);
  }
  const known = new Set([...SETTINGS.map((d) => d.id), ...SETTINGS.map((d) => d.path[0])]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) problems.push(unknownSettingMessage(key));
  }
  return { settings, problems };
}

/** The message for an id no setting has, listing the ids there are. */
export function unknownSettingMessage(id: string): string {
  return `没有名为「${id}」的设置。可用的设置：${SETTINGS.map((d) => `${d.id}（${d.label.zh}）`).join("、")}。`;
}
