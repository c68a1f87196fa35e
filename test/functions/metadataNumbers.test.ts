import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeMetadataJson, type Metadata } from "../../scripts/localize-metadata";
import {
  splitNineYear,
  STANDARD_2012,
  STANDARD_2017,
  THROUGH_TRAIN_WEIGHTS,
} from "../../src/engine";

/**
 * The help Excel shows for JH.CVLIMIT, JH.SPLIT and JH.STANDARD states figures of the standards
 * (CV limits, the through-train weights, a threshold). The help is text in JSDoc and zh-cn.json,
 * so these tests read the figures back out of the generated metadata and hold them against the
 * standards' data: a change of the data without the help fails here.
 */
const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;

let english: Metadata;
let chinese: Metadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  english = JSON.parse(generated.metadataJson);
  chinese = JSON.parse(localizeMetadataJson(generated.metadataJson));
});

function description(metadata: Metadata, id: string): string {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn?.description) throw new Error(`no description for ${id}`);
  return fn.description;
}

/** The numbers a regular expression's groups capture, as numbers. */
function figures(text: string, pattern: string): number[] {
  const match = new RegExp(pattern, "u").exec(text);
  if (!match) throw new Error(`「${text}」 does not say /${pattern}/`);
  return match.slice(1).map(Number);
}

describe("JH.CVLIMIT's help states the standards' CV limits", () => {
  const limits = [
    STANDARD_2017.cvRule.limits.primary,
    STANDARD_2017.cvRule.limits.junior,
    STANDARD_2012.cvRule.limits.primary,
    STANDARD_2012.cvRule.limits.junior,
  ];

  it("in English: 2017 per indicator, 2012 for the composite", () => {
    const text = description(english, "CVLIMIT");
    expect(STANDARD_2017.cvRule.mode).toBe("each");
    expect(STANDARD_2012.cvRule.mode).toBe("composite");
    expect(
      figures(
        text,
        String.raw`per indicator under ${STANDARD_2017.id} \(${NUMBER} primary, ${NUMBER} junior\); for the composite CV under ${STANDARD_2012.id} \(${NUMBER}, ${NUMBER}\)`
      )
    ).toEqual(limits);
  });

  it("in Chinese (zh-CN metadata)", () => {
    const text = description(chinese, "CVLIMIT");
    expect(
      figures(
        text,
        String.raw`${STANDARD_2017.id}标准为每项指标的差异系数上限（小学${NUMBER}、初中${NUMBER}）；${STANDARD_2012.id}标准为综合差异系数上限（小学${NUMBER}、初中${NUMBER}）`
      )
    ).toEqual(limits);
  });

  it("prints each limit with two decimals, as the audit sheets do", () => {
    for (const text of [description(english, "CVLIMIT"), description(chinese, "CVLIMIT")])
      for (const limit of limits) expect(text).toContain(limit.toFixed(2));
  });
});

describe("JH.SPLIT's help states the through-train weights, and its example adds up", () => {
  const weights = [THROUGH_TRAIN_WEIGHTS.primary, THROUGH_TRAIN_WEIGHTS.junior];

  it("in English", () => {
    expect(
      figures(description(english, "SPLIT"), String.raw`\(${NUMBER} primary : ${NUMBER} junior\)`)
    ).toEqual(weights);
  });

  it("in Chinese, with a worked example that the weights give", () => {
    const text = description(chinese, "SPLIT");
    expect(figures(text, String.raw`小学生${NUMBER}、初中生${NUMBER}`)).toEqual(weights);
    const [total, primary, junior, primaryShare, juniorShare] = figures(
      text,
      String.raw`如图书${NUMBER}册、小学${NUMBER}人、初中${NUMBER}人：小学约${NUMBER}册，初中约${NUMBER}册`
    );
    const [a, b] = splitNineYear(total, primary, junior);
    expect([a.toFixed(1), b.toFixed(1)]).toEqual([primaryShare.toFixed(1), juniorShare.toFixed(1)]);
  });
});

describe("JH.STANDARD's help example is the standard's threshold", () => {
  const l3 = STANDARD_2017.indicators.find((i) => i.id === "L3")!;

  it("in English (L3, primary)", () => {
    expect(
      figures(description(english, "STANDARD"), String.raw`e\.g\. ${NUMBER} for L3 in primary`)
    ).toEqual([l3.thresholds!.primary]);
  });

  it("in Chinese (体艺教师 小学)", () => {
    expect(
      figures(description(chinese, "STANDARD"), String.raw`如${l3.shortName}小学${NUMBER}`)
    ).toEqual([l3.thresholds!.primary]);
  });
});
