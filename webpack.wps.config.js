// `npm run build:wps`: the WPS 表格 add-in (WPS加载项) in dist-wps/ (or env.outDir), laid out as
// `wpsjs build` lays out an offline add-in:
//   junheng_audit_<version>/    the add-in folder (what a server serves, or what goes into jsaddons)
//     ribbon.xml               the 均衡督导 tab (generated from src/wps/ribbon.json)
//     index.html + main.js     the page WPS loads: every ribbon callback, the JH functions registered
//     taskpane.html + taskpane.js   the task pane (the same React pane over the WPS host)
//     functions.json + manifest.xml the JH functions' metadata for WPS and its namespace
//     assets/icon-*.png
//   publish.xml                offline install: copied into jsaddons beside the folder
//   install.bat / install.sh   copy both into the current user's jsaddons (Windows / Linux)
//   jsplugins.xml              for a bureau's server (WPS_ADDIN_BASE_URL), see README
//   junheng_audit_<version>.zip   all of the above in one file
// The function table is generated from src/functions/functions.ts by the same generator the
// Office build uses (custom-functions-metadata), so renamed or added functions flow through.
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const JSZip = require("jszip");
const { typescriptRule, resolve } = require("./scripts/webpack-typescript");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { readTable } = require("./scripts/localize-metadata");
const wps = require("./scripts/wps-addin");

const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");
const DEFAULT_BASE_URL = "http://jsplugins.example.edu.cn/junheng/";

/** Folder and file names, shared with the tests. */
const identity = wps.addinIdentity();
const WPS_FILES = {
  folder: `${identity.name}_${identity.version}`,
  ribbon: "ribbon.xml",
  page: "index.html",
  main: "main.js",
  pane: "taskpane.html",
  functions: "functions.json",
  manifest: "manifest.xml",
  publish: "publish.xml",
  jsplugins: "jsplugins.xml",
  zip: `${identity.name}_${identity.version}.zip`,
};

/** Emits the generated text files, then zips the whole output once webpack has written it. */
class WpsPackagePlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("WpsPackagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "WpsPackagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, text] of Object.entries(this.files))
            compilation.emitAsset(name, new sources.RawSource(text));
        }
      );
    });
    compiler.hooks.afterEmit.tapPromise("WpsPackagePlugin", async (compilation) => {
      const out = compilation.outputOptions.path;
      const zip = new JSZip();
      const add = (dir, prefix) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          const name = prefix + entry.name;
          if (entry.isDirectory()) add(full, `${name}/`);
          else if (name !== WPS_FILES.zip && !name.endsWith(".map"))
            zip.file(
              name,
              fs.readFileSync(full),
              name.endsWith(".sh") ? { unixPermissions: 0o755 } : {}
            );
        }
      };
      add(out, "");
      const bytes = await zip.generateAsync({
        type: "nodebuffer",
        platform: "UNIX",
        compression: "DEFLATE",
      });
      fs.writeFileSync(path.join(out, WPS_FILES.zip), bytes);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  if (generated.errors.length > 0)
    throw new Error(`custom function metadata: ${generated.errors.join("; ")}`);
  const metadata = JSON.parse(generated.metadataJson);
  const specs = wps.wpsFunctionSpecs(metadata, generated.associate);
  const namespace = wps.functionsNamespace();
  const baseUrl = process.env.WPS_ADDIN_BASE_URL || DEFAULT_BASE_URL;
  const scripts = wps.installScripts(identity);
  const inFolder = (name) => `${WPS_FILES.folder}/${name}`;
  return {
    mode,
    context: __dirname,
    devtool: "source-map",
    entry: { main: "./src/wps/main.ts", taskpane: "./src/wps/taskpane.ts" },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist-wps"),
      filename: `${WPS_FILES.folder}/[name].js`,
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule] },
    plugins: [
      new webpack.DefinePlugin({
        JH_WPS_FUNCTIONS: JSON.stringify(specs),
        JH_WPS_NAMESPACE: JSON.stringify(namespace),
      }),
      new HtmlWebpackPlugin({
        filename: inFolder(WPS_FILES.page),
        template: "./src/wps/index.html",
        // The templates name their script themselves, relative to the folder (main.js is a plain
        // script in <head>: the callbacks must exist before WPS loads the ribbon).
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: inFolder(WPS_FILES.pane),
        template: "./src/wps/taskpane.html",
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/icon-*.png", to: `${WPS_FILES.folder}/assets/[name][ext]` }],
      }),
      new WpsPackagePlugin({
        [inFolder(WPS_FILES.ribbon)]: wps.ribbonXml(),
        [inFolder(WPS_FILES.functions)]: wps.wpsFunctionsJson(metadata, readTable()),
        [inFolder(WPS_FILES.manifest)]: wps.wpsManifestXml(identity, namespace),
        [WPS_FILES.publish]: wps.publishXml(identity),
        [WPS_FILES.jsplugins]: wps.jspluginsXml(identity, baseUrl),
        "install.bat": scripts.bat,
        "install.sh": scripts.sh,
      }),
    ],
    performance: { hints: false },
  };
};

module.exports.WPS_FILES = WPS_FILES;
