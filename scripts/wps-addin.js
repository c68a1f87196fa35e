// What `npm run build:wps` writes besides the bundles, generated from the sources the Office
// build uses, never from a copy of them:
// - functions.json (WPS's format) from the metadata custom-functions-metadata generates from
//   src/functions/functions.ts (the Office build's functions.json), with the Chinese help of
//   src/functions/zh-cn.json; the namespace from manifest.xml;
// - the id → exported-function table the WPS wrappers register (src/wps/functions.ts);
// - ribbon.xml from src/wps/ribbon.json (the callbacks main.js defines are named there too);
// - manifest.xml (WPS's JsPlugin manifest), publish.xml / jsplugins.xml and install scripts as
//   `wpsjs build` / `wpsjs publish` lay them out.
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
/** WPS accepts only these function names (wpsjs's functionsScanner checks the same). */
const WPS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The add-in's name and version as WPS knows it (folder `<name>_<version>` under jsaddons). */
function addinIdentity(pkg = require(path.join(ROOT, "package.json"))) {
  return { name: "junheng_audit", version: pkg.version, type: "et" };
}

/** The custom functions' namespace of the Office manifest (<bt:String id="Functions.Namespace">). */
function functionsNamespace(
  manifestXml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")
) {
  const match = /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(manifestXml);
  if (!match) throw new Error("manifest.xml has no Functions.Namespace string");
  return match[1];
}

const TYPES = { number: "number", string: "string", boolean: "bool", any: "any" };

function wpsType(entry) {
  const base = TYPES[entry.type] ?? "any";
  return entry.dimensionality === "matrix" ? `${base === "bool" ? "any" : base}[][]` : base;
}

/**
 * The WPS function table from the generator's result: for each Office function, its id, its
 * name (what users type after the namespace, as in Excel), the exported JS function that
 * implements it, and its parameters in order. Throws when an id is not a name WPS accepts or has no implementation.
 * @param {{ functions: Array<{ id: string, parameters?: Array<{ name: string, type?: string, dimensionality?: string, optional?: boolean }> }> }} metadata
 * @param {Array<{ id: string, functionName: string }>} associations
 */
function wpsFunctionSpecs(metadata, associations) {
  const problems = [];
  const specs = metadata.functions.map((fn) => {
    const assoc = associations.find((a) => a.id === fn.id);
    if (!WPS_NAME.test(fn.name))
      problems.push(`${fn.name}: WPS function names may hold only letters, digits and _`);
    if (!assoc) problems.push(`${fn.id}: no associated function`);
    return {
      id: fn.id,
      name: fn.name,
      functionName: assoc ? assoc.functionName : "",
      params: (fn.parameters ?? []).map((p) => ({
        name: p.name,
        matrix: p.dimensionality === "matrix",
        optional: p.optional === true,
      })),
    };
  });
  if (problems.length > 0) throw new Error(`WPS functions: ${problems.join("; ")}`);
  return specs;
}

/**
 * functions.json as WPS reads it: `{ functions: [{ name, description, parameters: [{ name,
 * description, type }], result: { type } }] }`, type "number" | "string" | "bool" | "any" with
 * "[][]" for ranges and "?" when optional. Descriptions in Chinese from the translation table.
 */
function wpsFunctionsJson(metadata, table) {
  const functions = metadata.functions.map((fn) => {
    const zh = table[fn.id] ?? { name: fn.id, description: fn.description ?? "", parameters: {} };
    return {
      name: fn.name,
      description: `${zh.name}：${zh.description}`,
      parameters: (fn.parameters ?? []).map((p) => {
        const t = (zh.parameters ?? {})[p.name];
        return {
          name: p.name,
          description: t ? `${t.name}：${t.description}` : (p.description ?? ""),
          type: `${wpsType(p)}${p.optional ? "?" : ""}`,
        };
      }),
      result: { type: wpsType(fn.result ?? {}) },
    };
  });
  return JSON.stringify({ functions }, null, 2);
}

