/** One measured figure of a benchmark section (bench/run.ts prints and stores them). */
export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}
