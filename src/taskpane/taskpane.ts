/**
 * Entry of the shared runtime page (taskpane.html): the custom functions register themselves in
 * the functions bundle loaded just before this one. This bundle associates the ribbon's
 * 「一键审计」 at once, and renders the React pane when Office is ready; both drive one controller.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";
import { App } from "./components/App";
import { PaneController } from "./controller";
import { stringsFor } from "./i18n";
import { createService } from "./serviceFactory";

const ready: Promise<PaneController> = Office.onReady().then(() => {
  const strings = stringsFor(Office.context.displayLanguage);
  const controller = new PaneController(createService(strings), strings);
  const root = document.getElementById("app");
  if (root) {
    root.textContent = "";
    createRoot(root).render(createElement(App, { controller, strings }));
  }
  void controller.rescan();
  return controller;
});
// A failed start must not surface as an unhandled rejection; the ribbon's run still sees it.
ready.catch(() => undefined);

// The ribbon may be clicked before the pane was ever shown: the action waits for the controller.
registerCommands(
  { run: async () => (await ready).run() },
  {
    showPane: () => Office.addin.showAsTaskpane(),
    associate: (id, action) => Office.actions.associate(id, action),
  }
);
