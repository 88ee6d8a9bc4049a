/**
 * Hand-made variants (test/fixtures/import/, derived from the 淮安 2024 report): the official merged
 * layout as HTML and as | rows, the typing variants seen in real reports, the 2019 single （六） row in a
 * 2021 report, a provincial extra row, a missing table, and input that is not a report at all.
 */
import fc from 'fast-check';
import { checkReport } from '../../src/report/check';
import { importReport, type ImportKind } from '../../src/report/import';
import { tableLayout } from '../../src/report/layout';
import type { Report } from '../../src/report/types';
import { cellPairs, keysOf, loadReport, readImportFixture } from './helpers';

const huaian = loadReport('huaian-2024.json');
const withoutText = (r: Report): Report => {
  const { text: _text, ...rest } = r;
  return rest;
};

describe('the official merged layout (2021)', () => {
  it.each([
    ['HTML with rowspan/colspan', 'huaian-2024.html', 'html'],
    ['the same grid flattened to | rows', 'huaian-2024-pipe.txt', 'pipe'],
  ])('%s: every cell, year, agency and format', (_name, file, kind) => {
    const result = importReport(readImportFixture(file));
    expect(result.kind).toBe(kind);
    expect([result.report.format, result.report.year, result.report.agency]).toEqual(['2021', 2024, '淮安市人民政府']);
    const { expected, actual } = cellPairs(huaian, result.report);
    expect(actual).toEqual(expected);
    expect(keysOf(result.report).sort()).toEqual(keysOf(huaian).sort());
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.report.text ?? {})).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it("HTML: entities decoded, scripts ignored, one line per block element, the tables' rows as lines", () => {
    const result = importReport(readImportFixture('huaian-2024.html'));
    const text = result.report.text ?? {};
    expect(text['1']).toMatch(/^一、总体情况\n/);
    expect(text['1']).toContain('顺延到下年度答复）&均在法定期限内予以答复');
    expect(text['4']).toBe(
      '四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t行政诉讼\n' +
        '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n' +
        '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n' +
        '72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20',
    );
    expect(text['6']).toBe('六、其他需要报告的事项\n\n\u00a0\u00a02024年，全年收取政府信息公开信息处理费3940元。');
    expect(result.preamble).not.toContain('不是表格');
    expect(result.report.tables.applications?.withheld_3).toEqual(huaian.tables.applications?.withheld_3); // label typed with &ldquo; &#8221;
  });

  it('explicit options win over detection', () => {
    const result = importReport(readImportFixture('huaian-2024-pipe.txt'), { year: 2025, agency: '某某局', format: '2021', kind: 'pipe' });
    expect([result.report.year, result.report.agency, result.report.format, result.kind]).toEqual([2025, '某某局', '2021', 'pipe']);
  });
});

