/**
 * Plain-DOM view of the simulated workbook: sheet tabs plus the active sheet drawn as an HTML table like Excel
 * (column letters, row numbers, computed values, merges, fills incl. conditional formats, bold, wrap, borders,
 * column widths, selection outline, notes). Pressing on a cell selects it and opens a small editor; Enter (which then
 * moves down, as in Excel), or pressing on another cell or tab, stores a changed input as the user's typing,
 * held to the cell's data validation (sim.typeIn: a refused value brings up Excel's Stop alert, 重试/取消); Escape
 * cancels. A validated cell's input prompt shows while it is selected; a selection made elsewhere (the pane) is
 * scrolled into view, and redraws keep the scroll position. Cell data is only ever written with textContent.
 */
import type { ValidationAlert, WorkbookSim } from './index';
import { colName } from '../report/a1';
import { cellKey, cfApplies } from './formula';
import { boundingRect, formatText, usedRect } from './model';
import type { BorderState, CellState, Rect, SheetState } from './model';

const CSS = `
.sim-grid{font:12px/1.3 Calibri,"Microsoft YaHei","PingFang SC",sans-serif;color:#000;display:flex;flex-direction:column;height:100%;min-height:0}
.sim-grid .sim-scroll{overflow:auto;flex:1;background:#fff}
.sim-grid table{border-collapse:collapse;table-layout:fixed}
.sim-grid td,.sim-grid th{border:1px solid #e1e1e1;padding:0 3px;overflow:hidden;white-space:nowrap;position:relative;box-sizing:border-box}
.sim-grid th{background:#f3f3f3;color:#444;font-weight:normal;text-align:center}
.sim-grid tr.sim-colheads th{position:sticky;top:0;z-index:2}
.sim-grid th.sim-rowhead{position:sticky;left:0;z-index:1}
.sim-grid tr.sim-colheads th.sim-rowhead{z-index:3}
.sim-grid td.sim-spill{overflow:visible;z-index:0}
.sim-grid td.sim-sel{background-image:linear-gradient(rgba(33,115,70,.08),rgba(33,115,70,.08))}
.sim-grid .sim-note{position:absolute;top:0;right:0;border-style:solid;border-width:0 6px 6px 0;border-color:transparent #d00 transparent transparent}
.sim-grid input.sim-input{width:100%;box-sizing:border-box;font:inherit;border:0;outline:2px solid #217346;padding:0 2px}
.sim-grid .sim-tabs{display:flex;gap:2px;border-top:1px solid #ccc;background:#f3f3f3;padding:2px 4px;flex-wrap:wrap}
.sim-grid .sim-tabs button{border:1px solid #ccc;background:#fff;padding:2px 10px;font:inherit;cursor:pointer}
.sim-grid .sim-tabs button.sim-active{border-bottom:2px solid #217346;font-weight:bold;color:#217346}
.sim-grid .sim-status{min-height:1.3em;color:#a00;padding:0 4px}
.sim-grid .sim-prompt{border:1px solid #c8c6c4;background:#ffffe1;padding:2px 6px;display:flex;gap:6px;flex-wrap:wrap}
.sim-grid .sim-alert{border:1px solid #a4262c;background:#fff;padding:8px 10px;box-shadow:0 4px 12px rgba(0,0,0,.2)}
.sim-grid .sim-alert-title{font-weight:bold;color:#a4262c}
.sim-grid .sim-alert-message{margin:4px 0 8px}
.sim-grid .sim-alert-buttons{display:flex;gap:8px}
.sim-grid .sim-alert-buttons button{font:inherit;padding:2px 12px}
`;

const px = (points: number) => `${Math.round((points * 4) / 3)}px`;
const SELECT_COLOR = '#217346';

function borderCss(b: BorderState | undefined): string {
  if (!b) return '';
  const width = b.weight === 'Thick' ? 3 : b.weight === 'Medium' ? 2 : 1;
  const style = b.style === 'Double' ? 'double' : /Dot/.test(b.style) ? 'dotted' : /Dash/.test(b.style) ? 'dashed' : 'solid';
  return `${b.style === 'Double' ? 3 : width}px ${style} ${b.color}`;
}

