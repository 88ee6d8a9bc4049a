import { checkWorkbook, insertTables } from '../../src/app/service';
import { tableLayout } from '../../src/report/layout';
import type { CellKey } from '../../src/report/types';
import { a1, rectAddress } from '../../src/report/a1';
import { MARK_SHEET, markBlock } from '../../src/report/plan';
import { API_LEVELS, fillOf, names, readRange, select, setup } from './helpers';

const ALL = { year: 2025, agency: '某某县人民政府' };

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  describe('insert tables', () => {
    test('all three tables at the selection in one read and one write', async () => {
      const { sim, host, X } = setup({ apiVersion: api });
      await select(X, 'Sheet1', 'B2');
      sim.resetSyncCount();
      const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      expect(out.ok).toBe(true);
      expect(sim.syncCount).toBe(2);
      if (!out.ok) return;
      expect(out.sheet).toBe('Sheet1');
      expect(out.tables.map((t) => t.name)).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
      // every label and header of table 2 at its place, read back through the API
      const t2 = out.tables[1];
      const layout = tableLayout('2021', 'applications');
      const { values, formulas } = await readRange(X, 'Sheet1', rectAddress(t2.rect));
      for (const cell of layout.cells.filter((c) => c.role !== 'data')) expect(values[cell.r][cell.c]).toBe(cell.text);
      // （七）总计 · 自然人 sums the result rows; row totals sum the applicant columns
      const total = layout.byKey.get('applications.total.natural')!;
      const col = (c: number): string => a1(0, t2.rect.c + c).replace(/\d+$/, '');
      expect(formulas[total.r][total.c]).toBe(`=SUM(${col(3)}${t2.rect.r + 6}:${col(3)}${t2.rect.r + 26})`);
      const rowTotal = layout.byKey.get('applications.new.total')!;
      expect(formulas[rowTotal.r][rowTotal.c]).toBe(`=SUM(${col(3)}${t2.rect.r + 4}:${col(8)}${t2.rect.r + 4})`);
      expect((await readRange(X, 'Sheet1', 'B2')).values[0][0]).toBe('某某县人民政府2025年政府信息公开工作年度报告 统计表');
      // merges of the layout, shifted to the table's place (read from the stand-in's state: merged areas
      // cannot be read through the API below ExcelApi 1.13)
      const inTable = (m: { r0: number; c0: number }) => m.r0 >= t2.rect.r && m.r0 < t2.rect.r + t2.rect.rs;
      const merged = sim.state.sheets[0].merges
        .filter(inTable)
        .map((m) => rectAddress({ r: m.r0, c: m.c0, rs: m.r1 - m.r0 + 1, cs: m.c1 - m.c0 + 1 }));
      const expected = layout.cells
        .filter((c) => c.rs > 1 || c.cs > 1)
        .map((c) => rectAddress({ r: t2.rect.r + c.r, c: t2.rect.c + c.c, rs: c.rs, cs: c.cs }));
      expect(merged.sort()).toEqual(expected.sort());
      // registration names with their metadata
      const ns = await names(X);
      expect(ns.map((n) => n.name).sort()).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
      expect(JSON.parse(ns.find((n) => n.name === 'OGI_applications')!.comment)).toMatchObject({
        table: 'applications',
        format: '2021',
        year: 2025,
      });
      // data validation with a Chinese prompt on an input cell; none on a formula cell
      const dv = await X.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        const input = ws.getRange(a1(t2.rect.r + 3, t2.rect.c + 3)).dataValidation;
        input.load('rule,prompt');
        const mark = ctx.workbook.worksheets.getItem(MARK_SHEET);
        mark.load('visibility');
        await ctx.sync();
        return { rule: input.rule, prompt: input.prompt, markVisibility: mark.visibility };
      });
      expect(dv.rule.wholeNumber?.operator).toBe('GreaterThanOrEqualTo');
      expect([0, '0', '=0']).toContain(dv.rule.wholeNumber?.formula1);
      expect(dv.prompt.message).toContain('大于或等于0的整数');
      expect(dv.markVisibility).toBe('VeryHidden');
    });

    test('the 2019 format for a 2020 report: the single （六）其他处理 row', async () => {
      const { host, X } = setup({ apiVersion: api });
      const out = await insertTables(host, { year: 2020, tables: ['applications'], target: { kind: 'selection' } });
      expect(out.ok).toBe(true);
      const { values } = await readRange(X, 'Sheet1', 'A1:J26');
      expect(values[23][1]).toBe('（六）其他处理');
      expect(values[24][1]).toBe('（七）总计');
      expect(values[25][0]).toBe('四、结转下年度继续办理');
    });

    type Prepare = (X: typeof Excel) => Promise<void>;
    const aMerge: Prepare = async (X) =>
      X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('G5:H6').merge(false);
        await ctx.sync();
      });
    test.each<[string, Prepare]>([
      [
        'a value',
        async (X: typeof Excel) =>
          X.run(async (ctx) => {
            ctx.workbook.worksheets.getItem('Sheet1').getRange('E10').values = [['备注']];
            await ctx.sync();
          }),
      ],
      [
        'a formula',
        async (X: typeof Excel) =>
          X.run(async (ctx) => {
            ctx.workbook.worksheets.getItem('Sheet1').getRange('C40').formulas = [['=1+1']];
            await ctx.sync();
          }),
      ],
      ...(Number(api.split('.')[1]) >= 13 ? [['a merge', aMerge] as [string, Prepare]] : []),
    ])('refuses when %s is in the way, and changes nothing', async (_what, prepare) => {
      const { sim, host, X } = setup({ apiVersion: api });
      await prepare(X);
      await select(X, 'Sheet1', 'A1');
      const before = JSON.stringify(sim.state);
      sim.resetSyncCount();
      const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.reason).toBe('occupied');
        expect(out.message).toMatch(/为避免覆盖，未插入任何内容/);
      }
      expect(sim.syncCount).toBe(1);
      expect(JSON.stringify(sim.state)).toBe(before);
    });

    if (Number(api.split('.')[1]) < 13) {
      test('below ExcelApi 1.13 an empty merged area cannot be seen: the tables go in with their own merges, nothing else is lost', async () => {
        const { sim, host, X } = setup({ apiVersion: api });
        await aMerge(X);
        sim.setCell('Sheet1', 'R1', '旁边的内容');
        await select(X, 'Sheet1', 'A1');
        const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const t2 = out.tables[1];
        const expected = tableLayout('2021', 'applications')
          .cells.filter((c) => c.rs > 1 || c.cs > 1)
          .map((c) => ({ r0: t2.rect.r + c.r, c0: t2.rect.c + c.c, r1: t2.rect.r + c.r + c.rs - 1, c1: t2.rect.c + c.c + c.cs - 1 }));
        expect(sim.state.sheets[0].merges).toEqual(expect.arrayContaining(expected));
        expect(sim.getCell('Sheet1', 'R1').value).toBe('旁边的内容');
      });
    }

    test('a second insertion at the same place is refused; on a new sheet it gets the next names', async () => {
      const { host, X } = setup({ apiVersion: api });
      expect((await insertTables(host, { ...ALL, target: { kind: 'selection' } })).ok).toBe(true);
      await select(X, 'Sheet1', 'A1');
      const again = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      expect(again.ok).toBe(false);
      const sheet = await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '2025年报表格' } });
      expect(sheet.ok && sheet.sheet).toBe('2025年报表格');
      expect(sheet.ok && sheet.tables.map((t) => t.name)).toEqual(['OGI_active_2', 'OGI_applications_2', 'OGI_reviews_2']);
      const third = await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '2025年报表格' } });
      expect(third.ok && third.sheet).toBe('2025年报表格(2)');
    });

    test('a protected sheet is refused with a message', async () => {
      const { host, X } = setup({ apiVersion: api });
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
        await ctx.sync();
      });
      const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      expect(out).toMatchObject({ ok: false, reason: 'protected' });
    });

    test('an Excel without ExcelApi 1.8 gets a clear message', async () => {
      const { host } = setup({ sheets: ['Sheet1'], apiVersion: '1.7' });
      const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      expect(out).toMatchObject({ ok: false, reason: 'unsupported' });
      expect(!out.ok && out.message).toContain('ExcelApi 1.8');
    });
  });

  describe('check, mark, clear', () => {
    async function filled() {
      const ctx = setup({ apiVersion: api });
      const out = await insertTables(ctx.host, { ...ALL, target: { kind: 'selection' } });
      if (!out.ok) throw new Error(out.message);
      const t2 = out.tables[1].rect;
      const at = (key: string): string => {
        const c = tableLayout('2021', 'applications').byKey.get(`applications.${key}` as CellKey)!;
        return a1(t2.r + c.r, t2.c + c.c);
      };
      return { ...ctx, out, at };
    }

    test('a broken balance is found, located, marked; fixing it and re-checking clears the mark', async () => {
      const { sim, host, X, at } = await filled();
      sim.setCell('Sheet1', at('new.natural'), 50);
      sim.setCell('Sheet1', at('granted.natural'), 48);
      sim.resetSyncCount();
      const result = await checkWorkbook(host);
      expect(sim.syncCount).toBeLessThanOrEqual(2);
      const balance = result.sets[0].findings.find((f) => f.rule === 'T2-BALANCE')!;
      expect(balance.message).toBe('自然人列：一＋二（50）应等于三（七）总计＋四（48），相差2（其中空白单元格按0计算）');
      expect(balance.locations[0].address).toBe(`Sheet1!${at('new.natural')}`);
      const b = markBlock('OGI_applications');
      const codes = (await readRange(X, MARK_SHEET, rectAddress({ r: b.r, c: b.c, rs: 28, cs: 10 }))).values;
      const natural = tableLayout('2021', 'applications').byKey.get('applications.new.natural')!;
      expect(codes[natural.r][natural.c]).toBe(2);
      sim.setCell('Sheet1', at('carried_forward.natural'), 2);
      const again = await checkWorkbook(host);
      expect(again.errors).toBe(0);
      const codes2 = (await readRange(X, MARK_SHEET, rectAddress({ r: b.r, c: b.c, rs: 28, cs: 10 }))).values;
      expect(codes2[natural.r][natural.c]).toBe(0);
    });

    test("marks never touch the user's own fill; clearing restores exactly what was there", async () => {
      const { sim, host, X, at } = await filled();
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(at('new.natural')).format.fill.color = '#00B050';
        await ctx.sync();
      });
      sim.setCell('Sheet1', at('new.natural'), '48件');
      const result = await checkWorkbook(host);
      expect(result.sets[0].findings.some((f) => f.rule === 'TEXT-NUM' && f.cells[0] === 'applications.new.natural')).toBe(true);
      expect(await fillOf(X, 'Sheet1', at('new.natural'))).toBe('#00B050');
      expect(await fillOf(X, 'Sheet1', at('granted.natural'))).toBe('#FFFFFF');
      sim.resetSyncCount();
      const n = await host.clearMarks();
      expect(n).toBeGreaterThan(0);
      expect(sim.syncCount).toBe(2);
      expect(await fillOf(X, 'Sheet1', at('new.natural'))).toBe('#00B050');
      const b = markBlock('OGI_applications');
      const codes = (await readRange(X, MARK_SHEET, rectAddress({ r: b.r, c: b.c, rs: 28, cs: 10 }))).values;
      expect(codes.flat().every((v) => v === '' || v === 0)).toBe(true);
    });

    test('tables are still found after rows are inserted above them', async () => {
      const { sim, host, X } = await filled();
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('1:3').insert('Down');
        await ctx.sync();
      });
      const read = await host.readTables();
      expect(read.tables.map((t) => t.rect.r)).toEqual([3 + 3, 3 + 3 + 14 + 2, 3 + 3 + 14 + 2 + 28 + 2]);
      sim.setCell('Sheet1', 'A1', 'x');
      const result = await checkWorkbook(host);
      expect(result.lost).toEqual([]);
      expect(result.sets).toHaveLength(1);
    });

    test('selecting a finding selects its first cell', async () => {
      const { sim, host, at } = await filled();
      await host.selectCells('OGI_applications', [{ r: 3, c: 3 }]);
      expect(sim.selectionAddress()).toMatch(new RegExp(`${at('new.natural')}$`));
    });
  });

  describe('reading registered tables', () => {
    test('a workbook without tables: nothing found, no marks written, at most two round trips', async () => {
      const { sim, host } = setup({ apiVersion: api });
      sim.resetSyncCount();
      const result = await checkWorkbook(host);
      expect(result.sets).toEqual([]);
      expect(result.lost).toEqual([]);
      expect(sim.syncCount).toBeLessThanOrEqual(2);
    });

    test('a deleted table sheet is reported as lost, the other set is still checked', async () => {
      const { host, X } = setup({ apiVersion: api });
      await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '甲' } });
      await insertTables(host, { year: 2024, target: { kind: 'newSheet', name: '乙' } });
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('甲').delete();
        await ctx.sync();
      });
      const result = await checkWorkbook(host);
      expect(result.sets.map((s) => s.year)).toEqual([2024]);
      expect(result.lost.map((l) => l.name).sort()).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
      expect(result.lost[0].reason).toContain('已被删除');
    });
  });
});
