/**
 * The headless command as one Node bundle, build/cli/main.js, built with esbuild (under a second)
 * from src/cli/main.ts. Running the bundle skips tsx's start-up and transpiling (about 0.8 s and
 * 40 MB per run). webpack stays for the add-in; this is only the Node command.
 *
 * ExcelJS, JSZip and SheetJS stay outside the bundle (required from node_modules): they are
 * loaded only for the formats and commands that need them, so start-up never parses them.
 *
 * Plain CommonJS so the launcher (scripts/audit.js) needs no TypeScript; types in cli-bundle.d.ts.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");
/** Two folders below the root, as src/cli/main.ts is: its paths to assets/ hold in both. */
const CLI_BUNDLE = path.join(ROOT, "build", "cli", "main.js");
/**
 * The sheet thread's entry (src/hosts/file/package/sheet-thread.ts starts it from beside the
 * command's bundle): a bundle of its own, a small part of the command's, so the thread loads
 * in tens of milliseconds.
 */
const WORKER_ENTRY = path.join(ROOT, "src", "hosts", "file", "package", "sheet-worker.ts");
const WORKER_NAME = "sheet-worker";
/** Loaded lazily by the code, and large: left for Node to require when (if) they are needed. */
const LAZY_PACKAGES = ["exceljs", "jszip", "@e965/xlsx"];
/** What the bundle is made from: any of these newer than the bundle makes it stale. */
const INPUTS = [
  path.join(ROOT, "src"),
  path.join(ROOT, "package-lock.json"),
  path.join(ROOT, "tsconfig.json"),
  __filename,
];

/** The newest modification time under a file or folder (folders count: a deleted file changes its folder). */
function newestChange(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) {
      newest = Math.max(newest, newestChange(path.join(target, entry)));
    }
  }
  return newest;
}

/** True when the bundle is missing or older than anything it is built from. */
function cliBundleIsStale(bundle = CLI_BUNDLE) {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
    fs.statSync(path.join(path.dirname(bundle), `${WORKER_NAME}.js`)); // built with it
  } catch {
    return true;
  }
  return INPUTS.some((input) => newestChange(input) > built);
}

/**
 * Builds the bundle (and its source map); written to a temporary name and renamed, so a run
 * starting meanwhile never loads half a file. Returns the bundle's path.
 */
function buildCliBundle(bundle = CLI_BUNDLE) {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: ENTRY, out: path.basename(bundle, ".js") },
      { in: WORKER_ENTRY, out: WORKER_NAME },
    ],
    outdir: path.dirname(bundle),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // tsx: named only where the sheet thread is started from the sources, never by the bundle.
    external: [...LAZY_PACKAGES, "tsx"],
    sourcemap: "linked",
    sourcesContent: false,
    write: false,
    logLevel: "warning",
  });
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // The maps and the thread's bundle first, so the command's bundle's mtime (what staleness
  // compares) is the last write.
  const last = (file) => (file.path === bundle ? 2 : file.path.endsWith(".map") ? 0 : 1);
  const files = [...result.outputFiles].sort((a, b) => last(a) - last(b));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return bundle;
}

/** The bundle's path, built first when it is missing or stale. */
function ensureCliBundle(bundle = CLI_BUNDLE) {
  return cliBundleIsStale(bundle) ? buildCliBundle(bundle) : bundle;
}

module.exports = { CLI_BUNDLE, LAZY_PACKAGES, buildCliBundle, cliBundleIsStale, ensureCliBundle };

// `node scripts/cli-bundle.js`: build now (npm run build:cli).
if (require.main === module) {
  const started = performance.now();
  buildCliBundle();
  console.log(`${path.relative(ROOT, CLI_BUNDLE)} (${Math.round(performance.now() - started)} ms)`);
}