/** A typed element of `doc` with an optional class and text. */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The part of a sheet drawn: at least A1:J20, the used range with a margin, merges and a nearby selection; at most 500 × 100. */
function extent(sim: WorkbookSim, sheet: SheetState): Rect {
  let r: Rect = { r0: 0, c0: 0, r1: 19, c1: 9 };
  const used = usedRect(sheet);
  if (used) r = boundingRect(r, { r0: 0, c0: 0, r1: used.r1 + 2, c1: used.c1 + 1 });
  for (const m of sheet.merges) r = boundingRect(r, m);
  const sel = sim.state.selection;
  if (sel.sheetId === sheet.id && sel.rect.r1 < 500 && sel.rect.c1 < 100) r = boundingRect(r, sel.rect);
  return { r0: 0, c0: 0, r1: Math.min(r.r1, 499), c1: Math.min(r.c1, 99) };
}

/** What the conditional formats that apply to a cell change: the first fill, font colour and bold that apply. */
interface CfLook {
  fill: string | null;
  font: string | null;
  bold: boolean | null;
}

function cfLook(sim: WorkbookSim, sheet: SheetState, r: number, c: number): CfLook {
  const cf: CfLook = { fill: null, font: null, bold: null };
  for (const f of sheet.conditionalFormats) {
    if ((f.fill && !cf.fill) || (f.fontColor && !cf.font) || (f.bold !== null && cf.bold === null)) {
      if (!cfApplies(sim.state, sheet, f, r, c)) continue;
      cf.fill ??= f.fill;
      cf.font ??= f.fontColor;
      cf.bold ??= f.bold;
    }
  }
  return cf;
}

/** CSS text-align of a cell: General aligns numbers right, logicals centred, text left, as Excel does. */
function textAlign(cell: CellState | undefined): string {
  const h = cell?.horizontalAlignment ?? 'General';
  if (h === 'General') return typeof cell?.value === 'number' ? 'right' : typeof cell?.value === 'boolean' ? 'center' : 'left';
  if (h === 'Center' || h === 'CenterAcrossSelection') return 'center';
  if (h === 'Right') return 'right';
  return h === 'Justify' || h === 'Distributed' ? 'justify' : 'left';
}

const SIDES: Array<[keyof CellState['borders'], 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight']> = [
  ['EdgeTop', 'borderTop'],
  ['EdgeBottom', 'borderBottom'],
  ['EdgeLeft', 'borderLeft'],
  ['EdgeRight', 'borderRight'],
];

/** Edge borders, and diagonal lines drawn over the fill. */
function borderStyle(td: HTMLElement, cell: CellState | undefined): void {
  for (const [edge, prop] of SIDES) {
    const css = borderCss(cell?.borders[edge]);
    if (css) td.style[prop] = css;
  }
  const diagonals = (['DiagonalDown', 'DiagonalUp'] as const).flatMap((d) => {
    const b = cell?.borders[d];
    return b
      ? [
          `linear-gradient(to ${d === 'DiagonalDown' ? 'top right' : 'bottom right'}, transparent calc(50% - 0.6px), ${b.color} calc(50% - 0.6px), ${b.color} calc(50% + 0.6px), transparent calc(50% + 0.6px))`,
        ]
      : [];
  });
  if (diagonals.length) td.style.backgroundImage = diagonals.join(',');
}

function cellStyle(td: HTMLElement, cell: CellState | undefined, cf: CfLook): void {
  const fill = cf.fill ?? cell?.fill.color ?? null;
  if (fill) td.style.backgroundColor = fill;
  const color = cf.font ?? cell?.font.color;
  if (color && color !== '#000000') td.style.color = color;
  if (cf.bold ?? cell?.font.bold) td.style.fontWeight = 'bold';
  if (cell?.font.size) td.style.fontSize = px(cell.font.size);
  if (cell?.wrapText) {
    td.style.whiteSpace = 'pre-wrap';
    td.style.wordBreak = 'break-all';
  }
  td.style.textAlign = textAlign(cell);
  const v = cell?.verticalAlignment ?? 'Bottom';
  td.style.verticalAlign = v === 'Top' ? 'top' : v === 'Center' ? 'middle' : 'bottom';
  borderStyle(td, cell);
}

/** The merges of a sheet by top-left cell, and the cells they cover (other than their top-left). */
interface Merges {
  at: Map<string, Rect>;
  covered: Set<string>;
}

function mergesOf(sheet: SheetState): Merges {
  const at = new Map<string, Rect>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    at.set(cellKey(m.r0, m.c0), m);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(cellKey(r, c));
  }
  return { at, covered };
}

