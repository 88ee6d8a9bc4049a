/** Function file of the ribbon buttons (manifest FunctionName="insertAllTables"). */
import { createExcelHost } from '../excel/excelHost';
import { insertAllFromRibbon } from './ribbon';

export function registerCommands(office: typeof Office, host = createExcelHost()): void {
  office.actions.associate('insertAllTables', (event: Office.AddinCommands.Event) => {
    insertAllFromRibbon(host)
      .catch((e: unknown) => (e instanceof Error ? e.message : String(e)))
      .finally(() => event.completed());
  });
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => registerCommands(Office));
}
