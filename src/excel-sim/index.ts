/**
 * In-browser stand-in for the Excel JavaScript API: `createWorkbookSim()` gives an `Excel` namespace (run,
 * RequestContext, enums), a minimal `Office` object and direct access to the simulated workbook state.
 * Used as the test double for the add-in's Excel code and by the browser preview page.
 * A sync is not atomic, as in Excel: when one queued operation fails, the operations before it stay applied and the
 * rest never run (see api.ts).
 */
import { createExcelNamespace, Engine, NEWEST_EXCEL_API } from './api';
import { cellAt, createWorkbookState, ensureCell, findSheet, inputToCell, newCell, SimError, addressOf } from './model';
import type { CellState, CellValue, SheetState, WorkbookState } from './model';
import { calculateEntered, evaluate, FErr, parseAddress, recalc } from './formula';
import { createOfficeStandIn, type SimDialog } from './office';

export { SimError } from './model';
export { NEWEST_EXCEL_API, versionAtLeast } from './api';
export type { CellState, CellValue, WorkbookState, SheetState, Rect } from './model';
export type { SimDialog, OfficeInfo, OfficeStandIn } from './office';

export interface WorkbookSimOptions {
  /** Sheet names in tab order; default ['Sheet1']. The first one is active. */
  sheets?: string[];
  /** The ExcelApi requirement set this Excel supports: isSetSupported answers from it, and every member above it is
   *  refused at sync with ApiNotFound, as Excel does. Default: the newest set @types/office-js knows. */
  apiVersion?: string;
  /** Office.context.displayLanguage; default 'zh-CN'. */
  displayLanguage?: string;
  /** Office.context.platform; 'OfficeOnline' (Excel on the web) refuses requests and responses over 5 MB. Default 'PC'. */
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** The DialogApi requirement set offered (Office.context.ui.displayDialogAsync); null for none. Default '1.2'. */
  dialogApi?: string | null;
  /** The OpenBrowserWindowApi set offered (Office.context.ui.openBrowserWindow); null for none. Default '1.1', except
   *  on 'OfficeOnline', which has none. */
  openBrowserWindowApi?: string | null;
}

/** What Excel's error alert of a data validation says. */
export interface ValidationAlert {
  title: string;
  message: string;
  style: string;
}

export interface WorkbookSim {
  /** The `Excel` namespace stand-in (Excel.run, RequestContext, enums). */
  readonly Excel: typeof Excel;
  /** The `Office` stand-in (only the members of OfficeStandIn exist), typed like office-js for injection. */
  readonly Office: typeof Office;
  /** The live workbook state (plain data). Mutate it only through the API, setCell or select. */
  readonly state: WorkbookState;
  /** Number of context.sync() round trips (Excel.run's final flush counts only when operations were pending). */
  readonly syncCount: number;
  resetSyncCount(): void;
  /** Makes the next sync reject with this error code. Without afterOperations the request is refused as a whole
   *  (as in cell-edit mode: nothing runs, the state is unchanged); with it, that many queued operations run first
   *  and stay applied, as in Excel, where a failing operation does not roll back the ones before it.
   *  `sync: 2` places the fault in the sync after next (e.g. the write sync of a read-then-write action). */
  failNextSync(code: string, message?: string, options?: { afterOperations?: number; sync?: number }): void;
  /** Operations queued in the last sync (loads included): with failNextSync's afterOperations, a fault can be placed anywhere in a batch. */
  readonly lastSyncOperations: number;
  /** Called after every sync that changed the workbook and after user edits. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** A user typing into a cell (bypasses the API and sheet protection; like a paste, not held to data validation):
   *  '=…' (and '+…'/'-…' that is not a number) is a formula, numeric text a number. */
  setCell(sheet: string, address: string, input: CellValue): void;
  /** A user typing into a cell and pressing Enter, held to the cell's data validation as Excel holds typed input:
   *  a value the rule rejects with a Stop alert is not entered, and the alert (its title and message) comes back. */
  typeIn(sheet: string, address: string, input: string): { accepted: true } | { accepted: false; alert: ValidationAlert };
  /** The input prompt Excel shows when this cell is selected (its data validation's prompt), or null. */
  promptAt(sheet: string, address: string): { title: string; message: string } | null;
  /** A copy of a cell's state (defaults for an untouched cell). */
  getCell(sheet: string, address: string): CellState;
  /** A user selecting a range (activates its sheet). */
  select(sheet: string, address: string): void;
  /** The current selection, e.g. "Sheet1!B3" or "'2025年报表格'!A1:J28" (areas of a multi-area selection joined by commas). */
  selectionAddress(): string;
  /** Functions registered with Office.actions.associate. */
  readonly actions: Map<string, (...args: unknown[]) => unknown>;
  /** Dialogs opened with Office.context.ui.displayDialogAsync, oldest first. */
  readonly dialogs: readonly SimDialog[];
  /** Called when a dialog opens or closes (the preview draws it). Returns an unsubscribe function. */
  onDialog(listener: (dialog: SimDialog) => void): () => void;
  /** Addresses opened with Office.context.ui.openBrowserWindow, oldest first. */
  readonly browserWindows: readonly string[];
  /** Makes the next displayDialogAsync fail with this error code and message (e.g. 12009: the person chose to ignore
   *  the dialog; 12011: the browser blocked it). */
  refuseNextDialog(code: number, message: string): void;
}