/** Marks a cell (or merged area) inside the selection, with the selection's outline on the sides it borders. */
function markSelected(td: HTMLElement, area: Rect, sel: Rect | null): void {
  if (!sel || area.r0 > sel.r1 || area.r1 < sel.r0 || area.c0 > sel.c1 || area.c1 < sel.c0) return;
  td.classList.add('sim-sel');
  td.setAttribute('data-selected', 'true');
  const shadows = [
    area.r0 <= sel.r0 ? `inset 0 2px 0 ${SELECT_COLOR}` : '',
    area.r1 >= sel.r1 ? `inset 0 -2px 0 ${SELECT_COLOR}` : '',
    area.c0 <= sel.c0 ? `inset 2px 0 0 ${SELECT_COLOR}` : '',
    area.c1 >= sel.c1 ? `inset -2px 0 0 ${SELECT_COLOR}` : '',
  ].filter(Boolean);
  if (shadows.length) td.style.boxShadow = shadows.join(',');
}

/** Like Excel, text that does not wrap runs on over the empty cells to its right. */
function spills(sheet: SheetState, merges: Merges, r: number, c: number, cell: CellState | undefined): boolean {
  if (merges.at.has(cellKey(r, c))) return false;
  const next = sheet.cells[cellKey(r, c + 1)];
  return (
    typeof cell?.value === 'string' &&
    cell.value !== '' &&
    !cell.wrapText &&
    !merges.covered.has(cellKey(r, c + 1)) &&
    !merges.at.has(cellKey(r, c + 1)) &&
    (!next || next.value === '')
  );
}

/** Column widths (Excel's points → px) and the header row of column letters. */
function columnHeads(doc: Document, tbl: HTMLTableElement, sheet: SheetState, ext: Rect): void {
  const cols = el(doc, 'colgroup');
  cols.appendChild(el(doc, 'col')).style.width = '40px';
  let width = 40;
  for (let c = 0; c <= ext.c1; c++) {
    const w = Math.round(((sheet.colWidths[c] ?? sheet.defaultColWidth) * 4) / 3);
    width += w;
    cols.appendChild(el(doc, 'col')).style.width = `${w}px`;
  }
  tbl.style.width = `${width}px`;
  tbl.appendChild(cols);
  const head = el(doc, 'tr', 'sim-colheads');
  head.appendChild(el(doc, 'th', 'sim-rowhead'));
  for (let c = 0; c <= ext.c1; c++) head.appendChild(el(doc, 'th', '', colName(c)));
  tbl.appendChild(head);
}

type Editing = { sheetId: string; r: number; c: number; text?: string };
/** Excel's Stop alert for typed input its data validation rejects (the cell stays in edit, as in Excel). */
type Alert = ValidationAlert & { sheetId: string; r: number; c: number; text: string };

/** The live view: the editing state between redraws, and the parts it draws. */
class GridView {
  editing: Editing | null = null;
  /** Saves the open editor's input if it changed (set while an editor is open); false when Excel refused it. */
  commitPending: (() => boolean) | null = null;
  status = '';
  alert: Alert | null = null;
  /** The selection last drawn: a new one (from the pane, or Enter) is scrolled into view, as Excel does. */
  drawnSelection = '';
  private readonly doc: Document;

  constructor(
    private readonly root: HTMLElement,
    private readonly style: HTMLStyleElement,
    private readonly sim: WorkbookSim,
  ) {
    this.doc = root.ownerDocument;
  }

