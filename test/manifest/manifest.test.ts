import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpackConfig, { OUTPUT_FILES } from "../../webpack.config";
import { addinBaseUrl, DEV_BASE_URL, rewriteManifest } from "../../scripts/addin-url";
import { LocalizedMetadataPlugin } from "../../scripts/localize-metadata";
import { registerCommands, RUN_AUDIT_ACTION } from "../../src/commands/commands";

/**
 * Offline checks of manifest.xml: ids, resource ids, URLs against webpack's output names, the
 * shared runtime and the custom-functions extension point, requirement sets, version format.
 */
const ROOT = path.join(__dirname, "..", "..");
const MANIFEST_TEXT = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PACKAGE_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(ROOT, "package.json"), "utf8")
).version;

/** An xml2js node: attributes under $, children by tag name as arrays, text under _. */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [tag: string]: unknown;
}

function children(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value)
    ? (value as XmlNode[]).map((v) => (typeof v === "string" ? { _: v } : v))
    : [];
}

function child(node: XmlNode, ...tags: string[]): XmlNode {
  let current = node;
  for (const tag of tags) {
    const found = children(current, tag);
    if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
    current = found[0];
  }
  return current;
}

/** Every node of the tree with the given tag, and every attribute value named `attr`. */
function walk(node: XmlNode, visit: (tag: string, n: XmlNode) => void, tag = "OfficeApp"): void {
  visit(tag, node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const item of value) if (typeof item === "object") walk(item as XmlNode, visit, key);
  }
}

let app: XmlNode;
let overrides: XmlNode;
let host: XmlNode;
let resources: XmlNode;
/** Resource id → { kind, DefaultValue, overrides }. */
const defined = new Map<
  string,
  { kind: string; value: string; overrides: Record<string, string> }
>();

beforeAll(async () => {
  const doc = await parseStringPromise(MANIFEST_TEXT);
  app = doc.OfficeApp;
  overrides = child(app, "VersionOverrides");
  host = child(overrides, "Hosts", "Host");
  resources = child(overrides, "Resources");
  for (const [group, tag, kind] of [
    ["bt:Images", "bt:Image", "image"],
    ["bt:Urls", "bt:Url", "url"],
    ["bt:ShortStrings", "bt:String", "short"],
    ["bt:LongStrings", "bt:String", "long"],
  ] as const) {
    for (const item of children(child(resources, group), tag)) {
      const id = item.$!.id;
      if (defined.has(id)) throw new Error(`resource id ${id} is defined twice`);
      const locales = Object.fromEntries(
        children(item, "bt:Override").map((o) => [o.$!.Locale, o.$!.Value])
      );
      defined.set(id, { kind, value: item.$!.DefaultValue, overrides: locales });
    }
  }
});

