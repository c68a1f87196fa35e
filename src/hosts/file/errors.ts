/**
 * Why a workbook file could not be read or written. The message is Chinese and names the file:
 * the CLI prints it as it is, never a stack trace.
 */
export type WorkbookFileErrorCode =
  | "not-found" // no file at the path
  | "not-a-file" // a directory or something else
  | "unreadable" // permissions or I/O
  | "legacy-or-encrypted" // an .xls (BIFF) file or a password-protected .xlsx (both are OLE containers)
  | "not-xlsx" // some other kind of file
  | "corrupt" // a zip, but the workbook inside cannot be read
  | "limit" // over a read limit (part size, inflate ratio, cells, rows): a zip bomb or a file too large
  | "unsafe-xml" // a part with a DOCTYPE or entity declarations
  | "same-path" // saving would overwrite the input workbook
  | "write-failed"; // the output could not be written

export class WorkbookFileError extends Error {
  readonly code: WorkbookFileErrorCode;
  readonly path: string;

  constructor(code: WorkbookFileErrorCode, path: string, message: string) {
    super(message);
    this.name = "WorkbookFileError";
    this.code = code;
    this.path = path;
  }
}

export function isWorkbookFileError(error: unknown): error is WorkbookFileError {
  return error instanceof WorkbookFileError;
}

/** The underlying error's own message, for the detail in parentheses. */
export function causeText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
