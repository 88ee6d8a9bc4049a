/**
 * All-or-nothing changes to the workbook in memory: the workbook's whole model is copied before a change and put
 * back when the change fails part-way, so the grid, the checks and the saved copy never see half a change.
 * exceljs reads a file by setting `wb.model`; putting a copy back goes the same way.
 */
import ExcelJS from 'exceljs';
import { HostError } from '../../host/types';
import type { FileState } from './state';

type WorkbookModel = ExcelJS.Workbook['model'];

interface CellModel {
  type: ExcelJS.ValueType;
  master?: string;
}
interface SheetModel {
  merges?: string[];
  mergeCells?: string[];
  rows?: Array<{ cells: CellModel[] }>;
}

/** A deep copy of the workbook's model as it is now (exceljs' model getter shares live objects with the workbook),
 *  in the shape exceljs' setter reads back: as the .xlsx reader gives it. */
export function snapshot(wb: ExcelJS.Workbook): WorkbookModel {
  const model = structuredClone(wb.model);
  for (const ws of model.worksheets as unknown as SheetModel[]) {
    // merged areas: the getter names them `merges`, the setter reads `mergeCells`
    ws.mergeCells = ws.merges ?? [];
    // the cells under a merged area's top-left one: the setter skips them as merge cells, losing their borders and
    // fills; given as empty cells with their style (as in a file), the merge made again keeps the style
    for (const row of ws.rows ?? [])
      for (const cell of row.cells)
        if (cell.type === ExcelJS.ValueType.Merge) {
          cell.type = ExcelJS.ValueType.Null;
          delete cell.master;
        }
  }
  return model;
}

/** Put a snapshot back: every sheet, cell, merge, name, view and property as it was when the snapshot was taken. */
export function restore(wb: ExcelJS.Workbook, model: WorkbookModel): void {
  wb.model = model;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Run a change; when it throws, put the workbook back as it was, tell the listeners (the sheets are new objects
 *  now) and throw a Chinese message saying so (`what` names the change, e.g. 插入). When even putting it back
 *  fails, the message says not to download the workbook. */
export function allOrNothing<T>(s: FileState, what: string, change: () => T): T {
  const wb = s.wb;
  const before = snapshot(wb);
  try {
    return change();
  } catch (e) {
    const code = e instanceof HostError ? e.code : 'failed';
    try {
      restore(wb, before);
      s.changed();
    } catch (again) {
      throw new HostError(
        `${what}中途出错，撤消也未能完成，请不要下载此工作簿，重新打开文件后再试。原因：${reason(e)}（撤消时：${reason(again)}）`,
        code,
      );
    }
    throw new HostError(`${what}中途出错，已撤消已写入的部分，工作簿保持${what}前的样子。原因：${reason(e)}`, code);
  }
}
