import { FIELD_DEFS } from "./catalogue/fields";
import { fieldPath, fieldReader } from "./catalogue/fieldPaths";
import { findSetting } from "./catalogue/settings";
import { settingValue } from "./catalogue/settingValues";
import { recordDiagnostic, type Diagnostic } from "./diagnostics";
import { STAGES, type AuditSettings, type SchoolRecord } from "./types";

/** The record paths a field may sit at: its stages and the whole school, or itself. */
function pathsOf(base: string): string[] {
  const staged = [...STAGES, "whole" as const].map((s) => fieldPath(base, s));
  return staged[0] === base ? [base] : staged;
}

/**
 * One note per field that the sheets hold but a setting keeps out of the figures (a leased-space
 * column while cityExtraSportsArea is off): read and shown, not counted, and the user is told how
 * to count it. Named at the first record that holds it.
 */
export function uncountedFieldNotes(
  records: readonly SchoolRecord[],
  settings: AuditSettings
): Diagnostic[] {
  const notes: Diagnostic[] = [];
  for (const field of FIELD_DEFS) {
    const setting = field.countedWhen ? findSetting(field.countedWhen) : undefined;
    if (!setting || settingValue(settings, setting) === true) continue;
    const paths = pathsOf(field.id);
    const readers = paths.map(fieldReader);
    let first: { record: SchoolRecord; path: string } | undefined;
    let count = 0;
    for (let r = 0; r < records.length; r++) {
      const record = records[r];
      let at = -1;
      for (let i = 0; at < 0 && i < readers.length; i++)
        if (readers[i](record) !== undefined) at = i;
      if (at < 0) continue;
      first ??= { record, path: paths[at] };
      count++;
    }
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
