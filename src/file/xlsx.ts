/**
 * The .xlsx adapter (exceljs): writes the same insertion plan the add-in executes in Excel, and reads
 * registered tables back as the host interface's TablesRead, so the command line and the pane check
 * the same way. Used by src/cli/, and loaded on demand by the pane to open last year's workbook.
 */
import ExcelJS from 'exceljs';
import { a1, parseAddress, rectAddress, sheetAddress, type Rect } from '../report/a1';
import {
  agencyOfTitle,
  buildPlan,
  decodeRegistration,
  encodeRegistration,
  markBlock,
  MARK_CODES,
  MARK_FILLS,
  MARK_META_ROW,
  MARK_SHEET,
  registrationNames,
  STYLES,
  type PlanRequest,
  type SheetPlan,
  type TableRegistration,
} from '../report/plan';
import { tableLayout } from '../report/layout';
import { TABLE_IDS, type FormatId, type RawValue, type TableId } from '../report/types';
import type { LostTable, Mark, ReadTable, TablesRead } from '../host/types';
import { PROSE_SHEET, proseRows } from '../report/prose';
import { recogniseTables, yearInSheet } from '../report/recognise';
import { unregisteredName } from '../host/types';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

const PROMPTS = {
  count: {
    promptTitle: '件数',
    prompt: '请填写大于或等于0的整数；没有请填0，不要留空或填“/”。',
    errorTitle: '件数有误',
    error: '件数应为大于或等于0的整数，不要填写单位或文字。',
  },
  amount: {
    promptTitle: '金额（万元）',
    prompt: '请填写大于或等于0的数，可有小数；没有请填0。',
    errorTitle: '金额有误',
    error: '金额应为大于或等于0的数字（单位：万元），不要填写单位或文字。',
  },
  signed: {
    promptTitle: '本年增/减',
    prompt: '请填写整数：增加填正数，减少填负数，没有变化填0。',
    errorTitle: '数值有误',
    error: '本年增/减应为整数（减少填负数）。',
  },
};

/** Evaluate a plain SUM formula of our own over the plan's values (for cached results). */
function sumResult(formula: string, plan: SheetPlan): number {
  let total = 0;
  for (const ref of formula.replace(/^=SUM\(|\)$/g, '').split(',')) {
    const p = parseAddress(ref);
    if (!p) continue;
    for (let r = p.rect.r; r < p.rect.r + p.rect.rs; r++) {
      for (let c = p.rect.c; c < p.rect.c + p.rect.cs; c++) {
        const v = plan.values[r - plan.rect.r]?.[c - plan.rect.c];
        if (typeof v === 'number') total += v;
        else if (typeof v === 'string' && v.startsWith('=SUM(')) total += sumResult(v, plan);
      }
    }
  }
  return total;
}