/** Excel's own words when a validation's alert has none (its Stop alert on typed input that breaks the rule). */
const DEFAULT_ALERT = {
  title: 'Microsoft Excel',
  message: "This value doesn't match the data validation restrictions defined for this cell.",
};

/**
 * Whether Excel accepts `input` typed into (r, c): the value it would become (a number for numeric text, the
 * result of a formula) against the cell's data validation (whole number, decimal, text length, with their
 * operator). Returns the error alert when a Stop alert refuses it; Warning and Information alerts let the value in.
 * List, date, time and custom rules are not modelled (accepted).
 */
function checkTyped(state: WorkbookState, sheet: SheetState, r: number, c: number, input: string): ValidationAlert | null {
  const dv = sheet.validations.find((v) => r >= v.range.r0 && r <= v.range.r1 && c >= v.range.c0 && c <= v.range.c1);
  if (!dv || !dv.errorAlert.showAlert || dv.errorAlert.style !== 'Stop') return null;
  const probe = newCell();
  probe.numberFormat = cellAt(sheet, r, c).numberFormat;
  inputToCell(probe, input);
  if (input === '' && dv.ignoreBlanks) return null;
  let value: unknown = probe.value;
  if (probe.formula !== undefined) {
    const v = evaluate(state, sheet, probe.formula);
    value = v instanceof FErr ? v.code : v;
  }
  const [kind, rule] = Object.entries(dv.rule)[0] ?? [];
  if (!kind || !rule) return null;
  const bound = (f: unknown): number => {
    if (typeof f === 'number') return f;
    const v = evaluate(state, sheet, String(f).startsWith('=') ? String(f) : `=${String(f)}`);
    return typeof v === 'number' ? v : NaN;
  };
  const within = (x: number): boolean => {
    const a = bound(rule.formula1),
      b = rule.formula2 !== undefined ? bound(rule.formula2) : NaN;
    switch (rule.operator) {
      case 'Between':
        return x >= Math.min(a, b) && x <= Math.max(a, b);
      case 'NotBetween':
        return x < Math.min(a, b) || x > Math.max(a, b);
      case 'EqualTo':
        return x === a;
      case 'NotEqualTo':
        return x !== a;
      case 'GreaterThan':
        return x > a;
      case 'LessThan':
        return x < a;
      case 'GreaterThanOrEqualTo':
        return x >= a;
      case 'LessThanOrEqualTo':
        return x <= a;
      default:
        return true;
    }
  };
  let ok = true;
  if (kind === 'wholeNumber') ok = typeof value === 'number' && Number.isInteger(value) && within(value);
  else if (kind === 'decimal') ok = typeof value === 'number' && within(value);
  else if (kind === 'textLength')
    ok = within(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).length : 0);
  if (ok) return null;
  return {
    title: dv.errorAlert.title || DEFAULT_ALERT.title,
    message: dv.errorAlert.message || DEFAULT_ALERT.message,
    style: dv.errorAlert.style,
  };
}

