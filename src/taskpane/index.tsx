/** Task pane entry: waits for Office, then mounts the pane against the Excel host. */
import { createExcelHost } from '../excel/excelHost';
import { mountPane } from './mount';

function showFatal(container: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'padding:16px;color:#a4262c;font:14px/1.6 sans-serif';
  p.textContent = text;
  container.replaceChildren(p);
}

// the bundle runs, so the engine is modern enough: legacy-check.js stays quiet from here on
(window as unknown as { __ogiMounted?: boolean }).__ogiMounted = true;

const container = document.getElementById('container') as HTMLElement;
if (typeof Office === 'undefined') {
  showFatal(container, '无法加载 Office 脚本库（office.js），请检查网络或内网部署设置后重新打开本加载项。(office.js could not be loaded.)');
} else {
  void Office.onReady(() => {
    void mountPane(container, createExcelHost(), Office.context?.displayLanguage);
  });
}
