/**
 * A small tolerant HTML reader (no DOM: this runs in the CLI and in the pane alike): a tokenizer,
 * entity decoding, `<table>`s with colspan/rowspan laid out on a grid, and the page's text with one
 * block element per line for the prose.
 */

type Token =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  emsp: '\u2003',
  ensp: '\u2002',
  thinsp: '\u2009',
  yen: '¥',
  copy: '©',
  reg: '®',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  laquo: '«',
  raquo: '»',
  bull: '•',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    const named = NAMED[body] ?? NAMED[body.toLowerCase()];
    if (named === undefined) return whole;
    // without the semicolon only the common ones (&nbsp &amp …) are entities
    return whole.endsWith(';') || ['nbsp', 'amp', 'lt', 'gt', 'quot'].includes(body.toLowerCase()) ? named : whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'noscript']);

export function tokenize(html: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let text = '';
  const flush = (): void => {
    if (text) out.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 64));
    if (!m) {
      text += '<';
      i += 1;
      continue;
    }
    flush();
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    let j = i + m[0].length;
    const attrs: Record<string, string> = {};
    // attributes until the closing '>' (quoted values may hold '>')
    while (j < html.length && html[j] !== '>') {
      const am = /^[\s/]*([^\s=>/"']+)(?:\s*=\s*("([^"]*)"?|'([^']*)'?|[^\s>]*))?/.exec(html.slice(j, j + 2048));
      if (!am || am[0].length === 0) {
        j += 1;
        continue;
      }
      const raw = am[3] ?? am[4] ?? (am[2] !== undefined && !am[2].startsWith('"') && !am[2].startsWith("'") ? am[2] : '');
      attrs[am[1].toLowerCase()] = decodeEntities(raw ?? '');
      j += am[0].length;
    }
    const selfClosing = html[j - 1] === '/';
    i = j < html.length ? j + 1 : html.length;
    if (closing) out.push({ type: 'close', name });
    else {
      out.push({ type: 'open', name, attrs, selfClosing });
      if (RAW_TEXT.has(name) && !selfClosing) {
        const re = new RegExp(`</${name}\\s*>`, 'ig');
        re.lastIndex = i;
        const end = re.exec(html);
        const body = html.slice(i, end ? end.index : html.length);
        if (name === 'title' || name === 'textarea') out.push({ type: 'text', text: decodeEntities(body) });
        out.push({ type: 'close', name });
        i = end ? end.index + end[0].length : html.length;
      }
    }
  }
  flush();
  return out;
}

export interface HtmlCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** One `<table>`: its rows of cells as written, and the grid with spans expanded (each slot points at
 *  the cell that covers it). */
export interface HtmlTable {
  rows: HtmlCell[][];
  grid: Array<Array<HtmlCell | null>>;
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'table',
  'caption',
  'dt',
  'dd',
  'title',
  'body',
  'html',
]);

const span = (v: string | undefined, max: number): number => {
  const n = parseInt(v ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

function layoutGrid(rows: HtmlCell[][]): Array<Array<HtmlCell | null>> {
  const grid: Array<Array<HtmlCell | null>> = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c += 1;
      const rs = Math.min(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr][c + dc] = cell;
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? null));
}

interface TableDraft {
  order: number;
  rows: HtmlCell[][];
  row: HtmlCell[] | null;
  cell: { parts: string[]; colspan: number; rowspan: number } | null;
}

/** The tables of a page (in the order they open; a table nested in a cell is its own table) and the
 *  page's text: one line per block element or table row, cells separated by a tab. */
export function readHtml(html: string): { tables: HtmlTable[]; text: string } {
  const tokens = tokenize(html);
  const stack: TableDraft[] = [];
  const done: TableDraft[] = [];
  let order = 0;
  let text = '';
  let pre = 0;
  const endCell = (t: TableDraft): void => {
    if (!t.cell) return;
    const value = t.cell.parts
      .join('')
      .replace(/[ \t\r]+/g, ' ')
      .replace(/ ?\n[\n ]*/g, '\n')
      .trim();
    (t.row ??= []).push({ text: value, colspan: t.cell.colspan, rowspan: t.cell.rowspan });
    t.cell = null;
  };
  const endRow = (t: TableDraft): void => {
    endCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };
  const endTable = (): void => {
    const t = stack.pop();
    if (!t) return;
    endRow(t);
    done.push(t);
  };
  for (const tok of tokens) {
    const top = stack[stack.length - 1];
    if (tok.type === 'text') {
      const body = pre > 0 ? tok.text : tok.text.replace(/[ \t\r\n]+/g, ' ');
      text += top?.cell ? body.replace(/\n/g, ' ') : body;
      if (top?.cell) top.cell.parts.push(body);
      continue;
    }
    const name = tok.name;
    if (tok.type === 'open') {
      if (name === 'pre') pre += 1;
      if (name === 'table') {
        stack.push({ order: order++, rows: [], row: null, cell: null });
        text += '\n';
      } else if (top && name === 'tr') {
        endRow(top);
        top.row = [];
        text += '\n';
      } else if (top && (name === 'td' || name === 'th')) {
        endCell(top);
        top.row ??= [];
        top.cell = { parts: [], colspan: span(tok.attrs.colspan, 64), rowspan: span(tok.attrs.rowspan, 512) };
        text += '\t';
      } else if (BLOCK.has(name)) {
        // inside a cell a block breaks the cell's text, not the page's line (a row stays one line)
        if (top?.cell) top.cell.parts.push('\n');
        else text += '\n';
      }
    } else {
      if (name === 'pre') pre = Math.max(0, pre - 1);
      if (name === 'table') endTable();
      else if (top && name === 'tr') endRow(top);
      else if (top && (name === 'td' || name === 'th')) endCell(top);
      else if (BLOCK.has(name)) {
        if (top?.cell) top.cell.parts.push('\n');
        else text += '\n';
      }
    }
  }
  while (stack.length) endTable();
  const tables = done.sort((a, b) => a.order - b.order).map((t) => ({ rows: t.rows, grid: layoutGrid(t.rows) }));
  const lines = text.split('\n').map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '').replace(/\t{2,}/g, '\t'));
  return {
    tables,
    text: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  };
}
