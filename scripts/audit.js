/**
 * `npm run audit -- …`: the headless command, run from its bundle (build/cli/main.js). The bundle
 * is built first when it is missing or older than anything under src/ (a fresh clone, a pull, an
 * edit), so there is no build step to remember; a current bundle costs a few milliseconds of stat
 * calls to confirm. Everything else is src/cli/main.ts.
 */
const v8 = require("node:v8");
const { ensureCliBundle } = require("./cli-bundle");

// V8 moves an allocation site's objects straight into the old generation once enough of them
// survive a young collection. Laying out a city's audit sheets makes millions of short-lived cells
// and formula strings at the same few sites, so V8 would tenure them all and let the old space
// grow to gigabytes of garbage between full collections. Peak RSS (bench/RESULTS.md): 100,000
// schools 985–1006 → 796–841 MB, 300,000 schools 2003–2267 → 1760–2183 MB, no slower.
// Set before the command allocates anything.
v8.setFlagsFromString("--no-allocation-site-pretenuring");

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
