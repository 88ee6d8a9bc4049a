/** Function file of the ribbon buttons (manifest FunctionName="insertAllTables"). */
import { createExcelHost } from '../excel/excelHost';
import { insertAllFromRibbon, type RibbonOutcome } from './ribbon';
import { startOffice } from '../taskpane/startup';

/** The page the outcome is shown on (same folder as this function file: the dialog must be on its domain). */
export const NOTICE_PAGE = 'notice.html';

/**
 * Shows a ribbon command's outcome in a small Office dialog (DialogApi 1.1) and resolves when the person closes it
 * (or after five minutes, so the command always completes). A function command has no UI of its own: without a
 * dialog its outcome, refusals and errors included, would be lost. Without DialogApi it resolves at once.
 */
export function tell(
  office: typeof Office,
  outcome: RibbonOutcome,
  base = globalThis.location?.href ?? 'https://localhost:3000/commands.html',
): Promise<void> {
  if (!office.context?.requirements?.isSetSupported('DialogApi', '1.1')) return Promise.resolve();
  const url = new URL(NOTICE_PAGE, base);
  url.searchParams.set('k', outcome.kind);
  url.searchParams.set('m', outcome.text.slice(0, 600));
  if (/^en\b/i.test(office.context.displayLanguage ?? '')) url.searchParams.set('l', 'en');
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5 * 60 * 1000);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    office.context.ui.displayDialogAsync(url.href, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        done();
        return;
      }
      const dialog = result.value;
      // the page asks to be closed (its button), or the person closes it (12006: the dialog was closed)
      dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
        dialog.close();
        done();
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => done());
    });
  });
}

export function registerCommands(office: typeof Office, host = createExcelHost()): void {
  office.actions.associate('insertAllTables', (event: Office.AddinCommands.Event) => {
    insertAllFromRibbon(host)
      .then((outcome) => tell(office, outcome))
      .catch(() => undefined)
      .finally(() => event.completed());
  });
}

// commands.html (the preview imports registerCommands and has no #container): the same start-up as the pane, so a
// function file whose office.js never calls back says why when IT opens it
const container = typeof document !== 'undefined' ? document.getElementById('container') : null;
if (container) {
  (window as unknown as { __ogiMounted?: boolean }).__ogiMounted = true;
  startOffice(container, () => registerCommands(Office));
}
