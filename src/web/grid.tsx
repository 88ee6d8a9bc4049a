/**
 * The web page's read-only view of the opened workbook: sheet tabs (visible sheets only), column letters and row
 * numbers, column widths and row heights, merged cells, the cells' own fills and bold, the marks of the last check
 * coloured as Excel's conditional formats colour them, and the selection outlined and scrolled into view. A click
 * on a cell selects it (host.select), so the pane sees it as Excel's selection. Only a window of the sheet is drawn
 * (WINDOW_ROWS × WINDOW_COLS around the selection), so a large sheet stays fast. Reads only: nothing here changes
 * the workbook (exceljs's findRow/findCell and the columns array, never getCell/getColumn, which create entries).
 */
import * as React from 'react';
import type ExcelJS from 'exceljs';
import type { FileHost } from './fileHost';
import type { Severity } from '../report/types';
import { colName } from '../report/a1';
import { MARK_FILLS } from '../report/plan';
import type { PageStrings } from './strings';

export type GridHost = Pick<
  FileHost,
  'workbook' | 'subscribe' | 'activeSheet' | 'setActiveSheet' | 'selection' | 'select' | 'markedCells' | 'displayText'
>;

export const WINDOW_ROWS = 200;
export const WINDOW_COLS = 30;
const SELECT_COLOR = '#217346';
const DEFAULT_WIDTH_CHARS = 8.43;
const DEFAULT_HEIGHT_PT = 15;

/** Excel's pixel width for a width in characters (Calibri 11: 7 px a character plus 5 px padding). */
const widthPx = (chars: number): number => Math.round(chars * 7 + 5);
const heightPx = (points: number): number => Math.round((points * 4) / 3);

