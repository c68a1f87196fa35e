/**
 * `--json`: the audit result written as `JSON.stringify(result, null, 2)` would write it, byte for
 * byte, but in pieces. A city's result is ~5 KB of JSON a school part (106 MB at 20,000): one
 * string would cost that much memory at once, and past V8's longest string (~512 M characters,
 * about 100,000 parts) JSON.stringify throws.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const INDENT = "  ";
/** Below this many elements an array is stringified whole: the pieces stay small either way. */
const SPLIT_ARRAY = 64;
/** Objects are opened level by level to this depth; deeper values are stringified whole. */
const SPLIT_DEPTH = 3;
/** Pieces are gathered to about this many characters before each write. */
const BATCH = 1 << 20;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** A member as JSON.stringify sees it: what its toJSON gives, when it has one. */
function jsonValue(value: unknown, key: string): unknown {
  const toJSON =
    typeof value === "object" && value !== null
      ? (value as { toJSON?: unknown }).toJSON
      : undefined;
  return typeof toJSON === "function"
    ? (toJSON as (key: string) => unknown).call(value, key)
    : value;
}

/** A plain array or object without toJSON: written member by member. */
function splittable(value: unknown, depth: number): value is object {
  if (typeof value !== "object" || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(value)) return value.length >= SPLIT_ARRAY;
  return depth < SPLIT_DEPTH;
}

/** JSON.stringify(value, null, 2) as it reads nested at `indent`. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, INDENT) ?? "null";
  // Strings in JSON never hold a raw newline: every newline is the layout's.
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}

/**
 * The pieces of `JSON.stringify(value, null, 2)`, in order: joined, they are exactly that string
 * (for values JSON.stringify can write: no cycles, no BigInt).
 *
 * @example
 * [...jsonPieces({ a: [1, 2] })].join("") === JSON.stringify({ a: [1, 2] }, null, 2); // true
 */
export function* jsonPieces(value: unknown, indent = "", depth = 0): Generator<string> {
  if (!splittable(value, depth)) {
    yield whole(value, indent);
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      const member = jsonValue(value[i], String(i));
      yield `${i === 0 ? "" : ","}\n${inner}`;
      yield* jsonPieces(omitted(member) ? null : member, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value)
    .map(([key, v]): [string, unknown] => [key, jsonValue(v, key)])
    .filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, member] = entries[i];
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(member, inner, depth + 1);
  }
  yield `\n${indent}}`;
}

/**
 * Writes `JSON.stringify(value, null, 2)` to `path` in pieces, waiting when the file lags.
 *
 * @example
 * await writeJsonFile("结果.json", result);
 */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined); // observed below, once the writes are done
  let batch = "";
  const flush = async () => {
    const text = batch;
    batch = "";
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    for (const piece of jsonPieces(value)) {
      batch += piece;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
}
