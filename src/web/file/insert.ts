/**
 * Inserting the report's tables into the file: the same plan (buildPlan) written by the .xlsx writer (writePlan),
 * at the selection's top-left cell or on a new sheet — refused, as the Excel host refuses, when a cell of the area
 * has content or is merged, or the sheet is protected. Nothing is written before the checks pass, and a write that
 * fails part-way is undone (allOrNothing): the workbook is as it was before.
 */
import type ExcelJS from 'exceljs';
import { freeSheetName as freeName, parseAddress, rectsOverlap, rectAddress, type Rect } from '../../report/a1';
import { buildPlan, freeNames, planSize, type PlanRequest, type SheetPlan } from '../../report/plan';
import { writePlan } from '../../file/xlsx';
import { HostError, occupiedRefusal, protectedRefusal, type InsertOutcome, type InsertTarget } from '../../host/types';
import { isMergedSlave, takenNames } from './cells';
import type { FileState } from './state';
import { allOrNothing } from './undo';

/** A sheet name not taken (compared as Excel compares them, ignoring case): `wanted`, then `wanted(2)`… */
export const freeSheetName = (wb: ExcelJS.Workbook, wanted: string): string =>
  freeName(
    wb.worksheets.map((ws) => ws.name),
    wanted,
  );

const FORBIDDEN = /[\\/?*[\]:]/;

/** Why Excel would refuse a new sheet's name (empty, longer than 31 characters, a character it forbids, a single
 *  quotation mark first or last, the reserved History), in Chinese naming the name; null when it takes it. exceljs
 *  would silently cut a long name to 31 characters, so the rules are checked here first. */
export function sheetNameProblem(name: string): string | null {
  const forbidden = FORBIDDEN.exec(name)?.[0];
  const why =
    (name === '' && '工作表名称不能为空') ||
    (name.length > 31 && `工作表名称不能超过 31 个字符（此名称有 ${name.length} 个）`) ||
    (forbidden && `工作表名称不能含有 \\ / ? * [ ] : 这些字符（此名称含有“${forbidden}”）`) ||
    (/^'|'$/.test(name) && "工作表名称不能以单引号（'）开头或结尾") ||
    (name.toLowerCase() === 'history' && '“History”是 Excel 保留的工作表名称');
  return why ? `无法新建工作表“${name}”：${why}。请换一个名称。` : null;
}

/** Add a sheet whose name Excel would take (sheetNameProblem), with a Chinese message when it would not. */
export function addSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const problem = sheetNameProblem(name);
  if (problem) throw new HostError(problem, 'sheetName');
  return wb.addWorksheet(name);
}

/** The merged areas of a sheet that overlap a rect, as addresses (A1:B2). */
function mergesIn(ws: ExcelJS.Worksheet, area: Rect): string[] {
  return ws.model.merges.filter((m) => {
    const p = parseAddress(m)?.rect;
    return !!p && rectsOverlap(p, area);
  });
}

/** Whether a sheet is protected (exceljs keeps the file's protection on the sheet, untyped). */
export const isProtected = (ws: ExcelJS.Worksheet): boolean =>
  !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;

/** Why the area of a sheet cannot take the tables (as the Excel host says it), or null when it can. */
export function refusal(ws: ExcelJS.Worksheet, area: Rect): InsertOutcome | null {
  if (isProtected(ws)) return protectedRefusal(ws.name);
  // read without creating cells (getCell would add empty ones to the file)
  const occupied: string[] = [];
  for (let r = area.r; r < area.r + area.rs; r++) {
    for (let c = area.c; c < area.c + area.cs; c++) {
      const cell = ws.findCell(r + 1, c + 1);
      const v = cell && !isMergedSlave(cell) ? cell.value : null;
      if (v !== null && v !== undefined && v !== '') occupied.push(rectAddress({ r, c, rs: 1, cs: 1 }));
    }
  }
  const mergedAt = mergesIn(ws, area).join(',') || null;
  return occupiedRefusal(rectAddress(area), occupied, mergedAt);
}

function inserted(plan: SheetPlan, sheet: string): InsertOutcome {
  return {
    ok: true,
    sheet,
    address: rectAddress(plan.rect),
    tables: plan.tables.map(({ name, table, format, year, agency, rect }) => ({
      name,
      table,
      format,
      year,
      ...(agency ? { agency } : {}),
      sheet,
      rect,
    })),
  };
}

/** Insert at the selection's top-left cell of the visible sheet (A1 when nothing is selected there), or on a new sheet. */
export function insertTables(s: FileState, req: PlanRequest, target: InsertTarget): InsertOutcome {
  const names = freeNames(req.tables, takenNames(s.wb));
  if (!names) return { ok: false, reason: 'failed', message: '本工作簿中登记的年报表格已达上限，请在新工作簿中插入。' };
  const size = planSize(req);
  let ws: ExcelJS.Worksheet | undefined;
  let anchor = { r: 0, c: 0 };
  if (target.kind === 'selection') {
    ws = s.wb.getWorksheet(s.activeSheet());
    if (!ws) return { ok: false, reason: 'failed', message: '工作簿中没有可见的工作表，请插入到新工作表。' };
    const sel = s.selection();
    if (sel && sel.sheet === ws.name && sel.cells.length)
      anchor = { r: Math.min(...sel.cells.map((x) => x.r)), c: Math.min(...sel.cells.map((x) => x.c)) };
    const refused = refusal(ws, { ...anchor, rs: size.rows, cs: size.cols });
    if (refused) return refused;
  }
  // a new sheet's name is checked before anything is written: a name Excel refuses is the user's to change, not a
  // failure part-way
  const newName = ws ? null : freeSheetName(s.wb, target.kind === 'newSheet' ? target.name : '年报表格');
  const problem = newName === null ? null : sheetNameProblem(newName);
  if (problem) throw new HostError(problem, 'sheetName');
  const plan = buildPlan({ ...req, names }, anchor);
  const sheetName = allOrNothing(s, '插入', () => {
    const sheet = ws ?? s.wb.addWorksheet(newName as string);
    writePlan(s.wb, sheet, plan);
    return sheet.name;
  });
  s.select(sheetName, [anchor], false);
  s.changed();
  return inserted(plan, sheetName);
}
