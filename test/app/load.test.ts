/**
 * A part of the pane's code loaded on demand that fails to load (the network, an incomplete copy of the add-in's files)
 * is told in Chinese — the operation did not run, what to do — never as webpack's own English error text.
 */
import { insertTables } from '../../src/app/insert';
import { loadChunk } from '../../src/app/load';
import { narrativeFromWorkbook } from '../../src/app/narrative';
import { setup } from '../excel/helpers';

jest.mock('../../src/report/narrative', () => {
  throw new Error('Loading chunk narrative failed. (error: https://ogi.gov.example/ogi/narrative.js)');
});

test('loadChunk passes what loaded through, and words a failed load in Chinese with its cause', async () => {
  await expect(loadChunk(() => Promise.resolve({ n: 3 }))).resolves.toEqual({ n: 3 });
  await expect(loadChunk(() => Promise.reject(new Error('Loading chunk 17 failed.')))).rejects.toThrow(
    '加载项的程序文件未能载入，操作没有进行（Loading chunk 17 failed.）。请检查网络连接，然后关闭并重新打开任务窗格再试。',
  );
});

test('生成文字 whose code does not load says so in Chinese, naming the file that failed', async () => {
  const { host } = setup();
  const out = await insertTables(host, { year: 2025, agency: '某某县人民政府', target: { kind: 'newSheet', name: '2025年报表格' } });
  expect(out.ok).toBe(true);
  await expect(narrativeFromWorkbook(host, {})).rejects.toThrow(
    '加载项的程序文件未能载入，操作没有进行（Loading chunk narrative failed. (error: https://ogi.gov.example/ogi/narrative.js)）',
  );
});
