// The TypeScript rule both browser builds share (the Office add-in and the WPS add-in).
// The root tsconfig targets node (commonjs) for jest and tsx; the browser bundles want ES modules
// (tree shaking) and a target every WebView2/Safari in Office and WPS's embedded Chromium runs.
// Type checking is `npm run typecheck`; the builds only transpile.

/** webpack's module rule for .ts/.tsx sources. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "es2020", target: "es2017", sourceMap: true },
    },
  },
};

/** The extensions imports resolve to. */
const resolve = { extensions: [".ts", ".tsx", ".js", ".json"] };

module.exports = { typescriptRule, resolve };
