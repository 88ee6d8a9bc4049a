import { promises as fs } from 'fs';
import path from 'path';
import { checkWorkbook } from '../../src/app/check';
import { buildPlan } from '../../src/report/plan';
import { parseReportJson } from '../../src/report/report';
import { reportSource } from '../../src/report/check';
import { rectAddress } from '../../src/report/a1';
import { API_LEVELS, names, setup } from './helpers';

async function pasteGaoan(X: typeof Excel, at: { r: number; c: number }, typo = true): Promise<void> {
  const r = parseReportJson(await fs.readFile(path.join(__dirname, '..', 'fixtures', 'gaoan-2020.json'), 'utf8'));
  // the tables as plain values (a paste from another workbook or a web page: no names, no formulas)
  const plan = buildPlan(
    {
      format: r.format,
      year: r.year,
      agency: '高安市人民政府',
      tables: ['active', 'applications', 'reviews'],
      titles: true,
      formulas: false,
      values: reportSource(r),
    },
    at,
  );
  const values = plan.values.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? '' : v)));
  if (typo) {
    const t2 = plan.tables[1].rect;
    values[t2.r - at.r + 15][t2.c - at.c + 1] = '（四）无法提共';
  }
  await X.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange(rectAddress(plan.rect)).values = values;
    await ctx.sync();
  });
}

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test('the 高安 tables pasted at an odd position, one label with a typo, are found by their labels and checked', async () => {
    const { host, X } = setup({ apiVersion: api });
    await pasteGaoan(X, { r: 6, c: 5 });
    const result = await checkWorkbook(host);
    expect(result.sets).toHaveLength(1);
    expect(result.sets[0].title).toBe('工作表“Sheet1”中按标签识别的表格（未登记，2019年格式）');
    expect(result.sets[0].year).toBe(2020);
    const rules = result.sets[0].findings.map((f) => f.rule);
    // the two blank cells of （一）予以公开, in one finding that locates both
    expect(rules.filter((r) => r === 'BLANK')).toHaveLength(1);
    expect(result.sets[0].findings.find((f) => f.rule === 'BLANK')!.locations).toHaveLength(2);
    const typo = result.sets[0].findings.find((f) => f.rule === 'STRUCTURE')!;
    expect(typo.message).toContain('“（四）无法提共”与格式规定的“（四）无法提供”不一致');
    expect(result.sets[0].findings.find((f) => f.rule === 'BLANK')!.locations[0].address).toMatch(/^Sheet1!/);
    expect(result.unregistered.map((t) => t.table)).toEqual(['active', 'applications', 'reviews']);
    expect(result.marked).toBe(0);
    // register them: names appear, the next check treats them as registered and marks cells
    const refs = await host.registerTables(result.unregistered.map((t) => ({ ...t, year: 2020 })));
    expect(refs.map((t) => t.name)).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
    expect((await names(X)).map((n) => n.name).sort()).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
    const again = await checkWorkbook(host);
    expect(again.sets.map((s) => s.title)).toEqual(['2020年（2019年格式）']);
    expect(again.unregistered).toEqual([]);
    expect(again.marked).toBe(2);
  });

  test('a sheet with unrelated data is not mistaken for a table', async () => {
    const { host, X } = setup({ apiVersion: api });
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D4').values = [
        ['姓名', '部门', '申请数量', '总计'],
        ['张三', '办公室', 3, 3],
        ['李四', '行政许可科', 4, 4],
        ['合计', '', 7, 7],
      ];
      await ctx.sync();
    });
    const result = await checkWorkbook(host);
    expect(result.sets).toEqual([]);
    expect(result.unregistered).toEqual([]);
  });
});
