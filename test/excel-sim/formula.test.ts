/** The formula evaluator, the A1 grammar and relative conditional-format evaluation. */
import { createWorkbookSim } from '../../src/excel-sim';
import { quoteSheet } from '../../src/report/a1';
import { cfApplies, formatAddress, mapRefs, parseAddress, shiftFormula } from '../../src/excel-sim/formula';
import { formatText } from '../../src/excel-sim/model';

describe('addresses', () => {
  test('parses cells, areas, whole columns/rows, $ flags and sheet prefixes', () => {
    expect(parseAddress('B3')).toMatchObject({ rect: { r0: 2, c0: 1, r1: 2, c1: 1 }, kind: 'cell' });
    expect(parseAddress('$B$3:d5')).toMatchObject({ rect: { r0: 2, c0: 1, r1: 4, c1: 3 }, abs: [true, true, false, false] });
    expect(parseAddress('A:A')).toMatchObject({ rect: { r0: 0, c0: 0, r1: 1048575, c1: 0 }, kind: 'cols' });
    expect(parseAddress('3:3')).toMatchObject({ rect: { r0: 2, c0: 0, r1: 2, c1: 16383 }, kind: 'rows' });
    expect(parseAddress("'My Sheet'!A1:B2")).toMatchObject({ sheet: 'My Sheet' });
    expect(parseAddress("'It''s'!C1")).toMatchObject({ sheet: "It's" });
    expect(parseAddress('数据!A1')).toMatchObject({ sheet: '数据' });
    expect(parseAddress('D5:B3')).toMatchObject({ rect: { r0: 2, c0: 1, r1: 4, c1: 3 } });
    expect(parseAddress('XFE1')).toBeNull();
    expect(parseAddress('A0')).toBeNull();
    expect(parseAddress('nonsense here')).toBeNull();
  });

  test('quotes sheet names that are not plain identifiers, like Excel', () => {
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheet('2025年报表格')).toBe("'2025年报表格'");
    expect(quoteSheet('年报')).toBe("'年报'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet("It's")).toBe("'It''s'");
    expect(formatAddress('2025年报表格', { r0: 0, c0: 0, r1: 27, c1: 9 })).toBe("'2025年报表格'!A1:J28");
    expect(formatAddress('Sheet1', { r0: 0, c0: 0, r1: 27, c1: 9 }, true)).toBe('Sheet1!$A$1:$J$28');
    expect(formatAddress('Sheet1', { r0: 0, c0: 2, r1: 1048575, c1: 2 })).toBe('Sheet1!C:C');
  });

  test('mapRefs and shiftFormula rewrite only references', () => {
    expect(shiftFormula('=A1+$B$1+SUM(A1:A3)+"A1"', 2, 1)).toBe('=B3+$B$1+SUM(B3:B5)+"A1"');
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
    expect(mapRefs("='My Sheet'!A1*2", 'Sheet1', (_s, ref) => ({ ...ref, sheet: 'Other' }))).toBe('=Other!A1*2');
  });
});