/** A solid pattern fill's colour as CSS ('FFFFC7CE' → '#FFC7CE'); theme and indexed colours are not drawn. */
export function fillColour(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none') return null;
  const argb = fill.fgColor?.argb ?? fill.bgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** The text of a cell's own note (plain or rich text), or ''. */
function noteText(cell: ExcelJS.Cell | undefined): string {
  const note = cell?.note;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

interface Span {
  rs: number;
  cs: number;
}

/** Merged areas of the sheet by their top-left cell (0-based 'r,c'), and the cells they cover. exceljs keeps them
 *  in an index of its own (its model getter rebuilds the whole sheet, too slow for a redraw). */
function mergesOf(ws: ExcelJS.Worksheet): { spans: Map<string, Span>; covered: Map<string, { r: number; c: number }> } {
  const index = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const spans = new Map<string, Span>();
  const covered = new Map<string, { r: number; c: number }>();
  for (const m of Object.values(index ?? {})) {
    const master = { r: m.top - 1, c: m.left - 1 };
    spans.set(`${master.r},${master.c}`, { rs: m.bottom - m.top + 1, cs: m.right - m.left + 1 });
    for (let r = master.r; r < m.bottom; r++) {
      for (let c = master.c; c < m.right; c++) if (r > master.r || c > master.c) covered.set(`${r},${c}`, master);
    }
  }
  return { spans, covered };
}

export interface GridWindow {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  rows: number;
  cols: number;
}

/** The rows and columns drawn (0-based, inclusive): from A1, or around the selection when it lies beyond. */
export function gridWindow(rowCount: number, colCount: number, focus: { r: number; c: number } | null): GridWindow {
  const rows = Math.max(rowCount + 2, 20, focus ? focus.r + 1 : 0);
  const cols = Math.max(colCount + 1, 10, focus ? focus.c + 1 : 0);
  const start = (at: number | undefined, size: number, total: number): number =>
    at === undefined || at < size ? 0 : Math.max(0, Math.min(at - Math.floor(size / 2), total - size));
  const r0 = start(focus?.r, WINDOW_ROWS, rows);
  const c0 = start(focus?.c, WINDOW_COLS, cols);
  return { r0, c0, r1: Math.min(rows, r0 + WINDOW_ROWS) - 1, c1: Math.min(cols, c0 + WINDOW_COLS) - 1, rows, cols };
}

/** Re-renders on every change the host reports. */
function useHostVersion(host: GridHost): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  return version;
}

interface CellProps {
  host: GridHost;
  sheet: string;
  ws: ExcelJS.Worksheet;
  r: number;
  c: number;
  span: Span | undefined;
  mark: Severity | undefined;
  selected: boolean;
  strings: PageStrings;
}

function GridCell({ host, sheet, ws, r, c, span, mark, selected, strings }: CellProps): React.ReactElement {
  const cell = ws.findCell(r + 1, c + 1);
  const fill = mark ? MARK_FILLS[mark] : fillColour(cell?.fill);
  const note = noteText(cell);
  const value = cell?.value;
  const style: React.CSSProperties = {
    backgroundColor: fill ?? undefined,
    fontWeight: cell?.font?.bold ? 'bold' : undefined,
    textAlign: typeof value === 'number' ? 'right' : undefined,
    boxShadow: selected ? `inset 0 0 0 2px ${SELECT_COLOR}` : undefined,
    whiteSpace: cell?.alignment?.wrapText ? 'pre-wrap' : undefined,
  };
  const title = [mark ? (mark === 'error' ? strings.errorMark : strings.warningMark) : '', note].filter(Boolean).join('：');
  return (
    <td
      data-addr={`${colName(c)}${r + 1}`}
      data-mark={mark}
      data-selected={selected ? 'true' : undefined}
      aria-selected={selected}
      rowSpan={span && span.rs > 1 ? span.rs : undefined}
      colSpan={span && span.cs > 1 ? span.cs : undefined}
      style={style}
      title={title || undefined}
      onClick={() => host.select(sheet, [{ r, c }])}
    >
      {host.displayText(sheet, r, c)}
      {note ? <span className="web-grid-note" aria-hidden="true" /> : null}
    </td>
  );
}

interface SheetViewProps {
  host: GridHost;
  sheet: string;
  ws: ExcelJS.Worksheet;
  strings: PageStrings;
}

function SheetTable({ host, sheet, ws, strings }: SheetViewProps): React.ReactElement {
  const sel = host.selection();
  const selected = new Set(sel && sel.sheet === sheet ? sel.cells.map((x) => `${x.r},${x.c}`) : []);
  const focus = sel && sel.sheet === sheet && sel.cells.length > 0 ? sel.cells[0] : null;
  const win = gridWindow(ws.rowCount, ws.columnCount, focus);
  const marks = new Map(
    host
      .markedCells()
      .filter((m) => m.sheet === sheet)
      .map((m) => [`${m.r},${m.c}`, m.severity]),
  );
  const { spans, covered } = mergesOf(ws);
  const cols: number[] = [];
  for (let c = win.c0; c <= win.c1; c++) cols.push(c);
  const rows: number[] = [];
  for (let r = win.r0; r <= win.r1; r++) rows.push(r);
  const defaultWidth = ws.properties?.defaultColWidth ?? DEFAULT_WIDTH_CHARS;
  // a covered cell is drawn by its merge's top-left cell, or on its own when that lies outside the window
  const inWindow = (master: { r: number; c: number } | undefined): boolean => !!master && master.r >= win.r0 && master.c >= win.c0;
  const clip = (r: number, c: number, s: Span | undefined): Span | undefined =>
    s && { rs: Math.min(s.rs, win.r1 - r + 1), cs: Math.min(s.cs, win.c1 - c + 1) };
  return (
    <>
      <table className="web-grid-table" data-testid="web-grid-table" data-sheet={sheet}>
        <colgroup>
          <col style={{ width: '40px' }} />
          {cols.map((c) => (
            <col key={c} style={{ width: `${widthPx(ws.columns?.[c]?.width ?? defaultWidth)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="web-grid-corner" />
            {cols.map((c) => (
              <th key={c} scope="col">
                {colName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r} style={{ height: `${heightPx(ws.findRow(r + 1)?.height ?? DEFAULT_HEIGHT_PT)}px` }}>
              <th scope="row" className="web-grid-rowhead">
                {r + 1}
              </th>
              {cols.map((c) =>
                inWindow(covered.get(`${r},${c}`)) ? null : (
                  <GridCell
                    key={c}
                    {...{ host, sheet, ws, r, c, strings }}
                    span={clip(r, c, spans.get(`${r},${c}`))}
                    mark={marks.get(`${r},${c}`)}
                    selected={selected.has(`${r},${c}`)}
                  />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {win.r0 > 0 || win.c0 > 0 || win.r1 < win.rows - 1 || win.c1 < win.cols - 1 ? (
        <p className="web-grid-window" data-testid="web-grid-window">
          {strings.window(win.r0 + 1, win.r1 + 1, win.rows, colName(win.c0), colName(win.c1), win.cols)}
        </p>
      ) : null}
    </>
  );
}

/** Scrolls the selected cell into view when the selection changes (from the pane or a click). */
function useScrollToSelection(scroller: React.RefObject<HTMLDivElement | null>, key: string): void {
  React.useEffect(() => {
    const cell = scroller.current?.querySelector('td[data-selected="true"]') as (HTMLElement & { scrollIntoView?: unknown }) | null;
    // jsdom has no scrollIntoView; browsers do
    if (cell && typeof cell.scrollIntoView === 'function') cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [scroller, key]);
}

export function WorkbookGrid({ host, strings }: { host: GridHost; strings: PageStrings }): React.ReactElement {
  const version = useHostVersion(host);
  const scroller = React.useRef<HTMLDivElement>(null);
  const wb = host.workbook();
  const active = host.activeSheet();
  const ws = wb.getWorksheet(active);
  const sel = host.selection();
  useScrollToSelection(scroller, `${version}:${active}:${sel ? `${sel.sheet}!${sel.cells.map((x) => `${x.r},${x.c}`).join(';')}` : ''}`);
  const visible = wb.worksheets.filter((s) => (s.state ?? 'visible') === 'visible');
  return (
    <div className="web-grid" data-testid="web-grid" aria-label={strings.workbook} role="region">
      <div className="web-grid-scroll" ref={scroller}>
        {ws ? <SheetTable host={host} sheet={active} ws={ws} strings={strings} /> : null}
      </div>
      <div className="web-grid-tabs" role="tablist" aria-label={strings.sheetTabs}>
        {visible.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.name === active}
            data-testid="web-sheet-tab"
            className={s.name === active ? 'web-grid-tab web-grid-tab-active' : 'web-grid-tab'}
            onClick={() => host.setActiveSheet(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
