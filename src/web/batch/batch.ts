/**
 * 批量核查: many report files in (chosen, dropped, or a folder), one row per report out, as
 * `ogi-report check --summary` gives them — the same reading and checking (src/file/input.ts) and the same
 * summary workbook (src/file/summary.ts). Files are read one or two at a time, with a pause between them so
 * that the page stays responsive and the progress can be drawn; a file that cannot be read becomes a row with
 * its reason and never stops the others.
 */
import { checkInput, InputError, isReportFile, readInputBytes, type FileResult, type PdfTextReader } from '../../file/input';
import { summaryCsv, summaryXlsx, type UnreadableFile } from '../../file/summary';

/** A file to check: its name (a folder's files: the path inside the chosen folder) and a way to get its bytes. */
export interface BatchFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/** A row of the table of reports: a checked report, or a file that could not be read and why. */
export type BatchRow =
  | { kind: 'report'; file: string; result: FileResult }
  | {
      kind: 'unreadable';
      file: string;
      /** The whole message, naming the file, as the summary workbook writes it. */
      message: string;
      /** The message without the file's name in front, for a row that already shows it. */
      reason: string;
    };

export interface BatchProgress {
  /** Files finished (read and checked, or found unreadable). */
  done: number;
  total: number;
  /** The file being read now (the last one started), while the batch runs. */
  current?: string;
}

export interface BatchOutcome {
  rows: BatchRow[];
  results: FileResult[];
  unreadable: UnreadableFile[];
}

export interface BatchOptions {
  readPdf: PdfTextReader;
  /** Files read at the same time: 1 or 2 (default 2). */
  concurrency?: 1 | 2;
  onProgress?: (p: BatchProgress) => void;
  /** Pause between files (default: one macrotask, so that the page repaints). */
  pause?: () => Promise<void>;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The reason of a message that begins with the file's name ("a.json：JSON 格式有误…" → "JSON 格式有误…"). */
export function reasonOf(file: string, message: string): string {
  return message.startsWith(`${file}：`) ? message.slice(file.length + 1) : message;
}

/** What one file gives: its reports, or why it cannot be read (any failure, said in Chinese, naming it). */
export async function checkOneFile(file: BatchFile, readPdf: PdfTextReader): Promise<BatchRow[]> {
  try {
    const input = await readInputBytes(file.name, await file.bytes(), { readPdf });
    return checkInput(input).results.map((result) => ({ kind: 'report', file: file.name, result }));
  } catch (e) {
    const message =
      e instanceof InputError ? e.message : `${file.name}：读取时出现意外错误（${e instanceof Error ? e.message : String(e)}）`;
    return [{ kind: 'unreadable', file: file.name, message, reason: reasonOf(file.name, message) }];
  }
}

/** Check every file; rows in the order of the file names (as `ogi-report check` lists a folder), whatever order
 *  they were read in. */
export async function checkBatch(files: BatchFile[], options: BatchOptions): Promise<BatchOutcome> {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pause = options.pause ?? nextTask;
  const rows: BatchRow[][] = new Array<BatchRow[]>(sorted.length);
  let next = 0;
  let done = 0;
  options.onProgress?.({ done: 0, total: sorted.length, ...(sorted.length ? { current: sorted[0].name } : {}) });
  const worker = async (): Promise<void> => {
    while (next < sorted.length) {
      const i = next++;
      options.onProgress?.({ done, total: sorted.length, current: sorted[i].name });
      await pause();
      rows[i] = await checkOneFile(sorted[i], options.readPdf);
      done += 1;
      options.onProgress?.({ done, total: sorted.length });
    }
  };
  const lanes = Math.min(options.concurrency ?? 2, Math.max(sorted.length, 1));
  await Promise.all(Array.from({ length: lanes }, worker));
  return outcomeOf(rows.flat());
}

/** The results and unreadable files of some rows, as the summary takes them. */
export function outcomeOf(rows: BatchRow[]): BatchOutcome {
  const results: FileResult[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const r of rows) {
    if (r.kind === 'report') results.push(r.result);
    else unreadable.push({ file: r.file, message: r.message });
  }
  return { rows, results, unreadable };
}

/** The summary workbook (汇总表 + 问题清单): the workbook `ogi-report check --summary xlsx` writes for the same files. */
export function summaryWorkbookBytes(outcome: BatchOutcome): Promise<Uint8Array<ArrayBuffer>> {
  return summaryXlsx(outcome.results, outcome.unreadable);
}

/** The 汇总表 as CSV text (UTF-8 with a BOM), as `ogi-report check --summary csv` writes it. */
export function summaryCsvText(outcome: BatchOutcome): string {
  return summaryCsv(outcome.results, outcome.unreadable);
}

/** Files of a chosen folder worth reading (the CLI's folder rule): report files, not office lock files. */
export function reportFilesOf<T extends { name: string }>(files: T[]): T[] {
  return files.filter((f) => isReportFile(f.name.slice(f.name.lastIndexOf('/') + 1)));
}
