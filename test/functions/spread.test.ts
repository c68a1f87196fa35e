import { compositeCv, cv } from "../../src/functions/spread";
import { failure, value } from "./helpers";

// The 2012 method notes' worked example (domain.md): books per pupil, weighted by pupils.
const pupils = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const perPupil = books.map((b, i) => b / pupils[i]);
const column = (xs: unknown[]) => xs.map((x) => [x]);
/** The worked example's CV unrounded, computed here from its definition (not by the code under test). */
const exactCv = (() => {
  const total = pupils.reduce((a, b) => a + b, 0);
  const mean = perPupil.reduce((s, x, i) => s + pupils[i] * x, 0) / total;
  const variance = perPupil.reduce((s, x, i) => s + (pupils[i] / total) * (x - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
})();

describe("JH.WEIGHTEDCV", () => {
  it("gives the worked example's weighted CV 0.515 from columns as Excel passes them", () => {
    const result = value(cv(column(perPupil), column(pupils)));
    expect(result).toBeCloseTo(0.515, 3);
    expect(result).toBeCloseTo(exactCv, 12);
    expect(result.toFixed(2)).toBe("0.52");
  });

  it("without pupils gives the plain population CV 0.489 (what the standard does not use)", () => {
    expect(value(cv(column(perPupil)))).toBeCloseTo(0.489, 3);
    expect(value(cv(column(perPupil), null))).toBeCloseTo(0.489, 3);
  });

  it("reads a row as well as a column, and a block cell for cell", () => {
    expect(value(cv([perPupil], [pupils]))).toBeCloseTo(0.515, 3);
    const block = [perPupil.slice(0, 3), [...perPupil.slice(3), ""]];
    const weights = [pupils.slice(0, 3), [...pupils.slice(3), ""]];
    expect(value(cv(block, weights))).toBeCloseTo(0.515, 3);
  });

  it("skips blanks pairwise: a school with a blank value or blank pupils drops out with its partner", () => {
    const withGaps = [...perPupil, null, 7.5, ""];
    const weightsWithGaps = [...pupils, 120, "", 30];
    expect(value(cv(column(withGaps), column(weightsWithGaps)))).toBeCloseTo(exactCv, 12);
  });

  it("gives 0 for schools that are all alike, and for a single school", () => {
    expect(value(cv([[2], [2], [2]], [[10], [20], [30]]))).toBe(0);
    expect(value(cv([[5]], [[100]]))).toBe(0);
  });

  it("ignores a school with 0 pupils in the weighted CV", () => {
    expect(value(cv(column([...perPupil, 99]), column([...pupils, 0])))).toBeCloseTo(exactCv, 12);
  });

  it("refuses text in the value range, naming the argument and the cell", () => {
    const f = failure(cv(column([1, 2, "abc"]), column([1, 1, 1])));
    expect(f.kind).toBe("value");
    expect(f.message).toContain("JH.WEIGHTEDCV 的第1个参数「指标值」");
    expect(f.message).toContain("第3行第1列");
    expect(f.message).toContain("文本「abc」");
    expect(f.message).toContain("应为数字");
  });

  it("refuses text in the pupils range, and hints at numbers stored as text", () => {
    const f = failure(cv(column([1, 2]), column([10, "20"])));
    expect(f.kind).toBe("value");
    expect(f.message).toContain("第2个参数「在校生数」");
    expect(f.message).toContain("以文本存储的数字");
  });

  it("refuses logical values and negative numbers", () => {
    expect(failure(cv(column([1, true]), column([1, 1]))).message).toContain("逻辑值 TRUE");
    expect(failure(cv(column([1, -2]), column([1, 1]))).message).toContain("不小于0");
    expect(failure(cv(column([1, 2]), column([1, -1]))).kind).toBe("value");
  });

  it("refuses ranges of different sizes with both sizes in the message", () => {
    const f = failure(cv(column([1, 2, 3]), column([1, 2])));
    expect(f.kind).toBe("value");
    expect(f.message).toContain("3行1列");
    expect(f.message).toContain("2行1列");
    expect(failure(cv([[1, 2]], [[1], [2]])).kind).toBe("value");
  });

  it("gives #DIV/0! when there is no pupil, no school or a zero mean", () => {
    expect(failure(cv(column([1, 2]), column([0, 0]))).kind).toBe("divisionByZero");
    expect(failure(cv(column([null, ""]), column([1, 2]))).kind).toBe("divisionByZero");
    expect(failure(cv(column([0, 0]), column([5, 6]))).kind).toBe("divisionByZero");
    expect(failure(cv(column([0, 0]))).kind).toBe("divisionByZero");
  });

  it("reads a whole Excel column (1,048,576 rows) and a two-column block of the same size", () => {
    // A blank first row (where a header would be), then the worked example repeated 209,715 times:
    // the same weights in the same proportions give the same CV.
    const rows = 1_048_576;
    const xs = Array.from({ length: rows }, (_, i) => [i === 0 ? "" : perPupil[(i - 1) % 5]]);
    const ws = Array.from({ length: rows }, (_, i) => [i === 0 ? "" : pupils[(i - 1) % 5]]);
    expect(value(cv(xs, ws))).toBeCloseTo(exactCv, 9);
    const block = Array.from({ length: 5 * 100_000 }, (_, i) => [perPupil[i % 5], perPupil[i % 5]]);
    const blockWeights = Array.from({ length: 5 * 100_000 }, (_, i) => [
      pupils[i % 5],
      pupils[i % 5],
    ]);
    expect(value(cv(block, blockWeights))).toBeCloseTo(exactCv, 9);
  }, 180_000); // building a million rows takes seconds (20 s seen) on a loaded machine; speed itself is bench/functions.ts

  it("survives hostile shapes: ragged rows, an empty range, a bare number", () => {
    expect(failure(cv([[1, 2], [3]], [[1, 1], [1]])).kind).toBe("value");
    expect(failure(cv([], [])).kind).toBe("value");
    expect(value(cv(4, 10))).toBe(0);
    expect(failure(cv({ error: "#DIV/0!" })).message).toContain("错误值");
  });
});

describe("JH.COMPOSITECV", () => {
  it("is the plain mean of the columns' weighted CVs", () => {
    const second = [3, 3.5, 2.8, 4.1, 3.3];
    const table = perPupil.map((x, i) => [x, second[i]]);
    const first = value(cv(column(perPupil), column(pupils)));
    const other = value(cv(column(second), column(pupils)));
    expect(value(compositeCv(table, column(pupils)))).toBeCloseTo((first + other) / 2, 12);
  });

  it("skips blanks per column: a blank in one column leaves the school in the others", () => {
    const table = perPupil.map((x, i) => [x, i === 0 ? "" : 2 + i]);
    const other = value(cv(column([3, 4, 5, 6]), column(pupils.slice(1))));
    const first = value(cv(column(perPupil), column(pupils)));
    expect(value(compositeCv(table, column(pupils)))).toBeCloseTo((first + other) / 2, 12);
  });

  it("without pupils averages unweighted CVs", () => {
    expect(
      value(
        compositeCv([
          [1, 10],
          [3, 30],
        ])
      )
    ).toBeCloseTo(0.5, 12);
  });

  it("needs pupils as one column as tall as the table", () => {
    expect(
      failure(
        compositeCv(
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ]
        )
      ).message
    ).toContain("一列");
    expect(
      failure(
        compositeCv(
          [
            [1, 2],
            [3, 4],
          ],
          [[1]]
        )
      ).kind
    ).toBe("value");
  });

  it("names the column that has no CV", () => {
    const f = failure(
      compositeCv(
        [
          [1, 0],
          [2, 0],
        ],
        [[1], [1]]
      )
    );
    expect(f.kind).toBe("divisionByZero");
    expect(f.message).toContain("第2列");
  });

  it("refuses text in the table", () => {
    const f = failure(
      compositeCv(
        [
          [1, 2],
          [3, "x"],
        ],
        [[1], [1]]
      )
    );
    expect(f.message).toContain("JH.COMPOSITECV 的第1个参数「指标值表」");
    expect(f.message).toContain("第2行第2列");
  });
});
