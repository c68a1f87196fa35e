/** One measured figure of a benchmark section. */
export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}
