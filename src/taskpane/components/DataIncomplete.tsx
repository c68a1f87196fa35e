/**
 * 「数据不完整」: school rows the reader left out for bad data (a typo'd 在校生数), each a click to
 * its bad cell in the source sheet, and a link to 数据诊断 where the audit lists them all.
 */
import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ExcludedRecord } from "../../engine";
import type { WrittenSheet } from "../service";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  link: { textAlign: "left", overflowWrap: "anywhere" },
  reason: { display: "block", overflowWrap: "anywhere" },
});

export function DataIncomplete({
  excluded,
  sheets,
}: {
  excluded: ExcludedRecord[];
  sheets: WrittenSheet[];
}) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const rows = excluded.filter((e) => e.rowLeftOut);
  if (rows.length === 0) return null;
  const diagnostics = sheets.find((s) => s.kind === "diagnostics");
  const words = t.results.dataIncomplete;
  return (
    <MessageBar intent="warning" layout="multiline" aria-label={words.title}>
      <MessageBarBody>
        <MessageBarTitle>{words.title}</MessageBarTitle>
        {words.body(rows.length)}
        <ul className={styles.list}>
          {rows.map((row, i) => {
            const source = row.source;
            const cell = source ? (source.cell ?? `${source.row}:${source.row}`) : "";
            return (
              <li key={`${source?.sheet}-${source?.row}-${i}`}>
                {source ? (
                  <Link
                    as="button"
                    className={styles.link}
                    aria-label={words.showRow(row.name, source.sheet, cell)}
                    onClick={() => void controller.select(source.sheet, cell)}
                  >
                    {`${source.sheet}!${cell} ${row.name}`}
                  </Link>
                ) : (
                  <Text>{row.name}</Text>
                )}
                <Text size={200} className={styles.reason}>
                  {row.reason}
                </Text>
              </li>
            );
          })}
        </ul>
        {diagnostics && (
          <Link as="button" onClick={() => void controller.select(diagnostics.name, "A1")}>
            {words.diagnostics(diagnostics.name)}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
