/** Types for scripts/wps-addin.js (plain CommonJS so webpack.wps.config.js can require it). */
import type { Metadata, TranslationTable } from "./localize-metadata";

export interface AddinIdentity {
  name: string;
  version: string;
  type: string;
}
export interface RibbonSpec {
  tab: { id: string; label: string };
  group: { id: string; label: string };
  onLoad: string;
  onAction: string;
  getImage: string;
  buttons: { id: string; label: string; image: string; screentip: string }[];
}
export const WPS_NAME: RegExp;
export function addinIdentity(pkg?: { version: string }): AddinIdentity;
export function functionsNamespace(manifestXml?: string): string;
export function wpsFunctionSpecs(
  metadata:
    | Pick<Metadata, "functions">
    | {
        functions: {
          id: string;
          name: string;
          parameters?: { name: string; dimensionality?: string; optional?: boolean }[];
        }[];
      },
  associations: { id: string; functionName: string }[]
): {
  id: string;
  name: string;
  functionName: string;
  params: { name: string; matrix: boolean; optional: boolean }[];
}[];
export function wpsFunctionsJson(metadata: unknown, table: TranslationTable): string;
export function ribbonXml(ribbon?: RibbonSpec): string;
export function readRibbon(): RibbonSpec;
export function wpsManifestXml(identity: AddinIdentity, namespace: string): string;
export function publishXml(identity: AddinIdentity): string;
export function jspluginsXml(identity: AddinIdentity, baseUrl: string): string;
export function installScripts(identity: AddinIdentity): { bat: string; sh: string };
