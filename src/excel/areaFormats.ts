/**
 * The cell formats of an area, read before an insertion writes over it and written back when the insertion fails
 * part-way: fill, font, wrapping, alignment and every border side, cell by cell. From ExcelApi 1.9 one
 * getCellProperties / setCellProperties call; on 1.8, which has neither, each cell's RangeFormat is loaded (in the
 * same read sync) and written back run by run (cells in a row with the same value in one write).
 *
 * Limits of 1.8: RangeFill.pattern is 1.9, so a cell filled white reads like a cell without fill and comes back
 * without fill (it looks the same).
 */

/** Excel's border sides of one cell that can hold a line (a single cell has no inside lines). */
const SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'DiagonalDown', 'DiagonalUp'] as const;
type Side = (typeof SIDES)[number];
/** CellBorderCollection's names of those sides (getCellProperties / setCellProperties). */
const CELL_SIDE: Record<Side, keyof Excel.CellBorderCollection> = {
  EdgeTop: 'top',
  EdgeBottom: 'bottom',
  EdgeLeft: 'left',
  EdgeRight: 'right',
  DiagonalDown: 'diagonalDown',
  DiagonalUp: 'diagonalUp',
};

/** What getCellProperties reads back for an interrupted insertion (all eight border sides come with `borders`). */
export const CELL_PROPS = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, color: true, name: true, size: true },
    wrapText: true,
    horizontalAlignment: true,
    verticalAlignment: true,
    borders: { style: true, color: true, weight: true },
  },
} as const;

interface Line {
  style: string;
  color: string;
  weight: string;
}
/** One cell's formats, whichever way they were read. `fill` null: no fill. */
export interface CellFormat {
  fill: string | null;
  bold: boolean;
  color: string;
  name: string;
  size: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Record<Side, Line>;
}

/** Formats of an area queued for loading; `cells()` gives them once the read sync has run. */
export interface AreaFormats {
  cells(): CellFormat[][];
  /** Queues writing them back over `area` (the same size); no sync. */
  restore(area: Excel.Range): void;
}

/** Queues the read of an area's formats (rows × cols cells). No sync. */
export function readAreaFormats(area: Excel.Range, rows: number, cols: number, hasExcelApi: (version: string) => boolean): AreaFormats {
  if (hasExcelApi('1.9')) {
    const props = area.getCellProperties(CELL_PROPS);
    return {
      cells: () => props.value.map((row) => row.map(fromCellProperties)),
      restore: (target) => {
        if (!hasExcelApi('1.9')) return;
        // Range.format.fill.clear() is the documented way to remove a fill; then only the filled cells get a colour
        target.format.fill.clear();
        target.setCellProperties(props.value.map((row) => row.map(toSettable)));
      },
    };
  }
  const grid: Array<Array<{ format: Excel.RangeFormat; borders: Record<Side, Excel.RangeBorder> }>> = [];
  for (let i = 0; i < rows; i++) {
    const row: (typeof grid)[number] = [];
    for (let j = 0; j < cols; j++) {
      const format = area.getCell(i, j).format;
      format.load('wrapText,horizontalAlignment,verticalAlignment,fill/color,font/bold,font/color,font/name,font/size');
      const borders = Object.fromEntries(SIDES.map((s) => [s, format.borders.getItem(s).load('style,color,weight')])) as Record<
        Side,
        Excel.RangeBorder
      >;
      row.push({ format, borders });
    }
    grid.push(row);
  }
  const cells = (): CellFormat[][] =>
    grid.map((row) =>
      row.map(({ format: f, borders }) => ({
        // without RangeFill.pattern (1.9) white is what Excel reports for a cell without fill
        fill: !f.fill.color || f.fill.color.toUpperCase() === '#FFFFFF' ? null : f.fill.color,
        bold: f.font.bold,
        color: f.font.color,
        name: f.font.name,
        size: f.font.size,
        wrapText: f.wrapText,
        horizontalAlignment: f.horizontalAlignment,
        verticalAlignment: f.verticalAlignment,
        borders: Object.fromEntries(
          SIDES.map((s) => [s, { style: borders[s].style, color: borders[s].color, weight: borders[s].weight }]),
        ) as Record<Side, Line>,
      })),
    );
  return { cells, restore: (target) => restoreByRuns(target, cells()) };
}

