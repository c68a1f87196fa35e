/**
 * A city's biggest audit sheets are written and deflated on a second thread (sheet-thread.ts,
 * sheet-worker.ts) while the main thread writes the others: the thread's XML is byte for byte the
 * main thread's, the package is the same part by part, the sheet's rows come back to it, and a
 * failure inside the thread is the usual Chinese write-failed message with nothing left behind.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { crc32, inflateRawSync } from "zlib";
import { appendAuditToPackage, MINIMAL_STYLES } from "../../../src/hosts/file/package/append";
import { sheetJobXml } from "../../../src/hosts/file/package/sheet-job";
import {
  SheetThread,
  sheetBytes,
  sheetJob,
  threadLikely,
  threadShare,
  threadUseFromEnv,
} from "../../../src/hosts/file/package/sheet-thread";
import { sheetXmlChunks, usedStyles } from "../../../src/hosts/file/package/sheet-xml";
import { appendAuditStyles } from "../../../src/hosts/file/package/styles-xml";
import { readStoredEntries, entryText } from "../../../src/hosts/file/package/zip-read";
import { packedRowsData } from "../../../src/report/packedRows";
import type { WorkbookPlan } from "../../../src/report/plan";
import { writeBigWorkbook } from "../../../bench/big-sheetjs";
import { planOfFile } from "../../support/filePlan";
import { makeTempDir, removeTempDir } from "../../support/tmp";

const AUDITED_AT = new Date("2026-11-29T07:32:00Z");
/** Enough schools that 学校达标's packed rows fill several slabs. */
const SCHOOLS = 400;
/** Slab bytes kept as they are before the rest is deflated: both kinds of slab then go to the thread. */
const STORED_BYTES = 64 << 10;

let dir: string;
let input: string;

beforeAll(() => {
  dir = makeTempDir("sheet-thread");
  input = path.join(dir, "市.xlsx");
  writeBigWorkbook(input, SCHOOLS);
});
afterAll(() => removeTempDir(dir));

const bytesOf = (chunks: Iterable<string | Uint8Array>) =>
  Buffer.concat([...chunks].map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c)));

async function partsOf(file: string): Promise<[string, Buffer][]> {
  return (await readStoredEntries(readFileSync(file))).map((e) => [
    e.name,
    Buffer.from(entryText(e), "utf8"),
  ]);
}

describe("audit sheets written on the sheet thread", () => {
  it("are the XML the main thread writes, byte for byte, and the sheet gets its rows back", async () => {
    const plan = await planOfFile(input, STORED_BYTES, () => AUDITED_AT);
    const styles = appendAuditStyles(
      MINIMAL_STYLES,
      plan.sheets.flatMap((s) => usedStyles(s))
    );
    const schools = plan.sheets.find((s) => s.kind === "schools")!;
    const slabs = packedRowsData(schools)!.data.slabs;
    // Both kinds of slab are in play: kept as they are, and deflated.
    expect(slabs.some((s) => s.coded && s.bytes.length === s.size)).toBe(true);
    expect(slabs.some((s) => s.coded && s.bytes.length < s.size!)).toBe(true);
    // What the choice of sheets reads: the same bytes, without the rows' index.
    expect(sheetBytes(schools)).toBe(slabs.reduce((sum, s) => sum + (s.size ?? s.bytes.length), 0));
    expect(sheetBytes(schools, new Map([["学校达标", "学校达标(2)"]]))).toBeUndefined();

    const thread = SheetThread.start();
    try {
      for (const sheet of plan.sheets) {
        const expected = bytesOf(sheetXmlChunks(sheet, styles));
        const job = sheetJob(sheet, styles)!;
        expect(job).toBeDefined();
        // The thread's code run here, then on the thread.
        expect(bytesOf(sheetJobXml(job)).equals(expected)).toBe(true);
        const part = thread.write(sheet, job);
        const deflated: Uint8Array[] = [];
        for await (const bytes of part.chunks()) deflated.push(bytes);
        expect(inflateRawSync(Buffer.concat(deflated)).equals(expected)).toBe(true);
        expect(await part.sums).toEqual({ size: expected.length, crc32: crc32(expected) });
        // The slabs moved to the thread came back: the sheet writes the same again.
        expect(bytesOf(sheetXmlChunks(sheet, styles)).equals(expected)).toBe(true);
      }
    } finally {
      await thread.close();
    }
  });

  it("make the same package, part by part and in the same order, as the main thread", async () => {
    let plan: WorkbookPlan | undefined;
    plan = await planOfFile(input, STORED_BYTES, () => AUDITED_AT);
    const onThread = path.join(dir, "线程.xlsx");
    const onMain = path.join(dir, "主线程.xlsx");
    await appendAuditToPackage(input, plan, onThread, undefined, { thread: "thread" });
    // The same plan again: its sheets got their rows back from the thread.
    await appendAuditToPackage(input, plan, onMain, undefined, { thread: "main" });
    plan = undefined;
    const threadParts = await partsOf(onThread);
    const mainParts = await partsOf(onMain);
    expect(threadParts.map(([name]) => name)).toEqual(mainParts.map(([name]) => name));
    threadParts.forEach(([name, bytes], i) => {
      if (!bytes.equals(mainParts[i][1])) throw new Error(`part ${name} differs`);
    });
  });

  it("fail with the Chinese write-failed message and leave nothing behind when the thread fails", async () => {
    const plan = await planOfFile(input, STORED_BYTES, () => AUDITED_AT);
    // A deflated slab of 学校达标 damaged: only the thread reads it (inflating it fails there).
    const schools = plan.sheets.find((s) => s.kind === "schools")!;
    const damaged = packedRowsData(schools)!.data.slabs.find(
      (s) => s.coded && s.bytes.length < s.size!
    )!;
    damaged.bytes.fill(0xff);
    const outDir = makeTempDir("sheet-thread-fail");
    try {
      const out = path.join(outDir, "审计.xlsx");
      await expect(
        appendAuditToPackage(input, plan, out, undefined, { thread: "thread" })
      ).rejects.toMatchObject({
        code: "write-failed",
        message: expect.stringMatching(/^无法保存文件「.*审计\.xlsx」（.+）/),
      });
      expect(readdirSync(outDir)).toEqual([]);
    } finally {
      removeTempDir(outDir);
    }
  });

  it("start early only when the plan will likely use the thread", async () => {
    const plan = await planOfFile(input, STORED_BYTES, () => AUDITED_AT);
    // 400 schools: no sheet has a megabyte of packed rows.
    expect(threadLikely(plan.sheets, "auto")).toBe(false);
    expect(threadLikely(plan.sheets, "thread")).toBe(true);
    expect(threadLikely(plan.sheets, "main")).toBe(false);
  });

  it("refuse a job once the thread is closed", async () => {
    const plan = await planOfFile(input, STORED_BYTES, () => AUDITED_AT);
    const styles = appendAuditStyles(
      MINIMAL_STYLES,
      plan.sheets.flatMap((s) => usedStyles(s))
    );
    const thread = SheetThread.start();
    await thread.close();
    const part = thread.write(plan.sheets[0], sheetJob(plan.sheets[0], styles)!);
    await expect(part.chunks().next()).rejects.toThrow("写入线程已关闭");
    expect(await part.sums).toBeUndefined();
  });
});

