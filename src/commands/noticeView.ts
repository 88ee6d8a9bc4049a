/**
 * What the dialog of a ribbon button's outcome shows (notice.html, opened by commands.ts through Office's dialog
 * API; the preview draws the same in the page): what happened, in words, from the page's address
 * (?k=done|refused|failed&m=message&l=en), and a close button. Text only: the message is written with
 * textContent, never as HTML.
 */
import { stringsFor } from '../taskpane/i18n-en';

export function renderNotice(container: HTMLElement, search: string, close: () => void): void {
  const q = new URLSearchParams(search);
  const kind = (['done', 'refused', 'failed'] as const).find((k) => k === q.get('k')) ?? 'failed';
  const s = stringsFor(q.get('l') ?? undefined);
  const doc = container.ownerDocument;
  const h1 = doc.createElement('h1');
  h1.setAttribute('data-kind', kind);
  h1.setAttribute('role', kind === 'done' ? 'status' : 'alert');
  h1.textContent = s.noticeTitle[kind];
  const p = doc.createElement('p');
  p.setAttribute('data-testid', 'notice-message');
  p.textContent = q.get('m') ?? '';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = s.noticeClose;
  button.addEventListener('click', close);
  container.replaceChildren(h1, p, button);
  doc.title = `${s.noticeTitle[kind]} · ${s.appTitle}`;
  doc.documentElement.lang = s.language === 'en' ? 'en' : 'zh-CN';
  button.focus();
}
