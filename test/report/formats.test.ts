/**
 * Reading the formats definition: the label of a row or column key, the path above it, and the names used in
 * prose, as the narrative and the checks take them instead of typing them again.
 */
import { bareLabel, columnNode, labelPath, nameOf, rowNode } from '../../src/report/formats';
import { inEnglish } from '../../src/report/english';
import { toReport } from '../../src/report/report';
import { cellKey, reportYear, splitKey, yearMessage } from '../../src/report/types';

describe('labelPath', () => {
  it('gives the headers above a column key, root first', () => {
    expect(labelPath('2021', 'applications', 'column', 'business').map((n) => n.label)).toEqual([
      '申请人情况',
      '法人或其他组织',
      '商业企业',
    ]);
  });

  it('gives the group of a numbered row', () => {
    expect(labelPath('2021', 'applications', 'row', 'withheld_1').map(nameOf)).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ]);
  });

  it('finds the row keys of table 3 on its column groups', () => {
    expect(labelPath('2019', 'reviews', 'row', 'litigation_after_review').map((n) => n.label)).toEqual(['行政诉讼', '复议后起诉']);
    expect(rowNode('2021', 'reviews', 'review').label).toBe('行政复议');
  });

  it('reads rows and columns of table 1 from its blocks, per format', () => {
    expect(rowNode('2021', 'active', 'normative_docs').label).toBe('行政规范性文件');
    expect(rowNode('2019', 'active', 'normative_docs').label).toBe('规范性文件');
    expect(columnNode('2019', 'active', 'decisions').label).toBe('处理决定数量');
    expect(nameOf(columnNode('2021', 'active', 'amount'))).toBe('本年收费金额');
  });

  it('refuses a key the format does not have, naming it', () => {
    expect(() => rowNode('2021', 'active', 'procurement')).toThrow('format 2021: table active has no row procurement');
    expect(() => columnNode('2019', 'reviews', 'natural')).toThrow('format 2019: table reviews has no column natural');
  });
});

describe('bareLabel', () => {
  it('drops the numbering of a row label', () => {
    expect(bareLabel('1.属于国家秘密')).toBe('属于国家秘密');
    expect(bareLabel('（一）予以公开')).toBe('予以公开');
    expect(bareLabel('自然人')).toBe('自然人');
  });
});

describe('cell keys', () => {
  it('are built and split by one pair of helpers', () => {
    const key = cellKey('applications', 'carried_forward', 'total');
    expect(key).toBe('applications.carried_forward.total');
    expect(splitKey(key)).toEqual({ table: 'applications', row: 'carried_forward', column: 'total' });
  });
});

describe('report years', () => {
  it('accepts a whole year from 2008 to 2100, as a number or four digits', () => {
    expect([2008, 2100, '2025', ' 2024 '].map(reportYear)).toEqual([2008, 2100, 2025, 2024]);
    expect([2007, 2101, 2025.5, '25', '20255', '2025年', '', null, undefined].map(reportYear)).toEqual(Array(9).fill(null));
  });

  it('says what was typed and what is expected, in Chinese and in English', () => {
    expect(yearMessage('25')).toBe('年份“25”无效：请填写 2008 至 2100 之间的四位年份，如 2025');
    expect(inEnglish(yearMessage(2101))).toBe('The year “2101” is not valid: enter a four-digit year from 2008 to 2100, e.g. 2025');
  });

  it('is the check report JSON gets', () => {
    expect(() => toReport({ schema: 'ogi-report/1', format: '2021', year: 1999, tables: {} })).toThrow(
      `${yearMessage(1999)}（invalid year）`,
    );
    expect(inEnglish(`${yearMessage(1999)}（invalid year）`)).toBe(
      'The year “1999” is not valid: enter a four-digit year from 2008 to 2100, e.g. 2025',
    );
  });
});
