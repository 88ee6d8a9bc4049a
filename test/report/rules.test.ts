/**
 * Every check of rules.md, both formats: pass and fail cases with the exact finding (rule, severity,
 * cells in order, message, expected, actual). Reports are built from emptyReport (via the helpers).
 */
import { checkReport, checkValues, reportSource } from '../../src/report/check';
import { tableLayout } from '../../src/report/layout';
import { emptyReport } from '../../src/report/report';
import { cellsToMark, relations, RELATION_RULES, SUM_TOLERANCE, sumHolds, totalFormulas } from '../../src/report/rules';
import { tableConditionalFormats } from '../../src/report/plan';
import type { Finding, FormatId, RawValue, Report } from '../../src/report/types';
import {
  act,
  APP_COLUMNS,
  APPLICANT_COLUMNS,
  app,
  appRows,
  brief,
  byRule,
  clone,
  consistentReport,
  FORMATS_UNDER_TEST,
  OUTCOME_PARTS,
  reportWith,
  resultRows,
  rev,
  REVIEW_ROWS,
  seeded,
  zeroReport,
} from './helpers';

const COL_NAME: Record<string, string> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other_org: '其他',
  total: '总计',
};
const balanceCells = (c: string): string[] => ['new', 'carried_over', 'total', 'carried_forward'].map((r) => app(r, c));
const resultsCells = (f: FormatId, c: string): string[] => [app('total', c), ...resultRows(f).map((r) => app(r, c))];
const rowsumCells = (r: string): string[] => [app(r, 'total'), ...APPLICANT_COLUMNS.map((c) => app(r, c))];
const t3Cells = (r: string): string[] => [rev(r, 'total'), ...OUTCOME_PARTS.map((c) => rev(r, c))];
const check = (r: Report): Finding[] => checkReport(r);

/** Zeros plus a small consistent table-2 scenario in one column: 一 5, （一）予以公开 5, （七）总计 5. */
function five(format: FormatId, col = 'natural'): Report {
  return reportWith(format, {
    [app('new', col)]: 5,
    [app('new', 'total')]: 5,
    [app('granted', col)]: 5,
    [app('granted', 'total')]: 5,
    [app('total', col)]: 5,
    [app('total', 'total')]: 5,
  });
}

