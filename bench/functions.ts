import { performance } from "perf_hooks";
import {
  mean,
  standardDeviation,
  weightedMean,
  weightedStandardDeviation,
} from "simple-statistics";
import { weightedCv } from "../src/functions/functions";
import type { BenchFigure } from "./types";

/**
 * JH.WEIGHTEDCV over a whole Excel column (1,048,576 rows, passed as Excel passes a range: an array of
 * one-cell rows), against a plain two-pass computation with simple-statistics on the same rows
 * (flatten, then weightedMean and weightedStandardDeviation). Figures are the median of warm runs;
 * the first (cold) call is reported too, since Excel may call a function once after loading.
 * Issue 14 names it 「JH.CV」, the function's name before it became JH.WEIGHTEDCV (and still the
 * README's WPS examples): the same function. Its unweighted form (no pupils, 「=JH.CV(D2:D6)」 there)
 * is measured too.
 */
const ROWS = 1_048_576;
const WARM_RUNS = 15;
const TARGET_MS = 30;

function column(make: (i: number) => number): number[][] {
  const rows: number[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) rows[i] = [make(i)];
  return rows;
}

function baseline(values: number[][], pupils: number[][]): number {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < values.length; i++) {
    x.push(values[i][0]);
    w.push(pupils[i][0]);
  }
  return weightedStandardDeviation(x, w) / weightedMean(x, w);
}

function unweightedBaseline(values: number[][]): number {
  const x: number[] = [];
  for (let i = 0; i < values.length; i++) x.push(values[i][0]);
  return standardDeviation(x) / mean(x);
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<BenchFigure[]> {
  // Per-pupil values between 1 and 10.6 and school sizes between 50 and 1062 pupils.
  const values = column((i) => 1 + (i % 97) / 10);
  const pupils = column((i) => 50 + ((i * 7) % 1013));

  const cold = time(() => weightedCv(values, pupils));
  const coldBaseline = time(() => baseline(values, pupils));
  const ours: number[] = [];
  const theirs: number[] = [];
  // In blocks, not interleaved: the baseline's garbage (two million-element arrays a run) would
  // otherwise be collected during our runs and the other way round.
  for (let k = 0; k < WARM_RUNS; k++) ours.push(time(() => weightedCv(values, pupils)).ms);
  for (let k = 0; k < WARM_RUNS; k++) theirs.push(time(() => baseline(values, pupils)).ms);
  const cv = median(ours);
  const base = median(theirs);
  const agree =
    Math.abs(cold.result - coldBaseline.result) <= 1e-12 * Math.abs(coldBaseline.result);
  const plain: number[] = [];
  let plainResult = 0;
  for (let k = 0; k < WARM_RUNS; k++) {
    const run = time(() => weightedCv(values));
    plain.push(run.ms);
    plainResult = run.result;
  }
  const plainBaseline = unweightedBaseline(values);
  const plainAgrees = Math.abs(plainResult - plainBaseline) <= 1e-12 * Math.abs(plainBaseline);
  const section = "functions";
  return [
    {
      section,
      name: "JH.WEIGHTEDCV (the issue's JH.CV), 1,048,576 rows (median of warm runs)",
      value: round(cv),
      unit: "ms",
      target: `< ${TARGET_MS} ms`,
      met: cv < TARGET_MS,
    },
    {
      section,
      name: "JH.WEIGHTEDCV, 1,048,576 rows (first call)",
      value: round(cold.ms),
      unit: "ms",
    },
    {
      section,
      name: "simple-statistics two-pass baseline, same rows (median)",
      value: round(base),
      unit: "ms",
    },
    { section, name: "JH.WEIGHTEDCV time / baseline time", value: round(cv / base), unit: "×" },
    {
      section,
      name: "JH.WEIGHTEDCV equals the baseline CV (relative 1e-12)",
      value: agree ? 1 : 0,
      unit: "bool",
      target: "1",
      met: agree,
    },
    {
      section,
      name: "JH.WEIGHTEDCV without pupils (unweighted), same rows (median)",
      value: round(median(plain)),
      unit: "ms",
      target: `< ${TARGET_MS} ms`,
      met: median(plain) < TARGET_MS,
    },
    {
      section,
      name: "unweighted CV equals simple-statistics' (relative 1e-12)",
      value: plainAgrees ? 1 : 0,
      unit: "bool",
      target: "1",
      met: plainAgrees,
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