/** Write a plan onto a worksheet, with its registration and mark conditional formats. */
export function writePlan(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const { rect } = plan;
  for (let i = 0; i < rect.rs; i++) {
    for (let j = 0; j < rect.cs; j++) {
      const v = plan.values[i][j];
      const cell = ws.getCell(rect.r + i + 1, rect.c + j + 1);
      if (typeof v === 'string' && v.startsWith('=')) cell.value = { formula: v.slice(1), result: sumResult(v, plan) };
      else if (v !== '') cell.value = typeof v === 'string' && v.startsWith("'=") ? v.slice(1) : v;
      if (plan.numberFormats[i][j] !== 'General') cell.numFmt = plan.numberFormats[i][j];
    }
  }
  const each = (x: Rect, fn: (c: ExcelJS.Cell) => void): void => {
    for (let r = x.r; r < x.r + x.rs; r++) for (let c = x.c; c < x.c + x.cs; c++) fn(ws.getCell(r + 1, c + 1));
  };
  for (const { rect: x, style } of plan.styled) {
    const s = STYLES[style];
    each(x, (cell) => {
      if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
      if (s.bold || s.fontSize) cell.font = { ...(s.bold ? { bold: true } : {}), ...(s.fontSize ? { size: s.fontSize } : {}) };
      if (s.wrap || s.hAlign || s.vAlign) {
        cell.alignment = {
          ...(s.wrap ? { wrapText: true } : {}),
          ...(s.hAlign ? { horizontal: s.hAlign.toLowerCase() as 'left' } : {}),
          ...(s.vAlign ? { vertical: (s.vAlign === 'Center' ? 'middle' : s.vAlign.toLowerCase()) as 'middle' } : {}),
        };
      }
    });
  }
  for (const t of plan.tables) each(t.rect, (cell) => (cell.border = { top: thin, bottom: thin, left: thin, right: thin }));
  for (const m of plan.merges) ws.mergeCells(m.r + 1, m.c + 1, m.r + m.rs, m.c + m.cs);
  for (const { c, chars } of plan.columnWidths) {
    const col = ws.getColumn(c + 1);
    col.width = Math.max(col.width ?? 0, chars);
  }
  for (const v of plan.validations) {
    const p = PROMPTS[v.kind];
    const rule: ExcelJS.DataValidation =
      v.kind === 'signed'
        ? { type: 'whole', operator: 'between', formulae: [-999999999, 999999999] }
        : { type: v.kind === 'amount' ? 'decimal' : 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
    each(
      v.rect,
      (cell) =>
        (cell.dataValidation = { ...rule, allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: 'stop', ...p }),
    );
  }
  writeRegistrations(wb, ws, plan.tables, plan.conditionalFormats);
}

/** Register tables on a worksheet: their conditional formats (the broken sums, the marks), a workbook name each and
 *  its metadata on the very hidden mark sheet (made when missing). */
export function writeRegistrations(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  tables: Array<TableRegistration & { name: string; rect: Rect }>,
  conditionalFormats: SheetPlan['conditionalFormats'],
): void {
  for (const cf of conditionalFormats) {
    ws.addConditionalFormatting({
      ref: rectAddress(cf.rect),
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [cf.formula.slice(1)],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(MARK_FILLS[cf.severity]) } } },
        },
      ],
    });
  }
  const marks = wb.getWorksheet(MARK_SHEET) ?? wb.addWorksheet(MARK_SHEET, { state: 'veryHidden' });
  for (const t of tables) {
    wb.definedNames.add(sheetAddress(ws.name, t.rect, true), t.name);
    const b = markBlock(t.name);
    marks.getCell(b.r + MARK_META_ROW + 1, b.c + 1).value = encodeRegistration(t);
  }
}

/** A new workbook holding the three tables of a format, optionally filled with a report's values. */
export function templateWorkbook(
  req: Omit<PlanRequest, 'tables' | 'titles'> & { tables?: TableId[] },
  sheetName = `${req.year}年报表格`,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开年报助手';
  const ws = wb.addWorksheet(sheetName);
  const tables = req.tables ?? [...TABLE_IDS];
  writePlan(wb, ws, buildPlan({ ...req, tables, titles: tables.length === TABLE_IDS.length }, { r: 0, c: 0 }));
  return wb;
}

/** A formula's value when the file holds no cached result (exceljs writes none for 0): plain SUMs and
 *  references are computed from the sheet; anything else is unknown (null). */
function formulaValue(ws: ExcelJS.Worksheet, formula: string, depth = 0): RawValue {
  const f = formula.replace(/^=/, '').replace(/\$/g, '').trim();
  if (depth > 20) return null;
  const refs = /^SUM\(([^()]*)\)$/i.exec(f)?.[1] ?? (/^[A-Z]{1,3}\d+$/i.test(f) ? f : null);
  if (refs === null) return null;
  let total = 0;
  for (const ref of refs.split(',')) {
    const p = parseAddress(ref.trim());
    if (!p || p.sheet) return null;
    for (let r = p.rect.r; r < p.rect.r + p.rect.rs; r++) {
      for (let c = p.rect.c; c < p.rect.c + p.rect.cs; c++) {
        const cell = ws.getCell(r + 1, c + 1).value;
        const v =
          cell && typeof cell === 'object' && 'formula' in cell && (cell.result === undefined || cell.result === null)
            ? formulaValue(ws, String(cell.formula), depth + 1)
            : cellRaw(cell);
        if (typeof v === 'number') total += v;
      }
    }
  }
  return total;
}

