/** What a cell shows, as text, for the web edition's grid (the grid itself is drawn by the page). */
import type ExcelJS from 'exceljs';
import { textOf } from '../../report/types';
import { isMergedSlave } from './cells';
import { resultOf } from './recalc';

/** A number as its number format shows it, for the formats the tables use and the common ones ('General' otherwise). */
export function formatNumber(v: number, numFmt: string | undefined): string {
  const fmt = (numFmt ?? 'General').split(';')[0].replace(/"[^"]*"|\\.|_.|\[[^\]]*\]/g, '');
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? (/^[#,]*0$/.test(fmt) ? 0 : null);
  if (fmt.includes('%')) return `${(v * 100).toFixed(decimals ?? 0)}%`;
  if (decimals !== null) {
    const text = v.toFixed(decimals);
    return fmt.includes(',') ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(11)));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function scalarText(v: unknown, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object' && 'error' in v) return String((v as ExcelJS.CellErrorValue).error);
  return textOf(v); // text, rich text joined
}

/** What a formula shows until Excel, WPS or LibreOffice computes it (the file host could not). */
export const UNCOMPUTED = '待重算';

/** The text a cell shows: formula results (待重算 for one without a result), rich text joined, hyperlinks' text, errors; '' under a merged area's top-left. */
export function cellText(cell: ExcelJS.Cell): string {
  if (isMergedSlave(cell)) return '';
  const v = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    // a formula whose inputs changed and which the host cannot compute: its result was dropped (see recalc.ts)
    if ('formula' in v || 'sharedFormula' in v) {
      // read from the cell: exceljs' cell.value leaves out a result of 0 or ''
      const result = resultOf(cell);
      return result === undefined ? UNCOMPUTED : scalarText(result, cell.numFmt);
    }
    if ('hyperlink' in v) return scalarText(v.text, cell.numFmt);
  }
  return scalarText(v, cell.numFmt);
}
