/**
 * The part of WPS 表格's ET object model (the JS add-in API, close to Excel VBA) the WPS host
 * uses, as TypeScript shapes, and the enumeration values it needs. WPS injects the real objects
 * as `window.Application` in an add-in's pages; the tests use an in-memory fake of this shape.
 *
 * Conventions of the ET API as documented for WPS加载项 and in its VBA heritage: collections are
 * 1-based with `Item(i)` and `Count`; properties that take arguments (Address) are methods;
 * `Value2` of one cell is a scalar and of a block a 2-D array (rows of columns); colours are
 * BGR longs (red + green·256 + blue·65536).
 */

export interface EtApplication {
  ActiveWorkbook: EtWorkbook | null;
  ActiveWindow?: EtWindow | null;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  /** xlCalculationAutomatic (-4105) or xlCalculationManual (-4135). */
  Calculation: number;
  Calculate(): void;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: number | string): EtTaskPane | null;
  PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export interface EtTaskPane {
  ID: number | string;
  Visible: boolean;
  DockPosition?: number;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

export interface EtWorkbook {
  Name: string;
  FullName: string;
  Worksheets: EtWorksheets;
  Names: EtNames;
}

export interface EtWorksheets {
  Count: number;
  Item(index: number | string): EtWorksheet;
  /** Add(Before, After, Count, Type): the new sheet goes after `after`. */
  Add(
    before?: EtWorksheet | null,
    after?: EtWorksheet | null,
    count?: number,
    type?: number
  ): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
  Hyperlinks: {
    Add(
      anchor: EtRange,
      address: string,
      subAddress?: string,
      screenTip?: string,
      textToDisplay?: string
    ): unknown;
  };
  PageSetup: EtPageSetup;
  /** Manual page breaks: Add(Before) breaks above the range's row. */
  HPageBreaks: { Add(before: EtRange): unknown };
  /** The sheet's embedded charts (a method, as in VBA). */
  ChartObjects(): EtChartObjects;
}

export interface EtChartObjects {
  Count: number;
  /** Add(Left, Top, Width, Height), in points: an empty chart. */
  Add(left: number, top: number, width: number, height: number): EtChartObject;
}

export interface EtChartObject {
  Name: string;
  Chart: EtChart;
}

export interface EtChart {
  ChartType: number;
  HasTitle: boolean;
  ChartTitle: { Text: string; Font: { Size: number } };
  HasLegend: boolean;
  Legend: { Position: number };
  /** Axes(xlCategory | xlValue). */
  Axes(type: number): EtAxis;
  SeriesCollection(): { Count: number; NewSeries(): EtSeries };
}

export interface EtAxis {
  HasTitle: boolean;
  AxisTitle: { Text: string };
  MinimumScale: number;
}

export interface EtSeries {
  Name: string;
  /** A range of the sheet (or an array of numbers). */
  Values: unknown;
  XValues: unknown;
  ChartType: number;
  MarkerStyle: number;
  HasDataLabels: boolean;
  DataLabels(): { ShowValue: boolean; NumberFormat: string };
  Format: {
    Fill: { ForeColor: { RGB: number } };
    Line: { ForeColor: { RGB: number }; DashStyle: number; Weight: number };
  };
}

export interface EtPageSetup {
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface EtFont {
  Bold: boolean;
  Italic: boolean;
  Size: number;
  Color: number;
  Underline: number;
}

export interface EtBorder {
  LineStyle: number;
  Weight: number;
  Color: number;
}

export interface EtFormatCondition {
  Interior: { Color: number };
  Font: { Color: number };
  StopIfTrue: boolean;
  Priority: number;
}

export interface EtDataBar {
  BarColor: { Color: number };
  BarFillType: number;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  Row: number;
  Column: number;
  Rows: { Count: number; AutoFit(): void };
  Columns: { Count: number };
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  /** true when every cell is part of a merged area, false when none, null when mixed. */
  MergeCells: boolean | null;
  MergeArea: EtRange;
  EntireRow: { Hidden: boolean | null };
  EntireColumn: { Hidden: boolean | null };
  ColumnWidth: number;
  RowHeight: number;
  /** Position and size in points (read-only). */
  Left: number;
  Top: number;
  Width: number;
  Height: number;
  WrapText: boolean;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  Font: EtFont;
  Interior: { Color: number };
  Borders: { Item(index: number): EtBorder };
  FormatConditions: {
    Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
    AddDatabar(): EtDataBar;
  };
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Merge(across?: boolean): void;
  Select(): void;
}

export interface EtNames {
  Count: number;
  Item(index: number | string): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtName {
  Name: string;
  RefersTo: string;
  Comment: string;
  Visible: boolean;
  Delete(): void;
}

/** The ET/VBA enumeration values the host writes (XlCalculation, XlHAlign, XlBordersIndex …). */
export const XL = {
  calculationAutomatic: -4105,
  calculationManual: -4135,
  center: -4108,
  left: -4131,
  right: -4152,
  top: -4160,
  underlineSingle: 2,
  continuous: 1,
  thin: 2,
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  expression: 2,
  dataBarFillSolid: 0,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  columnClustered: 51,
  line: 4,
  category: 1,
  value: 2,
  legendBottom: -4107,
  markerNone: -4142,
  lineDash: 4,
} as const;
