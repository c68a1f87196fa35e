/**
 * The catalogue: every setting, record field and measure the audit knows, defined once. The
 * reader, the engine, the report, the task pane and the command line read it; none restates it.
 */
export * from "./settings";
export * from "./settingValues";
export * from "./fields";
export * from "./fieldPaths";
