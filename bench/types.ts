/** One measured figure of a benchmark section (the lead's bench/run.ts prints them all). */
export interface BenchFigure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
}
