/**
 * The pane's actions bound to a host, all at once: loaded with the first button a person clicks (see actions.ts),
 * so that the checks, the importer's glue and the rest stay out of the pane's first screen.
 */
import type { WorkbookHost } from '../host/types';
import { checkActions, type CheckActions } from './check';
import { exportActions, type ExportActions } from './export';
import { insertActions, type InsertActions } from './insert';
import { lastYearActions, type LastYearActions } from './lastYear';
import { narrativeActions, type NarrativeActions } from './narrative';

export interface BoundActions {
  insert: InsertActions;
  check: CheckActions;
  narrative: NarrativeActions;
  lastYear: LastYearActions;
  export: ExportActions;
}

export function boundActions(host: WorkbookHost): BoundActions {
  return {
    insert: insertActions(host),
    check: checkActions(host),
    narrative: narrativeActions(host),
    lastYear: lastYearActions(host),
    export: exportActions(host),
  };
}