/** A cell as the person sees it: formula results, rich text joined, errors as their text. */
export function cellRaw(v: ExcelJS.CellValue, ws?: ExcelJS.Worksheet): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined || res === null) return ws && 'formula' in v ? formulaValue(ws, String(v.formula)) : null;
      return typeof res === 'object' ? ('error' in res ? String(res.error) : null) : res;
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** A workbook from the bytes of an .xlsx file (throws when they are not one). */
export async function loadWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** Registered tables of a workbook file, read like the add-in reads them (the prose from `proseSheet`, default 报告正文). */
export function readTables(wb: ExcelJS.Workbook, options: { proseSheet?: string } = {}): TablesRead {
  const proseName = (options.proseSheet || PROSE_SHEET).trim().toLowerCase();
  const tables: ReadTable[] = [];
  const lost: LostTable[] = [];
  const marks = wb.getWorksheet(MARK_SHEET);
  for (const table of TABLE_IDS) {
    for (const name of registrationNames(table)) {
      const ranges = wb.definedNames.getRanges(name).ranges;
      if (!ranges.length) continue;
      const parsed = parseAddress(ranges[0]);
      const ws = parsed?.sheet ? wb.getWorksheet(parsed.sheet) : undefined;
      if (!parsed || !ws) {
        lost.push({ name, reason: `${name} 所指的表格已被删除（工作表或行列被删除）` });
        continue;
      }
      const b = markBlock(name);
      // as text whatever form it came in: LibreOffice saves a string holding Chinese as rich text (one run per font)
      const metaCell = marks ? cellRaw(marks.getCell(b.r + MARK_META_ROW + 1, b.c + 1).value) : null;
      let reg = decodeRegistration(name, typeof metaCell === 'string' ? metaCell : null);
      if (!reg) {
        const format = (['2021', '2019'] as FormatId[]).find(
          (f) => tableLayout(f, table).rows === parsed.rect.rs && tableLayout(f, table).cols === parsed.rect.cs,
        );
        if (!format) {
          lost.push({ name, reason: `${name} 的行列数与任何格式都不符，无法识别` });
          continue;
        }
        reg = { table, format, year: NaN };
      }
      const layout = tableLayout(reg.format, table);
      if (layout.rows !== parsed.rect.rs || layout.cols !== parsed.rect.cs) {
        lost.push({ name, reason: `${layout.name}的行列数已改变（应为 ${layout.rows} 行 × ${layout.cols} 列）` });
        continue;
      }
      // registrations made before the agency was kept: the title line above the tables holds it
      if (!reg.agency) {
        const agency = agencyAbove(ws, parsed.rect, reg.year);
        if (agency) reg = { ...reg, agency };
      }
      const values: RawValue[][] = [];
      for (let r = 0; r < parsed.rect.rs; r++) {
        const row: RawValue[] = [];
        for (let c = 0; c < parsed.rect.cs; c++) row.push(cellRaw(ws.getCell(parsed.rect.r + r + 1, parsed.rect.c + c + 1).value, ws));
        values.push(row);
      }
      tables.push({ name, ...reg, sheet: ws.name, rect: parsed.rect, values });
    }
  }
  // no registered tables: look for the official tables by their labels on every sheet
  if (!tables.length) tables.push(...recogniseInWorkbook(wb, proseName));
  const proseSheet = wb.worksheets.find((ws) => ws.name.toLowerCase() === proseName && ws.name !== MARK_SHEET);
  const prose: unknown[][] = [];
  proseSheet?.eachRow((row) => prose.push([cellRaw(row.getCell(1).value), cellRaw(row.getCell(2).value)]));
  return { tables, lost, prose: proseSheet ? prose : null };
}

