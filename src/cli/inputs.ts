/** Reading the files the command line is given: the bytes from Node's fs, then read as report JSON, a workbook
 *  with registered tables, or a published report (text, HTML, PDF) by src/file/input.ts, as the 网页版 reads them. */
import { readFileSync } from 'fs';
import { InputError, legacySpreadsheet, readInputBytes, type Input, type ReadOverrides } from '../file/input';
import { readPdfText } from '../pdf/node';

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