describe("threadUseFromEnv", () => {
  it("is JH_SHEET_THREAD when it names a use, whatever the cores", () => {
    expect(threadUseFromEnv({ JH_SHEET_THREAD: "main" }, 8)).toBe("main");
    expect(threadUseFromEnv({ JH_SHEET_THREAD: "thread" }, 2)).toBe("thread");
    expect(threadUseFromEnv({ JH_SHEET_THREAD: "auto" }, 1)).toBe("auto");
  });

  it("else auto on more than two cores and main on two or fewer", () => {
    expect(threadUseFromEnv({}, 3)).toBe("auto");
    expect(threadUseFromEnv({ JH_SHEET_THREAD: "off" }, 16)).toBe("auto");
    expect(threadUseFromEnv({}, 2)).toBe("main");
    expect(threadUseFromEnv({ JH_SHEET_THREAD: "off" }, 1)).toBe("main");
  });
});

describe("threadShare: which sheets go to the thread", () => {
  /** Packed bytes of sheets given in MiB (undefined: a sheet that cannot go). */
  const mib = (...sizes: (number | undefined)[]) =>
    sizes.map((size) => (size === undefined ? undefined : size * 2 ** 20));

  it("none for a county's sheets (each under a megabyte), whatever their number", () => {
    expect(threadShare(mib(...Array<number>(200).fill(0.5)), "auto")).toEqual([]);
  });

  it("the big sheets, from the biggest down, while the thread has the smaller share", () => {
    // A city of 20,000 schools: 审计总览, 学校达标, 差异系数, 问题清单, 201 county tables (small
    // ones count double: deflated on the main thread), 数据诊断.
    const city = mib(0.4, 21.8, 0.5, 6.1, ...Array<number>(201).fill(0.05), 7.5);
    // 学校达标 to the thread, 数据诊断 to the main thread (which has the tables), then 问题清单.
    expect(threadShare(city, "auto")).toEqual([1, 3]);
    // Two equal big sheets: one each.
    expect(threadShare(mib(8, 8), "auto")).toHaveLength(1);
  });

  it("never a sheet that cannot go (row objects, renamed references)", () => {
    expect(threadShare(mib(undefined, 30), "thread")).toEqual([1]);
    // The biggest to the main thread (the thread starts later), the next to the thread.
    expect(threadShare(mib(30, undefined, 5), "auto")).toEqual([2]);
  });

  it("none past a city's size, where memory matters more than the seconds saved", () => {
    // 100,000 schools: 学校达标 117 MiB, 问题清单 33 MiB.
    expect(threadShare(mib(2, 117, 3, 33), "auto")).toEqual([]);
    // A city: the same sheets a fifth the size go to the two threads.
    expect(threadShare(mib(2, 23, 3, 6), "auto")).toEqual([3, 2, 0]);
  });

  it("none for one big sheet alone: the main thread would have nothing to write meanwhile", () => {
    expect(threadShare(mib(30, 0.2), "auto")).toEqual([]);
  });

  it("none under 'main', every one that can go under 'thread'", () => {
    const sizes = mib(30, 0.01, undefined);
    expect(threadShare(sizes, "main")).toEqual([]);
    expect(threadShare(sizes, "thread")).toEqual([0, 1]);
  });
});
