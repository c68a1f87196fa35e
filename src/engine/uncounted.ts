import { FIELD_DEFS, type FieldDef } from "./catalogue/fields";
import { fieldPath, fieldReader, parseFieldId } from "./catalogue/fieldPaths";
import { findSetting, type SettingDef } from "./catalogue/settings";
import { settingValue } from "./catalogue/settingValues";
import { ABSENT, NAMED_FIELDS, readNamedFigure } from "./compiledMeasures";
import { recordDiagnostic, type Diagnostic } from "./diagnostics";
import { STAGES, type AuditSettings, type SchoolRecord } from "./types";

/** The record paths a field may sit at: its stages and the whole school, or itself. */
function pathsOf(base: string): string[] {
  const staged = [...STAGES, "whole" as const].map((s) => fieldPath(base, s));
  return staged[0] === base ? [base] : staged;
}

/** Where a field's figure sits: under which owner of a record (see ownersOf), at which keys. */
const OWNER_OF_PATH = { primary: 0, junior: 1, whole: 2, facilities: 3 } as const;

/** A field not counted under the settings, and where its figure may sit. */
interface Watched {
  field: FieldDef;
  setting: SettingDef;
  paths: string[];
  /** Per path: the owner and keys (teachers and facilities), or a reader for any other field. */
  owners: number[] | null;
  keys: string[][];
  /** Per path: the field in NAMED_FIELDS when its keys are one such name (read by name), or -1. */
  named: number[];
  readers: ((record: SchoolRecord) => unknown)[];
  first: { record: SchoolRecord; path: string } | undefined;
  count: number;
}

function watched(field: FieldDef, setting: SettingDef): Watched {
  const paths = pathsOf(field.id);
  let owners: number[] | null = [];
  const keys: string[][] = [];
  for (const path of paths) {
    const { base, stage, whole } = parseFieldId(path);
    const [group, ...rest] = base.split(".");
    if (group === "teachers" && rest.length > 0 && (stage || whole))
      owners?.push(OWNER_OF_PATH[whole ? "whole" : stage!]);
    else if (group === "facilities" && rest.length > 0 && !stage && !whole)
      owners?.push(OWNER_OF_PATH.facilities);
    else owners = null;
    keys.push(rest);
  }
  return {
    field,
    setting,
    paths,
    owners,
    keys,
    named: keys.map((k) => (k.length === 1 ? NAMED_FIELDS.indexOf(k[0] as never) : -1)),
    readers: paths.map(fieldReader),
    first: undefined,
    count: 0,
  };
}

function dig(node: unknown, keys: readonly string[]): unknown {
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[keys[i]];
  }
  return node;
}

/**
 * The fields that the sheets hold but a setting keeps out of the figures (a leased-space column
 * while cityExtraSportsArea is off): the audit adds each record as it visits it, then `notes`
 * gives one note per such field, named at the first record that holds it. Read and shown, not
 * counted, and the user is told how to count it.
 *
 * @example
 * const uncounted = new UncountedFields(settings);
 * records.forEach((r) => uncounted.add(r));
 * uncounted.notes(); // [{ code: "engine.field-not-counted", … }] when a record holds such a field
 */
export class UncountedFields {
  private readonly fields: Watched[] = [];
  /** The record's owners: a stage's teachers (primary, junior), the whole school's, the facilities. */
  private readonly owners: unknown[] = [undefined, undefined, undefined, undefined];
  /** Where readNamedFigure leaves a number (not read here). */
  private readonly figure = new Float64Array(1);

  constructor(settings: AuditSettings) {
    for (const field of FIELD_DEFS) {
      const setting = field.countedWhen ? findSetting(field.countedWhen) : undefined;
      if (!setting || settingValue(settings, setting) === true) continue;
      this.fields.push(watched(field, setting));
    }
  }

  add(record: SchoolRecord): void {
    const fields = this.fields;
    if (fields.length === 0) return;
    // Each owner read once for every field, as fieldReader would read it.
    const owners = this.owners;
    const primary = record.stages.primary;
    const junior = record.stages.junior;
    owners[0] = primary ? primary.teachers : undefined;
    owners[1] = junior ? junior.teachers : undefined;
    owners[2] = record.wholeSchoolTeachers;
    owners[3] = record.facilities;
    for (let f = 0; f < fields.length; f++) {
      const w = fields[f];
      let at = -1;
      for (let i = 0; at < 0 && i < w.paths.length; i++) if (this.has(w, i, record)) at = i;
      if (at < 0) continue;
      w.first ??= { record, path: w.paths[at] };
      w.count++;
    }
  }

  /** The record has a figure at the field's path i. */
  private has(w: Watched, i: number, record: SchoolRecord): boolean {
    if (!w.owners) return w.readers[i](record) !== undefined;
    const owner = this.owners[w.owners[i]];
    // By name when it is one (a read by a key that changes from field to field is a slow lookup).
    if (w.named[i] >= 0)
      return readNamedFigure(owner as object, w.named[i], this.figure) !== ABSENT;
    return dig(owner, w.keys[i]) !== undefined;
  }

  notes(): Diagnostic[] {
    const notes: Diagnostic[] = [];
    for (const { field, setting, first, count } of this.fields) {
      if (!first) continue;
      notes.push(
        recordDiagnostic(
          first.record,
          "info",
          "engine.field-not-counted",
          `表中有「${field.label.zh}」（${count}所学校填写），已读入但未计入：设置「${setting.label.zh}」未开启。需要计入时在加载项「设置」页开启，或在命令行加 --set ${setting.id}=true。`,
          first.path
        )
      );
    }
    return notes;
  }
}

/** UncountedFields over a list of records. */
export function uncountedFieldNotes(
  records: readonly SchoolRecord[],
  settings: AuditSettings
): Diagnostic[] {
  const uncounted = new UncountedFields(settings);
  for (let r = 0; r < records.length; r++) uncounted.add(records[r]);
  return uncounted.notes();
}