/** The official tables found by their labels on the first sheet that has them (a workbook with no registrations). */
function recogniseInWorkbook(wb: ExcelJS.Workbook, proseName: string): ReadTable[] {
  const found: ReadTable[] = [];
  wb.eachSheet((ws) => {
    if (ws.name === MARK_SHEET || ws.name.toLowerCase() === proseName || found.length) return;
    const grid: unknown[][] = [];
    for (let r = 1; r <= Math.min(ws.rowCount, 2000); r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= Math.min(ws.columnCount, 60); c++) row.push(cellRaw(ws.getCell(r, c).value, ws) ?? '');
      grid.push(row);
    }
    const year = yearInSheet(grid) ?? NaN;
    const agency = grid
      .slice(0, 200)
      .flat()
      .map((v) => agencyOfTitle(v, year))
      .find(Boolean);
    for (const f of recogniseTables(grid, { r: 0, c: 0 })) {
      found.push({
        name: unregisteredName(f.table),
        table: f.table,
        format: f.format,
        year,
        ...(agency ? { agency } : {}),
        sheet: ws.name,
        rect: f.rect,
        values: f.values,
        recognised: { findings: f.findings },
      });
    }
  });
  return found;
}

/** The agency in the title line a template writes above its tables, looked for up the table's first column. */
function agencyAbove(ws: ExcelJS.Worksheet, rect: Rect, year: number): string | undefined {
  for (let r = rect.r; r >= Math.max(1, rect.r - 80); r--) {
    const agency = agencyOfTitle(cellRaw(ws.getCell(r, rect.c + 1).value), year);
    if (agency) return agency;
  }
  return undefined;
}

/** Write prose into the 报告正文 sheet (created if missing; an existing one is not overwritten). */
export function writeProse(wb: ExcelJS.Workbook, text: Partial<Record<string, string>>): boolean {
  if (wb.getWorksheet(PROSE_SHEET)) return false;
  const ws = wb.addWorksheet(PROSE_SHEET);
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 100;
  for (const row of proseRows(text)) {
    const r = ws.addRow(row);
    r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.getRow(1).font = { bold: true };
  return true;
}

/** Write mark codes into the mark sheet (the copy's conditional formats colour those cells). */
export function applyMarks(wb: ExcelJS.Workbook, read: TablesRead, marks: Mark[]): void {
  const ms = wb.getWorksheet(MARK_SHEET);
  if (!ms) return;
  for (const t of read.tables.filter((x) => !x.recognised)) {
    const b = markBlock(t.name);
    for (let r = 0; r < t.rect.rs; r++) for (let c = 0; c < t.rect.cs; c++) ms.getCell(b.r + r + 1, b.c + c + 1).value = 0;
  }
  for (const m of marks) {
    const b = markBlock(m.tableName);
    const cell = ms.getCell(b.r + m.r + 1, b.c + m.c + 1);
    cell.value = Math.max(typeof cell.value === 'number' ? cell.value : 0, MARK_CODES[m.severity]);
    // the reason on the cell itself, as a note (never over a note the workbook already has)
    const t = read.tables.find((x) => x.name === m.tableName);
    const ws = t && wb.getWorksheet(t.sheet);
    if (ws && m.note) {
      const target = ws.getCell(t.rect.r + m.r + 1, t.rect.c + m.c + 1);
      const had = target.note; // a string, or rich text (always the workbook's own)
      if (had === undefined || (typeof had === 'string' && had.startsWith(NOTE_PREFIX))) target.note = `${NOTE_PREFIX}${m.note}`;
    }
  }
}

/** How notes written by the checks begin, so a reader tells them from the workbook's own. */
export const NOTE_PREFIX = '年报助手校验：';

export { a1 };
