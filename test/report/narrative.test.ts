import fc from 'fast-check';
import { promises as fs } from 'fs';
import path from 'path';
import { narrativeOf, type Paragraph } from '../../src/report/narrative';
import { checkNarrative } from '../../src/report/narrativeCheck';
import { checkReport, reportSource } from '../../src/report/check';
import { emptyReport, parseReportJson, reportValue, setReportValue } from '../../src/report/report';
import { allLayouts } from '../../src/report/layout';
import type { CellKey, FormatId, Report } from '../../src/report/types';
import { consistentReport, seeded } from './helpers';

const FIX = path.join(__dirname, '..', 'fixtures');
const load = async (name: string): Promise<Report> => parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));
const text = (ps: Paragraph[], section: number): string => ps.find((p) => p.section === section)?.text ?? '';

function zero(format: FormatId, year: number): Report {
  const r = emptyReport(format, year);
  for (const l of allLayouts(format)) for (const c of l.data) setReportValue(r, c.key as CellKey, 0);
  return r;
}

describe('generated paragraphs (golden)', () => {
  test('a workbook that lost its year (LibreOffice re-save of an old registration): 本年度, never “NaN年”', async () => {
    const r = await load('huaian-2024');
    const ps = narrativeOf({ ...r, year: NaN }, { who: '全市' });
    expect(text(ps, 1)).toBe(
      '本年度，全市共收到政府信息公开申请3119件，上年结转34件；办结3050件，结转下年度继续办理103件。从申请人看，自然人提出3001件，法人或其他组织提出118件。',
    );
    expect(ps.map((p) => p.text).join('')).not.toContain('NaN');
  });

  test('a typical report (淮安 2024): numbers, outcomes, shares, reasons, fee', async () => {
    const r = await load('huaian-2024');
    const ps = narrativeOf(r, { fee: 3940, who: '全市' });
    expect(ps.map((p) => p.section)).toEqual([1, 2, 3, 4, 6]);
    expect(text(ps, 1)).toBe(
      '2024年，全市共收到政府信息公开申请3119件，上年结转34件；办结3050件，结转下年度继续办理103件。从申请人看，自然人提出3001件，法人或其他组织提出118件。',
    );
    expect(text(ps, 3)).toBe(
      '2024年，全市办结政府信息公开申请3050件。其中，予以公开1362件（占44.7%），部分公开454件（占14.9%），不予公开178件（占5.8%），无法提供781件（占25.6%），不予处理88件（占2.9%），其他处理187件（占6.1%）。未予公开或未能提供信息的主要情形是：“本机关不掌握相关政府信息”769件；“属于行政查询事项”105件；“信访举报投诉类申请”62件。另有103件申请结转下年度继续办理。',
    );
    expect(text(ps, 4)).toBe(
      '2024年，全市因政府信息公开被申请行政复议351件，其中结果维持72件、结果纠正64件、其他结果178件、尚未审结37件；被提起行政诉讼46件（未经复议直接起诉26件，复议后起诉20件），其中结果维持25件、结果纠正5件、其他结果9件、尚未审结7件。',
    );
    expect(text(ps, 2)).toBe(
      '2024年，全市制发规章1件，现行有效规章11件；制发行政规范性文件8件、废止26件，现行有效行政规范性文件66件。全年作出行政许可决定447228件、行政处罚决定3985758件、行政强制决定88283件。行政事业性收费金额96171.6万元。',
    );
    expect(text(ps, 6)).toBe('2024年，全市依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费3940元。');
    // every number segment traces to cells of the report, and the cells hold that number (or a sum/share of them)
    const first = ps[0].segments.filter((s) => s.cells);
    expect(first.map((s) => [s.text, s.cells])).toEqual([
      ['3119', ['applications.new.total']],
      ['34', ['applications.carried_over.total']],
      ['3050', ['applications.total.total']],
      ['103', ['applications.carried_forward.total']],
      ['3001', ['applications.new.natural']],
      [
        '118',
        [
          'applications.new.business',
          'applications.new.research',
          'applications.new.nonprofit',
          'applications.new.legal',
          'applications.new.other_org',
        ],
      ],
    ]);
    for (const seg of ps.flatMap((p) => p.segments).filter((s) => s.cells && !s.text.includes('.'))) {
      const sum = (seg.cells as CellKey[]).reduce((a, k) => a + Number(reportValue(r, k)), 0);
      if (!/%/.test(seg.text)) expect([seg.text, sum >= Number(seg.text)]).toEqual([seg.text, true]);
    }
  });

  test('all zero: plain sentences, no "0件" lists', () => {
    const ps = narrativeOf(zero('2021', 2025));
    expect(text(ps, 1)).toBe('2025年，本机关未收到政府信息公开申请，也没有上年结转的申请。');
    expect(text(ps, 3)).toBe('2025年，本机关没有需要办理的政府信息公开申请。');
    expect(text(ps, 4)).toBe('2025年，本机关未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。');
    expect(ps.map((p) => p.text).join('')).not.toMatch(/[^0-9]0件/);
  });

  test('only lawsuits, all upheld', () => {
    const r = zero('2021', 2025);
    setReportValue(r, 'reviews.litigation_direct.upheld', 2);
    setReportValue(r, 'reviews.litigation_direct.total', 2);
    const ps = narrativeOf(r);
    expect(text(ps, 4)).toBe(
      '2025年，本机关未发生因政府信息公开被申请行政复议的情况；被提起行政诉讼2件（均为未经复议直接起诉），均获维持。已审结的案件均未被纠错。',
    );
  });

  test('2019 format (高安 2020): made/published wording and the single （六） row', async () => {
    const r = await load('gaoan-2020');
    const ps = narrativeOf(r, { fee: null });
    expect(text(ps, 2)).toContain('新制作规范性文件73件、新公开53件，对外公开规范性文件总数295件');
    expect(text(ps, 3)).toBe('2020年，本机关办结政府信息公开申请48件，均予以公开。');
    expect(text(ps, 4)).toBe(
      '2020年，本机关因政府信息公开被申请行政复议12件，其中结果维持1件、其他结果10件、尚未审结1件；未发生因政府信息公开被提起行政诉讼的情况。',
    );
    expect(text(ps, 6)).toBe('2020年，本机关未收取政府信息公开信息处理费。');
  });

  test('tables with errors: the generator says so instead of writing prose', async () => {
    const r = await load('huaian-2024');
    setReportValue(r, 'applications.new.natural', 3000);
    const ps = narrativeOf(r);
    const p1 = ps.find((p) => p.section === 1)!;
    expect(p1.blocked).toBe(true);
    expect(p1.text).toMatch(/^表2 依申请公开有 \d+ 处错误（如：.*），为避免文字与表格矛盾，暂不生成本段。/);
    expect(p1.cells).toContain('applications.new.natural');
    expect(ps.find((p) => p.section === 4)!.blocked).toBeUndefined();
  });

  test('an unfilled table gets a notice, not invented zeros', () => {
    const ps = narrativeOf(emptyReport('2021', 2025));
    expect(text(ps, 2)).toBe('表1 主动公开尚未填写，暂不生成本段。请先填写表格（没有数据的填0），再重新生成。');
  });

  test("year-on-year change with last year's report", async () => {
    const now = await load('huaian-2024');
    const last = await load('huaian-2024');
    last.year = 2023;
    setReportValue(last, 'applications.new.total', 2000);
    expect(text(narrativeOf(now, { lastYear: { format: last.format, year: last.year, get: reportSource(last) } }), 1)).toContain(
      '共收到政府信息公开申请3119件，同比增长56%',
    );
  });
});

