import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

/** A fresh temporary folder per test file; remove it in afterAll with removeTempDir. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `jh-${prefix}-`));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
