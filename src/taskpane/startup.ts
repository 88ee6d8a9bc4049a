/**
 * Start-up as it happens on real networks, for the task pane and the ribbon's function file alike: office.js may
 * not have loaded at all (a blocked CDN, a wrong intranet path), may have loaded but never call back (the host
 * files beside it blocked or missing, an engine too old), or may call back from a plain browser tab (no Office
 * at all). Each of these gets a message in the page saying why, instead of a blank pane; a late callback still
 * starts the add-in.
 */

/** How long office.js may take to call back before the page says why it is waiting (ms). */
export const OFFICE_TIMEOUT_MS = 8000;

interface Started {
  host: unknown;
  platform: unknown;
}

function show(container: HTMLElement, text: string, role: 'alert' | 'status' = 'alert'): void {
  const p = container.ownerDocument.createElement('p');
  p.setAttribute('role', role);
  p.setAttribute('data-testid', 'startup-message');
  p.style.cssText = 'padding:16px;margin:0;color:#a4262c;font:14px/1.6 sans-serif';
  p.textContent = text;
  container.replaceChildren(p);
}

/** Where the page loads office.js from (for the message IT reads). */
function officeJsSource(doc: Document): string {
  const tag = [...doc.querySelectorAll('script[src]')].find((s) => /office(\.debug)?\.js(\?|$)/.test(s.getAttribute('src') ?? ''));
  return (tag as HTMLScriptElement | undefined)?.src ?? 'office.js';
}

export const STARTUP_MESSAGES = {
  missing: '无法加载 Office 脚本库（office.js），请检查网络或内网部署设置后重新打开本加载项。(office.js could not be loaded.)',
  silent: (seconds: number, source: string) =>
    `Office 在 ${seconds} 秒内没有完成启动（office.js 已下载，但没有回应）。常见原因：① office.js 旁边的其他文件（如 excel-win32-16.01.js、zh-cn/office_strings.js）被网络或防火墙拦截，或内网自行托管的 office-js 文件夹不完整（office.js 来自 ${source}）；② Office 使用的浏览器内核过旧（Internet Explorer 或旧版 Edge），请安装 WebView2 或升级 Office；③ 本页面不是在 Excel 中打开的。仍在等待，Office 完成启动后会自动显示加载项。(Office did not start within ${seconds} s.)`,
  noHost:
    '这是 Excel 加载项“政务公开年报助手”的页面，需要在 Excel 中打开（开始 › 政务公开年报 › 打开年报助手）。能看到这段话，说明网页文件和 office.js 都能正常访问。(Open this add-in from Excel.)',
};

/**
 * Waits for Office and calls `onReady` once it is ready in Excel. `container` shows what is wrong meanwhile:
 * office.js missing, office.js silent for `timeoutMs`, or a page opened outside Office.
 */
export function startOffice(container: HTMLElement, onReady: (info: Started) => void, timeoutMs?: number): void {
  const win = container.ownerDocument.defaultView as (Window & { Office?: typeof Office; __ogiStartupTimeoutMs?: number }) | null;
  // the end-to-end tests shorten the wait (set before the page's scripts run)
  timeoutMs ??= typeof win?.__ogiStartupTimeoutMs === 'number' ? win.__ogiStartupTimeoutMs : OFFICE_TIMEOUT_MS;
  const office = win?.Office;
  if (!office || typeof office.onReady !== 'function') {
    show(container, STARTUP_MESSAGES.missing);
    return;
  }
  let ready = false;
  const wait = timeoutMs;
  const timer = setTimeout(() => {
    if (!ready) show(container, STARTUP_MESSAGES.silent(Math.max(1, Math.round(wait / 1000)), officeJsSource(container.ownerDocument)));
  }, wait);
  void office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    // outside Office, office.js calls back with host null
    if (!info || !info.host) {
      show(container, STARTUP_MESSAGES.noHost, 'status');
      return;
    }
    if (container.querySelector('[data-testid="startup-message"]')) container.replaceChildren();
    onReady(info);
  });
}
