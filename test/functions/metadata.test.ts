import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  localizeMetadata,
  localizeMetadataJson,
  readTable,
  type Metadata,
} from "../../scripts/localize-metadata";
import * as registered from "../../src/functions/functions";

/**
 * Golden test of the generated metadata: the same generator the webpack plugin runs, on the same
 * file, then the zh-CN step. The browser test checks that the production build emits the same two
 * files. Run with UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
 */
const ROOT = path.join(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const GOLDEN_DIR = path.join(__dirname, "golden");
const EXPECTED_IDS = [
  "WEIGHTEDCV",
  "COMPOSITECV",
  "PERHUNDRED",
  "INDICATOR",
  "STANDARD",
  "CVLIMIT",
  "COMPLIANT",
  "SCHOOLPASS",
  "GAP",
  "SPLIT",
];
const HAN = /\p{Script=Han}/u;

function golden(name: string, actual: string): string {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  return fs.readFileSync(file, "utf8");
}

describe("generated custom-function metadata", () => {
  let result: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let metadata: Metadata;
  let zhCnJson: string;

  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(SOURCE);
    metadata = JSON.parse(result.metadataJson);
    zhCnJson = localizeMetadataJson(result.metadataJson);
  });

  it("generates without errors (the plugin itself would exit 0 on them)", () => {
    expect(result.errors).toEqual([]);
  });

  it("holds every JH function, each associated with an exported function of functions.ts", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
    const exported = Object.keys(registered).sort();
    expect(result.associate.map((a) => a.functionName).sort()).toEqual(exported);
    expect(result.associate.map((a) => a.id)).toEqual(EXPECTED_IDS);
  });

  it("matches the golden functions.json", () => {
    expect(result.metadataJson).toBe(golden("functions.json", result.metadataJson));
  });

  it("matches the golden functions.zh-cn.json", () => {
    expect(zhCnJson).toBe(golden("functions.zh-cn.json", zhCnJson));
  });

  it("asks Excel for every function's argument addresses, so messages can name the cell", () => {
    for (const fn of metadata.functions) {
      expect([
        fn.id,
        (fn as { options?: { requiresParameterAddresses?: boolean } }).options
          ?.requiresParameterAddresses,
      ]).toEqual([fn.id, true]);
    }
  });

  it("says in JH.WEIGHTEDCV's description that the standard weights by pupils", () => {
    const cv = metadata.functions.find((f) => f.id === "WEIGHTEDCV")!;
    expect(cv.description).toMatch(/standard weights by pupils/);
    expect(cv.parameters?.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["values", false],
      ["pupils", true],
    ]);
  });

  it("takes ranges as any-typed matrices so text gets our message, and the standard as optional", () => {
    for (const fn of metadata.functions) {
      for (const p of fn.parameters ?? []) {
        if (["values", "amount"].includes(p.name))
          expect([fn.id, p.dimensionality, p.type]).toEqual([fn.id, "matrix", "any"]);
        if (["standard", "unit"].includes(p.name))
          expect([fn.id, p.name, p.optional]).toEqual([fn.id, p.name, true]);
      }
    }
  });

  it("gives every function a Chinese name, description and parameter help in zh-CN", () => {
    const zh = JSON.parse(zhCnJson) as Metadata;
    expect(zh.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
    for (const fn of zh.functions) {
      expect([fn.id, /^\p{Script=Han}+$/u.test(fn.name)]).toEqual([fn.id, true]);
      expect([fn.id, HAN.test(fn.description ?? "")]).toEqual([fn.id, true]);
      for (const p of fn.parameters ?? []) {
        expect([fn.id, p.name, HAN.test(p.name), HAN.test(p.description ?? "")]).toEqual([
          fn.id,
          p.name,
          true,
          true,
        ]);
      }
    }
    const names = Object.fromEntries(zh.functions.map((f) => [f.id, f.name]));
    expect(names.WEIGHTEDCV).toBe("差异系数");
    expect(names.PERHUNDRED).toBe("每百名");
    expect(names.COMPOSITECV).toBe("综合差异系数");
  });

  it("keeps ids, types and options identical between the two files", () => {
    const zh = JSON.parse(zhCnJson) as Metadata;
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        result: f.result,
        params: (f.parameters ?? []).map((p) => [p.type, p.dimensionality, p.optional]),
      }));
    expect(shape(zh)).toEqual(shape(metadata));
  });
});

describe("localizeMetadata refuses a table that does not cover the functions", () => {
  const metadata: Metadata = {
    functions: [
      {
        id: "PERHUNDRED",
        name: "PERHUNDRED",
        description: "d",
        parameters: [{ name: "count" }, { name: "pupils" }],
      },
    ],
  };
  const entry = () => JSON.parse(JSON.stringify(readTable().PERHUNDRED));

  it("localizes a covered function", () => {
    expect(localizeMetadata(metadata, { PERHUNDRED: entry() }).functions[0].name).toBe("每百名");
  });

  it("names a function missing from the table, and a table entry without a function", () => {
    expect(() => localizeMetadata(metadata, {})).toThrow(/PERHUNDRED: no entry/);
    expect(() => localizeMetadata(metadata, { PERHUNDRED: entry(), GONE: entry() })).toThrow(
      /GONE/
    );
  });

  it("names a parameter the table lacks or renames", () => {
    const missing = entry();
    delete missing.parameters.pupils;
    expect(() => localizeMetadata(metadata, { PERHUNDRED: missing })).toThrow(/PERHUNDRED\.pupils/);
    const blank = entry();
    blank.description = " ";
    expect(() => localizeMetadata(metadata, { PERHUNDRED: blank })).toThrow(
      /no Chinese description/
    );
  });
});
