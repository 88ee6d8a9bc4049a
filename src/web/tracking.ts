/**
 * The host the web page hands to the pane: the file host itself, with every call that changes the workbook reported
 * (so 新建 and 打开 can ask before discarding changes not yet downloaded). Selecting cells and reading are not changes.
 */
import type { WorkbookHost } from '../host/types';

export function trackChanges(host: WorkbookHost, changed: () => void): WorkbookHost {
  const after = <T>(p: Promise<T>): Promise<T> =>
    p.then((v) => {
      changed();
      return v;
    });
  return {
    info: () => host.info(),
    environment: () => host.environment(),
    readTables: (options) => host.readTables(options),
    sheetNames: () => host.sheetNames(),
    selectCells: (tableName, cells) => host.selectCells(tableName, cells),
    selectAddress: (address) => host.selectAddress(address),
    insertTables: (req, target) =>
      host.insertTables(req, target).then((outcome) => {
        if (outcome.ok) changed();
        return outcome;
      }),
    checkAndMark: (decide, options) => after(host.checkAndMark(decide, options)),
    clearMarks: (only) =>
      host.clearMarks(only).then((n) => {
        if (n > 0) changed();
        return n;
      }),
    registerTables: (tables) => after(host.registerTables(tables)),
    storeLastYear: (json) => after(host.storeLastYear(json)),
    insertProse: (sheet, rows) => after(host.insertProse(sheet, rows)),
    writeCells: (tableName, cells) => after(host.writeCells(tableName, cells)),
    discardSheet: (sheet) => after(host.discardSheet(sheet)),
  };
}

/** The name of the downloaded copy: 原名（年报助手）.xlsx (not doubled when the file is such a copy already). */
export function downloadName(fileName: string): string {
  const base = fileName.replace(/\.xlsx$/i, '').replace(/（年报助手）$/, '');
  return `${base || '工作簿'}（年报助手）.xlsx`;
}
