/**
 * Issue 14, item 6: every message the product can produce has an English rendering in which only what the format
 * and the report say stays Chinese (official labels, section titles, quoted cell contents and sentences, names).
 * The messages are gathered from the real producers — checks, cross-year, narrative checks, the importer, the
 * generator's notices, the pane's actions and the Excel host — not listed by hand, so a new message without a
 * rendering fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkReport, reportSource } from '../../src/report/check';
import { checkAcrossYears } from '../../src/report/crossYear';
import { checkNarrative } from '../../src/report/narrativeCheck';
import { narrativeOf } from '../../src/report/narrative';
import { importReport } from '../../src/report/import';
import { recogniseTables } from '../../src/report/recognise';
import { buildPlan } from '../../src/report/plan';
import { tableLayout } from '../../src/report/layout';
import { untranslated } from './labels';
import { emptyReport, setReportValue } from '../../src/report/report';
import { cellInEnglish, inEnglish, RULE_WORDINGS, setTitleInEnglish } from '../../src/report/english';
import { CELL_RULES, RELATION_RULES } from '../../src/report/rules';
import { CROSS_RULES } from '../../src/report/crossYear';
import { NARRATIVE_RULES } from '../../src/report/narrativeCheck';
import { describeExcelError } from '../../src/excel/errors';
import { checkTables } from '../../src/app/check';
import { importLastYear, importLastYearWorkbook } from '../../src/app/lastYear';
import { insertTables } from '../../src/app/insert';
import { loadFailure } from '../../src/app/actions';
import type { CellKey, FormatId, Report } from '../../src/report/types';
import { clone, consistentReport, seeded, zeroReport, FIXTURE_DIR } from './helpers';
import { corpusEntries } from '../corpus/measure';
import { setup } from '../excel/helpers';
import { inserted } from '../app/helpers';

const FORMATS: FormatId[] = ['2021', '2019'];

const messages = new Map<string, string>(); // message → where it came from
const add = (from: string, ...ms: Array<string | undefined>): void => {
  for (const m of ms) if (m) messages.set(m, from);
};
const findings = (from: string, fs_: Array<{ message: string }>): void => add(from, ...fs_.map((f) => f.message));

beforeAll(async () => {
  // ---- the checks of every table, both formats
  for (const format of FORMATS) {
    findings('empty', checkReport(emptyReport(format, 2024)));
    const bad = (values: Record<string, unknown>): Report => {
      const r = zeroReport(format);
      for (const [k, v] of Object.entries(values)) setReportValue(r, k as CellKey, v as never);
      return r;
    };
    const fee = format === '2021' ? 'active.fees.amount' : 'active.procurement.amount';
    for (const v of [null, '/', '—', '#REF!', 'abc', '４８', '1,234', '48件', -1, 1.5, ' 5']) {
      findings(`cell ${String(v)}`, checkReport(bad({ 'applications.granted.natural': v })));
      findings(`fee ${String(v)}`, checkReport(bad({ [fee]: v === '48件' ? '251000元' : v })));
      findings(`review ${String(v)}`, checkReport(bad({ 'reviews.review.upheld': v })));
    }
    if (format === '2019') findings('change', checkReport(bad({ 'active.licensing.change': 1.5, 'active.rules.published': 5 })));
    findings('two blanks', checkReport(bad({ 'applications.granted.nonprofit': null, 'applications.granted.other_org': '/' })));
    findings('placeholders', checkReport(bad({ 'applications.granted.nonprofit': '—', 'applications.granted.other_org': '/' })));
    const half = emptyReport(format, 2024);
    setReportValue(half, 'active.rules.made', 1);
    setReportValue(half, 'active.rules.issued', 1);
    setReportValue(half, 'applications.new.natural', 3);
    findings('half-filled', checkReport(half));
    const r = consistentReport(format, seeded(3));
    const broken = clone(r);
    setReportValue(broken, 'applications.total.natural', 9999);
    setReportValue(broken, 'reviews.review.total', 9999);
    findings('relations', checkReport(broken));
    const structure = clone(r) as Report & { tables: Record<string, unknown> };
    (structure.tables as Record<string, unknown>).extra = { a: { b: 1 } };
    (structure.tables.applications as Record<string, Record<string, unknown>>).provincial = { natural: 1 };
    (structure.tables.reviews as Record<string, Record<string, unknown>>).review.extra = 1;
    delete (structure.tables.applications as Record<string, unknown>).carried_forward;
    findings('structure', checkReport(structure));
    const missing = clone(r);
    delete missing.tables.reviews;
    findings('missing', checkReport(missing));
    // the text against the tables
    const text = {
      '1': '本机关共收到政府信息公开申请17件，同比增长1.05%，上年结转2件，办结3件，结转下年度9件，共收办5件。予以公开9件（占50%）。',
      '2': '制发规章9件，现行有效规章9件。新制作规范性文件9件。',
      '3': '行政复议9件，均获维持。行政诉讼9件，零败诉，未被纠错。未发生行政复议和行政诉讼的情况。',
      '5': '无',
    };
    findings('narrative', checkNarrative({ format, get: reportSource(r), text, last: { format, year: r.year - 1, get: reportSource(r) } }));
    findings('sections', checkNarrative({ format, get: reportSource(r), text: { '6': '无其他事项。', '5': '无' } }));
    // across years
    const last = clone(r);
    last.year = r.year - 1;
    setReportValue(last, 'applications.carried_forward.natural', 777);
    if (format === '2021') setReportValue(last, 'active.rules.in_force', 777);
    else setReportValue(last, 'active.licensing.prev_items', 777);
    findings(
      'cross',
      checkAcrossYears({ format, year: r.year, get: reportSource(r) }, { format, year: last.year, get: reportSource(last) }),
    );
    findings(
      'cross mismatch',
      checkAcrossYears(
        { format, year: r.year, get: reportSource(r), agency: '某某市人民政府' },
        { format, year: 2015, get: reportSource(last), agency: '高安市' },
      ),
    );
    // the generator's notices
    for (const p of narrativeOf(emptyReport(format, 2024))) if (p.blocked) add('blocked empty', p.text);
    for (const p of narrativeOf(broken)) if (p.blocked) add('blocked errors', p.text);
    const blank = clone(r);
    setReportValue(blank, fee, null);
    setReportValue(blank, 'applications.new.natural', null);
    setReportValue(blank, 'reviews.review.upheld', null);
    for (const p of narrativeOf(blank)) if (p.blocked) add('blocked blanks', p.text);
    // recognised by labels, with a typo
    const plan = buildPlan(
      { format, year: 2024, tables: ['active', 'applications', 'reviews'], titles: true, formulas: false, values: reportSource(r) },
      { r: 0, c: 0 },
    );
    const grid = plan.values.map((row) => [...row]);
    const t2 = plan.tables.find((t) => t.table === 'applications')!;
    const label = tableLayout(format, 'applications').cells.find((c) => c.text === '（四）无法提供')!;
    grid[t2.rect.r + label.r][t2.rect.c + label.c] = '（四）无法提共';
    for (const t of recogniseTables(grid, { r: 0, c: 0 })) findings('recognised', t.findings);
  }
  // ---- the importer, on every fixture and on text that is not a report
  const files = [
    ...fs.readdirSync(path.join(FIXTURE_DIR, 'import')).map((n) => path.join('import', n)),
    'gaoan-2020.txt',
    'huaian-2024.txt',
  ];
  const sources = files.map((f) => fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8'));
  const huaian = sources[files.indexOf('huaian-2024.txt')];
  sources.push(
    '',
    '这是一段会议通知。',
    huaian.replace('2024年1月1日', '2023年1月1日'),
    huaian.replace(/一、本年新收政府信息公开申请数量[^\n]*\n/, '一、本年新收政府信息公开申请数量 3001 53 0\n'),
  );
  for (const [i, src] of sources.entries()) {
    const result = importReport(src, { kind: /\.html$/.test(files[i] ?? '') ? 'html' : undefined });
    add(`import ${files[i] ?? i}`, ...result.problems);
    findings(`import ${files[i] ?? i}`, result.findings);
    if (Object.keys(result.report.tables).length) findings(`import check ${files[i] ?? i}`, checkReport(result.report));
  }
  // ---- the importer and the checks of a published report on the corpus of real reports (test/corpus)
  for (const e of corpusEntries()) {
    const result = importReport(fs.readFileSync(e.input, 'utf8'));
    add(`corpus ${e.meta.id}`, ...result.problems);
    findings(`corpus ${e.meta.id}`, result.findings);
    findings(`corpus check ${e.meta.id}`, checkReport(result.report, undefined, { published: true }));
  }
  findings('empty template', checkReport(emptyReport('2021', 2024), undefined, { published: true }));
  // digits run together: split, ambiguous, and a minus sign inside
  for (const src of [
    '某某局2024年政府信息公开工作年度报告\n规章000\n行政规范性文件512340\n一、本年新收政府信息公开申请数量120003015\n',
    '某某局2020年政府信息公开工作年度报告\n规章000\n规范性文件898989\n行政处罚2648-18538\n',
  ]) {
    const result = importReport(src);
    add('runs', ...result.problems);
    findings('runs', result.findings);
  }
  // ---- the pane's actions and the Excel host
  const ctx = setup();
  add(
    'insert year',
    ...[await insertTables(ctx.host, { year: 20, target: { kind: 'selection' } })].map((o) => (o.ok ? undefined : o.message)),
  );
  await ctx.X.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').getRange('C5').values = [['x']];
    await c.sync();
  });
  const occupied = await insertTables(ctx.host, { year: 2025, target: { kind: 'selection' } });
  add('occupied', occupied.ok ? undefined : occupied.message);
  await ctx.X.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').getRange('B2:C3').merge(false);
    await c.sync();
  });
  const merged = await insertTables(ctx.host, { year: 2025, target: { kind: 'selection' } });
  add('occupied+merged', merged.ok ? undefined : merged.message);
  await ctx.X.run(async (c) => {
    c.workbook.worksheets.getItem('Sheet1').protection.protect();
    await c.sync();
  });
  const prot = await insertTables(ctx.host, { year: 2025, target: { kind: 'selection' } });
  add('protected', prot.ok ? undefined : prot.message);
  await inserted(ctx, 2025, '某某市人民政府');
  const gaoan = fs.readFileSync(path.join(FIXTURE_DIR, 'gaoan-2020.txt'), 'utf8');
  for (const [src, name] of [
    [gaoan, ''],
    ['这是一段会议通知。', ''],
    ['{"year": 1}', 'x.json'],
    [huaian.replace(/^.*年度报告\s*\n/, '').replace(/\d{4}年1月1日[\s\S]*?12月31日/g, ''), ''],
  ]) {
    const r = await importLastYear(ctx.host, src, name);
    add(`last year ${name}`, r.message, ...r.problems);
  }
  add('last-year xlsx', (await importLastYearWorkbook(ctx.host, new Uint8Array([1, 2, 3]).buffer, 2024)).message);
  const fresh = setup();
  add('last-year ok', (await importLastYear(fresh.host, huaian)).message);
  await inserted(fresh, 2025, undefined, undefined, '2025年报表格');
  await inserted(fresh, 2025, undefined, undefined, '表格二');
  await fresh.X.run(async (c) => {
    c.workbook.worksheets.getItem('表格二').delete();
    await c.sync();
  });
  const read = await fresh.host.readTables();
  add('lost', ...read.lost.map((l) => l.reason));
  for (const code of ['AccessDenied', 'InvalidOperationInCellEditMode', 'ItemNotFound', 'GeneralException', 'Whatever'])
    add('excel', describeExcelError({ code, message: 'm' }));
  add('unsupported', setup({ sheets: ['Sheet1'], apiVersion: '1.7' }).host.info().reason);
  add('load failed', loadFailure(new Error('Loading chunk 17 failed.')).message);
  void checkTables;
});

test("every message has an English rendering, with only the format's words, quotes and names left in Chinese", () => {
  expect(messages.size).toBeGreaterThan(120);
  const left = [...messages]
    .map(([m, from]) => ({ from, m, en: inEnglish(m) }))
    .filter((x) => untranslated(x.en).length)
    .map((x) => `${x.from}: ${x.en}  ⟵ ${untranslated(x.en).join(' ')}`);
  expect(left).toEqual([]);
});

test('a few renderings, as a clerk reads them', () => {
  expect(inEnglish('自然人列：一＋二（50）应等于三（七）总计＋四（48），相差2')).toBe(
    'Column 自然人: 一 + 二 (50) should equal 三（七）总计 + 四 (48), a difference of 2',
  );
  expect(inEnglish('表2 （一）予以公开 · 自然人：单元格为空，格式要求填写0；计算时按0处理')).toBe(
    'Table 2, （一）予以公开 · 自然人: the cell is empty; the format asks for 0 to be written; counted as 0',
  );
  expect(cellInEnglish('表3 行政复议 · 结果维持')).toBe('Table 3, 行政复议 · 结果维持');
  expect(setTitleInEnglish('2025年（2021年格式，工作表“表格”）')).toBe('2025 (2021 format, sheet “表格”)');
  expect(setTitleInEnglish('工作表“Sheet1”中按标签识别的表格（未登记，2019年格式）')).toBe(
    'Tables recognised by their labels on sheet “Sheet1” (not registered, 2019 format)',
  );
  expect(inEnglish(loadFailure(new Error('Loading chunk 17 failed.')).message)).toBe(
    'A file of the add-in’s code did not load, so nothing was done (Loading chunk 17 failed.). Check the network connection, then close and reopen the task pane and try again.',
  );
  expect(inEnglish('a message the product does not have')).toBe('a message the product does not have');
});

test('every rule 帮助 explains has an English wording', () => {
  const ids = [...new Set([...RELATION_RULES, ...CELL_RULES, ...CROSS_RULES, ...NARRATIVE_RULES].map((r) => r.id))];
  expect(ids.filter((id) => !RULE_WORDINGS[id])).toEqual([]);
  expect(
    Object.entries(RULE_WORDINGS)
      .filter(([, w]) => untranslated(w).length)
      .map(([id, w]) => `${id}: ${untranslated(w).join(' ')}`),
  ).toEqual([]);
});
