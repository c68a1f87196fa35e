/** 「设置」: the standard, private schools, and the column rules the domain leaves to the user. Saved in the workbook. */
import { Caption1, Field, makeStyles, Radio, RadioGroup, Switch, Text, tokens } from "@fluentui/react-components";
import type { AuditSettings } from "../../engine";
import { useController, usePaneState, useStrings } from "./context";

type Relaxation = keyof AuditSettings["relaxations"];
const RELAXATIONS: Relaxation[] = ["smallSchoolPeArtsTeachers", "cityExtraSportsArea", "olderRoomAreas", "olderLargeSchools"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export function SettingsTab() {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const { settings } = usePaneState().saved;
  const change = (patch: Partial<AuditSettings>) => void controller.changeSettings({ ...settings, ...patch });
  const relax = (key: Relaxation, on: boolean) => change({ relaxations: { ...settings.relaxations, [key]: on } });
  return (
    <section className={styles.root} aria-label={t.tabs.settings}>
      <Field label={t.settings.standard}>
        <RadioGroup value={settings.standard} onChange={(_e, data) => change({ standard: data.value })}>
          <Radio value="2017" label={t.settings.standard2017} />
          <Radio value="2012" label={t.settings.standard2012} />
        </RadioGroup>
      </Field>
      <Field label={t.settings.privateSchools}>
        <RadioGroup
          layout="horizontal"
          value={settings.excludePrivate ? "exclude" : "include"}
          onChange={(_e, data) => change({ excludePrivate: data.value === "exclude" })}
        >
          <Radio value="include" label={t.settings.includePrivate} />
          <Radio value="exclude" label={t.settings.excludePrivate} />
        </RadioGroup>
      </Field>
      <Switch checked={settings.includeArtsColumn} label={t.settings.artsColumn} onChange={(_e, data) => change({ includeArtsColumn: data.checked })} />
      <Switch
        checked={settings.subtractIndoorSports}
        label={t.settings.indoorSports}
        onChange={(_e, data) => change({ subtractIndoorSports: data.checked })}
      />
      <div className={styles.group} role="group" aria-label={t.settings.relaxations}>
        <Text weight="semibold">{t.settings.relaxations}</Text>
        <Caption1>{t.settings.relaxationsHint}</Caption1>
        {RELAXATIONS.map((key) => (
          <Switch key={key} checked={settings.relaxations[key]} label={t.settings[key]} onChange={(_e, data) => relax(key, data.checked)} />
        ))}
      </div>
      <Caption1>{t.settings.saved}</Caption1>
    </section>
  );
}
