/** Types for webpack.config.js, so the tests can build with it and read its output names. */
import type { Configuration } from "webpack";

declare function config(
  env?: { outDir?: string; mode?: string },
  argv?: { mode?: string }
): Configuration;
declare namespace config {
  const OUTPUT_FILES: {
    page: string;
    functionsScript: string;
    metadata: string;
    metadataZhCn: string;
    manifest: string;
    icons: string[];
  };
}
export = config;
