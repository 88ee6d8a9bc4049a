/**
 * The document as one self-contained HTML page, to paste into a government site's content system:
 * inline styles only, no script, no class, no external resource (fonts are named, never loaded),
 * tables with colspan/rowspan and borders. Every text is escaped. Pure: no Node, no DOM.
 *
 * The page reads back through the importer (`importReport(html, { kind: 'html' })`) cell for cell.
 */
import { STYLES, type CellStyle } from '../plan';
import type { CellRole } from '../layout';
import type { Block, ExportDocument, ExportTable } from './document';

/** Escape text for an element body or a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** Font stacks: 仿宋 for the body, 宋体 for tables, 黑体 for headings, 楷体 for sub-headings. */
export const FONTS = {
  body: "'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'SimSun', '宋体', serif",
  table: "'SimSun', '宋体', 'FangSong', '仿宋', serif",
  title: "'FZXiaoBiaoSong-B05S', '方正小标宋简体', 'SimSun', '宋体', serif",
  heading: "'SimHei', '黑体', 'FangSong', '仿宋', 'SimSun', '宋体', sans-serif",
  subheading: "'KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'FangSong', '仿宋', 'SimSun', '宋体', serif",
} as const;

const css = (rules: Record<string, string | number | undefined>): string =>
  Object.entries(rules)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}:${v}`)
    .join(';');

const ROLE_STYLE: Record<CellRole, CellStyle> = {
  corner: 'corner',
  header: 'header',
  blockTitle: 'blockTitle',
  label: 'label',
  data: 'input',
};

const P = css({ margin: '0 0 0.6em', 'text-indent': '2em', 'text-align': 'justify' });

function tableHtml(t: ExportTable): string {
  const total = t.widths.reduce((a, b) => a + b, 0) || 1;
  const cols = t.widths.map((w) => `<col style="${css({ width: `${((w / total) * 100).toFixed(2)}%` })}">`).join('');
  const rows: string[] = [];
  for (let r = 0; r < t.rows; r++) {
    const tds = t.cells
      .filter((c) => c.r === r)
      .map((c) => {
        const s = STYLES[ROLE_STYLE[c.role]];
        const style = css({
          border: '1px solid #000',
          padding: t.compact ? '2px 1px' : '2px 4px',
          'text-align': c.role === 'data' ? 'center' : (s.hAlign ?? 'Left').toLowerCase(),
          'vertical-align': 'middle',
          'font-weight': s.bold ? 'bold' : undefined,
          'word-break': t.compact ? 'break-all' : undefined,
        });
        const span = `${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs > 1 ? ` colspan="${c.cs}"` : ''}`;
        return `<td${span} style="${style}">${c.text ? escapeHtml(c.text) : '&nbsp;'}</td>`;
      });
    rows.push(`<tr>${tds.join('')}</tr>`);
  }
  const style = css({
    width: '100%',
    'border-collapse': 'collapse',
    'table-layout': 'fixed',
    margin: '0.4em 0 1em',
    'font-family': FONTS.table,
    'font-size': t.compact ? '9pt' : '10.5pt',
    'line-height': 1.4,
  });
  return `<table style="${style}"><colgroup>${cols}</colgroup><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<p style="${css({ margin: '0 0 0.6em', 'text-indent': '2em', 'font-family': FONTS.subheading, 'font-weight': 'bold' })}">${escapeHtml(b.text)}</p>`;
    case 'paragraph':
      return `<p style="${P}">${escapeHtml(b.text)}</p>`;
    case 'placeholder':
      return `<p style="${P}"><span style="${css({ 'background-color': '#ffff00' })}">${escapeHtml(b.text)}</span></p>`;
    case 'table':
      return tableHtml(b.table);
  }
}

export function toHtml(doc: ExportDocument): string {
  const body = css({ margin: 0, padding: 0, background: '#ffffff', color: '#000000' });
  const page = css({
    'max-width': '800px',
    margin: '0 auto',
    padding: '24px 16px',
    'font-family': FONTS.body,
    'font-size': '16px',
    'line-height': 1.8,
  });
  const h1 = css({
    margin: '0.5em 0 1em',
    'text-align': 'center',
    'font-family': FONTS.title,
    'font-size': '24px',
    'font-weight': 'bold',
    'line-height': 1.5,
  });
  const h2 = css({ margin: '1em 0 0.6em', 'text-indent': '2em', 'font-family': FONTS.heading, 'font-size': '16px', 'font-weight': 'bold' });
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '</head>',
    `<body style="${body}">`,
    `<div style="${page}">`,
    `<h1 style="${h1}">${escapeHtml(doc.title)}</h1>`,
    ...doc.opening.map(blockHtml),
  ];
  for (const s of doc.sections) {
    parts.push(`<h2 style="${h2}">${escapeHtml(s.title)}</h2>`);
    parts.push(...s.blocks.map(blockHtml));
  }
  parts.push('</div>', '</body>', '</html>', '');
  return parts.join('\n');
}
