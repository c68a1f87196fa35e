/**
 * main.js of the WPS add-in: the page WPS loads (index.html) defines here every ribbon callback
 * ribbon.xml names, and registers the JH custom functions. The function table and the namespace
 * are generated at build time from the Office build's metadata (webpack.wps.config.js).
 */
import * as functions from "../functions/functions";
import { registerWpsFunctions, type WpsFunctionSpec, type WpsGlobal } from "./functions";
import { ribbonCallbacks } from "./ribbon";
import type { EtApplication } from "../hosts/wps/et";

declare const JH_WPS_FUNCTIONS: WpsFunctionSpec[];
declare const JH_WPS_NAMESPACE: string;

const page = window as unknown as Window & {
  Application: EtApplication;
  wps?: WpsGlobal;
  jhRegisteredFunctions?: string[];
};

page.jhRegisteredFunctions = registerWpsFunctions(
  page.wps,
  JH_WPS_NAMESPACE,
  functions as unknown as Record<string, unknown>,
  JH_WPS_FUNCTIONS
);

Object.assign(
  page,
  ribbonCallbacks({
    app: () => page.Application,
    paneUrl: () => new URL("taskpane.html", document.location.href).href,
    storage: page.localStorage,
    alert: (message) => page.alert(message),
  })
);
