/**
 * `--json` is written in pieces: the file must be exactly what JSON.stringify(result, null, 2)
 * gives, for any value it can write, and for an audit result of many school parts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { jsonPieces, writeJsonFile } from "../../src/cli/jsonFile";
import { makeTempDir, removeTempDir } from "../support/tmp";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const pieces = (value: unknown) => [...jsonPieces(value)].join("");

let dir: string;
beforeAll(() => (dir = makeTempDir("json-file")));
afterAll(() => removeTempDir(dir));

test("any JSON value comes out as JSON.stringify(value, null, 2) writes it", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      expect(pieces(value)).toBe(pretty(value));
    })
  );
});

test("long arrays (written element by element) and deep objects match too", () => {
  const big = fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 64, maxLength: 200 });
  fc.assert(
    fc.property(fc.dictionary(fc.string(), big), big, (object, array) => {
      const value = { object, array, nested: { again: { array, deeper: { object } } } };
      expect(pieces(value)).toBe(pretty(value));
    }),
    { numRuns: 30 }
  );
});

test("what JSON.stringify leaves out or turns into null, and toJSON, are kept as it does", () => {
  const when = new Date("2026-12-06T08:00:00Z");
  const holes = Array.from({ length: 70 }, (_, i) =>
    i % 5 === 0
      ? undefined
      : i % 5 === 1
        ? () => i
        : i % 5 === 2
          ? Symbol("s")
          : i % 5 === 3
            ? when
            : i
  );
  const value = {
    gone: undefined,
    fn: () => 1,
    sym: Symbol("x"),
    when,
    custom: { toJSON: (key: string) => `key ${key}` },
    vanishes: { toJSON: () => undefined },
    holes,
    empty: { a: undefined },
    emptyArray: [],
    emptyObject: {},
    text: '换行\n制表\t引号"反斜杠\\',
    numbers: [NaN, Infinity, -0, 1e21, 0.1 + 0.2],
    nested: { holes, deep: { deeper: { holes } } },
  };
  expect(pieces(value)).toBe(pretty(value));
  expect(pieces([undefined])).toBe(pretty([undefined]));
  expect(pieces("top")).toBe(pretty("top"));
});

test("writeJsonFile writes the same bytes, a result of 5,000 school parts included", async () => {
  const schools = Array.from({ length: 5000 }, (_, i) => ({
    recordIndex: i,
    name: `第${i}小学`,
    values: { L1: i / 7, L2: null },
    details: { L1: { notes: [], fields: ["teachers.primary.aboveDegree"], met: i % 3 === 0 } },
  }));
  const result = { standard: { id: "2017" }, schools, counties: [{ name: "某县", veto: [] }] };
  const file = path.join(dir, "result.json");
  await writeJsonFile(file, result);
  expect(readFileSync(file, "utf8")).toBe(pretty(result));
});

test("a folder that does not exist: writeJsonFile rejects", async () => {
  await expect(writeJsonFile(path.join(dir, "没有", "result.json"), { a: 1 })).rejects.toThrow(
    /ENOENT/
  );
});
