/**
 * A province's stricter threshold is one standard entry: the README's worked example (L6 ≥ 2500 元
 * for 小学) added beside the national standards, chosen with `--set standard=…`, and audited with
 * no other edit.
 */
jest.mock("../../src/engine/standards/index", () => {
  const actual = jest.requireActual("../../src/engine/standards/index");
  const base = actual.STANDARD_2017;
  const province = {
    ...base,
    id: "2017-示例省",
    name: "优质均衡（2017，示例省细则）",
    label: {
      zh: "2017 优质均衡（示例省细则）",
      en: "2017 high-quality balance (example province)",
    },
    indicators: base.indicators.map((spec: { id: string; thresholds: object }) =>
      spec.id === "L6" ? { ...spec, thresholds: { ...spec.thresholds, primary: 2500 } } : spec
    ),
  };
  const STANDARDS = { ...actual.STANDARDS, [province.id]: province };
  return {
    ...actual,
    STANDARDS,
    findStandard: (id: string) => (Object.hasOwn(STANDARDS, id) ? STANDARDS[id] : undefined),
  };
});

import { audit, checkSettingValue, findSetting, type SchoolRecord } from "../../src/engine";

const school: SchoolRecord = {
  name: "城关小学",
  kind: "primary",
  stages: { primary: { pupils: 1000 } },
  facilities: { equipmentValue: 2_400_000 },
};

describe("a province's stricter L6 threshold as one standard entry", () => {
  it("is a standard the settings accept", () => {
    expect(checkSettingValue(findSetting("standard")!, "2017-示例省")).toEqual({
      ok: true,
      value: "2017-示例省",
    });
  });

  it("fails 2400 元 per pupil that the national 2000 元 passes", () => {
    const national = audit([school]).schools[0].details.L6;
    const province = audit([school], { standard: "2017-示例省" }).schools[0].details.L6;
    expect(national).toMatchObject({ value: 2400, threshold: 2000, met: true });
    expect(province).toMatchObject({ value: 2400, threshold: 2500, met: false });
  });
});
