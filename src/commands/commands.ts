/**
 * The ribbon's 「一键审计」: runs the same audit as the pane's button, through the same
 * controller, so in the shared runtime its progress and result appear in the pane, which the
 * command opens. Office's event is always completed and nothing escapes as an unhandled rejection.
 */

/** The manifest's <FunctionName> of the 「一键审计」 button; test/manifest checks both agree. */
export const RUN_AUDIT_ACTION = "runAudit";

/** What the command needs from the pane: its controller's run (null on failure, the error shown there). */
export interface AuditRunner {
  run(): Promise<unknown>;
}

/** The Office calls the command makes, injected so tests need no Office. */
export interface CommandHost {
  /** Office.addin.showAsTaskpane(): shows the pane with the run's progress and result. */
  showPane(): Promise<void>;
  /** Office.actions.associate. */
  associate(actionId: string, action: (event?: { completed(): void }) => void): void;
}

/**
 * Opens the pane, runs the audit, and completes the ribbon event whatever happens.
 *
 * @example
 * await oneClickAudit(controller, host, event); // event.completed() has been called
 */
export async function oneClickAudit(
  runner: AuditRunner,
  host: CommandHost,
  event?: { completed(): void }
): Promise<void> {
  try {
    // Best effort: where the pane cannot be shown the audit still runs and activates 审计总览.
    await host.showPane().catch(() => undefined);
    await runner.run();
  } catch {
    // The controller reports its own failures in the pane; anything else must not crash the runtime.
  } finally {
    try {
      event?.completed();
    } catch {
      // An event that was already completed (or a host without one) is no error for the user.
    }
  }
}

/**
 * Associates the ribbon's actions with this runtime.
 *
 * @example
 * registerCommands(controller, { showPane: () => Office.addin.showAsTaskpane(), associate: (id, f) => Office.actions.associate(id, f) });
 */
export function registerCommands(runner: AuditRunner, host: CommandHost): void {
  host.associate(RUN_AUDIT_ACTION, (event) => {
    void oneClickAudit(runner, host, event);
  });
}