function fromCellProperties(p: Excel.CellProperties): CellFormat {
  const f = p.format ?? {};
  const line = (s: Side): Line => {
    const b = f.borders?.[CELL_SIDE[s]];
    return { style: b?.style ?? 'None', color: b?.color ?? '#000000', weight: b?.weight ?? 'Thin' };
  };
  return {
    fill: f.fill?.pattern === 'None' ? null : (f.fill?.color ?? null),
    bold: !!f.font?.bold,
    color: f.font?.color ?? '#000000',
    name: f.font?.name ?? '',
    size: f.font?.size ?? 11,
    wrapText: !!f.wrapText,
    horizontalAlignment: f.horizontalAlignment ?? 'General',
    verticalAlignment: f.verticalAlignment ?? 'Bottom',
    borders: Object.fromEntries(SIDES.map((s) => [s, line(s)])) as Record<Side, Line>,
  };
}

/** A cell's properties as read, fit to write back: no colour for a cell without fill (its fill was cleared first),
 *  the six sides a single cell has. */
function toSettable(p: Excel.CellProperties): Excel.SettableCellProperties {
  const f = p.format ?? {};
  const borders: Excel.CellBorderCollection = {};
  for (const s of SIDES) {
    const b = f.borders?.[CELL_SIDE[s]];
    if (b) borders[CELL_SIDE[s]] = { style: b.style, color: b.color, weight: b.weight };
  }
  const format: Excel.CellPropertiesFormat = {
    font: f.font,
    wrapText: f.wrapText,
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    borders,
  };
  if (f.fill && f.fill.pattern !== 'None') format.fill = { color: f.fill.color };
  return { format };
}

/** Consecutive cells of a row with the same key, as [first, last] column spans. */
function runs<T>(row: T[], key: (x: T) => string): Array<{ from: number; to: number; value: T }> {
  const out: Array<{ from: number; to: number; value: T }> = [];
  row.forEach((x, j) => {
    const last = out[out.length - 1];
    if (last && key(row[last.to]) === key(x)) last.to = j;
    else out.push({ from: j, to: j, value: x });
  });
  return out;
}

function setLine(b: Excel.RangeBorder, l: Line): void {
  b.style = l.style as Excel.BorderLineStyle;
  if (l.style !== 'None') {
    b.color = l.color;
    b.weight = l.weight as Excel.BorderWeight;
  }
}

/** ExcelApi 1.8: writes the formats back with range writes over runs of equal cells. */
function restoreByRuns(area: Excel.Range, cells: CellFormat[][]): void {
  area.format.fill.clear();
  cells.forEach((row, i) => {
    const span = (from: number, to: number): Excel.Range => area.getCell(i, from).getResizedRange(0, to - from);
    for (const r of runs(row, (c) => String(c.fill))) if (r.value.fill) span(r.from, r.to).format.fill.color = r.value.fill;
    for (const k of ['bold', 'color', 'name', 'size'] as const) {
      for (const r of runs(row, (c) => String(c[k])))
        (span(r.from, r.to).format.font as unknown as Record<string, unknown>)[k] = r.value[k];
    }
    for (const r of runs(row, (c) => String(c.wrapText))) span(r.from, r.to).format.wrapText = r.value.wrapText;
    for (const r of runs(row, (c) => c.horizontalAlignment))
      span(r.from, r.to).format.horizontalAlignment = r.value.horizontalAlignment as Excel.HorizontalAlignment;
    for (const r of runs(row, (c) => c.verticalAlignment))
      span(r.from, r.to).format.verticalAlignment = r.value.verticalAlignment as Excel.VerticalAlignment;
    // horizontal lines: each row's top (shared with the bottom of the row above), and the last row's bottom
    const edges: Side[] =
      i === cells.length - 1 ? ['EdgeTop', 'EdgeBottom', 'DiagonalDown', 'DiagonalUp'] : ['EdgeTop', 'DiagonalDown', 'DiagonalUp'];
    for (const side of edges) {
      for (const r of runs(row, (c) => JSON.stringify(c.borders[side])))
        setLine(span(r.from, r.to).format.borders.getItem(side), r.value.borders[side]);
    }
    // vertical lines: the boundaries of the row (left of each cell, then the right of the last), equal neighbours together
    const bounds: Line[] = [...row.map((c) => c.borders.EdgeLeft), row[row.length - 1].borders.EdgeRight];
    for (const r of runs(bounds, (l) => JSON.stringify(l))) {
      if (r.to > r.from) {
        const cellsSpan = span(r.from, r.to - 1).format.borders;
        setLine(cellsSpan.getItem('EdgeLeft'), r.value);
        setLine(cellsSpan.getItem('EdgeRight'), r.value);
        if (r.to - 1 > r.from) setLine(cellsSpan.getItem('InsideVertical'), r.value);
      } else if (r.from < row.length) setLine(span(r.from, r.from).format.borders.getItem('EdgeLeft'), r.value);
      else setLine(span(r.from - 1, r.from - 1).format.borders.getItem('EdgeRight'), r.value);
    }
  });
}
