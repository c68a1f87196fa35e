/** The task pane: title and the one-click audit on top, any error, then the three pages. */
import {
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { PaneController, PaneTab } from "../controller";
import type { Strings } from "../i18n";
import {
  ControllerContext,
  StringsContext,
  useController,
  usePaneState,
  useStrings,
} from "./context";
import { DataTab } from "./DataTab";
import { ErrorBar } from "./ErrorBar";
import { ResultsTab } from "./ResultsTab";
import { RunBar } from "./RunBar";
import { SettingsTab } from "./SettingsTab";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
});

export function App({ controller, strings }: { controller: PaneController; strings: Strings }) {
  return (
    <FluentProvider theme={webLightTheme} lang={strings.lang}>
      <ControllerContext.Provider value={controller}>
        <StringsContext.Provider value={strings}>
          <Pane />
        </StringsContext.Provider>
      </ControllerContext.Provider>
    </FluentProvider>
  );
}

function Pane() {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const { tab } = usePaneState();
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} className={styles.title}>
        {t.title}
      </Text>
      <RunBar />
      <ErrorBar />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, data) => controller.setTab(data.value as PaneTab)}
      >
        <Tab value="data">{t.tabs.data}</Tab>
        <Tab value="settings">{t.tabs.settings}</Tab>
        <Tab value="results">{t.tabs.results}</Tab>
      </TabList>
      {tab === "data" && <DataTab />}
      {tab === "settings" && <SettingsTab />}
      {tab === "results" && <ResultsTab />}
    </main>
  );
}
