/**
 * `npm run audit -- …`: the headless command, run from its bundle (build/cli/main.js). The bundle
 * is built first when it is missing or older than anything under src/ (a fresh clone, a pull, an
 * edit), so there is no build step to remember; a current bundle costs a few milliseconds of stat
 * calls to confirm. Everything else is src/cli/main.ts.
 */
const { ensureCliBundle } = require("./cli-bundle");

let bundle;
try {
  bundle = ensureCliBundle();
} catch (error) {
  // esbuild's message names the file and line that did not compile.
  console.error(`错误：无法构建命令行程序（build/cli/main.js）：${error.message}`);
  process.exit(2);
}
require(bundle)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
