/**
 * 导出 from the workbook: the exported text carries the same 同比 figures 生成文字 writes when last year's report
 * is kept in the workbook.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { exportFromWorkbook } from '../../src/app/export';
import { narrativeFromWorkbook } from '../../src/app/narrative';
import { buildPlan } from '../../src/report/plan';
import { parseReportJson } from '../../src/report/report';
import { reportSource } from '../../src/report/check';
import { rectAddress } from '../../src/report/a1';
import { API_LEVELS, setup } from './helpers';

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test("the exported page has the year-on-year figures when last year's report is in the workbook", async () => {
    const last = parseReportJson(await fs.readFile(path.join(__dirname, '..', 'fixtures', 'huaian-2024.json'), 'utf8'));
    const now = parseReportJson(JSON.stringify({ ...last, year: 2025 }));
    const { host, X } = setup({ apiVersion: api });
    const plan = buildPlan(
      {
        format: now.format,
        year: now.year,
        agency: '某某市人民政府',
        tables: ['active', 'applications', 'reviews'],
        titles: true,
        formulas: true,
        values: reportSource(now),
      },
      { r: 0, c: 0 },
    );
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange(rectAddress(plan.rect)).formulas = plan.values;
      await ctx.sync();
    });
    const html = async (): Promise<string> => await (await exportFromWorkbook(host, 'html', { agency: '某某市人民政府' }))!.blob.text();
    expect(await html()).not.toMatch(/同比|与上年持平/);
    await host.storeLastYear(JSON.stringify(last));
    const generated = (await narrativeFromWorkbook(host, {}))!.paragraphs.map((p) => p.text).join('\n');
    // the same numbers as last year: 生成文字 says so ("与上年持平"), and so must the export
    const yoy = /[^，。]*与上年持平/.exec(generated)?.[0];
    expect(yoy).toBeTruthy();
    expect(await html()).toContain(yoy as string);
  });
});
