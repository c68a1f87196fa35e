/** Links to the audit sheets the run wrote: a click activates the sheet. */
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { WrittenSheet } from "../service";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  links: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
});

export function SheetLinks({ sheets }: { sheets: WrittenSheet[] }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  return (
    <nav className={styles.root} aria-label={t.results.sheets}>
      <Text as="h2" weight="semibold" size={400}>
        {t.results.sheets}
      </Text>
      <div className={styles.links}>
        {sheets.map((sheet) => (
          <Link
            key={sheet.name}
            as="button"
            onClick={() => void controller.select(sheet.name, "A1")}
            aria-label={t.results.openSheet(sheet.name)}
          >
            {sheet.name}
          </Link>
        ))}
      </div>
    </nav>
  );
}
