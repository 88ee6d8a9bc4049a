/** Reading the files the command line is given: the bytes from Node's fs, then read as report JSON, a workbook
 *  with registered tables, or a published report (text, HTML, PDF) by src/file/input.ts, as the 网页版 reads them. */
import { readFileSync } from 'fs';
import { InputError, legacySpreadsheet, readInputBytes, type Input, type ReadOverrides } from '../file/input';
import { readTables } from '../file/xlsx';
import { reportSource } from '../report/check';
import { readPdfText } from '../pdf/node';
import { sourceOfTables, type LastYear } from '../app/tables';

export { InputError, legacySpreadsheet, type Input, type ReadOverrides };

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '文件不存在（no such file）';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件（is a directory）';
  if (code === 'EACCES') return '没有读取权限（permission denied）';
  return (e as Error)?.message ?? String(e);
}

export async function readInput(file: string, overrides: ReadOverrides = {}): Promise<Input> {
  const legacy = legacySpreadsheet(file);
  if (legacy) throw new InputError(legacy);
  let data: Buffer;
  try {
    // read synchronously: files are checked one after another, and the promise-based read left the process idle
    // between the chunks of every file (bench check-summary-200-xlsx: 1.32–1.39× a bare exceljs read → 1.15–1.24×)
    data = readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}：无法读取，${reason(e)}`);
  }
  return readInputBytes(file, data, { overrides, readPdf: readPdfText });
}

/** Values of any input (JSON, workbook, published text), for the narrative and as last year's report. */
export async function reportLike(file: string, overrides: ReadOverrides = {}): Promise<LastYear> {
  const input = await readInput(file, overrides);
  if (input.kind === 'report')
    return { format: input.report.format, year: input.report.year, get: reportSource(input.report), agency: input.report.agency };
  const read = readTables(input.workbook);
  const src = sourceOfTables(read.tables);
  if (!src) throw new InputError(`${file}：没有找到登记的年报表格`);
  return src;
}