describe('typing variants (one cell per line): half-width brackets and colons, 1、, extra spaces, a wrapped label, a typo, 结果维护', () => {
  const result = importReport(readImportFixture('variants-2021.txt'));

  it('reads every cell; "/", "—" and "96171.6万元" stay as typed, the blank cell as null', () => {
    expect(result.kind).toBe('text');
    expect([result.report.format, result.report.year, result.report.agency]).toEqual(['2021', 2024, '淮安市人民政府']);
    expect(result.problems).toEqual([]);
    const changed: Record<string, unknown> = {
      'applications.new.research': '/',
      'applications.carried_over.research': '—',
      'applications.granted.nonprofit': null,
      'active.fees.amount': '96171.6万元',
    };
    const { expected, actual } = cellPairs(huaian, result.report);
    expect(actual).toEqual(expected.map(([k, v]) => [k, k in changed ? changed[k] : v]));
  });

  it('warns about the typo and about 结果维护, naming the label as typed and the official one; normalised differences pass silently', () => {
    expect(result.findings.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([
      ['STRUCTURE', 'warning', '5.属于三类内部事物信息', '5.属于三类内部事务信息'],
      ['STRUCTURE', 'warning', '结果维护', '结果维持'],
    ]);
    expect(result.findings[0].message).toBe(
      '表2 标签“5.属于三类内部事物信息”与格式规定的“5.属于三类内部事务信息”不一致（疑似错别字），已按“5.属于三类内部事务信息”读取',
    );
    expect(result.findings[0].cells).toEqual(
      tableLayout('2021', 'applications')
        .data.filter((d) => d.rowKey === 'withheld_5')
        .map((d) => d.key),
    );
  });

  it('the checks then report the typed placeholders and the unit', () => {
    const findings = checkReport(withoutText(result.report));
    expect(findings.map((f) => [f.rule, f.cells[0]])).toEqual(expect.arrayContaining([['T1-UNIT', 'active.fees.amount']]));
    // the typed placeholders of table 2, in its one BLANK finding
    expect(findings.find((f) => f.rule === 'BLANK')?.cells).toEqual(
      expect.arrayContaining(['applications.new.research', 'applications.carried_over.research', 'applications.granted.nonprofit']),
    );
  });
});

describe('the 2019 single （六）其他处理 row kept in a 2021 report', () => {
  const result = importReport(readImportFixture('legacy-other-2021.txt'));

  it('is kept as row key `other` with a STRUCTURE warning, and not reported as missing rows', () => {
    expect(result.report.format).toBe('2021');
    expect(result.problems).toEqual([]);
    const apps = result.report.tables.applications ?? {};
    expect(apps.other).toEqual({ natural: 181, business: 5, research: 0, nonprofit: 0, legal: 1, other_org: 0, total: 187 });
    expect(['other_1', 'other_2', 'other_3'].filter((k) => k in apps)).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'STRUCTURE', severity: 'warning', actual: '（六）其他处理' });
    expect(result.findings[0].cells).toEqual(
      ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => `applications.other.${c}`),
    );
    expect(result.findings[0].message).toContain('181、5、0、0、1、0、187');
  });

  it('so that the checks report it too, and the sums still reconcile', () => {
    const findings = checkReport(withoutText(result.report));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['STRUCTURE', 'warning']]);
    expect(findings[0].message).toContain('2019年格式单一的“（六）其他处理”行');
  });
});

describe('a provincial extra row inside table 2', () => {
  const result = importReport(readImportFixture('provincial-row-2021.txt'));

  it('is a STRUCTURE warning keeping its label and values; the official rows are all read', () => {
    expect(result.problems).toEqual([]);
    const { expected, actual } = cellPairs(huaian, result.report);
    expect(actual).toEqual(expected);
    expect(result.findings).toEqual([
      {
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: [],
        expected: null,
        actual: '（八）其中：转送其他行政机关处理',
        message: '表2中有格式之外的行“（八）其中：转送其他行政机关处理”（可能是地方增加的行），数值：3、0、0、0、0、0、3；未读入报告',
      },
    ]);
  });
});

describe('a report without table 3', () => {
  const result = importReport(readImportFixture('missing-table3-2021.txt'));

  it('says so in Chinese and leaves the table out; the other tables are read', () => {
    expect(result.problems).toEqual(['未找到表3（政府信息公开行政复议、行政诉讼情况）：文中没有“行政复议”“行政诉讼”等表头']);
    expect(result.report.tables.reviews).toBeUndefined();
    expect(result.report.tables.active).toEqual(huaian.tables.active);
    expect(result.report.tables.applications).toEqual(huaian.tables.applications);
    expect(result.report.text?.['4']).toBe('四、政府信息公开行政复议、行政诉讼情况\n本年度未发生政府信息公开行政复议、行政诉讼案件。');
  });
});

