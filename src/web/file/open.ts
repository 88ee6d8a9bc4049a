/**
 * Opening a workbook for the file host: a new one, or the bytes of an .xlsx file, checked before exceljs reads them
 * so a wrong file gets a Chinese message naming it and saying what was expected.
 */
import ExcelJS from 'exceljs';
import { HostError } from '../../host/types';

export interface Opened {
  wb: ExcelJS.Workbook;
  /** What exceljs cannot keep from the file, in Chinese. */
  lost: string[];
}

/** A new workbook: one empty sheet 'Sheet1'. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开年报助手';
  wb.addWorksheet('Sheet1');
  return wb;
}

export async function openWorkbook(file?: { name: string; bytes: Uint8Array }): Promise<Opened> {
  if (!file) return { wb: newWorkbook(), lost: [] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new HostError(`《${file.name}》无法读取为 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）。`, 'unreadable');
  }
  return { wb, lost: [] };
}