  el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
    return el(this.doc, tag, cls, text);
  }

  /** An open editor or alert keeps the cell: a press elsewhere saves the input first; false (and a redraw) when it may not leave. */
  private leaveCell(): boolean {
    if (this.alert || this.commitPending?.() === false) {
      this.draw();
      return false;
    }
    return true;
  }

  tabs(active: SheetState): HTMLElement {
    const bar = this.el('div', 'sim-tabs');
    for (const s of this.sim.state.sheets.filter((x) => x.visibility === 'Visible')) {
      const b = this.el('button', s.id === active.id ? 'sim-active' : '', s.name);
      b.type = 'button';
      b.setAttribute('data-testid', 'sim-tab');
      b.addEventListener('click', () => {
        if (!this.leaveCell()) return;
        this.editing = null;
        this.status = '';
        this.sim.select(s.name, 'A1');
      });
      bar.appendChild(b);
    }
    return bar;
  }

  table(sheet: SheetState): HTMLElement {
    const st = this.sim.state;
    const ext = extent(this.sim, sheet);
    const merges = mergesOf(sheet);
    const sel = st.selection.sheetId === sheet.id ? st.selection.rect : null;
    const tbl = this.el('table');
    columnHeads(this.doc, tbl, sheet, ext);
    for (let r = 0; r <= ext.r1; r++) {
      const tr = this.el('tr');
      tr.style.height = px(sheet.rowHeights[r] ?? sheet.defaultRowHeight);
      tr.appendChild(this.el('th', 'sim-rowhead', String(r + 1)));
      for (let c = 0; c <= ext.c1; c++) if (!merges.covered.has(cellKey(r, c))) tr.appendChild(this.cell(sheet, merges, sel, r, c));
      tbl.appendChild(tr);
    }
    return tbl;
  }

  /** One cell (or merged area) with its look, value or editor, note mark, and press handler. */
  cell(sheet: SheetState, merges: Merges, sel: Rect | null, r: number, c: number): HTMLTableCellElement {
    const key = cellKey(r, c);
    const m = merges.at.get(key);
    const area = m ?? { r0: r, c0: c, r1: r, c1: c };
    const td = this.el('td');
    const addr = `${colName(c)}${r + 1}`;
    td.setAttribute('data-addr', addr);
    if (m) {
      td.rowSpan = m.r1 - m.r0 + 1;
      td.colSpan = m.c1 - m.c0 + 1;
    }
    const cell = sheet.cells[key];
    cellStyle(td, cell, cfLook(this.sim, sheet, r, c));
    markSelected(td, area, sel);
    const editing = this.editing;
    if (editing && editing.sheetId === sheet.id && editing.r === r && editing.c === c) td.appendChild(this.editor(sheet, addr, cell, area));
    else td.textContent = cell ? formatText(cell.value, cell.numberFormat) : '';
    if (spills(sheet, merges, r, c, cell)) td.classList.add('sim-spill');
    const note = sheet.notes[key];
    if (note !== undefined) {
      td.title = note;
      td.appendChild(this.el('span', 'sim-note'));
    }
    td.addEventListener('mousedown', (e) => this.press(e, sheet, r, c, addr));
    return td;
  }

  /** Pressing on a cell selects it and opens its editor (not on a protected sheet). */
  private press(e: MouseEvent, sheet: SheetState, r: number, c: number, addr: string): void {
    if (this.editing?.r === r && this.editing?.c === c && this.editing.sheetId === sheet.id) return;
    e.preventDefault(); // keep the focus for the editor opened below
    // Excel keeps you in a cell whose typed value its validation refused until you retry or cancel
    if (!this.leaveCell()) return;
    this.editing = sheet.protected ? null : { sheetId: sheet.id, r, c };
    this.status = sheet.protected ? `工作表“${sheet.name}”受保护，不能编辑单元格。` : '';
    this.sim.select(sheet.name, addr);
  }

  editor(sheet: SheetState, addr: string, cell: CellState | undefined, area: Rect): HTMLInputElement {
    const input = this.el('input', 'sim-input');
    input.setAttribute('data-testid', 'sim-input');
    const initial = cell?.formula ?? (cell ? String(cell.value ?? '') : '');
    input.value = this.editing?.text ?? initial;
    /** Saves a changed input as the user's typing, held to the cell's data validation; redraws only when asked
     *  (Enter/Escape), not while another press is handled. Returns false when Excel's Stop alert refused it. */
    const finish = (save: boolean, redraw: boolean): boolean => {
      if (this.commitPending !== commit) return true;
      this.commitPending = null;
      const here = this.editing;
      this.editing = null;
      const outcome = save && input.value !== initial ? this.typeIn(sheet, addr, area, input.value, here) : 'unchanged';
      if (outcome === 'accepted') return true;
      if (redraw) this.draw();
      return outcome !== 'refused';
    };
    const commit = (): boolean => finish(true, false);
    this.commitPending = commit;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const moved = area.r1 + 1 < 1048576;
        if (finish(true, false) && moved) {
          // like Excel, Enter moves to the cell below (below the whole merged area), ready for typing
          this.editing = sheet.protected ? null : { sheetId: sheet.id, r: area.r1 + 1, c: area.c0 };
          this.sim.select(sheet.name, `${colName(area.c0)}${area.r1 + 2}`);
        } else this.draw();
      } else if (e.key === 'Escape') finish(false, true);
    });
    queueMicrotask(() => input.focus());
    return input;
  }

  /** Stores typed input held to the cell's validation. 'refused': Excel's Stop alert is up and the editor (`here`)
   *  keeps the text; 'failed': the stand-in threw, and the status line says why. */
  private typeIn(sheet: SheetState, addr: string, area: Rect, text: string, here: Editing | null): 'accepted' | 'refused' | 'failed' {
    try {
      const typed = this.sim.typeIn(sheet.name, addr, text);
      if (typed.accepted) return 'accepted';
      this.alert = { ...typed.alert, sheetId: sheet.id, r: area.r0, c: area.c0, text };
      this.editing = here && { ...here, text };
      return 'refused';
    } catch (e) {
      this.status = `输入无效：${(e as Error).message}`;
      return 'failed';
    }
  }

  /** Excel's Stop alert: its title and message, 重试 (back to the cell, the text kept) or 取消 (the old value stays). */
  alertBox(): HTMLElement {
    const alert = this.alert;
    const box = this.el('div', 'sim-alert');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('data-testid', 'sim-alert');
    const title = this.el('div', 'sim-alert-title', alert?.title ?? '');
    const message = this.el('div', 'sim-alert-message', alert?.message ?? '');
    box.setAttribute('aria-label', alert?.title ?? '');
    const retry = this.el('button', '', '重试');
    retry.type = 'button';
    retry.addEventListener('click', () => {
      const shown = this.alert;
      if (shown) this.editing = { sheetId: shown.sheetId, r: shown.r, c: shown.c, text: shown.text };
      this.alert = null;
      this.draw();
    });
    const cancel = this.el('button', '', '取消');
    cancel.type = 'button';
    cancel.addEventListener('click', () => {
      this.alert = null;
      this.editing = null;
      this.commitPending = null;
      this.draw();
    });
    const buttons = this.el('div', 'sim-alert-buttons');
    buttons.append(retry, cancel);
    box.append(title, message, buttons);
    queueMicrotask(() => retry.focus());
    return box;
  }

  /** The input prompt Excel shows beside a selected validated cell (none while the Stop alert is up). */
  private prompt(sheet: SheetState): HTMLElement | null {
    const sel = this.sim.state.selection;
    const prompt = sel.sheetId === sheet.id ? this.sim.promptAt(sheet.name, `${colName(sel.rect.c0)}${sel.rect.r0 + 1}`) : null;
    if (!prompt || this.alert) return null;
    const p = this.el('div', 'sim-prompt');
    p.setAttribute('data-testid', 'sim-prompt');
    p.setAttribute('role', 'status');
    p.append(this.el('strong', '', prompt.title), this.el('span', '', prompt.message));
    return p;
  }

  /** Redraws the active sheet, keeping the scroll position; a new selection is scrolled into view. */
  draw = (): void => {
    const st = this.sim.state;
    const sheet = st.sheets.find((s) => s.id === st.activeSheetId) ?? st.sheets[0];
    if (this.editing && this.editing.sheetId !== sheet.id) this.editing = null;
    if (this.alert && this.alert.sheetId !== sheet.id) this.alert = null;
    // keep where the sheet was scrolled to (a redraw after an edit must not jump back to A1)
    const previous = this.root.querySelector<HTMLElement>('.sim-scroll');
    const at = previous ? { top: previous.scrollTop, left: previous.scrollLeft } : null;
    const scroll = this.el('div', 'sim-scroll');
    scroll.appendChild(this.table(sheet));
    const parts: HTMLElement[] = [this.style, scroll];
    const prompt = this.prompt(sheet);
    if (prompt) parts.push(prompt);
    if (this.alert) parts.push(this.alertBox());
    this.root.replaceChildren(...parts, this.tabs(sheet), this.el('div', 'sim-status', this.status));
    if (at) {
      scroll.scrollTop = at.top;
      scroll.scrollLeft = at.left;
    }
    const key = JSON.stringify([st.activeSheetId, st.selection]);
    if (key !== this.drawnSelection) {
      this.drawnSelection = key;
      const td = scroll.querySelector<HTMLElement>('[data-selected="true"]');
      // scrollIntoView is not in every DOM (jsdom): the browser has it
      if (td && typeof td.scrollIntoView === 'function') td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
}

/** Draws `sim` into `container` and keeps it up to date; returns a function that removes it. */
export function renderWorkbook(container: HTMLElement, sim: WorkbookSim): () => void {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'sim-grid';
  root.setAttribute('data-testid', 'sim-grid');
  const style = doc.createElement('style');
  style.textContent = CSS;
  container.appendChild(root);
  const view = new GridView(root, style, sim);
  view.draw();
  const unsubscribe = sim.onChange(view.draw);
  return () => {
    unsubscribe();
    root.remove();
  };
}
