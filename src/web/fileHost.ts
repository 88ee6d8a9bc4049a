/**
 * The web edition's file host: the host-neutral WorkbookHost over an .xlsx file held in memory by exceljs (in the
 * browser, and in node for the tests). The opened file is never changed; save() gives the bytes of a new copy.
 * The actions live in ./file/; this file holds the agreed interface (see the lead's notes) and wires them.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookHost } from '../host/types';
import type { Severity } from '../report/types';
import { FileState } from './file/state';
import { openWorkbook } from './file/open';
import { discardSheet, insertProse, registerTables, selectAddress, selectCells, sheetNames, writeCells } from './file/actions';
import { cellText } from './file/display';
import { insertTables } from './file/insert';
import { storeLastYear } from './file/lastYear';
import { checkAndMark, clearMarks, markedCells, readTables } from './file/marks';
import { Recalculator } from './file/recalc';

/** A cell position on a sheet, 0-based (row r, column c). */
export interface SheetCell {
  sheet: string;
  r: number;
  c: number;
}

export interface FileHost extends WorkbookHost {
  /** The opened file's name ('新建工作簿.xlsx' for a new workbook). */
  readonly fileName: string;
  /** The workbook as it is now (read-only use by the grid: values, styles, merges, column widths). */
  workbook(): ExcelJS.Workbook;
  /** Called after every change the host makes (insert, marks, clear, prose, last year, select, active sheet). Returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The visible sheet's name (hidden sheets never), and setting it (the grid's sheet tabs). */
  activeSheet(): string;
  setActiveSheet(name: string): void;
  /** The current selection (after selectCells/selectAddress or a click in the grid via select()), or null. */
  selection(): { sheet: string; cells: Array<{ r: number; c: number }> } | null;
  select(sheet: string, cells: Array<{ r: number; c: number }>): void;
  /** Cells marked by the last check, with their severity (for the grid to colour them as Excel's conditional formats would). */
  markedCells(): Array<SheetCell & { severity: Severity }>;
  /** The value a cell shows now (formulas of the inserted tables recomputed after every change), as displayed text. */
  displayText(sheet: string, r: number, c: number): string;
  /** The .xlsx bytes of a new copy holding everything (the opened file itself is never changed). */
  save(): Promise<Uint8Array>;
  /** What exceljs cannot keep from the opened file, in Chinese (e.g. '图表 2 个', '数据透视表 1 个', '切片器'), [] when nothing. */
  lostParts(): string[];
}

export const NEW_WORKBOOK_NAME = '新建工作簿.xlsx';

/** The browser's name and version from its user agent (Chrome/126.0…), or node's version in the tests. */
function runtimeVersion(): string {
  const ua = typeof navigator !== 'undefined' ? navigator.userAgent : '';
  const m = /(Edg|Firefox|Chrome|Version)\/([\d.]+)/.exec(ua);
  if (m) return `${m[1] === 'Version' ? 'Safari' : m[1] === 'Edg' ? 'Edge' : m[1]} ${m[2]}`;
  if (ua) return ua;
  return typeof process !== 'undefined' && process.version ? `node ${process.version}` : 'node';
}

/** Run an action and turn what it throws into a rejected promise (the host interface's actions are asynchronous). */
const later = <T>(fn: () => T): Promise<T> => new Promise<T>((resolve) => resolve(fn()));

function wire(s: FileState): FileHost {
  return {
    fileName: s.fileName,
    workbook: () => s.wb,
    subscribe: (listener) => s.subscribe(listener),
    activeSheet: () => s.activeSheet(),
    setActiveSheet: (name) => s.setActiveSheet(name),
    selection: () => s.selection(),
    select: (sheet, cells) => s.select(sheet, cells),
    markedCells: () => markedCells(s.wb),
    displayText: (sheet, r, c) => {
      const ws = s.wb.getWorksheet(sheet);
      return ws ? cellText(ws.getCell(r + 1, c + 1)) : '';
    },
    save: () => s.save(),
    lostParts: () => [...s.lost],
    info: () => ({ name: '网页版（文件）', supported: true }),
    environment: () => ({ application: '网页版', version: runtimeVersion(), platform: 'Browser', api: 'exceljs' }),
    insertTables: (req, target) => later(() => insertTables(s, req, target)),
    readTables: (options) => later(() => readTables(s.wb, options)),
    checkAndMark: (decide, options) => later(() => checkAndMark(s, decide, options)),
    clearMarks: (only) => later(() => clearMarks(s, only)),
    selectCells: (tableName, cells) => later(() => selectCells(s, tableName, cells)),
    selectAddress: (address) => later(() => selectAddress(s, address)),
    registerTables: (tables) => later(() => registerTables(s, tables)),
    storeLastYear: (json) =>
      later(() => {
        storeLastYear(s.wb, json);
        s.changed();
      }),
    sheetNames: () => later(() => sheetNames(s)),
    insertProse: (sheet, rows) => later(() => insertProse(s, sheet, rows)),
    writeCells: (tableName, cells) => later(() => writeCells(s, tableName, cells)),
    discardSheet: (sheet) => later(() => discardSheet(s, sheet)),
  };
}

/** Open a workbook file (bytes of an .xlsx made by Excel, WPS or LibreOffice), or a new empty workbook (one sheet
 *  'Sheet1') when no file is given. Rejects with HostError (src/host/types.ts) carrying a Chinese message naming the
 *  file and what was expected (e.g. not an .xlsx, an old .xls/.et, a password-protected file, an empty file). */
export async function openFileHost(file?: { name: string; bytes: Uint8Array }): Promise<FileHost> {
  const opened = await openWorkbook(file);
  const state = new FileState(file?.name ?? NEW_WORKBOOK_NAME, opened.wb, opened.lost);
  // the inserted tables' totals and the user's formulas reading them: computed on open (a file's cached results may
  // be stale or missing) and after every change of values or structure (not after a selection or a sheet tab)
  const recalc = new Recalculator(opened.wb);
  state.onContent.push(() => recalc.run());
  return wire(state);
}
