/** Issue 14, item 1 in the pane's service: 导入上年报告 says what it read, and refuses another year or agency. */
import { promises as fs } from 'fs';
import path from 'path';
import { checkTables } from '../../src/app/check';
import { importLastYear } from '../../src/app/lastYear';
import { LAST_YEAR_SETTING } from '../../src/excel/excelHost';
import { setup } from '../excel/helpers';
import { inserted, type, zerosExcept } from './helpers';

const text = (name: string) => fs.readFile(path.join(__dirname, '..', 'fixtures', name), 'utf8');

test('a 2020 report of another city pasted into a 2025 workbook is refused, saying what it read', async () => {
  const ctx = setup();
  await inserted(ctx, 2025, '某某市人民政府');
  const r = await importLastYear(ctx.host, await text('gaoan-2020.txt'));
  expect(r.ok).toBe(false);
  expect(r.message).toContain('高安市人民政府2020年');
  expect(r.message).toContain('2024年');
  expect(r.message).not.toContain('已保存');
  expect(ctx.sim.state.settings[LAST_YEAR_SETTING]).toBeUndefined();
});

test('last year of another agency is refused; of the same agency (however written) kept', async () => {
  const ctx = setup();
  await inserted(ctx, 2021, '高安市人民政府');
  const gaoan = JSON.parse(await text('gaoan-2020.json'));
  const other = await importLastYear(ctx.host, JSON.stringify({ ...gaoan, agency: '淮安市人民政府' }), 'x.json');
  expect(other.ok).toBe(false);
  expect(other.message).toContain('淮安市人民政府2020年');
  const same = await importLastYear(ctx.host, await text('gaoan-2020.txt'));
  expect(same.ok).toBe(true);
  expect(same.message).toContain('已保存高安市人民政府2020年报告');
});

test('with no tables yet the report is kept, and 校验 never compares it with tables of another year', async () => {
  const ctx = setup();
  expect((await importLastYear(ctx.host, await text('gaoan-2020.txt'))).ok).toBe(true);
  type(
    ctx,
    await inserted(ctx, 2025),
    zerosExcept({
      'applications.carried_over.natural': 5,
      'applications.carried_over.total': 5,
      'applications.carried_forward.natural': 5,
      'applications.carried_forward.total': 5,
    }),
  );
  const { result } = checkTables(await ctx.host.readTables());
  const cross = result.sets[0].findings.filter((f) => /^X-/.test(f.rule));
  expect(cross.map((f) => [f.rule, f.severity])).toEqual([['X-CARRY', 'warning']]);
  expect(cross[0].message).toContain('未做跨年度核对');
  expect(result.errors).toBe(0);
});
