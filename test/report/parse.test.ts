/** parseCell: how one typed cell value is classified and read (status, value, note). */
import { fmtNum, parseCell, parseFee, type ParseStatus } from '../../src/report/parse';

type Case = [unknown, ParseStatus, number | null, string?];

const CASES: Case[] = [
  // clean numbers
  [48, 'ok', 48],
  [0, 'ok', 0],
  [-3, 'ok', -3],
  [1.5, 'ok', 1.5],
  [59237.2449, 'ok', 59237.2449],
  ['48', 'ok', 48],
  ['0', 'ok', 0],
  ['-2', 'ok', -2],
  ['+5', 'ok', 5],
  ['.5', 'ok', 0.5],
  ['7730.28', 'ok', 7730.28],
  ['1e3', 'ok', 1000],
  // non-finite numbers are not numbers
  [Number.NaN, 'text', null],
  [Number.POSITIVE_INFINITY, 'text', null],
  [Number.NEGATIVE_INFINITY, 'text', null],
  // blank
  [null, 'blank', 0],
  [undefined, 'blank', 0],
  ['', 'blank', 0],
  ['   ', 'blank', 0],
  ['\u3000', 'blank', 0],
  ['\n\t', 'blank', 0],
  // placeholders: the format expects 0
  ['/', 'placeholder', 0],
  ['／', 'placeholder', 0],
  ['-', 'placeholder', 0],
  ['－', 'placeholder', 0],
  ['—', 'placeholder', 0],
  ['——', 'placeholder', 0],
  ['无', 'placeholder', 0],
  ['暂无', 'placeholder', 0],
  [' / ', 'placeholder', 0],
  // read as numbers, with a note
  ['４８', 'normalized', 48, '全角数字'],
  ['１２．５', 'normalized', 12.5, '全角数字'],
  ['1,234', 'normalized', 1234, '千位分隔符'],
  ['12,345,678', 'normalized', 12345678, '千位分隔符'],
  ['１,２３４', 'normalized', 1234, '全角数字和千位分隔符'],
  ['1 234', 'normalized', 1234, '空格'],
  // units typed in
  ['48件', 'unit', 48, '件'],
  ['251000元', 'unit', 251000, '元'],
  ['2.43亿元', 'unit', 2.43, '亿元'],
  ['96171.6万元', 'unit', 96171.6, '万元'],
  ['48 件', 'unit', 48, '件'],
  ['1,234元', 'unit', 1234, '元'],
  ['４８件', 'unit', 48, '件'],
  ['12项', 'unit', 12, '项'],
  // not numbers
  ['很多', 'text', null],
  ['四十八', 'text', null],
  ['48件左右', 'text', null],
  ['12,34', 'text', null],
  ['12,34件', 'text', null],
  ['1e309', 'text', null],
  ['-1e309', 'text', null],
  ['NaN', 'text', null],
  ['Infinity', 'text', null],
  ['<script>', 'text', null],
  ['0x10', 'text', null],
  ['1.2.3', 'text', null],
  ['约48', 'text', null],
  [true, 'text', null],
  [false, 'text', null],
  [[], 'text', null],
  [[48], 'text', null],
  [{}, 'text', null],
  [{ v: 48 }, 'text', null],
  // spreadsheet error values
  ['#REF!', 'error', null],
  ['#VALUE!', 'error', null],
  ['#DIV/0!', 'error', null],
  ['#N/A', 'error', null],
  ['#NAME?', 'error', null],
  ['#ref!', 'error', null],
];

describe('parseCell', () => {
  // every row has four entries (jest passes a `done` callback for missing ones)
  const rows = CASES.map(([raw, status, value, note]) => [raw, status, value, note ?? null] as const);
  it.each(rows)('%p → %s %p', (raw, status, value, note) => {
    const p = parseCell(raw);
    expect([p.status, p.value]).toEqual([status, value]);
    if (note !== null) expect(p.note).toBe(note);
    else if (p.status !== 'normalized' && p.status !== 'unit') expect(p.note).toBeUndefined();
  });

  it('keeps what was typed for messages', () => {
    expect(parseCell('48件').shown).toBe('48件');
    expect(parseCell(' / ').shown).toBe(' / ');
    expect(parseCell(48).shown).toBe('48');
    expect(parseCell(null).shown).toBe('');
    expect(parseCell(true).shown).toBe('true');
    expect(parseCell({ v: 1 }).shown).toBe('{"v":1}');
    expect(parseCell([1, 2]).shown).toBe('[1,2]');
    expect(parseCell(Number.NaN).shown).toBe('NaN');
  });

  it('never reads junk as a number silently: only ok/normalized/unit give a non-zero value', () => {
    for (const [raw] of CASES) {
      const p = parseCell(raw);
      if (p.value !== null && p.value !== 0) expect(['ok', 'normalized', 'unit']).toContain(p.status);
      if (p.status === 'text' || p.status === 'error') expect(p.value).toBeNull();
    }
  });

  it('does not throw on objects that cannot be shown as JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseCell(cyclic).status).toBe('text');
    expect(parseCell(BigInt(5) as unknown).status).toBe('text');
    expect(parseCell(Symbol('x') as unknown).status).toBe('text');
  });
});

describe('fmtNum', () => {
  it.each([
    [48, '48'],
    [1.5, '1.5'],
    [59237.2449, '59237.2449'],
    [0.1 + 0.2, '0.3'],
    [-2, '-2'],
    [1 / 3, '0.3333'],
  ])('%p → %s', (n, s) => {
    expect(fmtNum(n)).toBe(s);
  });
});

test('parseFee: nothing typed, none, an amount, and what is not an amount', () => {
  expect(parseFee(undefined)).toEqual({ valid: true, fee: undefined });
  expect(parseFee('  ')).toEqual({ valid: true, fee: undefined });
  for (const none of ['0', '0.00', '无', '未收取']) expect(parseFee(none)).toEqual({ valid: true, fee: null });
  expect(parseFee(' 3940 ')).toEqual({ valid: true, fee: 3940 });
  expect(parseFee('12.5')).toEqual({ valid: true, fee: 12.5 });
  // as people type it: a unit, thousands separators, full-width digits, 万元
  for (const typed of ['3940元', '3,940', '３９４０', '3940 元', '0.394万元']) expect(parseFee(typed)).toEqual({ valid: true, fee: 3940 });
  for (const bad of ['很多', '-5', '1e3', '3940件', '#REF!', '-3,940元']) expect(parseFee(bad).valid).toBe(false);
});
