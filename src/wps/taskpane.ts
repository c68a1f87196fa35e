/**
 * The task pane page in WPS (opened by Application.CreateTaskPane): the same React pane as in
 * Excel, its service bound to the WPS host.
 */
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/components/App";
import { PaneController } from "../taskpane/controller";
import { stringsFor } from "../taskpane/i18n";
import { createWpsService } from "../taskpane/wpsService";
import type { EtApplication } from "../hosts/wps/et";

const page = window as unknown as Window & { Application: EtApplication };
const strings = stringsFor(navigator.language);
const controller = new PaneController(
  createWpsService(page.Application, page.localStorage, { strings }),
  strings
);
const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  createRoot(root).render(createElement(App, { controller, strings }));
}
void controller.rescan();
