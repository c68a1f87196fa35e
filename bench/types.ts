/** One measured figure of `npm run bench`. */
export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** The target as text, e.g. "< 300 ms". */
  target?: string;
  met?: boolean;
}