describe('narrative checks', () => {
  test('高安 2020: the text says 行政复议1件 while table 3 says 12 — found, with the scope caveat', async () => {
    const r = await load('gaoan-2020');
    const fs_ = checkReport(r).filter((f) => f.rule.startsWith('N-'));
    const review = fs_.find((f) => f.rule === 'N-REVIEWS')!;
    // the sentence speaks for 市本级: a warning naming the scope word, not an error
    expect(review).toMatchObject({ severity: 'warning', cells: ['reviews.review.total'], expected: 12, actual: 1 });
    expect(review.message).toContain('行政复议1件，均依法依规答复');
    expect(review.message).toContain('该句说的是“市本级”，与表格的统计范围可能不同');
    expect(fs_.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('淮安 2024 is consistent: nothing false', async () => {
    const r = await load('huaian-2024');
    expect(checkReport(r).filter((f) => f.rule.startsWith('N-'))).toEqual([]);
  });

  test.each([
    ['受理…17件 while the table says 3119', '共受理政府信息公开申请17件。', 'applications.new.total', 3119, 17],
    [
      '转下年度办理 in its own clause is carried forward',
      '办结申请3000件，其中予以公开1362件、转下年度办理46件。',
      'applications.carried_forward.total',
      103,
      46,
    ],
    ['同意公开 is 予以公开', '对申请人同意公开答复5件。', 'applications.granted.total', 1362, 5],
    ['办结', '全年办结申请3000件。', 'applications.total.total', 3050, 3000],
    ['顺延 before the number', '另有100件顺延到下年度答复。', 'applications.carried_forward.total', 103, 100],
    ['予以公开及部分公开', '予以公开及部分公开1800件。', 'applications.granted.total', 1816, 1800],
    ['行政诉讼 total', '政府信息公开行政诉讼40件。', 'reviews.litigation_direct.total', 46, 40],
    ['复议 outcome in context', '行政复议351件，其中结果维持70件。', 'reviews.review.upheld', 72, 70],
    ['诉讼 outcome in context', '行政诉讼46件，其中结果纠正6件。', 'reviews.litigation_direct.corrected', 5, 6],
    ['规章', '全年制发规章2件。', 'active.rules.issued', 1, 2],
  ])('%s', async (_t, sentence, cell, expected, actual) => {
    const r = await load('huaian-2024');
    const fs_ = checkNarrative({ format: r.format, get: reportSource(r), text: { '1': sentence } });
    const hit = fs_.find((f) => f.cells.includes(cell as CellKey));
    expect(hit).toMatchObject({ expected, actual, severity: 'error' });
    expect(hit?.message).toContain(sentence.replace(/。$/, ''));
  });

  test('a number counts only what its own clause says (no false alarms from real wording)', async () => {
    const r = await load('huaian-2024');
    const check = (t: string) =>
      checkNarrative({ format: r.format, get: reportSource(r), text: { '1': t } }).filter((f) => f.rule !== 'N-SECTIONS');
    // 46 is carried forward (103 in the table), never compared with 办结 (3050)
    expect(
      check('办结申请3050件，其中予以公开1362件、转下年度办理46件。').filter((f) => f.cells.includes('applications.total.total')),
    ).toEqual([]);
    // citizens' calls and suggestions are not 政府信息公开申请
    expect(check('全年受理群众来电诉求260件，办理人大代表建议12件。')).toEqual([]);
    expect(check('12345热线共受理260件。')).toEqual([]);
  });

  test('scope words make a contradiction a warning that names the word', async () => {
    const r = await load('huaian-2024');
    const [f] = checkNarrative({ format: r.format, get: reportSource(r), text: { '1': '全市共受理政府信息公开申请17件。' } });
    expect(f).toMatchObject({ rule: 'N-APPS', severity: 'warning', expected: 3119, actual: 17 });
    expect(f.message).toContain('该句说的是“全市”');
    const [g] = checkNarrative({ format: r.format, get: reportSource(r), text: { '2': '审查备案规范性文件80件。' } });
    expect(g?.severity ?? 'none').not.toBe('error');
  });

  test('prose is compared only with cells that were read; a blank 总计 through the sum of its parts', async () => {
    const r = await load('huaian-2024');
    delete r.tables.reviews;
    const apps = (x: Report, t: Record<string, string>) =>
      checkNarrative({ format: x.format, get: reportSource(x), text: t }).filter((f) => f.rule !== 'N-SECTIONS');
    expect(apps(r, { '4': '行政复议1件，均获维持。' })).toEqual([]);
    const s = await load('huaian-2024');
    setReportValue(s, 'applications.new.total', null);
    expect(apps(s, { '1': '共收到政府信息公开申请3119件。' })).toEqual([]);
    expect(apps(s, { '1': '共收到政府信息公开申请3000件。' })[0]).toMatchObject({ expected: 3119, actual: 3000 });
  });

  test('a share cut off rather than rounded agrees (35/805 = 4.3478% printed 4.34%)', async () => {
    const r = await load('huaian-2024');
    // 不予公开 in huaian is Σwithheld; state the exact share cut off at two decimals
    const handled = 3050;
    const withheld = (
      ['withheld_1', 'withheld_2', 'withheld_3', 'withheld_4', 'withheld_5', 'withheld_6', 'withheld_7', 'withheld_8'] as const
    ).reduce((s, k) => s + Number(reportValue(r, `applications.${k}.total`)), 0);
    const cut = Math.floor((withheld / handled) * 10000) / 100;
    const rounded = Math.round((withheld / handled) * 10000) / 100;
    expect(cut).not.toBe(rounded);
    const said = (p: number) =>
      checkNarrative({ format: r.format, get: reportSource(r), text: { '1': `不予公开${withheld}件，占${p.toFixed(2)}%。` } }).filter(
        (f) => f.rule === 'N-APPS',
      );
    expect(said(cut)).toEqual([]);
    expect(said(rounded)).toEqual([]);
    expect(said(rounded + 0.5)).toHaveLength(1);
  });

  test('全部维持 while cases are pending is a contradiction', async () => {
    const r = await load('huaian-2024');
    const [f] = checkNarrative({ format: r.format, get: reportSource(r), text: { '4': '行政复议案件全部维持。' } });
    expect(f).toMatchObject({ rule: 'N-REVIEWS', severity: 'error' });
    expect(f.message).toContain('尚未审结');
  });

  test.each([
    ['信息公开处理费', '六、其他需要报告的事项\n本年度未收取信息公开处理费。'],
    ['未收取…费用', '六、其他需要报告的事项\n本机关在政府信息公开申请办理中未收取任何费用。'],
    ['stated in section 一', '六、其他需要报告的事项\n无。'],
  ])('N-FEE accepts the fee as agencies word it: %s', async (_t, six) => {
    const r = await load('huaian-2024');
    const text = {
      '1': '一、总体情况\n依申请公开方面，未收取信息处理费。',
      '2': 'x',
      '3': 'x',
      '4': 'x',
      '5': '五、存在的主要问题及改进情况\n一是……',
      '6': six,
    };
    expect(checkNarrative({ format: r.format, get: reportSource(r), text }).filter((f) => f.rule === 'N-FEE')).toEqual([]);
    const none = { ...text, '1': '一、总体情况', '6': '六、其他需要报告的事项\n无。' };
    expect(checkNarrative({ format: r.format, get: reportSource(r), text: none }).filter((f) => f.rule === 'N-FEE')).toHaveLength(1);
  });

  test('outcome phrases: 均获维持 while cases are pending; 零败诉 with a corrected lawsuit; 未发生 with cases', async () => {
    const r = await load('huaian-2024');
    const check = (t: string) => checkNarrative({ format: r.format, get: reportSource(r), text: { '4': t } }).map((f) => f.message);
    expect(check('行政复议案件均获维持。')[0]).toContain('有结果纠正、其他结果或尚未审结的案件');
    expect(check('全年行政诉讼零败诉。')[0]).toContain('行政诉讼结果纠正为5件');
    expect(check('未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。').filter((m) => m.includes('表3'))).toHaveLength(2);
    expect(check('申请人对答复不服的，可依法申请行政复议。').filter((m) => m.includes('表3'))).toEqual([]);
  });

  test('N-FEE and N-SECTIONS', async () => {
    const r = await load('gaoan-2020');
    const fs_ = checkReport(r);
    expect(fs_.find((f) => f.rule === 'N-FEE')?.severity).toBe('warning');
    const missing = checkNarrative({
      format: r.format,
      get: reportSource(r),
      text: { '1': 'x', '2': 'x', '3': 'x', '4': 'x', '5': '五、存在的主要问题及改进情况\n无。' },
    });
    expect(missing.map((f) => f.message)).toEqual(['报告缺少第六部分', '第五部分（存在的主要问题及改进情况）为空或只写“无”']);
  });
});

describe('round trip', () => {
  test("the generator's own text passes the narrative checks for any consistent report", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<FormatId>('2019', '2021'),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 100000 }),
        (format, seed, fee) => {
          const r = consistentReport(format, seeded(seed));
          const ps = narrativeOf(r, { fee });
          const text = Object.fromEntries(ps.map((p) => [String(p.section), p.text]));
          const findings = checkNarrative({ format, get: reportSource(r), text }).filter((f) => f.severity === 'error');
          expect(findings).toEqual([]);
          expect(ps.some((p) => p.blocked)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
