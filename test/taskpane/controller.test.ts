import { resolveSettings } from "../../src/engine";
import { PaneController } from "../../src/taskpane/controller";
import { OVERRIDES_KEY, SETTINGS_KEY } from "../../src/taskpane/documentSettings";
import { stringsFor } from "../../src/taskpane/i18n";
import { deferred, fakeWorkbook } from "./fakes";

describe("PaneController", () => {
  it("starts on 数据 with the saved state, and scans with the saved overrides", async () => {
    const fake = fakeWorkbook();
    fake.settings.set(OVERRIDES_KEY, [
      { sheet: "小学", field: "facilities.indoorSportsArea", column: null },
    ]);
    const controller = new PaneController(fake.service);
    expect(controller.getState().tab).toBe("data");
    await controller.rescan();
    const primary = controller.getState().scan!.tables[0];
    expect(primary.columns.some((c) => c.field === "facilities.indoorSportsArea")).toBe(false);
    expect(fake.scans[0].overrides).toEqual([
      { sheet: "小学", field: "facilities.indoorSportsArea", column: null },
    ]);
  });

  it("saves a mapping change in the workbook, then rescans with it", async () => {
    const fake = fakeWorkbook();
    const controller = new PaneController(fake.service);
    await controller.changeMapping({ sheet: "初中", field: "pupils.junior", column: 3 });
    expect(fake.settings.get(OVERRIDES_KEY)).toEqual([
      { sheet: "初中", field: "pupils.junior", column: 3 },
    ]);
    expect(fake.settings.saves).toBe(1);
    const junior = controller
      .getState()
      .scan!.tables[1].columns.find((c) => c.field === "pupils.junior")!;
    expect([junior.letter, junior.confidence]).toEqual(["D", 1]);
  });

  it("saves settings, and the next run uses them", async () => {
    const fake = fakeWorkbook();
    const controller = new PaneController(fake.service);
    await controller.changeSettings(resolveSettings({ standard: "2012" }));
    expect((fake.settings.get(SETTINGS_KEY) as { standard: string }).standard).toBe("2012");
    const run = await controller.run();
    expect(run!.result.standard.id).toBe("2012");
    // A new session reads the same choice.
    expect(new PaneController(fake.service).getState().saved.settings.standard).toBe("2012");
  });

  it("shows the step while running, then the results page", async () => {
    const fake = fakeWorkbook();
    fake.holdWrite = deferred();
    const controller = new PaneController(fake.service);
    const steps: string[] = [];
    controller.subscribe(() => {
      const p = controller.getState().progress;
      if (p && steps[steps.length - 1] !== p.step) steps.push(p.step);
    });
    const running = controller.run();
    expect(controller.run()).toBe(running); // a second click joins the run
    await new Promise((r) => setTimeout(r, 0));
    expect(controller.getState().progress).toEqual({ step: "write", fraction: 0.5 + 0.5 / 4 });
    fake.holdWrite.resolve();
    await running;
    expect(steps).toEqual(["read", "detect", "audit", "write"]);
    expect(controller.getState()).toMatchObject({ progress: null, tab: "results", error: null });
    expect(controller.getState().lastRun!.result.schools.length).toBeGreaterThan(0);
    expect(fake.written).toHaveLength(1);
  });

  it("turns a failure into the service's message, keeps the last results, and never rejects", async () => {
    const fake = fakeWorkbook();
    const controller = new PaneController(fake.service);
    await controller.run();
    const last = controller.getState().lastRun;
    fake.readError = { code: "InvalidOperationInCellEditMode" };
    await expect(controller.run()).resolves.toBeNull();
    expect(controller.getState()).toMatchObject({
      progress: null,
      error: "Excel 出错（InvalidOperationInCellEditMode）：请重试。",
      lastRun: last,
    });
    controller.dismissError();
    expect(controller.getState().error).toBeNull();
  });

  it("reports a settings save that failed and does not rescan", async () => {
    const fake = fakeWorkbook();
    fake.settings.fail = "read-only";
    const controller = new PaneController(fake.service);
    await controller.changeMapping({ sheet: "小学", field: "name", column: 0 });
    expect(controller.getState().error).toMatch(/^设置未能保存到工作簿/);
    expect(fake.scans).toHaveLength(0);
  });

  it("passes a selection to the service and reports its failure", async () => {
    const fake = fakeWorkbook();
    const controller = new PaneController(fake.service);
    await controller.select("小学", "D7");
    expect(fake.selected).toEqual([{ sheet: "小学", address: "D7" }]);
    expect(controller.getState().selected).toEqual({ sheet: "小学", address: "D7" });
    fake.service.select = () => Promise.reject(new Error("找不到工作表「小学」"));
    await controller.select("小学", "D7");
    expect(controller.getState().error).toBe("找不到工作表「小学」");
  });

  it("says in the pane's language when even describing an error failed", async () => {
    const failing = (fake: ReturnType<typeof fakeWorkbook>) => ({
      ...fake.service,
      select: async () => {
        throw new Error("host gone");
      },
      describeError: () => {
        throw new TypeError("bug in the describer");
      },
    });
    const english = new PaneController(failing(fakeWorkbook()), stringsFor("en-US"));
    await english.select("小学", "A1");
    expect(english.getState().error).toBe(stringsFor("en-US").errors.unexpected);
    expect(english.getState().error).toMatch(/^The operation did not finish/);
    const chinese = new PaneController(failing(fakeWorkbook()));
    await chinese.select("小学", "A1");
    expect(chinese.getState().error).toBe(
      "操作未完成。请重试；若反复出现，请把此消息发给技术支持。"
    );
  });
});
