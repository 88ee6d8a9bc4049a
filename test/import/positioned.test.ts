/**
 * The geometry of PDF import (src/report/import/positioned.ts) from plain item lists, as the pdf.js
 * adapters hand them over: left edge and baseline from the top of the page, width, font size.
 */
import { positionedRows, type TextItem, type TextPage } from '../../src/report/import/positioned';

const SIZE = 10;
/** An item at (x, y): Chinese characters one em wide, digits and Latin half an em. */
const at = (str: string, x: number, y: number, size = SIZE): TextItem => ({
  str,
  x,
  y,
  size,
  width: [...str].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0),
});
/** A number right-aligned at `right`. */
const num = (str: string, right: number, y: number): TextItem => ({ ...at(str, 0, y), x: right - str.length * 0.5 * SIZE });
const page = (items: TextItem[]): TextPage => ({ width: 595, height: 842, items });
const COLS = [300, 340, 380, 420, 460, 500, 540];
const rowOf = (values: Array<string | null>, y: number): TextItem[] => values.flatMap((v, k) => (v === null ? [] : [num(v, COLS[k], y)]));
const cells = (pages: TextPage[]): string[][] => positionedRows(pages).rows.map((r) => r.cells);

describe('positioned text → rows of cells', () => {
  it('a row is one baseline: the label and the numbers at its right, numbers split where pdf.js splits a run ("4" "8")', () => {
    const items = [
      at('一、本年新收政府信息公开申请数量', 40, 100),
      num('4', 295, 100.5),
      num('8', 300, 100.5),
      ...rowOf([null, '0', '0', '0', '0', '0', '48'], 100.5),
    ];
    expect(cells([page(items)])).toEqual([['一、本年新收政府信息公开申请数量', '48', '0', '0', '0', '0', '0', '48']]);
  });

  it('blank cells are placed by the columns of the numbers around them (right edges)', () => {
    const items = [
      at('二、上年结转政府信息公开申请数量', 40, 100),
      ...rowOf(['0', '0', '0', '0', '0', '0', '0'], 100),
      at('（一）予以公开', 90, 120),
      ...rowOf(['48', '0', '0', null, '0', null, '48'], 120),
    ];
    expect(cells([page(items)])[1]).toEqual(['（一）予以公开', '48', '0', '0', '', '0', '', '48']);
  });

  it('no blank cells across a header over the numbers (another block of table 1 with other columns)', () => {
    const items = [
      at('规章', 40, 100),
      num('1', 300, 100),
      num('0', 400, 100),
      num('11', 500, 100),
      at('第二十条第（五）项', 250, 120),
      at('本年处理决定数量', 350, 140),
      at('行政许可', 40, 160),
      num('447228', 420, 160),
    ];
    expect(cells([page(items)]).pop()).toEqual(['行政许可', '447228']);
  });

  it('a label wrapped over two lines is joined, its numbers between its lines are its values', () => {
    const items = [
      at('（二）部分公开（区分处理的，只计这一情', 60, 100),
      at('形，不计其他情形）', 60, 113),
      ...rowOf(['447', '7', '0', '0', '0', '0', '454'], 106.5),
    ];
    expect(cells([page(items)])).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '0', '0', '0', '0', '454'],
    ]);
  });

  it('a label over three lines has its numbers on its middle line; a centred wrapped header is joined', () => {
    const items = [
      at('1.申请人无正当理由逾期不补', 100, 100),
      at('正、行政机关不再处理其政府信', 100, 113),
      at('息公开申请', 100, 126),
      ...rowOf(['67', '3', '0', '0', '1', '0', '71'], 113),
      at('商业企', 285, 60),
      at('业', 295, 73),
    ];
    const got = cells([page(items)]);
    expect(got).toContainEqual(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '67', '3', '0', '0', '1', '0', '71']);
    expect(got).toContainEqual(['商业企业']);
  });

  it('a vertical header one character per line is read, also when a page break cuts it; the numbers stay with the row labels beside it', () => {
    const p1 = page([
      at('三', 40, 700),
      at('（一）予以公开', 60, 700),
      ...rowOf(['1', '0', '0', '0', '0', '0', '1'], 700),
      at('-1-', 290, 800),
    ]);
    const p2 = page([
      at('、', 40, 90),
      at('本', 40, 103),
      at('年', 40, 116),
      at('度', 40, 129),
      at('办', 40, 142),
      at('理', 40, 155),
      at('结', 40, 168),
      at('果', 40, 181),
      at('（七）总计', 60, 142),
      ...rowOf(['1', '0', '0', '0', '0', '0', '1'], 142),
    ]);
    const got = cells([p1, p2]);
    expect(got).toContainEqual(['三、本年度办理结果']);
    expect(got).toContainEqual(['（一）予以公开', '1', '0', '0', '0', '0', '0', '1']);
    expect(got).toContainEqual(['（七）总计', '1', '0', '0', '0', '0', '0', '1']);
    expect(got.flat()).not.toContain('-1-');
  });

  it('pieces on one line join only into a label spelled exactly: "规    章" is 规章, the vertical "三" stays apart from "（一）予以公开"', () => {
    const got = cells([page([at('规', 40, 100), at('章', 70, 100), num('0', 300, 100), at('三', 40, 200), at('（一）予以公开', 60, 200)])]);
    expect(got).toEqual([['规章', '0'], ['三'], ['（一）予以公开']]);
  });

  it('a number wrapped inside its cell ("300" above, "1" below the row\'s other numbers) is joined', () => {
    const items = [
      at('二、上年结转政府信息公开申请数量', 40, 80),
      ...rowOf(['34', '0', '0', '0', '0', '0', '34'], 80),
      at('一、本年新收政府信息公开申请数量', 40, 110),
      num('300', 300, 103.5),
      num('1', 300, 116.5),
      ...rowOf([null, '53', '0', '0', '61', '4', null], 110),
      num('311', 540, 103.5),
      num('9', 540, 116.5),
    ];
    expect(cells([page(items)])).toEqual([
      ['二、上年结转政府信息公开申请数量', '34', '0', '0', '0', '0', '0', '34'],
      ['一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119'],
    ]);
  });

  it('numbers of another line in an empty column: no guessed blank, the row is not read and a note says why', () => {
    const items = [
      at('二、上年结转政府信息公开申请数量', 40, 80),
      ...rowOf(['34', '0', '0', '0', '0', '0', '34'], 80),
      at('一、本年新收政府信息公开申请数量', 40, 110),
      num('300', 300, 104),
      ...rowOf([null, '53', '0', '0', '61', '4', '9'], 110),
    ];
    const out = positionedRows([page(items)]);
    expect(out.rows.map((r) => r.cells).find((c) => c[0].startsWith('一、'))).toEqual(['一、本年新收政府信息公开申请数量']);
    expect(out.notes).toEqual([
      'PDF 第1页“一、本年新收政府信息公开申请数量”旁有2行数字（53 0 0 61 4 9；300），可能是单元格中折行的数字，此行未读入',
    ]);
  });

  it('a number wrapped in a one-number cell ("3985" above, "758" below its label) is not read, and said', () => {
    const items = [at('行政处罚', 40, 110), num('398575', 400, 103), num('8', 400, 117), at('行政强制', 40, 140), num('88283', 400, 140)];
    const out = positionedRows([page(items)]);
    expect(out.rows.map((r) => r.cells)).toEqual([['行政处罚'], ['行政强制', '88283']]);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toMatch(/“行政处罚”旁有2行数字（398575；8）/);
  });

  it('a row written as one string with spaces ("规章 1 0 11") is split into label and numbers', () => {
    expect(cells([page([at('规章 1 0 11', 40, 100)])])).toEqual([['规章', '1', '0', '11']]);
  });

  it('prose: one line per baseline, a word space stays inside the run, pages separated by a form feed, page numbers out', () => {
    const p1 = page([
      at('四、政府信息公开行政复议、行政诉讼情况', 60, 100),
      at('行政复议', 60, 130),
      at('结果纠正', 120, 130),
      at('64', 163, 130),
      at('件', 177, 130),
      at('第 1 页', 280, 810),
    ]);
    const p2 = page([at('六、其他需要报告的事项', 60, 100)]);
    const out = positionedRows([p1, p2]);
    expect(out.prose).toBe('四、政府信息公开行政复议、行政诉讼情况\n行政复议  结果纠正 64 件\n\f六、其他需要报告的事项');
    expect(out.rows.map((r) => r.cells)).toContainEqual(['结果纠正 64 件']);
    expect(out.chars).toBeGreaterThan(20);
  });

  it('no text at all (a scan): no rows, no characters', () => {
    expect(positionedRows([page([]), page([{ str: '  ', x: 0, y: 0, width: 5, size: 10 }])])).toEqual({
      rows: [],
      prose: '',
      chars: 0,
      notes: [],
    });
  });
});