export function createWorkbookSim(options: WorkbookSimOptions = {}): WorkbookSim {
  const state = createWorkbookState(options.sheets);
  const engine = new Engine(state);
  const actions = new Map<string, (...args: unknown[]) => unknown>();
  const apiVersion = options.apiVersion ?? NEWEST_EXCEL_API;
  engine.apiVersion = apiVersion;
  const platform = options.platform ?? 'PC';
  engine.platform = platform;
  const { Office, ui } = createOfficeStandIn({ ...options, apiVersion, platform }, actions);

  const locate = (sheetName: string, address: string) => {
    const sheet = findSheet(state, sheetName);
    const ref = parseAddress(address);
    if (!sheet || !ref) throw new SimError('InvalidArgument', `Unknown cell ${sheetName}!${address}`);
    return { sheet, rect: ref.rect };
  };

  return {
    Excel: createExcelNamespace(engine) as unknown as typeof Excel,
    Office: Office as unknown as typeof globalThis.Office,
    state,
    get syncCount() {
      return engine.syncCount;
    },
    resetSyncCount() {
      engine.syncCount = 0;
    },
    failNextSync(code, message, options) {
      engine.failNext = { code, message, afterOperations: options?.afterOperations, sync: options?.sync };
    },
    get lastSyncOperations() {
      return engine.lastSyncOperations;
    },
    onChange: (listener) => engine.onChange(listener),
    setCell(sheetName, address, input) {
      const { sheet, rect } = locate(sheetName, address);
      inputToCell(ensureCell(sheet, rect.r0, rect.c0), input ?? '');
      // in manual calculation mode Excel computes the entered cell only (F9 does the rest)
      if (state.calculationMode === 'Manual') calculateEntered(state, sheet, { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 });
      else recalc(state);
      engine.emit();
    },
    typeIn(sheetName, address, input) {
      const { sheet, rect } = locate(sheetName, address);
      const verdict = checkTyped(state, sheet, rect.r0, rect.c0, input);
      if (verdict) return { accepted: false, alert: verdict };
      this.setCell(sheetName, address, input);
      return { accepted: true };
    },
    promptAt(sheetName, address) {
      const { sheet, rect } = locate(sheetName, address);
      const dv = sheet.validations.find(
        (v) => rect.r0 >= v.range.r0 && rect.r0 <= v.range.r1 && rect.c0 >= v.range.c0 && rect.c0 <= v.range.c1,
      );
      return dv && dv.prompt.showPrompt && (dv.prompt.title || dv.prompt.message)
        ? { title: dv.prompt.title, message: dv.prompt.message }
        : null;
    },
    getCell(sheetName, address) {
      const { sheet, rect } = locate(sheetName, address);
      return JSON.parse(JSON.stringify(cellAt(sheet, rect.r0, rect.c0)));
    },
    select(sheetName, address) {
      const { sheet, rect } = locate(sheetName, address);
      state.selection = { sheetId: sheet.id, rect };
      state.activeSheetId = sheet.id;
      engine.emit();
    },
    selectionAddress() {
      const sheet = state.sheets.find((s) => s.id === state.selection.sheetId) ?? state.sheets[0];
      const areas = state.selection.areas ?? [state.selection.rect];
      return areas.map((r) => addressOf(sheet, r)).join(',');
    },
    actions,
    dialogs: ui.dialogs,
    onDialog: (listener) => ui.onDialog(listener),
    browserWindows: ui.browserWindows,
    refuseNextDialog: (code, message) => ui.refuseNextDialog(code, message),
  };
}

/** Sets `Excel`, `Office` and `OfficeExtension` (with its Error class) on a global object, like office.js does. */
export function installGlobals(sim: WorkbookSim, target: Record<string, unknown> = globalThis): void {
  target.Excel = sim.Excel;
  target.Office = sim.Office;
  target.OfficeExtension = {
    Error: SimError,
    ErrorCodes: { propertyNotLoaded: 'PropertyNotLoaded', generalException: 'GeneralException' },
  };
}
