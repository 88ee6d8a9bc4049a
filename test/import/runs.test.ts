/** Digits run together (crawled text): split only when exactly one split fits the row. */
import { importReport } from '../../src/report/import';
import { rowRelations, splitRuns, unglue } from '../../src/report/import/runs';
import { cellKey } from '../../src/report/types';

const appsKeys = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) =>
  cellKey('applications', 'new', c),
);
const appsRels = rowRelations('2021', 'applications', appsKeys);

describe('splitRuns', () => {
  test('the row-sum relation lies within a table-2 row', () => {
    expect(appsRels.map((r) => r.rule.id)).toEqual(['T2-ROWSUM']);
  });

  test('zeros run together have exactly one split', () => {
    expect(splitRuns(['0000000'], appsKeys, appsRels)).toEqual({ kind: 'one', values: ['0', '0', '0', '0', '0', '0', '0'] });
  });

  test('a run whose only split with a matching 总计 is taken', () => {
    // 12 0 0 0 3 0 15 (法律服务机构 3): any other split of "120003015" into 7 numbers breaks 总计 = Σparts or has a leading zero
    expect(splitRuns(['120003015'], appsKeys, appsRels)).toEqual({ kind: 'one', values: ['12', '0', '0', '0', '3', '0', '15'] });
  });

  test('pieces already apart stay apart; only digit runs are split', () => {
    expect(splitRuns(['12', '000', '3', '0', '15'], appsKeys, appsRels)).toEqual({
      kind: 'one',
      values: ['12', '0', '0', '0', '3', '0', '15'],
    });
    expect(splitRuns(['12', '0', '0', '0', '3', '0', '15'], appsKeys, appsRels)).toEqual({
      kind: 'one',
      values: ['12', '0', '0', '0', '3', '0', '15'],
    });
    expect(splitRuns(['12', '0', '0'], appsKeys, appsRels)).toEqual({ kind: 'none' });
  });

  test('an ambiguous run is never guessed', () => {
    const t1 = ['issued', 'repealed', 'in_force'].map((c) => cellKey('active', 'normative_docs', c));
    expect(splitRuns(['512340'], t1, rowRelations('2021', 'active', t1)).kind).toBe('many');
    expect(splitRuns(['1111111111'], appsKeys, appsRels).kind).not.toBe('one');
  });

  test('a label with its values glued on', () => {
    expect(unglue('行政规范性文件512340', (l) => l === '行政规范性文件')).toEqual(['行政规范性文件', '512340']);
    expect(unglue('2.其他法律行政法规禁止公开0', (l) => l.startsWith('2.'))).toEqual(['2.其他法律行政法规禁止公开', '0']);
    expect(unglue('共收到申请12', () => false)).toBeNull();
  });
});

describe('importing crawled text with cells run together', () => {
  const src = [
    '某某局2024年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容本年制发件数本年废止件数现行有效件数',
    '规章000',
    '行政规范性文件512340',
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量120003015',
  ].join('\n');
  const r = importReport(src);

  test('a unique split is read and said as a warning naming the row and the run', () => {
    expect(r.report.tables.active?.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(r.report.tables.applications?.new).toEqual({
      natural: 12,
      business: 0,
      research: 0,
      nonprofit: 0,
      legal: 3,
      other_org: 0,
      total: 15,
    });
    const said = r.findings.map((f) => f.message);
    expect(said).toContainEqual(expect.stringContaining('“一、本年新收政府信息公开申请数量”行的数字连在一起（“120003015”）'));
  });

  test('an ambiguous run leaves its row out and says which row could not be split', () => {
    expect(r.report.tables.active?.normative_docs).toBeUndefined();
    expect(r.problems).toContain('表1“行政规范性文件”行的数字连在一起（“512340”），可以拆成不止一种3个数的组合，无法确定，此行未读入');
  });
});
