import { existsSync, promises as fs, realpathSync, statSync } from "fs";
import * as nodePath from "path";

/**
 * Output paths that can never destroy the input: an output naming the input (same path, a hard
 * link or a symlink to it) or naming the other output is refused before anything is read or
 * written, and every output is written to a temporary file beside it and then renamed, so a crash
 * never leaves half a file under the user's name.
 */

/**
 * True when both paths name the same file: the same path, a symlink to it, or a hard link.
 *
 * @example
 * sameFile("县.xlsx", "./县.xlsx"); // true
 */
export function sameFile(a: string, b: string): boolean {
  if (nodePath.resolve(a) === nodePath.resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/** The command's files: what is read and what is written. */
export interface CommandPaths {
  input: string;
  out: string;
  json?: string;
}

/**
 * Why these outputs cannot be written (in Chinese), or null when they are safe: neither output
 * names the input, and the two outputs are different files.
 *
 * @example
 * pathConflict({ input: "县.xlsx", out: "县.audit.xlsx", json: "县.xlsx" });
 * // "--json 指定的文件「县.xlsx」就是输入工作簿：输入工作簿不会被覆盖，请另选一个文件名。"
 */
export function pathConflict(paths: CommandPaths): string | null {
  const shown = (p: string) => nodePath.basename(p);
  const outputs: [string, string | undefined][] = [
    ["--out", paths.out],
    ["--json", paths.json],
  ];
  for (const [flag, file] of outputs) {
    if (file !== undefined && sameFile(file, paths.input)) {
      return `${flag} 指定的文件「${shown(file)}」就是输入工作簿（同一路径、硬链接或符号链接）：输入工作簿不会被覆盖，请另选一个文件名。`;
    }
  }
  if (paths.json !== undefined && sameFile(paths.json, paths.out)) {
    return `--out 与 --json 指向同一个文件「${shown(paths.out)}」：审计工作簿和结果 JSON 需要两个不同的文件名。`;
  }
  return null;
}

/** A temporary name in the same folder as `target`, so the final rename never crosses file systems. */
export function temporaryPathFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return nodePath.join(
    nodePath.dirname(target),
    `.${nodePath.basename(target)}.${process.pid}.${random}.tmp`
  );
}

/**
 * Writes a file through a temporary file in the same folder, renamed into place once complete; the
 * temporary file is removed when writing fails. `write` receives the temporary path.
 *
 * @example
 * await writeAtomically("结果.json", (tmp) => fs.writeFile(tmp, text));
 */
export async function writeAtomically(
  target: string,
  write: (temporary: string) => Promise<void>
): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await write(temporary);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
