/**
 * selectCell with office-addin-mock alone: a fixed object tree is all it needs, which is exactly
 * what OfficeMockObject models well.
 */
import { OfficeMockObject } from "office-addin-mock";
import { selectCell } from "../../../src/hosts/excel";

function excelWith(log: string[]) {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            range: {
              select() {
                log.push("select");
              },
            },
            activate() {
              log.push("activate");
            },
            getRange(this: { range: unknown }, address: string) {
              log.push(`getRange ${address}`);
              return this.range;
            },
          },
          getItem(this: { sheet: unknown }, name: string) {
            log.push(`getItem ${name}`);
            return this.sheet;
          },
        },
      },
    },
  }) as unknown as { context: Excel.RequestContext };
}

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one round trip", async () => {
    const log: string[] = [];
    const { context } = excelWith(log);
    const sync = jest.spyOn(context, "sync");
    await selectCell(context, "小学", "F12");
    expect(log).toEqual(["getItem 小学", "activate", "getRange F12", "select"]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("accepts a reference with its sheet prefix, as the plan's links carry them", async () => {
    const log: string[] = [];
    const { context } = excelWith(log);
    await selectCell(context, "It's 小学", "'It''s 小学'!B3:C4");
    expect(log).toEqual(["getItem It's 小学", "activate", "getRange B3:C4", "select"]);
  });
});
