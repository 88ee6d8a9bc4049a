/**
 * Preview page: the real task pane running against the in-browser workbook, drawn beside it.
 * Used by `npm start` on machines without Excel and by the end-to-end tests.
 */
import { createWorkbookSim, installGlobals } from '../excel-sim';
import { renderWorkbook } from '../excel-sim/grid';
import { createExcelHost } from '../excel/excelHost';
import { mountPane } from '../taskpane/mount';
import { registerCommands } from '../commands/commands';
import { renderNotice } from '../commands/noticeView';

const params = new URLSearchParams(location.search);
const sim = createWorkbookSim({
  sheets: ['Sheet1'],
  apiVersion: params.get('api') ?? undefined,
  displayLanguage: params.get('lang') ?? 'zh-CN',
});
installGlobals(sim, window as unknown as typeof globalThis);
(window as unknown as { __ogiSim: typeof sim }).__ogiSim = sim;

const host = createExcelHost({ Excel: sim.Excel, Office: sim.Office });
renderWorkbook(document.getElementById('sheet') as HTMLElement, sim);
void mountPane(document.getElementById('pane') as HTMLElement, host, sim.Office.context.displayLanguage);

// A stand-in for the ribbon button 插入全部表格 (Home tab, group 政务公开年报): it runs the function command
// registered by commands.ts, as Excel does; the outcome dialog it opens is drawn over the page.
registerCommands(sim.Office, host);
const ribbon = document.getElementById('ribbon-insert') as HTMLButtonElement | null;
const status = document.getElementById('ribbon-status');
if (ribbon) {
  ribbon.addEventListener('click', () => {
    ribbon.disabled = true;
    if (status) status.textContent = '正在运行…';
    const action = sim.actions.get('insertAllTables') as (event: { completed: () => void }) => void;
    action({
      completed: () => {
        ribbon.disabled = false;
        if (status) status.textContent = '';
      },
    });
  });
}
sim.onDialog((dialog) => {
  const id = `dialog-${sim.dialogs.indexOf(dialog)}`;
  document.getElementById(id)?.remove();
  if (dialog.closed) return;
  const overlay = document.createElement('div');
  overlay.id = id;
  overlay.className = 'preview-dialog';
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('data-testid', 'office-dialog');
  const frame = document.createElement('div');
  frame.className = 'preview-dialog-frame';
  const x = document.createElement('button');
  x.type = 'button';
  x.className = 'preview-dialog-x';
  x.setAttribute('aria-label', '关闭对话框 (close)');
  x.textContent = '×';
  x.addEventListener('click', () => dialog.closeByUser());
  const body = document.createElement('main');
  frame.append(x, body);
  overlay.appendChild(frame);
  document.body.appendChild(overlay);
  // what notice.html shows, drawn here: its close button sends messageParent('close') to the command
  void renderNotice(body, new URL(dialog.url).search, () => dialog.messageParent('close'));
});
