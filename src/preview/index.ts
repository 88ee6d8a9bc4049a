/**
 * Preview page: the real task pane running against the in-browser workbook, drawn beside it.
 * Used by `npm start` on machines without Excel and by the end-to-end tests.
 */
import { createWorkbookSim, installGlobals } from '../excel-sim';
import { renderWorkbook } from '../excel-sim/grid';
import { createExcelHost } from '../excel/excelHost';
import { mountPane } from '../taskpane/mount';
import { insertAllFromRibbon } from '../commands/ribbon';

const params = new URLSearchParams(location.search);
const sim = createWorkbookSim({
  sheets: ['Sheet1'],
  apiVersion: params.get('api') ?? undefined,
  displayLanguage: params.get('lang') ?? 'zh-CN',
});
installGlobals(sim, window as unknown as typeof globalThis);
(window as unknown as { __ogiSim: typeof sim }).__ogiSim = sim;

const host = createExcelHost({ Excel: sim.Excel as typeof Excel, Office: sim.Office as typeof Office });
renderWorkbook(document.getElementById('sheet') as HTMLElement, sim);
void mountPane(document.getElementById('pane') as HTMLElement, host, sim.Office.context.displayLanguage);

// A stand-in for the ribbon button 插入全部表格 (Home tab, group 政务公开年报).
const ribbon = document.getElementById('ribbon-insert');
if (ribbon) {
  ribbon.addEventListener('click', () => {
    void insertAllFromRibbon(host).then((text) => {
      const status = document.getElementById('ribbon-status');
      if (status) status.textContent = text;
    });
  });
}
