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

/** Draws `sim` into `container` and keeps it up to date; returns a function that removes it. */
export function renderWorkbook(container: HTMLElement, sim: WorkbookSim): () => void {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'sim-grid';
  root.setAttribute('data-testid', 'sim-grid');
  const style = doc.createElement('style');
  style.textContent = CSS;
  container.appendChild(root);
  let editing: { sheetId: string; r: number; c: number; text?: string } | null = null;
  /** Saves the open editor's input if it changed (set while an editor is open); false when Excel refused it. */
  let commitPending: (() => boolean) | null = null;
  let status = '';
  /** Excel's Stop alert for typed input its data validation rejects (the cell stays in edit, as in Excel). */
  let alert: (ValidationAlert & { sheetId: string; r: number; c: number; text: string }) | null = null;
  /** The selection last drawn: a new one (from the pane, or Enter) is scrolled into view, as Excel does. */
  let drawnSelection = '';

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function tabs(active: SheetState): HTMLElement {
    const bar = el('div', 'sim-tabs');
    for (const s of sim.state.sheets.filter((x) => x.visibility === 'Visible')) {
      const b = el('button', s.id === active.id ? 'sim-active' : '', s.name);
      b.type = 'button';
      b.setAttribute('data-testid', 'sim-tab');
      b.addEventListener('click', () => {
        if (alert || commitPending?.() === false) {
          draw();
          return;
        }
        editing = null;
        status = '';
        sim.select(s.name, 'A1');
      });
      bar.appendChild(b);
    }
    return bar;
  }

  function extent(sheet: SheetState): Rect {
    let r: Rect = { r0: 0, c0: 0, r1: 19, c1: 9 };
    const used = usedRect(sheet);
    if (used) r = boundingRect(r, { r0: 0, c0: 0, r1: used.r1 + 2, c1: used.c1 + 1 });
    for (const m of sheet.merges) r = boundingRect(r, m);
    const sel = sim.state.selection;
    if (sel.sheetId === sheet.id && sel.rect.r1 < 500 && sel.rect.c1 < 100) r = boundingRect(r, sel.rect);
    return { r0: 0, c0: 0, r1: Math.min(r.r1, 499), c1: Math.min(r.c1, 99) };
  }

  function cellStyle(
    td: HTMLElement,
    cell: CellState | undefined,
    cf: { fill: string | null; font: string | null; bold: boolean | null },
  ): void {
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
    const h = cell?.horizontalAlignment ?? 'General';
    td.style.textAlign =
      h === 'General'
        ? typeof cell?.value === 'number'
          ? 'right'
          : typeof cell?.value === 'boolean'
            ? 'center'
            : 'left'
        : h === 'Center' || h === 'CenterAcrossSelection'
          ? 'center'
          : h === 'Right'
            ? 'right'
            : h === 'Justify' || h === 'Distributed'
              ? 'justify'
              : 'left';
    const v = cell?.verticalAlignment ?? 'Bottom';
    td.style.verticalAlign = v === 'Top' ? 'top' : v === 'Center' ? 'middle' : 'bottom';
    const sides: Array<[keyof CellState['borders'], 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight']> = [
      ['EdgeTop', 'borderTop'],
      ['EdgeBottom', 'borderBottom'],
      ['EdgeLeft', 'borderLeft'],
      ['EdgeRight', 'borderRight'],
    ];
    for (const [edge, prop] of sides) {
      const css = borderCss(cell?.borders[edge]);
      if (css) td.style[prop] = css;
    }
    // diagonal lines, drawn over the fill
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

  function table(sheet: SheetState): HTMLElement {
    const st = sim.state;
    const ext = extent(sheet);
    const mergeAt = new Map<string, Rect>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      mergeAt.set(cellKey(m.r0, m.c0), m);
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(cellKey(r, c));
    }
    const sel = st.selection.sheetId === sheet.id ? st.selection.rect : null;
    const tbl = el('table');
    const cols = el('colgroup');
    cols.appendChild(el('col')).style.width = '40px';
    let width = 40;
    for (let c = 0; c <= ext.c1; c++) {
      const w = Math.round(((sheet.colWidths[c] ?? sheet.defaultColWidth) * 4) / 3);
      width += w;
      cols.appendChild(el('col')).style.width = `${w}px`;
    }
    tbl.style.width = `${width}px`;
    tbl.appendChild(cols);
    const head = el('tr', 'sim-colheads');
    head.appendChild(el('th', 'sim-rowhead'));
    for (let c = 0; c <= ext.c1; c++) head.appendChild(el('th', '', colName(c)));
    tbl.appendChild(head);

    for (let r = 0; r <= ext.r1; r++) {
      const tr = el('tr');
      tr.style.height = px(sheet.rowHeights[r] ?? sheet.defaultRowHeight);
      tr.appendChild(el('th', 'sim-rowhead', String(r + 1)));
      for (let c = 0; c <= ext.c1; c++) {
        const key = cellKey(r, c);
        if (covered.has(key)) continue;
        const m = mergeAt.get(key);
        const area = m ?? { r0: r, c0: c, r1: r, c1: c };
        const td = el('td');
        const addr = `${colName(c)}${r + 1}`;
        td.setAttribute('data-addr', addr);
        if (m) {
          td.rowSpan = m.r1 - m.r0 + 1;
          td.colSpan = m.c1 - m.c0 + 1;
        }
        const cell = sheet.cells[key];
        const cf = { fill: null as string | null, font: null as string | null, bold: null as boolean | null };
        for (const f of sheet.conditionalFormats) {
          if ((f.fill && !cf.fill) || (f.fontColor && !cf.font) || (f.bold !== null && cf.bold === null)) {
            if (!cfApplies(st, sheet, f, r, c)) continue;
            cf.fill ??= f.fill;
            cf.font ??= f.fontColor;
            cf.bold ??= f.bold;
          }
        }
        cellStyle(td, cell, cf);
        if (sel && area.r0 <= sel.r1 && area.r1 >= sel.r0 && area.c0 <= sel.c1 && area.c1 >= sel.c0) {
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
        if (editing && editing.sheetId === sheet.id && editing.r === r && editing.c === c) td.appendChild(editor(sheet, addr, cell, area));
        else td.textContent = cell ? formatText(cell.value, cell.numberFormat) : '';
        // like Excel, text that does not wrap runs on over the empty cells to its right
        const next = sheet.cells[cellKey(r, area.c1 + 1)];
        if (
          !m &&
          typeof cell?.value === 'string' &&
          cell.value &&
          !cell.wrapText &&
          !covered.has(cellKey(r, c + 1)) &&
          !mergeAt.has(cellKey(r, c + 1)) &&
          (!next || next.value === '')
        ) {
          td.classList.add('sim-spill');
        }
        const note = sheet.notes[key];
        if (note !== undefined) {
          td.title = note;
          td.appendChild(el('span', 'sim-note'));
        }
        td.addEventListener('mousedown', (e) => {
          if (editing?.r === r && editing?.c === c && editing.sheetId === sheet.id) return;
          e.preventDefault(); // keep the focus for the editor opened below
          // Excel keeps you in a cell whose typed value its validation refused until you retry or cancel
          if (alert || commitPending?.() === false) {
            draw();
            return;
          }
          editing = sheet.protected ? null : { sheetId: sheet.id, r, c };
          status = sheet.protected ? `工作表“${sheet.name}”受保护，不能编辑单元格。` : '';
          sim.select(sheet.name, addr);
        });
        tr.appendChild(td);
      }
      tbl.appendChild(tr);
    }
    return tbl;
  }

  function editor(sheet: SheetState, addr: string, cell: CellState | undefined, area: Rect): HTMLInputElement {
    const input = el('input', 'sim-input');
    input.setAttribute('data-testid', 'sim-input');
    const initial = cell?.formula ?? (cell ? String(cell.value ?? '') : '');
    input.value = editing?.text ?? initial;
    /** Saves a changed input as the user's typing, held to the cell's data validation; redraws only when asked
     *  (Enter/Escape), not while another press is handled. Returns false when Excel's Stop alert refused it. */
    const finish = (save: boolean, redraw: boolean): boolean => {
      if (commitPending !== commit) return true;
      commitPending = null;
      const here = editing;
      editing = null;
      if (save && input.value !== initial) {
        try {
          const typed = sim.typeIn(sheet.name, addr, input.value);
          if (!typed.accepted) {
            alert = { ...typed.alert, sheetId: sheet.id, r: area.r0, c: area.c0, text: input.value };
            editing = here && { ...here, text: input.value };
            if (redraw) draw();
            return false;
          }
          return true;
        } catch (e) {
          status = `输入无效：${(e as Error).message}`;
        }
      }
      if (redraw) draw();
      return true;
    };
    const commit = (): boolean => finish(true, false);
    commitPending = commit;
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const moved = area.r1 + 1 < 1048576;
        if (finish(true, false) && moved) {
          // like Excel, Enter moves to the cell below (below the whole merged area), ready for typing
          editing = sheet.protected ? null : { sheetId: sheet.id, r: area.r1 + 1, c: area.c0 };
          sim.select(sheet.name, `${colName(area.c0)}${area.r1 + 2}`);
        } else draw();
      } else if (e.key === 'Escape') finish(false, true);
    });
    queueMicrotask(() => input.focus());
    return input;
  }

  /** Excel's Stop alert: its title and message, 重试 (back to the cell, the text kept) or 取消 (the old value stays). */
  function alertBox(): HTMLElement {
    const box = el('div', 'sim-alert');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('data-testid', 'sim-alert');
    const title = el('div', 'sim-alert-title', alert?.title ?? '');
    const message = el('div', 'sim-alert-message', alert?.message ?? '');
    box.setAttribute('aria-label', alert?.title ?? '');
    const retry = el('button', '', '重试');
    retry.type = 'button';
    retry.addEventListener('click', () => {
      if (alert) editing = { sheetId: alert.sheetId, r: alert.r, c: alert.c, text: alert.text };
      alert = null;
      draw();
    });
    const cancel = el('button', '', '取消');
    cancel.type = 'button';
    cancel.addEventListener('click', () => {
      alert = null;
      editing = null;
      commitPending = null;
      draw();
    });
    const buttons = el('div', 'sim-alert-buttons');
    buttons.append(retry, cancel);
    box.append(title, message, buttons);
    queueMicrotask(() => retry.focus());
    return box;
  }

  function draw(): void {
    const st = sim.state;
    const sheet = st.sheets.find((s) => s.id === st.activeSheetId) ?? st.sheets[0];
    if (editing && editing.sheetId !== sheet.id) editing = null;
    if (alert && alert.sheetId !== sheet.id) alert = null;
    // keep where the sheet was scrolled to (a redraw after an edit must not jump back to A1)
    const previous = root.querySelector<HTMLElement>('.sim-scroll');
    const at = previous ? { top: previous.scrollTop, left: previous.scrollLeft } : null;
    const scroll = el('div', 'sim-scroll');
    scroll.appendChild(table(sheet));
    const sel = st.selection;
    const prompt = sel.sheetId === sheet.id ? sim.promptAt(sheet.name, `${colName(sel.rect.c0)}${sel.rect.r0 + 1}`) : null;
    const parts: HTMLElement[] = [style, scroll];
    if (prompt && !alert) {
      // the input prompt Excel shows beside a validated cell
      const p = el('div', 'sim-prompt');
      p.setAttribute('data-testid', 'sim-prompt');
      p.setAttribute('role', 'status');
      p.append(el('strong', '', prompt.title), el('span', '', prompt.message));
      parts.push(p);
    }
    if (alert) parts.push(alertBox());
    root.replaceChildren(...parts, tabs(sheet), el('div', 'sim-status', status));
    if (at) {
      scroll.scrollTop = at.top;
      scroll.scrollLeft = at.left;
    }
    const key = JSON.stringify([st.activeSheetId, sel]);
    if (key !== drawnSelection) {
      drawnSelection = key;
      const td = scroll.querySelector<HTMLElement>('[data-selected="true"]');
      // scrollIntoView is not in every DOM (jsdom): the browser has it
      if (td && typeof td.scrollIntoView === 'function') td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  draw();
  const unsubscribe = sim.onChange(draw);
  return () => {
    unsubscribe();
    root.remove();
  };
}
