/**
 * What every Excel action shares: the injected office-js, the ExcelApi check, the session's memory of what the
 * workbook held at the last read, and the Excel.run wrapper that turns Excel's refusals into HostErrors.
 */
import { HostError } from '../host/types';
import { registrationNames } from '../report/plan';
import { TABLE_IDS } from '../report/types';
import { describeExcelError } from './errors';

/** The parts of office-js the host needs; injected so tests and the preview pass the in-browser workbook. */
export interface OfficeEnv {
  Excel: typeof Excel;
  Office: typeof Office;
}

export const MIN_API = '1.8';
/** Workbook setting that keeps last year's report (JSON) for the cross-year checks. */
export const LAST_YEAR_SETTING = 'ogi.lastYearReport';

/** What the host remembers between actions, to read speculatively in an action's first sync. */
export interface HostState {
  /** Registration names expected to exist: at first the names of the first set (the usual workbook holds one
   *  report), then those last seen. */
  known: Set<string>;
  /** Prose sheets seen to exist. */
  knownProse: Set<string>;
  /** Whether the workbook has the mark sheet (as of the last read). */
  hasMarkSheet: boolean;
}

/** What an action is given: office-js, the ExcelApi check and the session's state. */
export interface ExcelSession {
  X: typeof Excel;
  O: typeof Office;
  /** Whether this Excel has ExcelApi `version` (members above MIN_API are only called behind this). */
  hasExcelApi: (version: string) => boolean;
  state: HostState;
  /** Excel.run, with whatever Excel throws turned into a HostError explained in Chinese. */
  run: <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

/** The code of an error Excel threw, if it has one. */
export const errorCode = (e: unknown): string | undefined => (e as { code?: string } | null)?.code;

export function createSession(env: OfficeEnv): ExcelSession {
  const { Excel: X, Office: O } = env;
  const hasExcelApi = (version: string): boolean => !!O?.context?.requirements?.isSetSupported?.('ExcelApi', version);
  const state: HostState = {
    known: new Set<string>(TABLE_IDS.map((t) => registrationNames(t)[0])),
    knownProse: new Set<string>(),
    hasMarkSheet: false,
  };
  const run = async <T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await X.run(fn);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(describeExcelError(e), errorCode(e));
    }
  };
  return { X, O, hasExcelApi, state, run };
}
