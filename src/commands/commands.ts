/** Function file of the ribbon buttons (manifest FunctionName="insertAllTables"). */
import { createExcelHost } from '../excel/excelHost';
import { insertAllFromRibbon, type RibbonOutcome } from './ribbon';
import { startOffice } from '../taskpane/startup';

/** The page the outcome is shown on (same folder as this function file: the dialog must be on its domain). */
export const NOTICE_PAGE = 'notice.html';

/** How an outcome reached the person: in the dialog; in their browser, because the dialog could not open; or only
 *  in the console (neither could open, e.g. Excel on the web refusing the dialog), where IT finds it with F12. */
export type Told = 'dialog' | 'browser' | 'console';

const KIND_WORDS: Record<RibbonOutcome['kind'], string> = { done: '已完成 (done)', refused: '未插入 (refused)', failed: '出错 (failed)' };

/** The address of notice.html showing this outcome. */
export function noticeUrl(office: typeof Office, outcome: RibbonOutcome, base: string): URL {
  const url = new URL(NOTICE_PAGE, base);
  url.searchParams.set('k', outcome.kind);
  url.searchParams.set('m', outcome.text.slice(0, 600));
  if (/^en\b/i.test(office.context?.displayLanguage ?? '')) url.searchParams.set('l', 'en');
  return url;
}

/**
 * Opens notice.html in an Office dialog (DialogApi 1.1) and resolves when the person closes it (or after five
 * minutes, so the command always completes). Rejects, with Office's error code and words, when the dialog cannot
 * open: no DialogApi, or displayDialogAsync refusing (12007 one already open, 12009 ignored, 12011 blocked…).
 */
function showInDialog(office: typeof Office, href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!office.context?.requirements?.isSetSupported('DialogApi', '1.1')) {
      reject(new Error('此 Office 不支持对话框 (DialogApi 1.1 missing)'));
      return;
    }
    const timer = setTimeout(resolve, 5 * 60 * 1000);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    office.context.ui.displayDialogAsync(href, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        clearTimeout(timer);
        reject(new Error(`Office 拒绝打开对话框 (displayDialogAsync ${result.error?.code}: ${result.error?.message})`));
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

/** The dialog could not open: the outcome is always written to the console, and shown in the person's browser
 *  where Office offers that (OpenBrowserWindowApi 1.1: Windows, Mac, iPad; not Excel on the web). */
function tellOtherwise(office: typeof Office, outcome: RibbonOutcome, href: string | null, why: unknown): Told {
  const reason = why instanceof Error ? why.message : String(why);
  console.error(
    `政务公开年报助手 · 插入全部表格:${KIND_WORDS[outcome.kind]}。${outcome.text}\n` +
      `结果对话框未能打开 (the outcome dialog could not open):${reason}`,
  );
  if (href === null || !office.context?.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1')) return 'console';
  try {
    office.context.ui.openBrowserWindow(href);
    return 'browser';
  } catch (e) {
    console.error(`政务公开年报助手:浏览器窗口也未能打开 (nor could a browser window open):${e instanceof Error ? e.message : String(e)}`);
    return 'console';
  }
}

/**
 * Shows a ribbon command's outcome to the person — done, refused, failed, with the reason — in a small Office
 * dialog, and resolves when they close it. A function command has no UI of its own: when the dialog cannot open,
 * the outcome goes to their browser or at least the console (tellOtherwise). Never rejects.
 */
export async function tell(
  office: typeof Office,
  outcome: RibbonOutcome,
  base = globalThis.location?.href ?? 'https://localhost:3000/commands.html',
): Promise<Told> {
  let href: string | null = null;
  try {
    href = noticeUrl(office, outcome, base).href;
    await showInDialog(office, href);
    return 'dialog';
  } catch (e) {
    return tellOtherwise(office, outcome, href, e);
  }
}

export function registerCommands(office: typeof Office, host = createExcelHost()): void {
  office.actions.associate('insertAllTables', (event: Office.AddinCommands.Event) => {
    insertAllFromRibbon(host)
      .then((outcome) => tell(office, outcome))
      // neither throws; should one ever, the error is still reported, and the command still completes
      .catch((e: unknown) => console.error('政务公开年报助手:插入全部表格未能完成 (insert all tables did not finish)', e))
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
