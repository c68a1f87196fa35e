// Production build of the shared runtime into dist/ (or env.outDir):
//   taskpane.html      the shared runtime page: office.js from OFFICE_JS_URL (default the worldwide
//                      CDN), then functions.js and taskpane.js
//   functions.js       the JH custom functions; custom-functions-metadata-plugin appends their
//                      CustomFunctions.associate calls
//   functions.json     metadata generated from the JSDoc in src/functions/functions.ts
//   functions.zh-cn.json  the same with Chinese names and help (scripts/localize-metadata.js)
//   manifest.xml       manifest.xml with every https://localhost:3000/ URL moved to ADDIN_BASE_URL
//   assets/icon-*.png  the icons
// The file names here are the ones manifest.xml points at: test/manifest checks both agree.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localize-metadata");
const { addinBaseUrl, rewriteManifest } = require("./scripts/addin-url");
const { officeJsUrl } = require("./scripts/office-js-url");
const { typescriptRule, resolve } = require("./scripts/webpack-typescript");

const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

/**
 * `npm start` serves the build over https on localhost:3000, as the manifest expects, with the
 * certificates `office-addin-dev-certs install` puts in ~/.office-addin-dev-certs.
 */
function devServer() {
  const certs = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(certs, name);
  const https = fs.existsSync(file("localhost.crt"))
    ? {
        type: "https",
        options: { key: file("localhost.key"), cert: file("localhost.crt"), ca: file("ca.crt") },
      }
    : "https"; // no dev certificates yet: a self-signed one (Excel will refuse it; see README)
  return {
    port: 3000,
    server: https,
    headers: { "Access-Control-Allow-Origin": "*" },
    hot: false,
    liveReload: true,
  };
}

/** Output file names, shared with the tests. */
const OUTPUT_FILES = {
  page: "taskpane.html",
  functionsScript: "functions.js",
  metadata: "functions.json",
  metadataZhCn: "functions.zh-cn.json",
  manifest: "manifest.xml",
  icons: [
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "assets/icon-audit-16.png",
    "assets/icon-audit-32.png",
    "assets/icon-audit-80.png",
  ],
};

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const baseUrl = addinBaseUrl();
  // Every emitted page that loads office.js takes it from here (the template's <%= officeJsUrl %>).
  const pageParameters = { officeJsUrl: officeJsUrl() };
  return {
    mode,
    context: __dirname,
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule] },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: OUTPUT_FILES.metadata, input: FUNCTIONS_SOURCE }),
      new LocalizedMetadataPlugin({
        source: OUTPUT_FILES.metadata,
        output: OUTPUT_FILES.metadataZhCn,
      }),
      new HtmlWebpackPlugin({
        filename: OUTPUT_FILES.page,
        template: "./src/taskpane/taskpane.html",
        templateParameters: pageParameters,
        // functions first: the associations are made while the page loads.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: OUTPUT_FILES.manifest,
            transform: (content) => rewriteManifest(content.toString("utf8"), baseUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    ...(env.WEBPACK_SERVE ? { devServer: devServer() } : {}),
  };
};

module.exports.OUTPUT_FILES = OUTPUT_FILES;
