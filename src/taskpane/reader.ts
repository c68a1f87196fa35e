/**
 * The sheet reader the Excel service uses (src/sheets: readSheets and FIELDS). The reader is
 * not merged yet: until it is, reading says so in words, and no audit runs.
 */
import type { PipelineSteps } from "./pipeline";

export type SheetReader = Pick<PipelineSteps, "readSheets" | "fields">;

export const READER_MISSING =
  "此版本尚未包含识别学校数据表的模块，无法审计。请安装完整版本的加载项，或使用命令行 npm run audit 审计 .xlsx 文件。";

export const sheetReader: SheetReader = {
  readSheets: () => {
    throw new Error(READER_MISSING);
  },
  fields: [],
};
