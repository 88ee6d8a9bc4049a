/** Issue 14, items 4 and 5: section 一's outline survives 插入到工作表, and each paragraph has its heading. */
import { promises as fs } from 'fs';
import path from 'path';
import { checkTables } from '../../src/app/check';
import { exportFromWorkbook } from '../../src/app/export';
import { narrativeFromWorkbook, paragraphRows } from '../../src/app/narrative';
import { parseReportJson } from '../../src/report/report';
import { reportSource } from '../../src/report/check';
import { setup } from '../excel/helpers';
import { inserted, type } from './helpers';

const huaian = async () => parseReportJson(await fs.readFile(path.join(__dirname, '..', 'fixtures', 'huaian-2024.json'), 'utf8'));
const PARTS = [
  '（一）主动公开情况',
  '（二）依申请公开情况',
  '（三）政府信息管理情况',
  '（四）政府信息公开平台建设情况',
  '（五）监督保障情况',
];

/** Section 一 of the exported page as lines of text. */
async function sectionOne(host: ReturnType<typeof setup>['host'], proseSheet?: string): Promise<string[]> {
  const html = await (await exportFromWorkbook(host, 'html', { proseSheet }))!.blob.text();
  const one = html.slice(html.indexOf('一、总体情况'), html.indexOf('二、主动公开政府信息情况'));
  return [...one.matchAll(/<(h\d|p)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2].replace(/<[^>]+>/g, '').trim()).filter(Boolean);
}

describe("item 4: the export keeps section 一's outline after 插入到工作表", () => {
  test.each([
    ['报告正文', undefined],
    ['报告正文(2)', '报告正文(2)'],
  ])('prose inserted on %s', async (sheet, proseSheet) => {
    const ctx = setup();
    type(ctx, await inserted(ctx, 2025, '某某市人民政府'), reportSource(await huaian()));
    if (proseSheet)
      await ctx.host.insertProse('报告正文', [
        ['部分', '内容'],
        [5, '本机关自己写的第五部分。'],
      ]);
    const n = await narrativeFromWorkbook(ctx.host, { fee: 0 });
    expect(await ctx.host.insertProse('报告正文', paragraphRows(n!.paragraphs))).toBe(sheet);
    const lines = await sectionOne(ctx.host, proseSheet);
    for (const part of PARTS) expect(lines).toContain(part);
    expect(lines.filter((l) => l.startsWith('【请填写')).length).toBe(5); // the overview and （一）（三）（四）（五）
    const two = lines.indexOf('（二）依申请公开情况');
    expect(lines[two + 1]).toMatch(/^2025年，某某市人民政府共收到政府信息公开申请3119件/);
  });

  test("a cell corrected after 插入到工作表 does not turn the inserted text into the clerk's whole section", async () => {
    const ctx = setup();
    const refs = await inserted(ctx, 2025);
    const r = await huaian();
    type(ctx, refs, reportSource(r));
    const n = await narrativeFromWorkbook(ctx.host, {});
    await ctx.host.insertProse('报告正文', paragraphRows(n!.paragraphs));
    // 二、上年结转 and 四、结转下年度 corrected by 1 in the 自然人 and 总计 columns: the balance still holds
    type(
      ctx,
      refs,
      (k) =>
        (
          ({
            'applications.carried_over.natural': 35,
            'applications.carried_over.total': 35,
            'applications.carried_forward.natural': 104,
            'applications.carried_forward.total': 104,
          }) as Record<string, number>
        )[k],
    );
    const lines = await sectionOne(ctx.host);
    for (const part of PARTS) expect(lines).toContain(part);
    expect(lines.filter((l) => l.startsWith('【请填写')).length).toBe(5);
  });

  test("the clerk's own paragraphs under （一）…（五） take their places; the parts not written keep 【请填写】", async () => {
    const ctx = setup();
    type(ctx, await inserted(ctx, 2025), reportSource(await huaian()));
    const n = await narrativeFromWorkbook(ctx.host, {});
    const rows = paragraphRows(n!.paragraphs);
    // the clerk writes the overview and （一） above what was inserted, and changes a word in （二）
    const i = rows.findIndex((r) => r[0] === 1);
    rows.splice(i, 0, [1, '2025年，本机关认真贯彻落实《条例》。'], [1, '（一）主动公开情况'], [1, '全年主动公开政府信息1200条。']);
    const two = rows.findIndex((r) => r[1] === '（二）依申请公开情况');
    rows[two + 1] = [1, String(rows[two + 1][1]).replace('共收到', '共受理')];
    await ctx.host.insertProse('报告正文', rows);
    const lines = await sectionOne(ctx.host);
    expect(lines.slice(0, 5)).toEqual([
      '2025年，本机关认真贯彻落实《条例》。',
      '（一）主动公开情况',
      '全年主动公开政府信息1200条。',
      '（二）依申请公开情况',
      expect.stringMatching(/^2025年，本机关共受理政府信息公开申请3119件/),
    ]);
    for (const part of PARTS.slice(2)) expect(lines[lines.indexOf(part) + 1]).toMatch(/^【请填写/);
    expect(lines.filter((l) => l.startsWith('【请填写')).length).toBe(3);
  });
});

describe('item 5: two table sets of one year, and the headings of the text', () => {
  test('two sets of the same year are named by their sheets', async () => {
    const ctx = setup();
    await inserted(ctx, 2025, undefined, undefined, '2025年报表格');
    await inserted(ctx, 2025, undefined, undefined, '2025年报表格(修订)');
    const { result } = checkTables(await ctx.host.readTables());
    expect(result.sets.map((s) => s.title)).toEqual([
      '2025年（2021年格式，工作表“2025年报表格”）',
      '2025年（2021年格式，工作表“2025年报表格(修订)”）',
    ]);
  });

  test('each paragraph carries the headings it belongs under: （二）依申请公开情况 under 一、总体情况', async () => {
    const ctx = setup();
    type(ctx, await inserted(ctx, 2025), reportSource(await huaian()));
    const n = await narrativeFromWorkbook(ctx.host, { fee: 0 });
    expect(n!.paragraphs.map((p) => [p.title, p.part ?? null])).toEqual([
      ['一、总体情况', '（二）依申请公开情况'],
      ['二、主动公开政府信息情况', null],
      ['三、收到和处理政府信息公开申请情况', null],
      ['四、政府信息公开行政复议、行政诉讼情况', null],
      ['六、其他需要报告的事项', null],
    ]);
    // inserted into a sheet, section 一's paragraph comes with its sub-heading
    const rows = paragraphRows(n!.paragraphs);
    expect(rows.slice(1, 3)).toEqual([
      [1, '（二）依申请公开情况'],
      [1, n!.paragraphs[0].text],
    ]);
  });
});
