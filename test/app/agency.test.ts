/** Issue 14, item 3: the 单位名称 given at insertion is kept with the tables, and 生成文字 and 导出 use it. */
import { promises as fs } from 'fs';
import path from 'path';
import { exportFromWorkbook } from '../../src/app/export';
import { narrativeFromWorkbook } from '../../src/app/narrative';
import { decodeRegistration, encodeRegistration } from '../../src/report/plan';
import { parseReportJson } from '../../src/report/report';
import { reportSource } from '../../src/report/check';
import { setup } from '../excel/helpers';
import { inserted, type } from './helpers';

const huaian = async () => parseReportJson(await fs.readFile(path.join(__dirname, '..', 'fixtures', 'huaian-2024.json'), 'utf8'));

test('a registration keeps the agency (and reads old registrations without one)', () => {
  const reg = { table: 'applications' as const, format: '2021' as const, year: 2025, agency: '某某市人民政府' };
  expect(decodeRegistration('OGI_applications', encodeRegistration(reg))).toEqual(reg);
  expect(decodeRegistration('OGI_applications_2', '{"ogi":1,"table":"applications","format":"2021","year":2025}')).toEqual({
    table: 'applications',
    format: '2021',
    year: 2025,
  });
});

test('生成文字 speaks as the agency typed at insertion, and 导出 titles the report with it (no second typing)', async () => {
  const ctx = setup();
  const refs = await inserted(ctx, 2025, '某某市人民政府');
  const r = await huaian();
  type(ctx, refs, reportSource(r));
  expect(refs.every((t) => t.agency === '某某市人民政府')).toBe(true);

  const n = await narrativeFromWorkbook(ctx.host, {});
  expect(n?.agency).toBe('某某市人民政府');
  expect(n?.paragraphs[0].text).toMatch(/^2025年，某某市人民政府共收到政府信息公开申请3119件/);

  const e = await exportFromWorkbook(ctx.host, 'html', {});
  expect(e?.fileName).toBe('某某市人民政府2025年政府信息公开工作年度报告.html');
  const html = await e!.blob.text();
  expect(html).toContain('由某某市人民政府编制');
  expect(html).not.toContain('由本机关编制');

  // what the clerk types in the pane still wins
  const typed = await exportFromWorkbook(ctx.host, 'html', { agency: '某某市人民政府办公室', who: '本机关' });
  expect(typed?.fileName).toBe('某某市人民政府办公室2025年政府信息公开工作年度报告.html');
  expect(await typed!.blob.text()).toContain('2025年，本机关共收到');
  expect((await narrativeFromWorkbook(ctx.host, { who: '全市' }))?.paragraphs[0].text).toMatch(/^2025年，全市共收到/);
});

test('without an agency the text speaks as 本机关, as before', async () => {
  const ctx = setup();
  type(ctx, await inserted(ctx, 2025), reportSource(await huaian()));
  const n = await narrativeFromWorkbook(ctx.host, {});
  expect(n?.agency).toBeUndefined();
  expect(n?.paragraphs[0].text).toMatch(/^2025年，本机关共收到/);
});
