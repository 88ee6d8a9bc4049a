/**
 * The Excel implementation of the host interface: the only code that calls Excel.run. Each action is its own
 * module with its read batch and its write batch (at most one read sync and one write sync); this file wires them
 * to one session (context.ts) and answers what needs no Excel call.
 */
import type { HostEnvironment, HostInfo, WorkbookHost } from '../host/types';
import { discardSheet, writeCells } from './cells';
import { createSession, MIN_API, type ExcelSession, type OfficeEnv } from './context';
import { insertTables } from './insert';
import { storeLastYear } from './lastYear';
import { checkAndMark, clearMarks } from './marks';
import { insertProse, sheetNames } from './prose';
import { readTables } from './read';
import { registerTables } from './register';
import { selectAddress, selectCells } from './select';

export { LAST_YEAR_SETTING, MIN_API, type OfficeEnv } from './context';

function info(session: ExcelSession): HostInfo {
  return session.hasExcelApi(MIN_API)
    ? { name: `Excel (ExcelApi ${MIN_API}+)`, supported: true }
    : {
        name: 'Excel',
        supported: false,
        reason: `当前 Excel 版本过旧，不支持本加载项所需的接口（需要 ExcelApi ${MIN_API}：Microsoft 365、Office 2021 及以上、保持更新的零售版 Excel 2019 或网页版 Excel；批量授权版 Office 2019 及更早版本不支持）。请升级 Office 后再试。`,
      };
}

function environment(session: ExcelSession): HostEnvironment {
  const d = session.O?.context?.diagnostics;
  let highest: string | null = null;
  for (let minor = 1; minor <= 99 && session.hasExcelApi(`1.${minor}`); minor++) highest = `1.${minor}`;
  return {
    application: 'Excel',
    version: d?.version ? String(d.version) : '未知（unknown）',
    platform: String(d?.platform ?? session.O?.context?.platform ?? '未知（unknown）'),
    api: highest ? `ExcelApi ${highest}` : '不支持 ExcelApi（none）',
  };
}

export function createExcelHost(env: OfficeEnv = { Excel: globalThis.Excel, Office: globalThis.Office }): WorkbookHost {
  const s = createSession(env);
  return {
    info: () => info(s),
    insertTables: (req, target) => insertTables(s, req, target),
    readTables: (options) => readTables(s, options),
    checkAndMark: (decide, options) => checkAndMark(s, decide, options),
    clearMarks: (only) => clearMarks(s, only),
    selectCells: (tableName, cells) => selectCells(s, tableName, cells),
    selectAddress: (address) => selectAddress(s, address),
    registerTables: (tables) => registerTables(s, tables),
    sheetNames: () => sheetNames(s),
    insertProse: (sheet, rows) => insertProse(s, sheet, rows),
    storeLastYear: (json) => storeLastYear(s, json),
    environment: () => environment(s),
    writeCells: (tableName, cells) => writeCells(s, tableName, cells),
    discardSheet: (sheetName) => discardSheet(s, sheetName),
  };
}