describe('evaluation', () => {
  const sheet = () => {
    const sim = createWorkbookSim({ sheets: ['Sheet1', 'My Sheet'] });
    const set = (a: string, v: string | number | boolean) => sim.setCell('Sheet1', a, v);
    const val = (a: string) => sim.getCell('Sheet1', a).value;
    return { sim, set, val };
  };

  test('SUM over ranges ignores text and blanks; direct + on text is #VALUE!', () => {
    const { set, val } = sheet();
    set('A1', 1);
    set('A2', 'text');
    set('A3', 2.5);
    set('B1', '=SUM(A1:A4)');
    set('B2', '=A1+A2');
    set('B3', '=SUM(A1:A3,10,"5")');
    expect(val('B1')).toBe(3.5);
    expect(val('B2')).toBe('#VALUE!');
    expect(val('B3')).toBe(18.5);
  });

  test('arithmetic, precedence, comparisons, strings and booleans', () => {
    const { set, val } = sheet();
    set('A1', 4);
    set('B1', '=1+2*3-A1/2');
    set('B2', '=-A1^2');
    set('B3', '=(A1>3)=TRUE');
    set('B4', '="a"&A1&"b"');
    set('B5', '="abc"="ABC"');
    set('B6', '=A1<>4');
    set('B7', '=50%*A1');
    set('B8', '=C9=0');
    expect(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8'].map(val)).toEqual([5, 16, true, 'a4b', true, false, 2, true]);
  });

  test('functions: ABS, AND, OR, NOT, IF, ISNUMBER, ISBLANK, ROUND, N, COUNT', () => {
    const { set, val } = sheet();
    set('A1', -2.345);
    set('A2', 'x');
    set('A3', 3);
    const cases: Array<[string, unknown]> = [
      ['=ABS(A1)', 2.345],
      ['=AND(A3>1,TRUE)', true],
      ['=OR(A3<1,FALSE)', false],
      ['=NOT(A3=3)', false],
      ['=IF(A3>2,"big","small")', 'big'],
      ['=IF(A3>5,1)', false],
      ['=ISNUMBER(A1)', true],
      ['=ISNUMBER(A2)', false],
      ['=ISBLANK(A9)', true],
      ['=ISBLANK(A2)', false],
      ['=ROUND(A1,2)', -2.35],
      ['=ROUND(2.5,0)', 3],
      ['=N(A2)', 0],
      ['=N(A3)', 3],
      ['=COUNT(A1:A5)', 2],
      ['=AND(A1:A3)', true],
      ['=MAX(A1:A3)', 3],
    ];
    cases.forEach(([f], i) => set(`C${i + 1}`, f));
    expect(cases.map((_c, i) => val(`C${i + 1}`))).toEqual(cases.map(([, v]) => v));
  });

  test('errors propagate; unknown functions and names are #NAME?', () => {
    const { set, val } = sheet();
    set('A1', '=1/0');
    set('A2', '=A1+1');
    set('A3', '=SUM(A1:A2)');
    set('A4', '=NOSUCH(1)');
    set('A5', '=nosuchname+1');
    set('A6', '=IF(ISNUMBER(A1),1,2)');
    set('A7', '=IFERROR(A1,"ok")');
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(val)).toEqual(['#DIV/0!', '#DIV/0!', '#DIV/0!', '#NAME?', '#NAME?', 2, 'ok']);
  });

  test('references to other sheets (quoted), defined names and cycles', async () => {
    const { sim, set, val } = sheet();
    sim.setCell('My Sheet', 'B2', 7);
    set('A1', "='My Sheet'!B2*2");
    set('A2', "=SUM('My Sheet'!A1:C3)");
    set('A3', '=A4+1');
    set('A4', '=A3+1');
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.names.add('Seven', "='My Sheet'!$B$2");
      await ctx.sync();
    });
    set('A5', '=Seven+1');
    expect([val('A1'), val('A2'), val('A3'), val('A4'), val('A5')]).toEqual([14, 7, '#REF!', '#REF!', 8]);
  });

  test('formulas are recomputed after every sync', async () => {
    const { sim, val, set } = sheet();
    set('B1', '=A1*10');
    await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [[3]];
      const b = ws.getRange('B1').load('values');
      await ctx.sync();
      expect(b.values).toEqual([[30]]);
    });
    expect(val('B1')).toBe(30);
  });

  test('a conditional-format formula is relative to the top-left cell of its range', async () => {
    const { sim, set } = sheet();
    set('A1', 5);
    set('A2', -1);
    set('A3', 0);
    set('B1', 1);
    await sim.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.add(sim.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=AND(ISNUMBER(A1),A1<$B$1)';
      cf.custom.format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    const ws = sim.state.sheets[0];
    const [cf] = ws.conditionalFormats;
    expect([0, 1, 2].map((r) => cfApplies(sim.state, ws, cf, r, 0))).toEqual([false, true, true]);
    expect(cfApplies(sim.state, ws, cf, 5, 0)).toBe(false); // outside the range
  });
});

test('display text follows simple number formats', () => {
  expect(formatText(1234.5, '#,##0.00')).toBe('1,234.50');
  expect(formatText(-1234.5, '#,##0')).toBe('-1,235');
  expect(formatText(0.125, '0.0%')).toBe('12.5%');
  expect(formatText(3, '0.00')).toBe('3.00');
  expect(formatText(0.1 + 0.2)).toBe('0.3');
  expect(formatText(true)).toBe('TRUE');
  expect(formatText('')).toBe('');
});
