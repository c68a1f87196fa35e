/** The 「一键审计」 button and, while an audit runs, its progress bar and current step. */
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useController, usePaneState, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function RunBar() {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const { progress } = usePaneState();
  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <div className={styles.root}>
      <Button
        appearance="primary"
        disabled={progress !== null}
        onClick={() => void controller.run()}
      >
        {progress ? t.running : t.runButton}
      </Button>
      {progress && (
        <Field
          validationMessage={t.progressLabel(t.steps[progress.step], percent)}
          validationState="none"
        >
          <ProgressBar
            value={progress.fraction}
            max={1}
            thickness="large"
            aria-label={t.steps[progress.step]}
          />
        </Field>
      )}
    </div>
  );
}
