/** What the web page counts as a change not yet downloaded (for 新建/打开's question), and the download's name. */
import { openFileHost } from '../../src/web/fileHost';
import { downloadName, trackChanges } from '../../src/web/tracking';

test('the downloaded copy is named 原名（年报助手）.xlsx, never doubled', () => {
  expect(downloadName('淮安市2024.xlsx')).toBe('淮安市2024（年报助手）.xlsx');
  expect(downloadName('报表.XLSX')).toBe('报表（年报助手）.xlsx');
  expect(downloadName('淮安市2024（年报助手）.xlsx')).toBe('淮安市2024（年报助手）.xlsx');
  expect(downloadName('.xlsx')).toBe('工作簿（年报助手）.xlsx');
});

test('reading and selecting are not changes; an insertion is; a refused insertion and clearing nothing are not', async () => {
  const host = await openFileHost();
  let changes = 0;
  const tracked = trackChanges(host, () => changes++);
  expect(await tracked.sheetNames()).toEqual(['Sheet1']);
  await tracked.readTables();
  await tracked.selectAddress("'Sheet1'!A1");
  expect(changes).toBe(0);
  const req = { format: '2021' as const, year: 2025, tables: ['reviews' as const], titles: false, formulas: true };
  const done = await tracked.insertTables(req, { kind: 'selection' });
  expect(done.ok).toBe(true);
  expect(changes).toBe(1);
  // the same place again: refused, nothing changed
  const refused = await tracked.insertTables(req, { kind: 'selection' });
  expect(refused.ok).toBe(false);
  expect(changes).toBe(1);
  expect(await tracked.clearMarks()).toBe(0);
  expect(changes).toBe(1);
});
