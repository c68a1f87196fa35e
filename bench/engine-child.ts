/**
 * Child process of the "engine" section: audit() over `parts` generated school parts, timed as
 * users run the engine, from a bundle (the command's esbuild bundle, the add-in's webpack build).
 * Under tsx each module is compiled on its own, and every call to an imported function goes
 * through a getter the optimiser does not inline: the per-part loop looked 20–30 % slower in CPU
 * than it runs. Prints one JSON line: the fastest of three runs after a warm-up.
 * Usage: node --expose-gc build/bench/engine-child.js PARTS (bench/engine.ts builds and runs it)
 */
import { generateRecords, timeAudit } from "./engine-timing";

const parts = Number(process.argv[2]);
const records = generateRecords(parts);
const runs = [0, 1, 2].map(() => timeAudit(records));
console.log(JSON.stringify(runs.sort((a, b) => a.ms - b.ms)[0]));
