/** A1 addresses: pure helpers shared by every host adapter and by the Excel stand-in (0-based rows and columns). */

export interface Rect {
  r: number;
  c: number;
  rs: number;
  cs: number;
}

/** Excel's grid: rows 1..1,048,576 and columns A..XFD (16,384 columns). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** True when the 0-based row and column lie on Excel's grid. */
export function onSheet(r: number, c: number): boolean {
  return Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLS;
}

/** The letters of a 0-based column (0 → A, 16383 → XFD). */
export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 0-based index of column letters (either case); -1 when they are not a column of Excel's grid (A..XFD). */
export function colIndex(name: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return -1;
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLS ? n - 1 : -1;
}

export function a1(r: number, c: number, abs = false): string {
  return abs ? `$${colName(c)}$${r + 1}` : `${colName(c)}${r + 1}`;
}

export function rectAddress(rect: Rect, abs = false): string {
  const tl = a1(rect.r, rect.c, abs);
  return rect.rs === 1 && rect.cs === 1 ? tl : `${tl}:${a1(rect.r + rect.rs - 1, rect.c + rect.cs - 1, abs)}`;
}

/**
 * Quote a sheet name for use in an address the way Excel does ('2025年报表格'!A1): unless it is a plain
 * identifier, and also when Excel would read the bare name as a reference: an A1 cell (A1, XFD9) or an
 * R1C1 one (R, C, R2, C3, RC, R2C3).
 */
/** Whether two rects share a cell. */
export const rectsOverlap = (a: Rect, b: Rect): boolean => a.r < b.r + b.rs && b.r < a.r + a.rs && a.c < b.c + b.cs && b.c < a.c + a.cs;

/** A sheet name not taken in `existing`, compared as Excel compares sheet names (ignoring case): `wanted`, then
 *  `wanted(2)`, `wanted(3)`… Every host and the pane name new sheets with this. */
export function freeSheetName(existing: readonly string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}(${i})`;
  return name;
}

export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, rect: Rect, abs = false): string {
  return `${quoteSheet(sheet)}!${rectAddress(rect, abs)}`;
}

/**
 * Parse "Sheet1!$B$3:$D$5", "'My sheet'!B3" or "B3:D5" (sheet optional). Returns null if not an address,
 * including a cell off Excel's grid (row 0, a row past 1,048,576, a column past XFD), as Excel refuses those.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    address.trim().replace(/^=/, ''),
  );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r1 = Number(m[4]) - 1;
  const c1 = colIndex(m[3]);
  const r2 = m[6] ? Number(m[6]) - 1 : r1;
  const c2 = m[5] ? colIndex(m[5]) : c1;
  if (!onSheet(r1, c1) || !onSheet(r2, c2)) return null;
  const rect = { r: Math.min(r1, r2), c: Math.min(c1, c2), rs: Math.abs(r2 - r1) + 1, cs: Math.abs(c2 - c1) + 1 };
  return sheet !== undefined ? { sheet, rect } : { rect };
}

/** Several areas of one sheet as one address ("'Sheet'!D6:I6,D9"), for selecting many cells at once. */
export function areasAddress(sheet: string, cells: Array<{ r: number; c: number }>): string {
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  return `${quoteSheet(sheet)}!${compactRefs(sorted).join(',')}`;
}

/** Parse an address of one or more areas of one sheet ("'Sheet'!D6:I6,D9" or "Sheet1!B3"). */
export function parseAreas(address: string): { sheet?: string; areas: Rect[] } | null {
  const m = /^(?:('(?:[^']|'')+'|[^'!,]+)!)?(.+)$/.exec(address.trim().replace(/^=/, ''));
  if (!m) return null;
  const sheet = m[1] === undefined ? undefined : m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
  const areas: Rect[] = [];
  for (const part of m[2].split(',')) {
    const p = parseAddress(part);
    if (!p || p.sheet !== undefined) return null;
    areas.push(p.rect);
  }
  return sheet !== undefined ? { sheet, areas } : { areas };
}

/** Compact a list of cells into ranges for a SUM: runs along a column or a row become A1:A9. */
export function compactRefs(cells: Array<{ r: number; c: number }>): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    const vertical = j + 1 < cells.length && cells[j + 1].c === cells[i].c && cells[j + 1].r === cells[i].r + 1;
    while (
      j + 1 < cells.length &&
      (vertical
        ? cells[j + 1].c === cells[i].c && cells[j + 1].r === cells[j].r + 1
        : cells[j + 1].r === cells[i].r && cells[j + 1].c === cells[j].c + 1)
    )
      j++;
    out.push(j === i ? a1(cells[i].r, cells[i].c) : `${a1(cells[i].r, cells[i].c)}:${a1(cells[j].r, cells[j].c)}`);
    i = j + 1;
  }
  return out;
}
