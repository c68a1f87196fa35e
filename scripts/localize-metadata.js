// Builds the zh-CN custom-function metadata (functions.zh-cn.json) from the generated
// functions.json and ONE translation table (src/functions/zh-cn.json). Ids, types and options stay
// as generated; names and descriptions of functions and parameters come from the table. Any
// function or parameter the table misses (or names that no longer exist) is an error, so a new
// function cannot ship without its Chinese name and help.
"use strict";

const fs = require("fs");
const path = require("path");
const { metadataNameProblems } = require("./function-names");

const TABLE_PATH = path.join(__dirname, "..", "src", "functions", "zh-cn.json");

/** The translation table as committed. */
function readTable(file = TABLE_PATH) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * The localized metadata object, or an Error listing every gap between metadata and table.
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} metadata
 * @param {Record<string, { name: string, description: string, parameters: Record<string, { name: string, description: string }> }>} table
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id))
      problems.push(`the table translates ${id}, which functions.json does not have`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`${fn.id}: no entry in the translation table`);
      return fn;
    }
    for (const key of ["name", "description"]) {
      if (typeof entry[key] !== "string" || entry[key].trim() === "")
        problems.push(`${fn.id}: no Chinese ${key}`);
    }
    const params = fn.parameters ?? [];
    const tableParams = entry.parameters ?? {};
    const generatedNames = params.map((p) => p.name);
    const tableNames = Object.keys(tableParams);
    if (generatedNames.join(",") !== tableNames.join(",")) {
      problems.push(
        `${fn.id}: parameters are [${generatedNames.join(", ")}] but the table has [${tableNames.join(", ")}]`
      );
    }
    return {
      ...fn,
      name: entry.name,
      description: entry.description,
      parameters: params.map((p) => {
        const t = tableParams[p.name];
        if (!t || !t.name || !t.description) {
          problems.push(`${fn.id}.${p.name}: no Chinese name or description`);
          return p;
        }
        return { ...p, name: t.name, description: t.description };
      }),
    };
  });
  const names = functions.map((f) => f.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) problems.push(`two functions are both named ${duplicate}`);
  if (problems.length > 0) throw new Error(`zh-CN metadata: ${problems.join("; ")}`);
  return { ...metadata, functions };
}

/** The localized metadata file's text (same layout as the generator's: 4-space JSON). */
function localizeMetadataJson(metadataJson, table = readTable()) {
  return JSON.stringify(localizeMetadata(JSON.parse(metadataJson), table), null, 4);
}

/**
 * Webpack step: after custom-functions-metadata-plugin emitted `source`, emit `output` beside it.
 */
class LocalizedMetadataPlugin {
  constructor({
    source = "functions.json",
    output = "functions.zh-cn.json",
    table = TABLE_PATH,
  } = {}) {
    this.options = { source, output, table };
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(this.options.table);
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(`LocalizedMetadataPlugin: ${this.options.source} was not generated`)
            );
            return;
          }
          try {
            const source = asset.source.source().toString();
            const text = localizeMetadataJson(source, readTable(this.options.table));
            // Office refuses (or misreads) ids and names that break its naming rules: fail the build.
            const problems = [
              ...metadataNameProblems(JSON.parse(source)),
              ...metadataNameProblems(JSON.parse(text)),
            ];
            if (problems.length > 0)
              throw new Error(`custom-function names break Office's rules: ${problems.join("; ")}`);
            compilation.emitAsset(this.options.output, new sources.RawSource(text));
          } catch (error) {
            compilation.errors.push(new WebpackError(`LocalizedMetadataPlugin: ${error.message}`));
          }
        }
      );
    });
  }
}

module.exports = {
  TABLE_PATH,
  readTable,
  localizeMetadata,
  localizeMetadataJson,
  LocalizedMetadataPlugin,
};
