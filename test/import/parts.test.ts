/**
 * The importer's parts: label normalisation and matching, the HTML reader, kind detection, section
 * headings, the pdftotext reader on small hand-made pieces — and the rule that the importer never
 * types a table label itself (every label comes from formats.ts through layout.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { FORMATS, SECTION_TITLES } from '../../src/report/formats';
import { decodeEntities, readHtml } from '../../src/report/import/html';
import { importReport } from '../../src/report/import';
import { editDistance, matchLabel, normLabel, sectionOfHeading, tableDict } from '../../src/report/import/labels';
import { detectKind } from '../../src/report/import/rows';
import { splitSections, detectTitle } from '../../src/report/import/sections';
import { allLayouts } from '../../src/report/layout';

describe('label normalisation and matching', () => {
  it('normalises brackets, colons, commas, quotes, numbering and spaces', () => {
    expect(normLabel(' （二）部分公开（区分处理的，\n只计这一情形，不计其他情形） ')).toBe(
      normLabel('(二)部分公开(区分处理的,只计这一情形,不计其他情形)'),
    );
    expect(normLabel('1、属于国家秘密')).toBe(normLabel('1.属于国家秘密'));
    expect(normLabel('1．属于国家秘密')).toBe(normLabel('1.属于国家秘密'));
    expect(normLabel('3.危及"三安全一稳定"')).toBe(normLabel('3.危及“三安全一稳定”'));
    expect(normLabel('本年收费金额(单位:万元)')).toBe(normLabel('本年收费金额（单位：万元）'));
    expect(normLabel('规\u3000\u3000章')).toBe('规章');
    expect(normLabel('2.43')).toBe('2.43');
  });

  it('edit distance, whole and against a prefix', () => {
    expect(editDistance('结果维护', '结果维持', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2); // capped at max + 1
    expect(editDistance('（二）部分公开（区分', '（二）部分公开（区分处理的', 2, true)).toBe(0);
  });

  const t2 = tableDict('applications');
  const t3 = tableDict('reviews');
  it('exact, alias and typo matches; short labels must be exact; ambiguity is no match', () => {
    expect(matchLabel('（一）予以公开', t2)).toMatchObject({ via: 'exact', target: { official: '（一）予以公开' } });
    expect(matchLabel('结果维护', t3)).toMatchObject({ via: 'alias', target: { official: '结果维持' } });
    expect(matchLabel('1.信访投诉举报类申请', t2)).toMatchObject({ via: 'alias', target: { official: '1.信访举报投诉类申请' } });
    expect(matchLabel('4.保护第三方合法权', t2)).toMatchObject({ via: 'fuzzy', distance: 1, target: { official: '4.保护第三方合法权益' } });
    expect(matchLabel('规', tableDict('active'))).toBeNull();
    expect(matchLabel('规范性文件', tableDict('active'))?.target.official).toBe('规范性文件'); // 2019, not 行政规范性文件
    expect(matchLabel('行政规范文件', tableDict('active'))?.target.official).toBe('行政规范性文件');
    expect(matchLabel('结果', t3)).toBeNull();
    expect(matchLabel('2024年，全市共受理政府信息公开申请3119件', t2)).toBeNull();
  });
});

describe('HTML reader', () => {
  it('decodes entities', () => {
    expect(decodeEntities('a&nbsp;b &amp; &lt;c&gt; &#20013;&#x6587; &ldquo;x&rdquo; &bogus; &#99999999;')).toBe(
      'a\u00a0b & <c> 中文 “x” &bogus; &#99999999;',
    );
  });

  it('lays out rowspan and colspan on a grid, nested tables on their own', () => {
    const { tables } = readHtml(
      `<table><tr><td rowspan=2>A</td><td colspan="2">B</td></tr><tr><td>C<br>D</td><td>E<table><tr><td>inner</td></tr></table></td></tr></table>`,
    );
    expect(tables).toHaveLength(2);
    expect(tables[0].grid.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['A', 'B', 'B'],
      ['A', 'C\nD', 'E'],
    ]);
    expect(tables[1].grid.map((r) => r.map((c) => c?.text))).toEqual([['inner']]);
  });

  it('survives unclosed tags, stray < and attributes with >', () => {
    const { tables, text } = readHtml('<p>1 < 2</p><table data-x="a>b"><tr><td>x<td>y<tr><td rowspan="0">z');
    expect(text).toContain('1 < 2');
    expect(tables[0].grid.map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['x', 'y'],
      ['z', null],
    ]);
  });
});

describe('kind detection', () => {
  it('html, pipe, pdf-text, text', () => {
    expect(detectKind('<p>x</p><TABLE border=1>')).toBe('html');
    expect(detectKind('| a | b |\n| 1 | 2 |\n| 3 | 4 |')).toBe('pipe');
    expect(detectKind('规章   1   0   11\n行政许可  3  4\n行政处罚   5   6\n')).toBe('pdf-text');
    expect(detectKind('规章\n1\n0\n11\n')).toBe('text');
  });
});

describe('sections and title', () => {
  it('recognises the six headings with or without numerals, and a wording variant of 五', () => {
    expect(SECTION_TITLES.map(sectionOfHeading)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(SECTION_TITLES.map((t) => sectionOfHeading(`  ${t.replace(/^[一二三四五六]、/, '')}`))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sectionOfHeading('五、政府信息公开工作存在的主要问题及改进情况')).toBe(5);
    expect(sectionOfHeading('一. 总体情况')).toBe(1);
    expect(sectionOfHeading('（一）主动公开情况。充分发挥政府门户网站作用')).toBe(0);
    expect(sectionOfHeading('四、结转下年度继续办理')).toBe(0);
  });

  it('cuts the source at the headings, in order; what comes before 一 is the preamble', () => {
    const s = splitSections('标题\n开头\n一、总体情况\n甲\n\n三、收到和处理政府信息公开申请情况\n乙\n二、主动公开政府信息情况\n丙\n');
    expect(s.preamble).toBe('标题\n开头');
    // 二 after 三 is not a heading any more: sections come in order
    expect(s.text).toEqual({ 1: '一、总体情况\n甲', 3: '三、收到和处理政府信息公开申请情况\n乙\n二、主动公开政府信息情况\n丙' });
  });

  it('reads year and agency from the title, else the year from the statistical period', () => {
    expect(detectTitle('淮安市人民政府\n 2024 年政府信息公开工作年度报告', '')).toEqual({ year: 2024, agency: '淮安市人民政府' });
    expect(detectTitle('高安市2020年政府信息公开工作年度报告', '')).toEqual({ year: 2020, agency: '高安市' });
    expect(detectTitle('年度报告', '本报告统计期限自2022年1月1日起至2022年12月31日止。')).toEqual({ year: 2022, agency: undefined });
    expect(detectTitle('某局2023年度政府信息公开工作年度报告', '统计期限自2022年1月1日至2022年12月31日')).toMatchObject({
      year: 2023,
      note: expect.stringContaining('不一致'),
    });
  });
});

describe('pdftotext pieces', () => {
  it('wrapped labels (values on the first line, or on a line of their own), a page break inside the table', () => {
    const src = [
      '某某县2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量     5   0   0   0   0   0   5',
      '      （二）部分公开（区分处理的，只计这一情',
      '                                2    0    0    0    0    0    2',
      '      形，不计其他情形）',
      '                                        -7-',
      '\f             5.要求行政机关确认或重新出   1   0   0   0   0   0   1',
      '             具已获取信息',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议                 行政诉讼',
      '结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉   复议后起诉',
      '',
      '1    0    0    0    1    0    0    0    0    0    0    0    0    0    0',
    ].join('\n');
    const r = importReport(src);
    expect(r.kind).toBe('pdf-text');
    const apps = r.report.tables.applications ?? {};
    expect([apps.new?.total, apps.partial?.natural, apps.partial?.total, apps.not_processed_5?.natural]).toEqual([5, 2, 2, 1]);
    expect(r.report.tables.reviews?.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.problems.filter((p) => p.startsWith('表2'))).toEqual([expect.stringContaining('没有读到这些行')]);
  });
});

describe('rows copied without their cell breaks', () => {
  it('numbers set off by single spaces after a label are its values', () => {
    const src = [
      '某某县2022年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 1 0 11',
      '行政规范性文件 2 0 30',
    ].join('\n');
    const r = importReport(src);
    expect(r.kind).toBe('text');
    expect(r.report.tables.active?.rules).toEqual({ issued: 1, repealed: 0, in_force: 11 });
    expect(r.report.tables.active?.normative_docs).toEqual({ issued: 2, repealed: 0, in_force: 30 });
  });
});

describe('the importer types no table label itself', () => {
  it('no official label or alias of formats.ts appears in the code of src/report/import (comments aside)', () => {
    const labels = new Set<string>();
    for (const f of ['2019', '2021'] as const) {
      for (const l of allLayouts(f))
        for (const c of l.cells) {
          if (c.text && c.text.length >= 4) labels.add(c.text);
          for (const a of c.node?.aliases ?? []) if (a.length >= 4) labels.add(a);
        }
      const active = FORMATS[f].tables.active;
      if (active.shape === 'blocks') for (const b of active.blocks) labels.add(b.title);
    }
    for (const t of SECTION_TITLES) labels.add(t);
    const dir = path.join(__dirname, '..', '..', 'src', 'report', 'import');
    const offenders: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const code = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const l of labels) if (code.includes(l)) offenders.push(`${file}: ${l}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('the report year as real titles and periods write it', () => {
  const year = (src: string): { year?: number; agency?: string; note?: string } => detectTitle(src, src);
  test.each([
    ['agency after the year', '2019年上海市人民政府办公厅政府信息公开工作年度报告\n本年度报告…', 2019, '上海市人民政府办公厅'],
    ['title wrapped with spaces', '某某县人民政府 2023 年政府信息公开工作\n年度报告\n', 2023, '某某县人民政府'],
  ])('%s', (_t, src, y, agency) => {
    expect(year(src)).toMatchObject({ year: y, agency });
  });
  test('a period without its second year', () => {
    expect(year('本年度报告中所列数据统计期限为2022年1月1日至12月31日。').year).toBe(2022);
  });
  test('no title and no period: the year the prose names most, with a note to check it', () => {
    const r = year('一、总体情况\n2023年，我局认真落实……2023年共公开信息50条。发布时间：2024年1月5日');
    expect(r.year).toBe(2023);
    expect(r.note).toContain('按正文中最常提到的年份读作2023年');
  });
});

describe('labels as mirror sites and provincial forms print them', () => {
  const t1 = tableDict('active');
  test('traditional characters (a mirror converted the page) match their simplified label', () => {
    expect(matchLabel('第二十條第(一)項', t1)?.target.official).toBe('第二十条第（一）项');
    expect(matchLabel('行政事業性收費', t1)?.target.official).toBe('行政事业性收费');
    expect(matchLabel('規範性檔案', t1)?.target.official).toBe('规范性文件');
  });
  test('an official label followed by an explanation in brackets is that label, said as not exact', () => {
    const m = matchLabel('規章(設區的市、自治州人民政府應提供相關數據)', t1);
    expect(m?.target.official).toBe('规章');
    expect(m?.via).toBe('fuzzy');
  });
  test('a 2021 report labelling 行政规范性文件 as 规范性文件 (the 2019 wording) has the row read, and said', () => {
    const src =
      '某某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n| 第二十条第（一）项 |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 规范性文件 | 2 | 1 | 9 |\n| 第二十条第（五）项 |\n';
    const r = importReport(src);
    expect(r.report.format).toBe('2021');
    expect(r.report.tables.active?.normative_docs).toEqual({ issued: 2, repealed: 1, in_force: 9 });
    expect(r.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('标签“规范性文件”是2019年格式的写法'));
  });
});
