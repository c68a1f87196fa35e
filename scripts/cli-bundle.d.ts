/** Types for scripts/cli-bundle.js (plain CommonJS so the launcher scripts/audit.js needs no TypeScript). */
/** build/cli/main.js, the headless command's bundle. */
export const CLI_BUNDLE: string;
/** Packages left outside the bundle, required from node_modules only when the code loads them. */
export const LAZY_PACKAGES: readonly string[];
/** Builds the bundle now; returns its path. */
export function buildCliBundle(bundle?: string): string;
/** True when the bundle is missing or older than src/, package-lock.json, tsconfig.json or the build script. */
export function cliBundleIsStale(bundle?: string): boolean;
/** The bundle's path, built first when it is missing or stale. */
export function ensureCliBundle(bundle?: string): string;