describe('rows that cannot be read are problems, never guesses', () => {
  it('a row with too few values is left out and named', () => {
    const source = readImportFixture('huaian-2024-pipe.txt').replace(
      /\| 一、本年新收政府信息公开申请数量 .*\|/,
      '| 一、本年新收政府信息公开申请数量 | 3001 | 53 | 0 |',
    );
    const result = importReport(source);
    expect(result.problems).toEqual([
      '表2“一、本年新收政府信息公开申请数量”行：应有7个数值，读到3个，无法确定空白单元格的位置，此行未读入',
    ]);
    expect(result.report.tables.applications?.new).toBeUndefined();
    expect(result.report.tables.applications?.carried_over?.total).toBe(34);
  });

  it('a row with too many values is left out and named', () => {
    const source = readImportFixture('huaian-2024-pipe.txt').replace('| 规章 | 1 | 0 | 11 |', '| 规章 | 1 | 0 | 11 | 12 |');
    const result = importReport(source);
    expect(result.problems).toEqual(['表1“规章”行：应有3个数值，读到4个，此行未读入']);
    expect(result.report.tables.active?.rules).toBeUndefined();
  });

  it('a header without values below it: the table is left out and the problem says what was found', () => {
    const lines = readImportFixture('huaian-2024-pipe.txt').split('\n');
    // every row of tables 2 and 3 with its 7 or 15 numbers dropped; headers and table 1 kept
    const noValues = lines.filter((l) => (l.match(/\| \d+ (?=\|)/g) ?? []).length < 7);
    const result = importReport(noValues.join('\n'));
    expect(result.problems).toEqual([
      '表2（收到和处理政府信息公开申请情况）：找到了表头，但没有读到任何数据行',
      '表3（政府信息公开行政复议、行政诉讼情况）：找到了表头，但表头下没有数值',
    ]);
    expect(Object.keys(result.report.tables)).toEqual(['active']);
  });

  it('a table 2 without rows is reported as not found', () => {
    const result = importReport('某某县2023年政府信息公开工作年度报告\n一、总体情况\n无。');
    expect(result.report.year).toBe(2023);
    expect(result.report.agency).toBe('某某县');
    expect(result.problems).toEqual([
      '未找到表1（主动公开政府信息情况）：文中没有“第二十条第（一）项”“规章”等行',
      '未找到表2（收到和处理政府信息公开申请情况）：文中没有“一、本年新收政府信息公开申请数量”等行',
      '未找到表3（政府信息公开行政复议、行政诉讼情况）：文中没有“行政复议”“行政诉讼”等表头',
    ]);
    expect(result.report.tables).toEqual({});
  });
});

describe('input that is not a report', () => {
  it.each([
    ['empty', ''],
    ['prose only', '今天天气很好。\n我们去公园散步。'],
    ['numbers only', '1  2  3\n4  5  6\n7  8  9\n'],
    ['broken HTML', '<table><tr><td colspan="x">一、本年新收<td rowspan=99999>3<tr><table><td>'],
    ['pipes', '| a | b |\n|---|---|\n| 1 | 2 |\n| | |'],
  ])('%s: problems in Chinese, no tables, no throw', (_name, source) => {
    const result = importReport(source);
    expect(result.report.tables).toEqual({});
    expect(result.problems.length).toBeGreaterThanOrEqual(3);
    expect(result.problems.every((p) => /[\u4e00-\u9fff]/.test(p))).toBe(true);
    expect(result.problems).toContain('未能识别报告年度：没有找到“XXXX年政府信息公开工作年度报告”标题，也没有统计期限');
    expect(result.report.year).toBe(0);
  });

  const layout = [tableLayout('2021', 'applications'), tableLayout('2019', 'active'), tableLayout('2021', 'reviews')];
  const labels = layout.flatMap((l) => l.cells.filter((c) => c.text).map((c) => c.text as string));
  const piece = fc.oneof(
    fc.constantFrom(...labels),
    fc.constantFrom(...labels).map((l) => l.slice(0, Math.ceil(l.length / 2))),
    fc.integer({ min: -5, max: 100000 }).map(String),
    fc.constantFrom(
      '',
      ' ',
      '  ',
      '\t',
      '|',
      '/',
      '—',
      '<td colspan="3">',
      '<tr>',
      '</table>',
      '<table>',
      '&nbsp;',
      '&#99999999;',
      '\f',
      '-3-',
      '一、总体情况',
      '2024年政府信息公开工作年度报告',
    ),
    fc.string({ maxLength: 12 }),
  );
  const line = fc.tuple(fc.array(piece, { maxLength: 8 }), fc.constantFrom(' ', '  ', '\t', '|', '')).map(([xs, sep]) => xs.join(sep));
  const junk = fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n'));
  const kinds: Array<ImportKind | undefined> = [undefined, 'text', 'pdf-text', 'html', 'pipe'];

  it('random junk never throws (fast-check, 100 runs)', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.string({ maxLength: 400, unit: 'binary' })), fc.constantFrom(...kinds), (source, kind) => {
        const result = importReport(source, kind ? { kind } : {});
        expect(result.report.schema).toBe('ogi-report/1');
        expect(Array.isArray(result.problems)).toBe(true);
        expect(result.findings.every((f) => f.rule === 'STRUCTURE')).toBe(true);
        for (const rows of Object.values(result.report.tables)) {
          for (const cols of Object.values(rows ?? {}))
            for (const v of Object.values(cols)) expect(v === null || typeof v === 'number' || typeof v === 'string').toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
