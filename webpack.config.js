// Production build of the shared runtime into dist/ (or env.outDir):
//   taskpane.html      the shared runtime page: office.js from the CDN, then functions.js and taskpane.js
//   functions.js       the JH custom functions; custom-functions-metadata-plugin appends their
//                      CustomFunctions.associate calls
//   functions.json     metadata generated from the JSDoc in src/functions/functions.ts
//   functions.zh-cn.json  the same with Chinese names and help (scripts/localize-metadata.js)
//   manifest.xml       manifest.xml with every https://localhost:3000/ URL moved to ADDIN_BASE_URL
//   assets/icon-*.png  the icons
// The file names here are the ones manifest.xml points at: test/manifest checks both agree.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localize-metadata");
const { addinBaseUrl, rewriteManifest } = require("./scripts/addin-url");

const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

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
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // The root tsconfig targets node (commonjs) for jest and tsx; the browser bundle wants
            // ES modules (tree shaking) and a target every WebView2/Safari in Office runs.
            // Type checking is `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2017", sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: OUTPUT_FILES.metadata, input: FUNCTIONS_SOURCE }),
      new LocalizedMetadataPlugin({ source: OUTPUT_FILES.metadata, output: OUTPUT_FILES.metadataZhCn }),
      new HtmlWebpackPlugin({
        filename: OUTPUT_FILES.page,
        template: "./src/taskpane/taskpane.html",
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
  };
};

module.exports.OUTPUT_FILES = OUTPUT_FILES;
