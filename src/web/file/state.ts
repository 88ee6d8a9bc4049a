/**
 * The file host's state: the workbook in memory, the visible sheet, the selection, the listeners. Every change the
 * host makes ends with changed(), which tells the listeners — after recomputing the formulas (onContent) when the
 * change was one of values or structure, not when only the selection, the visible sheet or the marks changed.
 */
import type ExcelJS from 'exceljs';

export type Selection = { sheet: string; cells: Array<{ r: number; c: number }> };

/** What a change touched: cells' values or the workbook's structure ('content': insert, typed numbers, registration,
 *  prose, last year's report, a discarded sheet, an undo), only the marks' codes and notes ('marks'), or only what
 *  the user looks at ('view': the selection, the visible sheet). Only 'content' can change a formula's result. */
export type Change = 'content' | 'marks' | 'view';

/** Whether a sheet is one the user sees (hidden and very hidden sheets never become the active sheet). */
export const isVisible = (ws: ExcelJS.Worksheet): boolean => (ws.state ?? 'visible') === 'visible';

export class FileState {
  private listeners = new Set<() => void>();
  private active: string;
  private sel: Selection | null = null;
  /** Run by changed('content') before the listeners (the formulas' recalculation). */
  readonly onContent: Array<() => void> = [];

  constructor(
    readonly fileName: string,
    readonly wb: ExcelJS.Workbook,
    readonly lost: string[],
  ) {
    const tab = wb.views?.[0]?.activeTab;
    const sheets = wb.worksheets;
    const shown = typeof tab === 'number' && sheets[tab] && isVisible(sheets[tab]) ? sheets[tab] : sheets.find(isVisible);
    this.active = shown?.name ?? '';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** After every change: recompute when values or structure changed, then tell each listener (one listener's failure
   *  does not stop the others). */
  changed(what: Change = 'content'): void {
    if (what === 'content') for (const fn of this.onContent) fn();
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (e) {
        console.error('文件宿主的监听函数出错（a file-host listener failed）', e);
      }
    }
  }

  /** The visible sheet: the one set last while it exists and is visible, else the first visible one. */
  activeSheet(): string {
    const ws = this.wb.getWorksheet(this.active);
    if (ws && isVisible(ws)) return ws.name;
    return this.wb.worksheets.find(isVisible)?.name ?? '';
  }

  /** Show a sheet (quietly does nothing for a hidden or unknown one: the grid's tabs only offer visible sheets). */
  setActiveSheet(name: string, notify = true): void {
    const ws = this.wb.getWorksheet(name);
    if (!ws || !isVisible(ws) || ws.name === this.activeSheet()) return;
    this.active = ws.name;
    if (notify) this.changed('view');
  }

  selection(): Selection | null {
    return this.sel && this.wb.getWorksheet(this.sel.sheet) ? this.sel : null;
  }

  /** Select cells of a sheet (and show that sheet). */
  select(sheet: string, cells: Array<{ r: number; c: number }>, notify = true): void {
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) return;
    this.sel = { sheet: ws.name, cells: cells.map(({ r, c }) => ({ r, c })) };
    if (isVisible(ws)) this.active = ws.name;
    if (notify) this.changed('view');
  }

  /** The .xlsx bytes of the workbook as it is now, opening on the visible sheet. */
  async save(): Promise<Uint8Array> {
    const index = this.wb.worksheets.findIndex((ws) => ws.name === this.activeSheet());
    if (index >= 0) {
      const view = this.wb.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
      this.wb.views = [{ ...view, firstSheet: 0, activeTab: index }];
    }
    const buffer = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(buffer);
  }
}