function escapeXml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** ribbon.xml (customUI) from src/wps/ribbon.json. */
function ribbonXml(ribbon = readRibbon()) {
  const buttons = ribbon.buttons
    .map(
      (b) =>
        `          <button id="${escapeXml(b.id)}" label="${escapeXml(b.label)}" screentip="${escapeXml(b.screentip)}" ` +
        `onAction="${ribbon.onAction}" getImage="${ribbon.getImage}" size="large"/>`
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="${ribbon.onLoad}">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="${escapeXml(ribbon.tab.id)}" label="${escapeXml(ribbon.tab.label)}">
        <group id="${escapeXml(ribbon.group.id)}" label="${escapeXml(ribbon.group.label)}">
${buttons}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;
}

function readRibbon() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "src", "wps", "ribbon.json"), "utf8"));
}

/** WPS's add-in manifest: where functions.json is and the namespace of the functions. */
function wpsManifestXml(identity, namespace) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${escapeXml(identity.name)}</Name>
  <Description>均衡督导助手：县域义务教育优质均衡发展督导评估</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${escapeXml(namespace)}</Namespace>
  </Functions>
</JsPlugin>
`;
}

/** publish.xml for an offline install: the add-in folder `<name>_<version>` beside it in jsaddons. */
function publishXml(identity) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${identity.name}" type="${identity.type}" url="${identity.name}_${identity.version}" version="${identity.version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/** jsplugins.xml for a bureau's own server (oem.ini's JSPluginsServer points at it). */
function jspluginsXml(identity, baseUrl) {
  const url = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${identity.name}" type="${identity.type}" url="${escapeXml(url)}" enable="enable_dev"/>
</jsplugins>
`;
}

/** install.bat (Windows) and install.sh (Linux): copy the folder and publish.xml into jsaddons. */
function installScripts(identity) {
  const folder = `${identity.name}_${identity.version}`;
  const bat = [
    "@echo off",
    "chcp 65001 >nul",
    "rem 均衡督导助手：把加载项复制到当前用户的 WPS jsaddons 目录（重启 WPS 表格后生效）",
    'set "TARGET=%APPDATA%\\kingsoft\\wps\\jsaddons"',
    'if not exist "%TARGET%" mkdir "%TARGET%"',
    `xcopy /E /I /Y "%~dp0${folder}" "%TARGET%\\${folder}"`,
    'if exist "%TARGET%\\publish.xml" (echo 已有 publish.xml：请把本目录 publish.xml 中的 jsplugin 一行并入 "%TARGET%\\publish.xml") else (copy /Y "%~dp0publish.xml" "%TARGET%\\publish.xml")',
    "echo 安装完成，请重启 WPS 表格。",
    "pause",
    "",
  ].join("\r\n");
  const sh = `#!/bin/sh
# 均衡督导助手：把加载项复制到当前用户的 WPS jsaddons 目录（重启 WPS 表格后生效）
set -e
HERE="$(cd "$(dirname "$0")" && pwd)"
TARGET="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$TARGET"
rm -rf "$TARGET/${folder}"
cp -R "$HERE/${folder}" "$TARGET/${folder}"
if [ ! -f "$TARGET/publish.xml" ]; then
  cp "$HERE/publish.xml" "$TARGET/publish.xml"
elif grep -q 'name="${identity.name}"' "$TARGET/publish.xml"; then
  # An earlier version is listed: replace only its line, other add-ins' lines stay.
  LINE="$(grep '<jsplugin ' "$HERE/publish.xml" | sed 's/^ *//')"
  sed -i "s#<jsplugin name=.${identity.name}.[^>]*/>#$LINE#" "$TARGET/publish.xml"
else
  echo "已有 publish.xml：请把 $HERE/publish.xml 中的 jsplugin 一行并入 $TARGET/publish.xml 的 <jsplugins> 里"
fi
echo "安装完成，请重启 WPS 表格。"
`;
  return { bat, sh };
}

module.exports = {
  addinIdentity,
  functionsNamespace,
  wpsFunctionSpecs,
  wpsFunctionsJson,
  ribbonXml,
  readRibbon,
  wpsManifestXml,
  publishXml,
  jspluginsXml,
  installScripts,
  WPS_NAME,
};
