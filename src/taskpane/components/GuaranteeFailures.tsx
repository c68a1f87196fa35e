/** School-level guarantee checks (G3 rooms, G4 size, G5 class size) that failed, with their messages. */
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { GuaranteeCheck } from "../../engine";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  link: { textAlign: "left", overflowWrap: "anywhere" },
});

export function GuaranteeFailures({ checks }: { checks: GuaranteeCheck[] }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const failed = checks.filter((check) => check.pass === false);
  if (failed.length === 0) return null;
  return (
    <div>
      <Text as="h2" weight="semibold" size={400}>
        {t.results.guarantees}
      </Text>
      <ul className={styles.list}>
        {failed.map((check, i) => {
          const source = check.source;
          const text = `${check.id} ${check.school}：${check.message}`;
          return (
            <li key={`${check.id}-${check.school}-${i}`}>
              {source ? (
                <Link
                  as="button"
                  className={styles.link}
                  onClick={() =>
                    void controller.select(
                      source.sheet,
                      source.cell ?? `${source.row}:${source.row}`
                    )
                  }
                >
                  {text}
                </Link>
              ) : (
                <Text>{text}</Text>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