describe("manifest.xml: identity and requirements", () => {
  it("is a TaskPaneApp for Excel (Workbook) with a GUID id", () => {
    expect(app.$!["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id")._).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(children(child(app, "Hosts"), "Host").map((h) => h.$!.Name)).toEqual(["Workbook"]);
    expect(host.$!["xsi:type"]).toBe("Workbook");
    expect(overrides.$!["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("keeps the schema's element order, which Office enforces", async () => {
    const ordered = await parseStringPromise(MANIFEST_TEXT, {
      explicitChildren: true,
      preserveChildrenOrder: true,
    });
    const tags = (node: { $$?: { "#name": string }[] }) => (node.$$ ?? []).map((c) => c["#name"]);
    const root = ordered.OfficeApp;
    expect(tags(root)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    const versionOverrides = root.$$.find(
      (c: { "#name": string }) => c["#name"] === "VersionOverrides"
    );
    expect(tags(versionOverrides)).toEqual(["Hosts", "Resources"]);
    const hostNode = versionOverrides.$$[0].$$[0];
    expect(tags(hostNode)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(tags(hostNode.$$[1].$$[0])).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(tags(hostNode.$$[2])).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(tags(versionOverrides.$$[1])).toEqual([
      "bt:Images",
      "bt:Urls",
      "bt:ShortStrings",
      "bt:LongStrings",
    ]);
  });

  it("has a four-part version that follows package.json", () => {
    const version = child(app, "Version")._!;
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    expect(version).toBe(`${PACKAGE_VERSION}.0`);
  });

  it("requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and the ExcelApi version the host uses", () => {
    const sets = Object.fromEntries(
      children(child(app, "Requirements", "Sets"), "Set").map((s) => [s.$!.Name, s.$!.MinVersion])
    );
    expect(sets.SharedRuntime).toBe("1.1");
    expect(Number(sets.CustomFunctionsRuntime)).toBeGreaterThanOrEqual(1.1);
    // ErrorCode with messages (our #VALUE!/#N/A help) is CustomFunctionsRuntime 1.3.
    expect(sets.CustomFunctionsRuntime).toBe("1.3");
    // Range.getMergedAreasOrNullObject (src/hosts/excel/read.ts) is ExcelApi 1.13.
    expect(sets.ExcelApi).toBe("1.13");
  });
});

describe("manifest.xml: the shared runtime and the custom functions", () => {
  it("declares one long-lived runtime on the task-pane page", () => {
    const runtimes = children(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].$).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
  });

  it("runs the functions, the function file and both buttons in that same runtime", () => {
    const functions = children(child(host, "AllFormFactors"), "ExtensionPoint").find(
      (e) => e.$!["xsi:type"] === "CustomFunctions"
    )!;
    expect(child(functions, "Page", "SourceLocation").$!.resid).toBe("Taskpane.Url");
    expect(child(child(host, "DesktopFormFactor"), "FunctionFile").$!.resid).toBe("Taskpane.Url");
    const actions: XmlNode[] = [];
    walk(host, (tag, n) => {
      if (tag === "Action") actions.push(n);
    });
    expect(actions.map((a) => a.$!["xsi:type"])).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    for (const action of actions.filter((a) => a.$!["xsi:type"] === "ShowTaskpane")) {
      expect(child(action, "SourceLocation").$!.resid).toBe("Taskpane.Url");
    }
  });

  it("names in ExecuteFunction only actions the code associates with Office.actions.associate", () => {
    const names: string[] = [];
    walk(host, (tag, n) => {
      if (tag === "Action" && n.$!["xsi:type"] === "ExecuteFunction")
        names.push(child(n, "FunctionName")._!.trim());
    });
    const associated: string[] = [];
    registerCommands(
      { run: async () => null },
      { showPane: async () => undefined, associate: (id) => associated.push(id) }
    );
    expect(names).toEqual([RUN_AUDIT_ACTION]);
    expect(associated).toEqual(names);
  });

  it("points the custom functions at functions.js, functions.json (zh-CN: functions.zh-cn.json) and namespace JH", () => {
    const functions = children(child(host, "AllFormFactors"), "ExtensionPoint").find(
      (e) => e.$!["xsi:type"] === "CustomFunctions"
    )!;
    const url = (resid: string) => defined.get(resid)!;
    expect(url(child(functions, "Script", "SourceLocation").$!.resid).value).toBe(
      DEV_BASE_URL + OUTPUT_FILES.functionsScript
    );
    const metadata = url(child(functions, "Metadata", "SourceLocation").$!.resid);
    expect(metadata.value).toBe(DEV_BASE_URL + OUTPUT_FILES.metadata);
    expect(metadata.overrides).toEqual({ "zh-CN": DEV_BASE_URL + OUTPUT_FILES.metadataZhCn });
    expect(defined.get(child(functions, "Namespace").$!.resid)!.value).toBe("JH");
    expect(defined.get("Taskpane.Url")!.value).toBe(DEV_BASE_URL + OUTPUT_FILES.page);
  });

  it("has the 「均衡督导」 group with 「打开面板」 and 「一键审计」, Chinese with English defaults", () => {
    const group = child(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab", "Group");
    expect(defined.get(child(group, "Label").$!.resid)!.overrides["zh-CN"]).toBe("均衡督导");
    const controls = children(group, "Control").map((control) => {
      const label = defined.get(child(control, "Label").$!.resid)!;
      const tip = defined.get(child(control, "Supertip", "Description").$!.resid)!;
      return {
        id: control.$!.id,
        type: control.$!["xsi:type"],
        zh: label.overrides["zh-CN"],
        en: label.value,
        tipZh: tip.overrides["zh-CN"] !== undefined,
      };
    });
    expect(controls).toEqual([
      { id: "Junheng.ShowTaskpane", type: "Button", zh: "打开面板", en: "Open Pane", tipZh: true },
      { id: "Junheng.RunAudit", type: "Button", zh: "一键审计", en: "Run Audit", tipZh: true },
    ]);
  });

  it("gives every control its own id and 16/32/80 icons", () => {
    const ids: string[] = [];
    walk(host, (tag, n) => {
      if (n.$?.id) ids.push(n.$.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
    const group = child(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab", "Group");
    for (const control of children(group, "Control")) {
      expect(children(child(control, "Icon"), "bt:Image").map((i) => i.$!.size)).toEqual([
        "16",
        "32",
        "80",
      ]);
    }
  });
});

describe("manifest.xml: resources and URLs", () => {
  it("defines every resid it uses, of the right kind, and uses every resource it defines", () => {
    const used = new Map<string, string>();
    walk(overrides, (tag, n) => {
      if (n.$?.resid) used.set(n.$.resid, tag);
    });
    const kindFor: Record<string, string> = {
      "bt:Image": "image",
      SourceLocation: "url",
      Runtime: "url",
      FunctionFile: "url",
      LearnMoreUrl: "url",
      Namespace: "short",
      Label: "short",
      Title: "short",
      Description: "long",
    };
    for (const [resid, tag] of used) {
      expect([resid, defined.get(resid)?.kind]).toEqual([resid, kindFor[tag]]);
    }
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps labels and ids within Office's length limits", () => {
    for (const [id, { kind, value, overrides: locales }] of defined) {
      const limit = kind === "short" ? 125 : kind === "long" ? 250 : 2048;
      for (const text of [value, ...Object.values(locales)])
        expect([id, text.length <= limit]).toEqual([id, true]);
    }
    walk(host, (_tag, n) => {
      if (n.$?.id) expect(n.$.id.length).toBeLessThanOrEqual(125);
    });
  });

  it("has every URL on the one base URL and naming a file the build emits", () => {
    const emitted = new Set([
      OUTPUT_FILES.page,
      OUTPUT_FILES.functionsScript,
      OUTPUT_FILES.metadata,
      OUTPUT_FILES.metadataZhCn,
      ...OUTPUT_FILES.icons,
    ]);
    const urls = [...MANIFEST_TEXT.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map(
      (m) => m[1]
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(DEV_BASE_URL)).toBe(true);
      expect([url, emitted.has(url.slice(DEV_BASE_URL.length))]).toEqual([url, true]);
    }
    for (const icon of OUTPUT_FILES.icons) expect(fs.existsSync(path.join(ROOT, icon))).toBe(true);
  });

  it("gives icons of the declared sizes", () => {
    for (const [id, size] of [
      ["Icon.16x16", 16],
      ["Icon.32x32", 32],
      ["Icon.80x80", 80],
      ["AuditIcon.16x16", 16],
      ["AuditIcon.32x32", 32],
      ["AuditIcon.80x80", 80],
    ] as const) {
      const file = defined.get(id)!.value.slice(DEV_BASE_URL.length);
      const png = fs.readFileSync(path.join(ROOT, file));
      expect([id, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([id, size, size]);
    }
  });
});

describe("webpack's output agrees with the manifest", () => {
  const config = webpackConfig({ outDir: "/tmp/never-built" });
  const plugins = config.plugins ?? [];

  it("emits the page, the function metadata in both languages and the functions bundle under the manifest's names", () => {
    const page = plugins.find((p): p is HtmlWebpackPlugin => p instanceof HtmlWebpackPlugin)!;
    expect(page.userOptions.filename).toBe(OUTPUT_FILES.page);
    expect(page.userOptions.chunks).toEqual(["functions", "taskpane"]);
    const metadata = plugins.find((p) => p instanceof CustomFunctionsMetadataPlugin) as unknown as {
      options: { output: string };
    };
    expect(metadata.options.output).toBe(OUTPUT_FILES.metadata);
    const zh = plugins.find((p) => p instanceof LocalizedMetadataPlugin) as unknown as {
      options: { source: string; output: string };
    };
    expect(zh.options).toMatchObject({
      source: OUTPUT_FILES.metadata,
      output: OUTPUT_FILES.metadataZhCn,
    });
    expect(Object.keys(config.entry as object)).toEqual(["functions", "taskpane"]);
    expect((config.output as { filename: string }).filename.replace("[name]", "functions")).toBe(
      OUTPUT_FILES.functionsScript
    );
  });
});

describe("the base URL: one setting, ADDIN_BASE_URL", () => {
  it("defaults to the dev server", () => {
    expect(addinBaseUrl({})).toBe("https://localhost:3000/");
  });

  it("takes ADDIN_BASE_URL, adding the trailing slash", () => {
    expect(addinBaseUrl({ ADDIN_BASE_URL: "https://edu.example.gov.cn/junheng" })).toBe(
      "https://edu.example.gov.cn/junheng/"
    );
  });

  it("refuses plain http off localhost, relative URLs and queries", () => {
    expect(() => addinBaseUrl({ ADDIN_BASE_URL: "http://edu.example.gov.cn/" })).toThrow(/https/);
    expect(() => addinBaseUrl({ ADDIN_BASE_URL: "junheng/" })).toThrow(/absolute/);
    expect(() => addinBaseUrl({ ADDIN_BASE_URL: "https://a.example/?v=1" })).toThrow(/query/);
  });

  it("moves every URL of the manifest and nothing else", () => {
    const base = "https://edu.example.gov.cn/junheng/";
    const rewritten = rewriteManifest(MANIFEST_TEXT, base);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten.split(base).length).toBe(MANIFEST_TEXT.split(DEV_BASE_URL).length);
    expect(rewritten.replace(/https:\/\/edu\.example\.gov\.cn\/junheng\//g, "")).toBe(
      MANIFEST_TEXT.split(DEV_BASE_URL).join("")
    );
  });
});