describe.each(FORMATS_UNDER_TEST)('format %s', (format) => {
  describe('pass cases', () => {
    it('an all-zero report and random consistent reports have no findings at all', () => {
      expect(check(zeroReport(format))).toEqual([]);
      for (let seed = 1; seed <= 25; seed++) expect([seed, check(consistentReport(format, seeded(seed)))]).toEqual([seed, []]);
    });
  });

  describe('T2-BALANCE', () => {
    it.each(APPLICANT_COLUMNS)('column %s: 一＋二 ≠ 三（七）总计＋四 → an error for that column and the 总计 column', (c) => {
      const r = reportWith(format, {
        [app('new', c)]: 50,
        [app('new', 'total')]: 50,
        [app('granted', c)]: 40,
        [app('granted', 'total')]: 40,
        [app('total', c)]: 40,
        [app('total', 'total')]: 40,
        [app('carried_forward', c)]: 8,
        [app('carried_forward', 'total')]: 8,
      });
      const f = check(r);
      expect(f).toEqual([
        {
          rule: 'T2-BALANCE',
          severity: 'error',
          cells: balanceCells(c),
          message: `${COL_NAME[c]}列：一＋二（50）应等于三（七）总计＋四（48），相差2`,
          expected: 50,
          actual: 48,
        },
        {
          rule: 'T2-BALANCE',
          severity: 'error',
          cells: balanceCells('total'),
          message: '总计列：一＋二（50）应等于三（七）总计＋四（48），相差2',
          expected: 50,
          actual: 48,
        },
      ]);
      // the spec's example message, verbatim apart from the difference
      expect(f[0].message.startsWith(c === 'natural' ? '自然人列：一＋二（50）应等于三（七）总计＋四（48）' : '')).toBe(true);
      // balanced again once 四 is right
      r.tables.applications!.carried_forward[c] = 10;
      r.tables.applications!.carried_forward.total = 10;
      expect(check(r)).toEqual([]);
    });

    it('the 总计 column is checked on its own (carried_over counts too)', () => {
      const r = reportWith(format, {
        [app('carried_over', 'natural')]: 3,
        [app('carried_over', 'total')]: 4, // row sum broken too
        [app('carried_forward', 'natural')]: 3,
        [app('carried_forward', 'total')]: 3,
      });
      const f = check(r);
      expect(byRule(f, 'T2-BALANCE')).toEqual([
        {
          rule: 'T2-BALANCE',
          severity: 'error',
          cells: balanceCells('total'),
          message: '总计列：一＋二（4）应等于三（七）总计＋四（3），相差1',
          expected: 4,
          actual: 3,
        },
      ]);
      expect(brief(f)).toEqual([
        ['T2-ROWSUM', 'error', rowsumCells('carried_over')],
        ['T2-BALANCE', 'error', balanceCells('total')],
      ]);
    });

    it('holds when carried-over applications are finished or carried forward', () => {
      const r = reportWith(format, {
        [app('carried_over', 'legal')]: 7,
        [app('carried_over', 'total')]: 7,
        [app('partial', 'legal')]: 4,
        [app('partial', 'total')]: 4,
        [app('total', 'legal')]: 4,
        [app('total', 'total')]: 4,
        [app('carried_forward', 'legal')]: 3,
        [app('carried_forward', 'total')]: 3,
      });
      expect(check(r)).toEqual([]);
    });
  });

  describe('T2-RESULTS', () => {
    const otherRows = format === '2019' ? ['other'] : ['other_1', 'other_2', 'other_3'];

    it(`sums （一）…（六） with ${format === '2019' ? 'the single （六）其他处理 row' : 'the three （六） rows'} into （七）总计`, () => {
      expect(resultRows(format).filter((x) => x.startsWith('other'))).toEqual(otherRows);
      const values: Record<string, RawValue> = {};
      otherRows.forEach((row, i) => {
        values[app(row, 'natural')] = i + 1;
        values[app(row, 'total')] = i + 1;
      });
      const sum = otherRows.reduce((n, _, i) => n + i + 1, 0);
      Object.assign(values, {
        [app('total', 'natural')]: sum,
        [app('total', 'total')]: sum,
        [app('new', 'natural')]: sum,
        [app('new', 'total')]: sum,
      });
      const ok = reportWith(format, values);
      expect(check(ok)).toEqual([]);
      // one less in （七）总计 (and in 一, to keep the balance)
      const bad = reportWith(format, {
        ...values,
        [app('total', 'natural')]: sum - 1,
        [app('new', 'natural')]: sum - 1,
        [app('total', 'total')]: sum - 1,
        [app('new', 'total')]: sum - 1,
      });
      const f = check(bad);
      expect(f).toEqual([
        {
          rule: 'T2-RESULTS',
          severity: 'error',
          cells: resultsCells(format, 'natural'),
          message: `自然人列：三（七）总计（${sum - 1}）应等于（一）至（六）各项之和（${sum}），相差1`,
          expected: sum,
          actual: sum - 1,
        },
        {
          rule: 'T2-RESULTS',
          severity: 'error',
          cells: resultsCells(format, 'total'),
          message: `总计列：三（七）总计（${sum - 1}）应等于（一）至（六）各项之和（${sum}），相差1`,
          expected: sum,
          actual: sum - 1,
        },
      ]);
      expect(f[0].cells.length).toBe(format === '2019' ? 20 : 22);
    });

    it.each(APP_COLUMNS)('column %s: every result row counts', (c) => {
      for (const row of resultRows(format)) {
        const r = zeroReport(format);
        r.tables.applications![row][c] = 2;
        const f = byRule(check(r), 'T2-RESULTS');
        const mine = f.find((x) => x.cells[0] === app('total', c));
        expect([row, mine?.cells]).toEqual([row, resultsCells(format, c)]);
        expect(mine?.expected).toBe(2);
        expect(mine?.actual).toBe(0);
      }
    });
  });

  describe('T2-ROWSUM', () => {
    it.each(appRows(format))('row %s: 总计 ≠ the six applicant columns', (row) => {
      const r = zeroReport(format);
      r.tables.applications![row].research = 2;
      r.tables.applications![row].other_org = 1;
      r.tables.applications![row].total = 4;
      const f = byRule(check(r), 'T2-ROWSUM');
      expect(f.length).toBe(1);
      expect(f[0]).toMatchObject({ severity: 'error', cells: rowsumCells(row), expected: 3, actual: 4 });
      expect(f[0].message).toMatch(/行：总计（4）应等于自然人与各类法人或其他组织之和（3），相差1$/);
      r.tables.applications![row].total = 3;
      expect(byRule(check(r), 'T2-ROWSUM')).toEqual([]);
    });

    it('names the row in the message', () => {
      const names: Record<string, string> = {
        new: '一、本年新收行',
        carried_over: '二、上年结转行',
        granted: '（一）予以公开行',
        partial: '（二）部分公开行',
        withheld_1: '1.属于国家秘密行',
        unable_2: '2.没有现成信息需要另行制作行',
        total: '三（七）总计行',
        carried_forward: '四、结转下年度行',
        ...(format === '2019' ? { other: '（六）其他处理行' } : { other_3: '3.其他行' }),
      };
      for (const [row, name] of Object.entries(names)) {
        const r = reportWith(format, { [app(row, 'natural')]: 1 });
        const f = byRule(check(r), 'T2-ROWSUM');
        expect(f.map((x) => x.message)).toEqual([`${name}：总计（0）应等于自然人与各类法人或其他组织之和（1），相差1`]);
      }
    });
  });

  describe('T3-SUM', () => {
    const names: Record<string, string> = {
      review: '行政复议',
      litigation_direct: '未经复议直接起诉',
      litigation_after_review: '复议后起诉',
    };
    it.each(REVIEW_ROWS)('%s: total = upheld + corrected + other + pending', (row) => {
      const values = { [rev(row, 'upheld')]: 1, [rev(row, 'corrected')]: 2, [rev(row, 'other')]: 3, [rev(row, 'pending')]: 4 };
      expect(check(reportWith(format, { ...values, [rev(row, 'total')]: 10 }))).toEqual([]);
      expect(check(reportWith(format, { ...values, [rev(row, 'total')]: 9 }))).toEqual([
        {
          rule: 'T3-SUM',
          severity: 'error',
          cells: t3Cells(row),
          message: `${names[row]}：总计（9）应等于结果维持＋结果纠正＋其他结果＋尚未审结（10），相差1`,
          expected: 10,
          actual: 9,
        },
      ]);
      // each part counts
      for (const part of OUTCOME_PARTS) {
        const f = check(reportWith(format, { [rev(row, part)]: 5 }));
        expect(brief(f)).toEqual([['T3-SUM', 'error', t3Cells(row)]]);
      }
    });
  });

  describe('T2-INT / T3-INT', () => {
    it.each([
      [-1, '-1'],
      [1.5, '1.5'],
      ['2.5', '2.5'],
      [-0.5, '-0.5'],
    ] as Array<[RawValue, string]>)('table 2 value %p is an error', (v, shown) => {
      const r = zeroReport(format);
      r.tables.applications!.granted.natural = v;
      const f = check(r);
      expect(byRule(f, 'T2-INT')).toEqual([
        {
          rule: 'T2-INT',
          severity: 'error',
          cells: [app('granted', 'natural')],
          message: `表2 （一）予以公开 · 自然人：应为大于或等于0的整数，实际为“${shown}”`,
          expected: null,
          actual: shown,
        },
      ]);
      // the value is still read for the sums
      const rowsum = byRule(f, 'T2-ROWSUM')[0];
      expect(rowsum.message).toBe(
        `（一）予以公开行：总计（0）应等于自然人与各类法人或其他组织之和（${Number(v)}），相差${Math.abs(Number(v))}`,
      );
    });

    it.each([
      [-2, '-2'],
      [0.5, '0.5'],
    ] as Array<[number, string]>)('table 3 value %p is an error', (v, shown) => {
      const f = check(reportWith(format, { [rev('litigation_after_review', 'pending')]: v, [rev('litigation_after_review', 'total')]: v }));
      expect(f).toEqual([
        {
          rule: 'T3-INT',
          severity: 'error',
          cells: [rev('litigation_after_review', 'pending')],
          message: `表3 复议后起诉 · 尚未审结：应为大于或等于0的整数，实际为“${shown}”`,
          expected: null,
          actual: shown,
        },
        {
          rule: 'T3-INT',
          severity: 'error',
          cells: [rev('litigation_after_review', 'total')],
          message: `表3 复议后起诉 · 总计：应为大于或等于0的整数，实际为“${shown}”`,
          expected: null,
          actual: shown,
        },
      ]);
    });

    it('whole numbers ≥ 0 (also 0 and large counts) pass', () => {
      const r = reportWith(format, { [rev('review', 'upheld')]: 123456, [rev('review', 'total')]: 123456, [app('new', 'natural')]: 0 });
      expect(check(r)).toEqual([]);
    });
  });

  describe('T1-NUM', () => {
    const t1 = (values: Record<string, RawValue>): Finding[] => byRule(check(reportWith(format, values)), 'T1-NUM');

    if (format === '2021') {
      it('fees amount in 万元 may have decimals, never be negative', () => {
        for (const v of [96171.6, 7730.28, 59237.2449, 0]) expect(check(reportWith(format, { [act('fees', 'amount')]: v }))).toEqual([]);
        expect(t1({ [act('fees', 'amount')]: -1 })).toEqual([
          {
            rule: 'T1-NUM',
            severity: 'error',
            cells: [act('fees', 'amount')],
            message: '表1 行政事业性收费 · 本年收费金额：金额不能为负数，实际为“-1”',
            expected: null,
            actual: '-1',
          },
        ]);
      });
      it('counts are whole numbers ≥ 0', () => {
        expect(t1({ [act('rules', 'issued')]: 1.5 })).toEqual([
          {
            rule: 'T1-NUM',
            severity: 'error',
            cells: [act('rules', 'issued')],
            message: '表1 规章 · 本年制发件数：应为大于或等于0的整数，实际为“1.5”',
            expected: null,
            actual: '1.5',
          },
        ]);
        expect(t1({ [act('penalty', 'decisions')]: -3 })).toEqual([
          {
            rule: 'T1-NUM',
            severity: 'error',
            cells: [act('penalty', 'decisions')],
            message: '表1 行政处罚 · 本年处理决定数量：应为大于或等于0的整数，实际为“-3”',
            expected: null,
            actual: '-3',
          },
        ]);
        expect(t1({ [act('normative_docs', 'in_force')]: 11, [act('licensing', 'decisions')]: 29507 })).toEqual([]);
      });
    } else {
      it('change may be negative but not a decimal', () => {
        expect(check(reportWith(format, { [act('licensing', 'change')]: -2, [act('fees', 'change')]: -14 }))).toEqual([]);
        expect(t1({ [act('enforcement', 'change')]: 1.5 })).toEqual([
          {
            rule: 'T1-NUM',
            severity: 'error',
            cells: [act('enforcement', 'change')],
            message: '表1 行政强制 · 本年增/减：本年增/减应为整数（减少填负数），实际为“1.5”',
            expected: null,
            actual: '1.5',
          },
        ]);
        expect(t1({ [act('fees', 'change')]: -0.5 }).map((f) => f.cells)).toEqual([[act('fees', 'change')]]);
      });
      it('procurement amount may have decimals, never be negative; the rest whole ≥ 0', () => {
        expect(check(reportWith(format, { [act('procurement', 'amount')]: 2.43 }))).toEqual([]);
        expect(t1({ [act('procurement', 'amount')]: -5 })).toEqual([
          {
            rule: 'T1-NUM',
            severity: 'error',
            cells: [act('procurement', 'amount')],
            message: '表1 政府集中采购 · 采购总金额：金额不能为负数，实际为“-5”',
            expected: null,
            actual: '-5',
          },
        ]);
        expect(t1({ [act('procurement', 'projects')]: 1.5 }).map((f) => [f.cells, f.message])).toEqual([
          [[act('procurement', 'projects')], '表1 政府集中采购 · 采购项目数量：应为大于或等于0的整数，实际为“1.5”'],
        ]);
        expect(t1({ [act('licensing', 'prev_items')]: -1 }).map((f) => f.cells)).toEqual([[act('licensing', 'prev_items')]]);
        expect(t1({ [act('rules', 'made')]: 0.5 }).map((f) => f.cells)).toEqual([[act('rules', 'made')]]);
      });
    }
  });

  describe('T1-UNIT', () => {
    const cell = format === '2021' ? act('fees', 'amount') : act('procurement', 'amount');
    const where = format === '2021' ? '表1 行政事业性收费 · 本年收费金额' : '表1 政府集中采购 · 采购总金额';

    it('"251000元" in table 1 → a warning, the number read', () => {
      expect(check(reportWith(format, { [cell]: '251000元' }))).toEqual([
        {
          rule: 'T1-UNIT',
          severity: 'warning',
          cells: [cell],
          message: `${where}：“251000元”带有单位“元”，已按 251000 读取；单元格中只应填写数字`,
          expected: 251000,
          actual: '251000元',
        },
      ]);
    });

    it('a unit on a count is a warning too, and the number is checked as a count', () => {
      const k = act('licensing', 'decisions');
      expect(brief(check(reportWith(format, { [k]: '48件' })))).toEqual([['T1-UNIT', 'warning', [k]]]);
      expect(brief(check(reportWith(format, { [k]: '-48件' })))).toEqual([
        ['T1-UNIT', 'warning', [k]],
        ['T1-NUM', 'error', [k]],
      ]);
    });

    if (format === '2019') {
      it('the number read takes part in T1-PUBLISHED', () => {
        const f = check(reportWith(format, { [act('rules', 'published')]: '60件', [act('rules', 'public_total')]: 50 }));
        expect(brief(f)).toEqual([
          ['T1-UNIT', 'warning', [act('rules', 'published')]],
          ['T1-PUBLISHED', 'warning', [act('rules', 'published'), act('rules', 'public_total')]],
        ]);
        expect(f[1].message).toBe('规章行：本年新公开数量（60）不应大于对外公开总数量（50）');
      });
    }

    it('in tables 2 and 3 a unit is a TEXT-NUM warning and the number is used in the sums', () => {
      const r = five(format);
      r.tables.applications!.granted.natural = '5件';
      expect(check(r)).toEqual([
        {
          rule: 'TEXT-NUM',
          severity: 'warning',
          cells: [app('granted', 'natural')],
          message: '表2 （一）予以公开 · 自然人：“5件”带有单位“件”，已按 5 读取；单元格中只应填写数字',
          expected: 5,
          actual: '5件',
        },
      ]);
      r.tables.applications!.granted.natural = '6件';
      expect(brief(check(r))).toEqual([
        ['TEXT-NUM', 'warning', [app('granted', 'natural')]],
        ['T2-ROWSUM', 'error', rowsumCells('granted')],
        ['T2-RESULTS', 'error', resultsCells(format, 'natural')],
      ]);
    });
  });

  describe('T1-PUBLISHED', () => {
    if (format === '2019') {
      it.each([
        ['rules', '规章行'],
        ['normative_docs', '规范性文件行'],
      ])('%s: published ≤ public_total', (row, name) => {
        expect(check(reportWith(format, { [act(row, 'published')]: 50, [act(row, 'public_total')]: 50 }))).toEqual([]);
        expect(check(reportWith(format, { [act(row, 'published')]: 3, [act(row, 'public_total')]: 295 }))).toEqual([]);
        expect(check(reportWith(format, { [act(row, 'published')]: 53, [act(row, 'public_total')]: 52 }))).toEqual([
          {
            rule: 'T1-PUBLISHED',
            severity: 'warning',
            cells: [act(row, 'published'), act(row, 'public_total')],
            message: `${name}：本年新公开数量（53）不应大于对外公开总数量（52）`,
            expected: 52,
            actual: 53,
          },
        ]);
      });
    } else {
      it('does not exist in 2021 (no published/public_total cells)', () => {
        expect(relations(format).filter((r) => r.rule.id === 'T1-PUBLISHED')).toEqual([]);
        expect(
          relations('2019')
            .filter((r) => r.rule.id === 'T1-PUBLISHED')
            .map((r) => r.along),
        ).toEqual(['rules', 'normative_docs']);
        const f = check(reportWith(format, { [act('rules', 'issued')]: 53, [act('rules', 'in_force')]: 52 }));
        expect(f).toEqual([]);
      });
    }
  });

  describe('BLANK', () => {
    it.each([
      [null, '单元格为空', ''],
      ['', '单元格为空', ''],
      ['  ', '单元格为空', '  '],
      ['/', '填写了“/”', '/'],
      ['-', '填写了“-”', '-'],
      ['—', '填写了“—”', '—'],
      ['无', '填写了“无”', '无'],
    ] as Array<[RawValue, string, string]>)('%p → warning, counted as 0 and said so', (v, what, shown) => {
      // a cell that should be 0: only the warning
      const zero = zeroReport(format);
      zero.tables.applications!.granted.natural = v;
      expect(check(zero)).toEqual([
        {
          rule: 'BLANK',
          severity: 'warning',
          cells: [app('granted', 'natural')],
          message: `表2 （一）予以公开 · 自然人：${what}，格式要求填写0；计算时按0处理`,
          expected: 0,
          actual: shown,
        },
      ]);
      // a cell that should be 5: the sums count it as 0 and say so
      const r = five(format);
      r.tables.applications!.granted.natural = v;
      const f = check(r);
      expect(brief(f)).toEqual([
        ['BLANK', 'warning', [app('granted', 'natural')]],
        ['T2-ROWSUM', 'error', rowsumCells('granted')],
        ['T2-RESULTS', 'error', resultsCells(format, 'natural')],
      ]);
      expect(f[1].message).toBe('（一）予以公开行：总计（5）应等于自然人与各类法人或其他组织之和（0），相差5（其中空白单元格按0计算）');
      expect(f[2].message).toBe('自然人列：三（七）总计（5）应等于（一）至（六）各项之和（0），相差5（其中空白单元格按0计算）');
      expect(f[2]).toMatchObject({ expected: 0, actual: 5 });
    });

    it('a blank in table 3 and table 1 too', () => {
      const f = check(reportWith(format, { [rev('review', 'upheld')]: '/', [rev('review', 'total')]: 1 }));
      expect(brief(f)).toEqual([
        ['BLANK', 'warning', [rev('review', 'upheld')]],
        ['T3-SUM', 'error', t3Cells('review')],
      ]);
      expect(f[1].message).toBe('行政复议：总计（1）应等于结果维持＋结果纠正＋其他结果＋尚未审结（0），相差1（其中空白单元格按0计算）');
      const k = format === '2021' ? act('fees', 'amount') : act('procurement', 'amount');
      expect(brief(check(reportWith(format, { [k]: '—' })))).toEqual([['BLANK', 'warning', [k]]]);
    });

    it('a relation without blanks does not mention them', () => {
      const r = five(format);
      r.tables.applications!.granted.natural = 4;
      for (const f of check(r)) expect(f.message).not.toMatch(/空白/);
    });

    it('a table not filled in yet is said once, and not painted', () => {
      const f = check(emptyReport(format, 2024));
      const sizes = format === '2021' ? [10, 175, 15] : [22, 161, 15];
      expect(f.map((x) => [x.rule, x.severity, x.cells.length])).toEqual(sizes.map((n) => ['BLANK', 'warning', n]));
      expect(f[1].message).toBe(`表2 依申请公开尚未填写：${sizes[1]} 个单元格为空（没有数据的请填0）`);
      expect(f[1].cells).toEqual(tableLayout(format, 'applications').data.map((c) => c.key));
      for (const x of f) expect(cellsToMark(x)).toEqual([]);
    });
  });

  describe('TEXT-NUM', () => {
    it.each([['很多'], ['48人次左右'], ['N/A?'], ['十二']])('text %p → error, and the sums that need it are not reported', (v) => {
      const r = five(format);
      r.tables.applications!.granted.natural = v;
      r.tables.applications!.new.business = 1; // an unrelated broken sum still reported
      const f = check(r);
      expect(f).toEqual([
        {
          rule: 'TEXT-NUM',
          severity: 'error',
          cells: [app('granted', 'natural')],
          message: `表2 （一）予以公开 · 自然人：“${v}”不是数字，应填写数字`,
          expected: null,
          actual: v,
        },
        expect.objectContaining({ rule: 'T2-ROWSUM', cells: rowsumCells('new') }),
        expect.objectContaining({ rule: 'T2-BALANCE', cells: balanceCells('business') }),
      ]);
      for (const x of f.slice(1)) expect(x.cells).not.toContain(app('granted', 'natural'));
    });

    it('a spreadsheet error value is an error', () => {
      const r = reportWith(format, { [rev('review', 'total')]: '#REF!' });
      expect(check(r)).toEqual([
        {
          rule: 'TEXT-NUM',
          severity: 'error',
          cells: [rev('review', 'total')],
          message: '表3 行政复议 · 总计：单元格显示错误值“#REF!”，应为数字（可能是公式引用了已删除的单元格）',
          expected: null,
          actual: '#REF!',
        },
      ]);
    });

    it('non-number JSON values (booleans, NaN, Infinity) are errors', () => {
      for (const v of [true, false, Number.NaN, Number.POSITIVE_INFINITY] as RawValue[]) {
        const f = check(reportWith(format, { [app('new', 'legal')]: v }));
        expect([String(v), brief(f)]).toEqual([String(v), [['TEXT-NUM', 'error', [app('new', 'legal')]]]]);
      }
    });

    it.each([
      ['５', '全角数字', 5],
      ['1,234', '千位分隔符', 1234],
    ] as Array<[string, string, number]>)('%p → warning and read as %p', (v, note, n) => {
      const r = reportWith(format, {
        [app('new', 'natural')]: n,
        [app('new', 'total')]: n,
        [app('granted', 'natural')]: v,
        [app('granted', 'total')]: n,
        [app('total', 'natural')]: n,
        [app('total', 'total')]: n,
      });
      expect(check(r)).toEqual([
        {
          rule: 'TEXT-NUM',
          severity: 'warning',
          cells: [app('granted', 'natural')],
          message: `表2 （一）予以公开 · 自然人：“${v}”含${note}，已按 ${n} 读取，请改为普通数字`,
          expected: n,
          actual: v,
        },
      ]);
      r.tables.applications!.granted.total = n + 1;
      const f = check(r);
      expect(byRule(f, 'T2-ROWSUM').map((x) => x.message)).toEqual([
        `（一）予以公开行：总计（${n + 1}）应等于自然人与各类法人或其他组织之和（${n}），相差1`,
      ]);
    });

    it('"４８" (full-width) is read as 48', () => {
      const f = check(reportWith(format, { [rev('review', 'upheld')]: '４８', [rev('review', 'total')]: 48 }));
      expect(f).toEqual([
        {
          rule: 'TEXT-NUM',
          severity: 'warning',
          cells: [rev('review', 'upheld')],
          message: '表3 行政复议 · 结果维持：“４８”含全角数字，已按 48 读取，请改为普通数字',
          expected: 48,
          actual: '４８',
        },
      ]);
    });
  });

  describe('STRUCTURE', () => {
    it('a missing table → one error listing its cells; its sums are not checked', () => {
      const r = zeroReport(format);
      delete r.tables.reviews;
      r.tables.applications!.new.natural = 1; // still checked
      const f = check(r);
      expect(f.map((x) => x.rule)).toEqual(['T2-ROWSUM', 'T2-BALANCE', 'STRUCTURE']);
      expect(f[2]).toEqual({
        rule: 'STRUCTURE',
        severity: 'error',
        cells: tableLayout(format, 'reviews').data.map((c) => c.key),
        message: '缺少表3 复议诉讼（四、政府信息公开行政复议、行政诉讼情况）',
        expected: null,
        actual: null,
      });
    });

    it('a missing row → one error naming it; only the sums that need it are skipped', () => {
      const r = zeroReport(format);
      delete r.tables.applications!.partial;
      r.tables.applications!.granted.natural = 1;
      const f = check(r);
      expect(f[0]).toEqual({
        rule: 'STRUCTURE',
        severity: 'error',
        cells: APP_COLUMNS.map((c) => app('partial', c)),
        message: '表2 依申请公开缺少 7 个单元格，涉及：（二）部分公开',
        expected: null,
        actual: null,
      });
      // the granted row sum is still checked; the results sums (which need partial) are not
      expect(f.slice(1).map((x) => [x.rule, x.cells[0]])).toEqual([['T2-ROWSUM', app('granted', 'total')]]);
    });

    it('a missing cell → an error', () => {
      const r = zeroReport(format);
      delete r.tables.applications!.carried_forward.legal;
      expect(check(r)).toEqual([
        {
          rule: 'STRUCTURE',
          severity: 'error',
          cells: [app('carried_forward', 'legal')],
          message: '表2 依申请公开缺少 1 个单元格，涉及：四、结转下年度',
          expected: null,
          actual: null,
        },
      ]);
    });

    it('an extra (provincial) row or column → a warning, not summed', () => {
      const r = consistentReport(format, seeded(7));
      r.tables.applications!.provincial_extra = { natural: 3, total: 3 };
      r.tables.applications!.new.foreign = 9;
      expect(check(r)).toEqual([
        {
          rule: 'STRUCTURE',
          severity: 'warning',
          cells: [app('new', 'foreign')],
          message: '表2 依申请公开中有格式之外的单元格“new.foreign”，未参与核对',
          expected: null,
          actual: null,
        },
        {
          rule: 'STRUCTURE',
          severity: 'warning',
          cells: [app('provincial_extra', 'natural'), app('provincial_extra', 'total')],
          message: '表2 依申请公开中有格式之外的行“provincial_extra”（可能是地方增加的行），未参与核对',
          expected: null,
          actual: null,
        },
      ]);
    });

    it('an unknown table → a warning', () => {
      const r = zeroReport(format) as Report & { tables: Record<string, unknown> };
      (r.tables as Record<string, unknown>).fees = { x: { y: 1 } };
      expect(check(r)).toEqual([
        { rule: 'STRUCTURE', severity: 'warning', cells: [], message: '未知的表格“fees”，未检查', expected: null, actual: null },
      ]);
    });

    if (format === '2021') {
      /** A consistent 2021 report that kept the 2019 single （六） row instead of other_1..3. */
      function legacy(seed: number): Report {
        const r = consistentReport('2021', seeded(seed), { zeroShare: 0 });
        const a = r.tables.applications!;
        a.other = Object.fromEntries(
          APP_COLUMNS.map((c) => [c, (a.other_1[c] as number) + (a.other_2[c] as number) + (a.other_3[c] as number)]),
        );
        delete a.other_1;
        delete a.other_2;
        delete a.other_3;
        return r;
      }
      const LEGACY_MESSAGE = '2021年格式的报告中保留了2019年格式单一的“（六）其他处理”行，应拆分为1.逾期不补正、2.逾期未缴费、3.其他三项';

      it('the 2019 single （六） row in a 2021 report → a warning, and the sums still check with its value', () => {
        for (const seed of [1, 2, 3]) {
          expect(check(legacy(seed))).toEqual([
            {
              rule: 'STRUCTURE',
              severity: 'warning',
              cells: APP_COLUMNS.map((c) => app('other', c)),
              message: LEGACY_MESSAGE,
              expected: null,
              actual: null,
            },
          ]);
        }
        const r = legacy(4);
        const other = r.tables.applications!.other;
        other.natural = (other.natural as number) + 1;
        other.total = (other.total as number) + 1;
        const f = check(r);
        expect(f.map((x) => [x.rule, x.severity])).toEqual([
          ['STRUCTURE', 'warning'],
          ['T2-RESULTS', 'error'],
          ['T2-RESULTS', 'error'],
        ]);
        const natural = f[1];
        expect(natural.cells).toEqual(resultsCells('2021', 'natural'));
        const total = r.tables.applications!.total.natural as number;
        expect(natural).toMatchObject({
          expected: total + 1,
          actual: total,
          message: `自然人列：三（七）总计（${total}）应等于（一）至（六）各项之和（${total + 1}），相差1`,
        });
        expect(f[2].cells[0]).toBe(app('total', 'total'));
      });

      it('reportSource reads the single row as （六）3.其他 (and 1., 2. as 0)', () => {
        const r = legacy(5);
        const get = reportSource(r);
        for (const c of APP_COLUMNS) {
          expect(get(app('other_3', c))).toBe(r.tables.applications!.other[c]);
          expect(get(app('other_1', c))).toBe(0);
          expect(get(app('other_2', c))).toBe(0);
        }
        expect(checkValues('2021', get)).toEqual([]);
      });

      it('a 2021 report with both the sub-rows and a stray single row uses the sub-rows', () => {
        const r = consistentReport('2021', seeded(9));
        r.tables.applications!.other = { natural: 999 };
        expect(check(r)).toEqual([
          {
            rule: 'STRUCTURE',
            severity: 'warning',
            cells: [app('other', 'natural')],
            message: LEGACY_MESSAGE,
            expected: null,
            actual: null,
          },
        ]);
      });
    } else {
      it('a 2019 report with 2021 sub-rows → warnings for the rows the format lacks', () => {
        const r = zeroReport('2019');
        r.tables.applications!.other_1 = { natural: 0 };
        const f = check(r);
        expect(f.map((x) => [x.rule, x.severity, x.cells])).toEqual([['STRUCTURE', 'warning', [app('other_1', 'natural')]]]);
      });
    }
  });

  describe('findings as a whole', () => {
    it('checkValues limits the tables checked', () => {
      const r = emptyReport(format, 2024);
      const f = checkValues(format, reportSource(r), ['applications']);
      expect(f.map((x) => x.cells[0].split('.')[0])).toEqual(['applications']);
    });

    it('orders findings by table (1, 2, 3), then as found', () => {
      const r = zeroReport(format);
      r.tables.reviews!.review.total = 1;
      r.tables.applications!.new.natural = 'x';
      r.tables.active![format === '2021' ? 'rules' : 'licensing'][format === '2021' ? 'issued' : 'prev_items'] = -1;
      expect(check(r).map((x) => [x.rule, x.cells[0].split('.')[0]])).toEqual([
        ['T1-NUM', 'active'],
        ['TEXT-NUM', 'applications'],
        ['T3-SUM', 'reviews'],
      ]);
    });

    it('the relations are those of rules.md, expanded over every row and column', () => {
      const count = (id: string): number => relations(format).filter((r) => r.rule.id === id).length;
      expect(count('T2-BALANCE')).toBe(7);
      expect(count('T2-RESULTS')).toBe(7);
      expect(count('T2-ROWSUM')).toBe(format === '2021' ? 25 : 23);
      expect(count('T3-SUM')).toBe(3);
      expect(count('T1-PUBLISHED')).toBe(format === '2019' ? 2 : 0);
      expect(RELATION_RULES.map((r) => [r.id, r.severity])).toEqual([
        ['T2-ROWSUM', 'error'],
        ['T2-RESULTS', 'error'],
        ['T2-BALANCE', 'error'],
        ['T3-SUM', 'error'],
        ['T1-PUBLISHED', 'warning'],
      ]);
    });

    it('every 总计 cell has a formula over its parts: the row total first, then the column total', () => {
      const m = totalFormulas(format);
      expect(m.get(app('total', 'total'))).toEqual(APPLICANT_COLUMNS.map((c) => app('total', c)));
      expect(m.get(app('total', 'natural'))).toEqual(resultRows(format).map((r) => app(r, 'natural')));
      expect(m.get(app('new', 'total'))).toEqual(APPLICANT_COLUMNS.map((c) => app('new', c)));
      expect(m.get(rev('litigation_direct', 'total'))).toEqual(OUTCOME_PARTS.map((c) => rev('litigation_direct', c)));
      expect(m.size).toBe((format === '2021' ? 25 : 23) + 6 + 3);
    });

    it('marks the 总计 of a broken sum, all cells of a balance, one cell of a cell finding, nothing for structure', () => {
      const r = clone(five(format));
      r.tables.applications!.granted.natural = 4;
      r.tables.applications!.new.natural = 'x';
      const f = check(r);
      const marks = f.map((x) => [x.rule, cellsToMark(x)]);
      expect(marks).toEqual([
        ['TEXT-NUM', [app('new', 'natural')]],
        ['T2-ROWSUM', [app('granted', 'total')]],
        ['T2-RESULTS', [app('total', 'natural')]],
      ]);
      const bal = check(reportWith(format, { [app('new', 'natural')]: 1, [app('new', 'total')]: 1 }));
      expect(bal.map((x) => [x.rule, cellsToMark(x)])).toEqual([
        ['T2-BALANCE', balanceCells('natural')],
        ['T2-BALANCE', balanceCells('total')],
      ]);
      expect(cellsToMark({ rule: 'STRUCTURE', cells: [app('new', 'natural')] })).toEqual([]);
    });
  });
});

describe('one tolerance for a sum', () => {
  it('holds within 0.000001 and not beyond, for = and ≤', () => {
    expect(SUM_TOLERANCE).toBe(0.000001);
    expect([sumHolds(0.1 + 0.2, 0.3), sumHolds(10, 10.0000005), sumHolds(10, 10.00001), sumHolds(1000000, 1000001)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([sumHolds(5, 5, '<='), sumHolds(5.0000005, 5, '<='), sumHolds(6, 5, '<='), sumHolds(4, 5, '<=')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('is the margin the conditional formats write into Excel', () => {
    const cf = tableConditionalFormats(tableLayout('2021', 'reviews'), { r: 0, c: 0, rs: 4, cs: 15 }, 'OGI_reviews').find(
      (f) => f.rule === 'T3-SUM',
    );
    expect(cf?.formula).toMatch(/\)>0\.000001$/);
  });
});
