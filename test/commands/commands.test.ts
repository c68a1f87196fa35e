import {
  oneClickAudit,
  registerCommands,
  RUN_AUDIT_ACTION,
  type CommandHost,
} from "../../src/commands/commands";
import { PaneController } from "../../src/taskpane/controller";
import { fakeWorkbook } from "../taskpane/fakes";

function host(
  overrides: Partial<CommandHost> = {}
): CommandHost & { shown: number; actions: Map<string, (e?: { completed(): void }) => void> } {
  const actions = new Map<string, (e?: { completed(): void }) => void>();
  const h = {
    shown: 0,
    actions,
    showPane: async () => {
      h.shown++;
    },
    associate: (id: string, action: (e?: { completed(): void }) => void) => actions.set(id, action),
    ...overrides,
  };
  return h;
}

describe("the ribbon's 一键审计", () => {
  it("opens the pane, runs the controller's audit with the saved choices and completes the event", async () => {
    const fake = fakeWorkbook();
    const controller = new PaneController(fake.service);
    const h = host();
    const event = { completed: jest.fn() };
    await oneClickAudit(controller, h, event);
    expect(h.shown).toBe(1);
    expect(fake.written).toHaveLength(1);
    expect(controller.getState().tab).toBe("results");
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("still audits when the pane cannot be shown", async () => {
    const fake = fakeWorkbook();
    const event = { completed: jest.fn() };
    await oneClickAudit(
      new PaneController(fake.service),
      host({ showPane: () => Promise.reject(new Error("no pane")) }),
      event
    );
    expect(fake.written).toHaveLength(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("completes the event and resolves when the run throws or completing throws", async () => {
    const event = { completed: jest.fn() };
    await expect(
      oneClickAudit({ run: () => Promise.reject(new Error("boom")) }, host(), event)
    ).resolves.toBeUndefined();
    expect(event.completed).toHaveBeenCalledTimes(1);
    const bad = {
      completed: () => {
        throw new Error("already completed");
      },
    };
    await expect(oneClickAudit({ run: async () => null }, host(), bad)).resolves.toBeUndefined();
  });

  it("shows a failed audit's message in the pane", async () => {
    const fake = fakeWorkbook();
    fake.readError = { code: "AccessDenied" };
    const controller = new PaneController(fake.service);
    await oneClickAudit(controller, host(), { completed: () => undefined });
    expect(controller.getState().error).toBe("Excel 出错（AccessDenied）：请重试。");
  });

  it("associates runAudit, which runs and completes the event it is given", async () => {
    const h = host();
    const runs: number[] = [];
    registerCommands({ run: async () => runs.push(1) }, h);
    expect([...h.actions.keys()]).toEqual([RUN_AUDIT_ACTION]);
    const completed = new Promise<void>((resolve) =>
      h.actions.get(RUN_AUDIT_ACTION)!({ completed: resolve })
    );
    await completed;
    expect(runs).toEqual([1]);
  });
});
