/**
 * A1 addresses on Excel's grid (rows 1..1,048,576, columns A..XFD), and the Excel stand-in reading addresses
 * exactly as the domain does: before issue 15 the domain accepted XFE1, A0 and A1048577 that the stand-in
 * refused, and quoted sheets named R1C1 / R / C bare where the stand-in quoted them.
 */
import { colIndex, colName, freeSheetName, MAX_COLS, MAX_ROWS, onSheet, parseAddress, quoteSheet } from '../../src/report/a1';
import { formatAddress, parseAddress as simParseAddress } from '../../src/excel-sim/formula';

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (index, letters) => {
    expect(colName(index)).toBe(letters);
    expect(colIndex(letters)).toBe(index);
  });

  test('lowercase letters name the same column', () => {
    expect(colIndex('a')).toBe(0);
    expect(colIndex('xfd')).toBe(16383);
    expect(colIndex('aB')).toBe(27);
  });

  test('letters past XFD and text that is not 1 to 3 letters are no column (-1)', () => {
    for (const bad of ['XFE', 'ZZZ', 'AAAA', '', '1', 'A1', '@', '[', 'é', '中', ' A']) expect([bad, colIndex(bad)]).toEqual([bad, -1]);
  });

  test("Excel's grid is 1,048,576 rows by 16,384 columns", () => {
    expect([MAX_ROWS, MAX_COLS]).toEqual([1048576, 16384]);
    expect(onSheet(1048575, 16383)).toBe(true);
    expect(onSheet(1048576, 0)).toBe(false);
    expect(onSheet(0, 16384)).toBe(false);
    expect(onSheet(-1, 0)).toBe(false);
    expect(onSheet(0.5, 0)).toBe(false);
  });
});

describe('parseAddress keeps to the grid', () => {
  test('the corners of the grid parse', () => {
    expect(parseAddress('A1')).toEqual({ rect: { r: 0, c: 0, rs: 1, cs: 1 } });
    expect(parseAddress('xfd1048576')).toEqual({ rect: { r: 1048575, c: 16383, rs: 1, cs: 1 } });
    expect(parseAddress("'年报'!$A$1:$XFD$2")).toEqual({ sheet: '年报', rect: { r: 0, c: 0, rs: 2, cs: 16384 } });
  });

  test.each(['XFE1', 'A0', 'A1048577', 'ZZZ1', 'Sheet1!A1:XFE2', 'B2:A1048577', 'AAAA1'])('%s is not an address', (address) => {
    expect(parseAddress(address)).toBeNull();
  });
});

describe('the Excel stand-in agrees with the domain', () => {
  const toSim = (rect: { r: number; c: number; rs: number; cs: number }) => ({
    r0: rect.r,
    c0: rect.c,
    r1: rect.r + rect.rs - 1,
    c1: rect.c + rect.cs - 1,
  });

  test.each([
    'A1',
    'z9',
    'XFD1048576',
    'XFE1',
    'A0',
    'A1048577',
    'ZZZ1',
    '$B$3:$D$5',
    'D5:B3',
    "'It''s'!A1",
    "'年报'!C4:E6",
    'Sheet1!A1:XFE2',
  ])('%s reads the same in both', (address) => {
    const domain = parseAddress(address);
    const sim = simParseAddress(address);
    expect(sim === null).toBe(domain === null);
    if (domain && sim) {
      expect(sim.rect).toEqual(toSim(domain.rect));
      expect(sim.sheet).toBe(domain.sheet);
    }
  });

  test.each([
    ['Sheet1', 'Sheet1'],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['c', "'c'"],
    ['RC', "'RC'"],
    ['R2C', "'R2C'"],
    ['C12', "'C12'"],
    ['RCX', 'RCX'],
    ['Report', 'Report'],
    ['A1', "'A1'"],
    ['2025年报表格', "'2025年报表格'"],
    ["It's", "'It''s'"],
  ])('sheet %s is written %s by both', (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
    expect(formatAddress(name, { r0: 0, c0: 0, r1: 0, c1: 0 })).toBe(`${quoted}!A1`);
  });
});

describe('freeSheetName: compared as Excel compares sheet names, ignoring case', () => {
  test.each([
    [['Sheet1'], 'Sheet2', 'Sheet2'],
    [['Sheet1'], 'sheet1', 'sheet1(2)'],
    [['2025年报表格', '2025年报表格(2)'], '2025年报表格', '2025年报表格(3)'],
    [['REPORT', 'report(2)'], 'Report', 'Report(3)'],
  ])('taken %j, wanted %s → %s', (existing, wanted, name) => {
    expect(freeSheetName(existing, wanted)).toBe(name);
  });
});
