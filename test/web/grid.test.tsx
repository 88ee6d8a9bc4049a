/** The web page's read-only grid (jsdom), over a small stand-in for the file host that holds an exceljs workbook:
 *  tabs of visible sheets, letters and numbers, widths, merges, the cells' own fills and bold, marks, selection,
 *  clicks, and the window drawn around a far selection. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { WorkbookGrid, type GridHost } from '../../src/web/grid';
import { enPage, zhPage } from '../../src/web/strings';
import type { Severity } from '../../src/report/types';

interface Fake extends GridHost {
  notify(): void;
  selected: Array<{ sheet: string; cells: Array<{ r: number; c: number }> }>;
  marks: Array<{ sheet: string; r: number; c: number; severity: Severity }>;
}

function fakeHost(wb: ExcelJS.Workbook, first: string): Fake {
  const listeners = new Set<() => void>();
  let active = first;
  let sel: { sheet: string; cells: Array<{ r: number; c: number }> } | null = null;
  const host: Fake = {
    selected: [],
    marks: [],
    notify: () => listeners.forEach((l) => l()),
    workbook: () => wb,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    activeSheet: () => active,
    setActiveSheet: (name) => {
      active = name;
      host.notify();
    },
    selection: () => sel,
    select: (sheet, cells) => {
      host.selected.push({ sheet, cells });
      sel = { sheet, cells };
      host.notify();
    },
    markedCells: () => host.marks,
    // the shown text of the stand-in: the value, or '=' and the formula's result in brackets
    displayText: (sheet, r, c) => {
      const v = wb.getWorksheet(sheet)?.findCell(r + 1, c + 1)?.value;
      if (typeof v === 'string' || typeof v === 'number') return String(v);
      if (v && typeof v === 'object' && 'formula' in v) return `[${JSON.stringify(v.result)}]`;
      return '';
    },
  };
  return host;
}

function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年报');
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:C2');
  ws.getCell('D3').value = 12;
  ws.getCell('D3').font = { bold: true };
  ws.getCell('E3').value = '自填';
  ws.getCell('E3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.getCell('D4').value = { formula: 'D3*2', result: 24 };
  ws.getCell('B5').value = '有批注';
  ws.getCell('B5').note = '用户自己的批注';
  ws.getColumn(2).width = 20;
  wb.addWorksheet('第二页').getCell('A1').value = '第二页内容';
  const hidden = wb.addWorksheet('隐藏');
  hidden.state = 'hidden';
  return wb;
}

const grid = (): HTMLElement => screen.getByTestId('web-grid');
const cellAt = (addr: string): HTMLElement | null => grid().querySelector(`td[data-addr="${addr}"]`);

test('sheet tabs list the visible sheets only; a tab shows its sheet', () => {
  const host = fakeHost(sampleWorkbook(), '年报');
  render(<WorkbookGrid host={host} strings={zhPage} />);
  const tabs = within(screen.getByRole('tablist', { name: '工作表' })).getAllByRole('tab');
  expect(tabs.map((t) => t.textContent)).toEqual(['年报', '第二页']);
  expect(tabs[0].getAttribute('aria-selected')).toBe('true');
  fireEvent.click(tabs[1]);
  expect(cellAt('A1')?.textContent).toBe('第二页内容');
  expect(screen.getByTestId('web-grid-table').getAttribute('data-sheet')).toBe('第二页');
});

test('column letters, row numbers, widths and merged cells as in the workbook', () => {
  render(<WorkbookGrid host={fakeHost(sampleWorkbook(), '年报')} strings={zhPage} />);
  const table = screen.getByTestId('web-grid-table');
  const letters = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent);
  expect(letters.slice(0, 6)).toEqual(['', 'A', 'B', 'C', 'D', 'E']);
  const rowNumbers = Array.from(table.querySelectorAll('tbody th')).map((th) => th.textContent);
  expect(rowNumbers.slice(0, 3)).toEqual(['1', '2', '3']);
  // 20 characters wide → 145 px; an unset column keeps Excel's 8.43 → 64 px
  const cols = Array.from(table.querySelectorAll('col')).map((c) => (c as HTMLElement).style.width);
  expect(cols.slice(1, 4)).toEqual(['64px', '145px', '64px']);
  const title = cellAt('A1');
  expect(title?.getAttribute('colspan')).toBe('3');
  expect(title?.getAttribute('rowspan')).toBe('2');
  expect(title?.textContent).toBe('标题');
  expect(cellAt('B1')).toBeNull();
  expect(cellAt('C2')).toBeNull();
  expect(cellAt('D1')?.textContent).toBe('');
});

test("the cells' own fill and bold, the host's shown text, and a note as the cell's title", () => {
  render(<WorkbookGrid host={fakeHost(sampleWorkbook(), '年报')} strings={zhPage} />);
  expect(cellAt('D3')?.style.fontWeight).toBe('bold');
  expect(cellAt('D3')?.textContent).toBe('12');
  expect(cellAt('E3')?.style.backgroundColor).toBe('rgb(0, 176, 80)');
  expect(cellAt('D4')?.textContent).toBe('[24]');
  expect(cellAt('B5')?.getAttribute('title')).toBe('用户自己的批注');
  expect(cellAt('D3')?.getAttribute('title')).toBeNull();
});

test('marks of the last check: errors red, warnings yellow, over the own fill; redrawn when the host reports', () => {
  const host = fakeHost(sampleWorkbook(), '年报');
  render(<WorkbookGrid host={host} strings={zhPage} />);
  expect(cellAt('D3')?.style.backgroundColor).toBe('');
  host.marks = [
    { sheet: '年报', r: 2, c: 3, severity: 'error' },
    { sheet: '年报', r: 2, c: 4, severity: 'warning' },
    { sheet: '第二页', r: 0, c: 0, severity: 'error' },
  ];
  act(() => host.notify());
  expect(cellAt('D3')?.style.backgroundColor).toBe('rgb(255, 199, 206)');
  expect(cellAt('D3')?.getAttribute('data-mark')).toBe('error');
  expect(cellAt('D3')?.getAttribute('title')).toBe('错误');
  expect(cellAt('E3')?.style.backgroundColor).toBe('rgb(255, 235, 156)');
  // a mark on another sheet does not colour this one
  expect(cellAt('A1')?.getAttribute('data-mark')).toBeNull();
});

test('a click selects the cell through the host, and the selection is outlined', () => {
  const host = fakeHost(sampleWorkbook(), '年报');
  render(<WorkbookGrid host={host} strings={zhPage} />);
  fireEvent.click(cellAt('D4') as HTMLElement);
  expect(host.selected).toEqual([{ sheet: '年报', cells: [{ r: 3, c: 3 }] }]);
  expect(cellAt('D4')?.getAttribute('data-selected')).toBe('true');
  expect(cellAt('D4')?.style.boxShadow).toBe('inset 0 0 0 2px #217346');
  expect(cellAt('D3')?.getAttribute('data-selected')).toBeNull();
});

test('a selection far down a big sheet moves the drawn window to it, and the page says which part is drawn', () => {
  const wb = sampleWorkbook();
  const ws = wb.getWorksheet('年报') as ExcelJS.Worksheet;
  ws.getCell(5000, 45).value = 777;
  const host = fakeHost(wb, '年报');
  render(<WorkbookGrid host={host} strings={enPage} />);
  // first the top left: 200 rows, 30 columns
  expect(cellAt('A1')?.textContent).toBe('标题');
  expect(screen.getByTestId('web-grid-window').textContent).toBe(
    'Showing rows 1–200 of 5002 and columns A–AD of 46; select a cell in the task pane to jump there.',
  );
  // near the end the window stays full: the last 200 rows and 30 columns
  act(() => host.select('年报', [{ r: 4999, c: 44 }]));
  expect(cellAt('A1')).toBeNull();
  expect(cellAt('AS5000')?.textContent).toBe('777');
  expect(cellAt('AS5000')?.getAttribute('data-selected')).toBe('true');
  expect(screen.getByTestId('web-grid-table').querySelectorAll('tbody tr')).toHaveLength(200);
  expect(screen.getByTestId('web-grid-window').textContent).toBe(
    'Showing rows 4803–5002 of 5002 and columns Q–AT of 46; select a cell in the task pane to jump there.',
  );
});

test('drawing reads only: no cell, row or column is added to the workbook', () => {
  const wb = sampleWorkbook();
  const ws = wb.getWorksheet('年报') as ExcelJS.Worksheet;
  const before = { rows: ws.rowCount, cols: ws.columnCount, columns: ws.columns?.length, j: ws.findCell(20, 10) };
  render(<WorkbookGrid host={fakeHost(wb, '年报')} strings={zhPage} />);
  expect(cellAt('J20')).not.toBeNull();
  expect({ rows: ws.rowCount, cols: ws.columnCount, columns: ws.columns?.length, j: ws.findCell(20, 10) }).toEqual(before);
  expect(before.j).toBeUndefined();
});
