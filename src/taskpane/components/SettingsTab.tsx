/**
 * 「设置」: every setting of the catalogue, grouped as the catalogue groups them, each drawn by its
 * type (a switch or radio buttons for yes/no, radio buttons for a choice, a number field). Saved
 * in the workbook. Nothing here names a setting: a new catalogue entry appears by itself.
 */
import {
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  checkSettingValue,
  SETTING_GROUPS,
  SETTINGS,
  settingValue,
  withSetting,
  type AuditSettings,
  type Language,
  type SettingDef,
  type SettingValue,
} from "../../engine";
import { useController, usePaneState, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

function SettingControl({
  def,
  settings,
  lang,
  onChange,
}: {
  def: SettingDef;
  settings: AuditSettings;
  lang: Language;
  onChange: (value: SettingValue) => void;
}) {
  const value = settingValue(settings, def);
  const label = def.label[lang];
  const hint = def.help[lang];
  switch (def.type) {
    case "boolean":
      if (def.control === "radio") {
        return (
          <Field label={label} hint={hint}>
            <RadioGroup
              layout="horizontal"
              value={String(value)}
              onChange={(_e, data) => onChange(data.value === "true")}
            >
              <Radio value="false" label={def.states[1][lang]} />
              <Radio value="true" label={def.states[0][lang]} />
            </RadioGroup>
          </Field>
        );
      }
      return (
        <Switch
          checked={value === true}
          label={label}
          title={hint}
          onChange={(_e, data) => onChange(data.checked)}
        />
      );
    case "choice":
      return (
        <Field label={label} hint={hint}>
          <RadioGroup value={String(value)} onChange={(_e, data) => onChange(data.value)}>
            {def.choices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label[lang]} />
            ))}
          </RadioGroup>
        </Field>
      );
    case "codes": {
      const chosen = (value ?? []) as readonly string[];
      const toggle = (code: string, on: boolean) =>
        onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));
      return (
        <Field label={label} hint={hint}>
          {def.choices.map((c) => (
            <Checkbox
              key={c.value}
              checked={chosen.includes(c.value)}
              label={c.label[lang]}
              onChange={(_e, data) => toggle(c.value, data.checked === true)}
            />
          ))}
        </Field>
      );
    }
    case "year":
      return (
        <Field label={label} hint={hint}>
          <Input
            type="number"
            placeholder={lang === "zh" ? "最近一年" : "latest"}
            defaultValue={value === null ? "" : String(value)}
            onBlur={(e) => {
              const checked = checkSettingValue(def, e.currentTarget.value);
              if (checked.ok) onChange(checked.value);
              else e.currentTarget.value = value === null ? "" : String(value);
            }}
          />
        </Field>
      );
    case "number":
      return (
        <Field label={`${label}（${def.unit[lang]}）`} hint={hint}>
          <Input
            type="number"
            defaultValue={String(value)}
            onBlur={(e) => {
              const checked = checkSettingValue(def, e.currentTarget.value);
              if (checked.ok) onChange(checked.value);
              else e.currentTarget.value = String(value);
            }}
          />
        </Field>
      );
  }
}

export function SettingsTab() {
  const styles = useStyles();
  const t = useStrings();
  const lang: Language = t.lang === "en" ? "en" : "zh";
  const controller = useController();
  const { settings } = usePaneState().saved;
  const change = (def: SettingDef, value: SettingValue) =>
    void controller.changeSettings(withSetting(settings, def, value));
  const controls = (group: SettingDef["group"]) =>
    SETTINGS.filter((def) => def.group === group).map((def) => (
      <SettingControl
        key={def.id}
        def={def}
        settings={settings}
        lang={lang}
        onChange={(value) => change(def, value)}
      />
    ));
  return (
    <section className={styles.root} aria-label={t.tabs.settings}>
      {controls("basic")}
      <div
        className={styles.group}
        role="group"
        aria-label={SETTING_GROUPS.relaxations.label[lang]}
      >
        <Text weight="semibold">{SETTING_GROUPS.relaxations.label[lang]}</Text>
        {SETTING_GROUPS.relaxations.help && (
          <Caption1>{SETTING_GROUPS.relaxations.help[lang]}</Caption1>
        )}
        {controls("relaxations")}
      </div>
      <Caption1>{t.settings.saved}</Caption1>
    </section>
  );
}
