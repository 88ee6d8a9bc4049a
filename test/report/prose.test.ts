/** The prose sheet read back: what a person sees in each cell, whatever the cell holds. */
import { proseFromRows } from '../../src/report/prose';
import { parseReportJson, ReportInputError } from '../../src/report/report';
import { textOf } from '../../src/report/types';

test('a rich-text cell (exceljs { richText }) is read as its text, never as "[object Object]"', () => {
  const rows = [
    ['部分', '内容'],
    [1, { richText: [{ text: '本机关' }, { font: { bold: true }, text: '2025年' }, { text: '主动公开信息。' }] }],
    ['二', 12],
    [3, true],
  ];
  expect(proseFromRows(rows)).toEqual({ '1': '本机关2025年主动公开信息。', '2': '12', '3': 'true' });
});

test('textOf: strings and numbers as written, nothing for empty cells, other objects as JSON', () => {
  expect([textOf('甲'), textOf(3), textOf(null), textOf(undefined), textOf({ a: 1 }), textOf([1, 2])]).toEqual([
    '甲',
    '3',
    '',
    '',
    '{"a":1}',
    '[1,2]',
  ]);
});

test('a report JSON whose schema or format is an object names it, not "[object Object]"', () => {
  expect(() => parseReportJson(JSON.stringify({ schema: { v: 1 }, year: 2025, tables: {} }))).toThrow('不支持的数据版本“{"v":1}”');
  expect(() => parseReportJson(JSON.stringify({ year: 2025, format: { f: 2021 }, tables: {} }))).toThrow(ReportInputError);
  expect(() => parseReportJson(JSON.stringify({ year: 2025, format: { f: 2021 }, tables: {} }))).toThrow('{"f":2021}');
});
