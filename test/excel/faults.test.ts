/**
 * Excel faults on the in-browser workbook, raised with Excel's own error codes: an insertion interrupted at any
 * operation of its write batch leaves the workbook exactly as before — the user's conditional formats, fills,
 * fonts and borders in and around the area included, on ExcelApi 1.8 (no cell properties) as on the newest; a
 * cell being edited, a read-only or protected workbook, a deleted or renamed table sheet, deleted rows and columns, an API set the host lacks —
 * each gets a message in Chinese and loses nothing of the user's.
 */
import { checkWorkbook, insertTables } from '../../src/app/service';
import { DEFAULT_FONT, newCell, type WorkbookState } from '../../src/excel-sim/model';
import { tableLayout } from '../../src/report/layout';
import { a1 } from '../../src/report/a1';
import { API_ENDS, setup, select, type Sim } from './helpers';

const ALL = { year: 2025, agency: '某某县人民政府' };
const DEFAULT_CELL = JSON.stringify(newCell());

/** The workbook's state with what carries no meaning removed: default cells, 'None' borders, default sizes,
 *  the id counter and the selection. Two workbooks with equal views look and behave the same. */
function view(state: WorkbookState): unknown {
  const s = JSON.parse(JSON.stringify(state)) as WorkbookState;
  for (const sh of s.sheets) {
    for (const [k, c] of Object.entries(sh.cells)) {
      for (const k of ['name', 'size'] as const) if (c.font[k] === DEFAULT_FONT[k]) delete c.font[k];
      for (const [e, b] of Object.entries(c.borders)) if (!b || b.style === 'None') delete c.borders[e as keyof typeof c.borders];
      if (JSON.stringify(c) === DEFAULT_CELL) delete sh.cells[k];
    }
    for (const [k, v] of Object.entries(sh.rowHeights)) if (v === sh.defaultRowHeight) delete sh.rowHeights[Number(k)];
    for (const [k, v] of Object.entries(sh.colWidths)) if (v === sh.defaultColWidth) delete sh.colWidths[Number(k)];
    sh.conditionalFormats = sh.conditionalFormats.map((cf) => ({ ...cf, id: '' }));
  }
  return { sheets: s.sheets, names: s.names, settings: s.settings };
}

/** A sheet with the user's own work around and inside an empty target area at C3. */
async function userSheet(sim: Sim, X: typeof Excel): Promise<void> {
  sim.setCell('Sheet1', 'A1', '本单位自填的说明');
  sim.setCell('Sheet1', 'B2', 42);
  await X.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('C3:E5').format.fill.color = '#FFFF00'; // the user's fill on empty cells
    ws.getRange('D4').numberFormat = [['0.0%']];
    ws.getRange('C6').format.font.bold = true;
    ws.getRange('F6').format.font.color = '#7030A0'; // covered by a merge of table 1 (C6:F6)
    ws.getRange('A10:A12').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
    ws.getRange('A1:A2').format.columnWidth = 200;
    // the user's conditional formats: one reaching into the area, one inside it, one elsewhere
    const across = ws.getRange('B2:D6').conditionalFormats.add(X.ConditionalFormatType.custom);
    across.custom.rule.formula = '=B2>40';
    across.custom.format.font.color = '#C00000';
    const inside = ws.getRange('E7:F8').conditionalFormats.add(X.ConditionalFormatType.custom);
    inside.custom.rule.formula = '=LEN(E7)>0';
    inside.custom.format.fill.color = '#E2EFDA';
    const elsewhere = ws.getRange('A20').conditionalFormats.add(X.ConditionalFormatType.custom);
    elsewhere.custom.rule.formula = '=A20<0';
    elsewhere.custom.format.fill.color = '#FFC7CE';
    // the user's borders: a thick box, a diagonal in a cell one of the tables' merges covers (E12, in D12:F12),
    // a line under the row just above the area (shared with the area's top edge)
    const box = ws.getRange('C8:E9').format.borders;
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      box.getItem(edge).style = 'Continuous';
      box.getItem(edge).weight = 'Thick';
    }
    const diagonal = ws.getRange('E12').format.borders.getItem('DiagonalDown');
    diagonal.style = 'Dash';
    diagonal.color = '#2F75B5';
    ws.getRange('C2:G2').format.borders.getItem('EdgeBottom').style = 'Double';
    await ctx.sync();
  });
  await select(X, 'Sheet1', 'C3');
}

describe.each(API_ENDS)('at ExcelApi %s', (api) => {
  describe('an insertion interrupted part-way through its write batch', () => {
    /** Runs one successful insertion on a twin workbook to count the write batch's operations. */
    async function writeOps(prepare: (sim: Sim, X: typeof Excel) => Promise<void>, target: 'selection' | 'newSheet'): Promise<number> {
      const { sim, host, X } = setup({ apiVersion: api });
      await prepare(sim, X);
      const out = await insertTables(host, {
        ...ALL,
        target: target === 'selection' ? { kind: 'selection' } : { kind: 'newSheet', name: '2025年报表格' },
      });
      if (!out.ok) throw new Error(out.message);
      return sim.lastSyncOperations;
    }

    for (const target of ['selection', 'newSheet'] as const) {
      test(`at any operation (${target === 'selection' ? "at the selected cell, among the user's formatting" : 'on a new sheet, next to an earlier set'}) leaves the workbook exactly as before`, async () => {
        const prepare = async (sim: Sim, X: typeof Excel): Promise<void> => {
          await userSheet(sim, X);
          if (target === 'newSheet') {
            // an earlier set of tables elsewhere: the mark sheet and the first names exist already
            const { host } = {
              host: (await import('../../src/excel/excelHost')).createExcelHost({ Excel: X, Office: sim.Office }),
            };
            await X.run(async (ctx) => {
              ctx.workbook.worksheets.add('2024');
              await ctx.sync();
            });
            await select(X, '2024', 'A1');
            const first = await insertTables(host, { ...ALL, year: 2024, target: { kind: 'selection' } });
            if (!first.ok) throw new Error(first.message);
            await select(X, 'Sheet1', 'C3');
          }
        };
        const total = await writeOps(prepare, target);
        expect(total).toBeGreaterThan(50);
        const failures: string[] = [];
        // every operation near either end of the batch, and every 61st between (the middle repeats the same kinds of operation)
        const ks = [...new Set([...Array(total + 1).keys()].filter((k) => k < 25 || k > total - 25 || k % 61 === 0))];
        for (const k of ks) {
          const { sim, host, X } = setup({ apiVersion: api });
          await prepare(sim, X);
          const beforeView = JSON.stringify(view(sim.state));
          sim.failNextSync(k % 2 ? 'AccessDenied' : 'GeneralException', 'simulated fault', { afterOperations: k, sync: 2 });
          const out = await insertTables(host, {
            ...ALL,
            target: target === 'selection' ? { kind: 'selection' } : { kind: 'newSheet', name: '2025年报表格' },
          }).then(
            () => null,
            (e: Error) => e.message,
          );
          if (out === null) {
            failures.push(`${k}: no error`);
            continue;
          }
          if (!/已撤消已写入的部分/.test(out)) failures.push(`${k}: ${out}`);
          if (JSON.stringify(view(sim.state)) !== beforeView) failures.push(`${k}: the workbook changed`);
        }
        expect(failures).toEqual([]);
        // and afterwards the same insertion succeeds
        const { sim, host, X } = setup({ apiVersion: api });
        await prepare(sim, X);
        const ok = await insertTables(host, {
          ...ALL,
          target: target === 'selection' ? { kind: 'selection' } : { kind: 'newSheet', name: '2025年报表格' },
        });
        expect(ok.ok).toBe(true);
      }, 120_000);
    }
  });

  describe('Excel refusing a request', () => {
    test('a cell being edited: the check says to finish editing, and nothing is marked', async () => {
      const { sim, host } = setup({ apiVersion: api });
      await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      sim.failNextSync('InvalidOperationInCellEditMode');
      await expect(checkWorkbook(host)).rejects.toThrow(/单元格编辑状态.*Enter 或 Esc/);
      const again = await checkWorkbook(host);
      expect(again.sets.length).toBe(1);
    });

    test('a read-only workbook (AccessDenied on write): the insertion says why and leaves nothing', async () => {
      const { sim, host } = setup({ apiVersion: api });
      const before = JSON.stringify(view(sim.state));
      sim.failNextSync('AccessDenied', 'The workbook is read-only.', { afterOperations: 0, sync: 2 });
      await expect(insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '2025年报表格' } })).rejects.toThrow(
        /工作表受保护或工作簿为只读/,
      );
      expect(JSON.stringify(view(sim.state))).toBe(before);
    });

    test('an Excel lacking ExcelApi 1.8: every action explains it instead of failing', async () => {
      const { host } = setup({ sheets: ['Sheet1'], apiVersion: '1.7' });
      expect(host.info()).toMatchObject({ supported: false });
      expect(host.info().reason).toMatch(/ExcelApi 1\.8/);
    });
  });

  describe('the user reshaping a registered table', () => {
    async function inserted() {
      const ctx = setup({ apiVersion: api });
      const out = await insertTables(ctx.host, { ...ALL, target: { kind: 'selection' } });
      if (!out.ok) throw new Error(out.message);
      return { ...ctx, out };
    }

    test('deleting a row inside table 2: reported as changed, tables 1 and 3 still checked, table 2 still read by its labels', async () => {
      const { X, host, out } = await inserted();
      const t2 = out.tables[1].rect;
      await X.run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem('Sheet1')
          .getRange(`${t2.r + 6}:${t2.r + 6}`)
          .delete('Up');
        await ctx.sync();
      });
      const res = await checkWorkbook(host);
      expect(res.lost.map((l) => l.reason).join()).toMatch(/行列数已改变（应为 \d+ 行 × \d+ 列，现为 \d+ 行/);
      const registered = res.sets.find((x) => x.title.startsWith('2025年'));
      expect(registered?.tables.sort()).toEqual(['active', 'reviews']);
      // the damaged table is still found by its labels and checked as an unregistered table
      expect(res.sets.some((x) => /按标签识别/.test(x.title) && x.tables.includes('applications'))).toBe(true);
    });

    test('deleting a column inside table 3: reported as changed', async () => {
      const { X, host, out } = await inserted();
      const t3 = out.tables[2].rect;
      const col = a1(0, t3.c + 3).replace(/\d+$/, '');
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(`${col}:${col}`).delete('Left');
        await ctx.sync();
      });
      const res = await checkWorkbook(host);
      expect(res.lost.some((l) => /行列数已改变/.test(l.reason))).toBe(true);
    });

    test('renaming the sheet: the tables are still found and checked on the renamed sheet', async () => {
      const { X, host, sim } = await inserted();
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').name = '我的年报';
        await ctx.sync();
      });
      const layout = tableLayout('2021', 'applications');
      expect(layout.rows).toBeGreaterThan(0);
      const res = await checkWorkbook(host);
      expect(res.lost).toEqual([]);
      expect(
        res.sets[0].findings.every((f) =>
          f.locations.every((l) => l.address.startsWith("'我的年报'!") || l.address.startsWith('我的年报!')),
        ),
      ).toBe(true);
      expect(sim.state.sheets.map((s) => s.name)).toContain('我的年报');
    });

    test('deleting the sheet: every table reported as deleted, in Chinese, nothing thrown', async () => {
      const { X, host } = await inserted();
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.add('其他');
        await ctx.sync();
      });
      await X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').delete();
        await ctx.sync();
      });
      const res = await checkWorkbook(host);
      expect(res.lost.length).toBe(3);
      expect(res.lost.every((l) => /已被删除/.test(l.reason))).toBe(true);
    });
  });

  describe('findings about the report text', () => {
    test('are grouped as text, not under a table, whether they name cells (N-APPS) or none (N-SECTIONS)', async () => {
      const { host } = setup({ apiVersion: api });
      await insertTables(host, { ...ALL, target: { kind: 'selection' } });
      await host.insertProse('报告正文', [
        ['部分', '内容'],
        [3, '本年度共收到政府信息公开申请17件。'],
      ]);
      const res = await checkWorkbook(host);
      const prose = res.sets[0].findings.filter((f) => /^N-/.test(f.rule));
      expect(prose.map((f) => f.rule)).toEqual(expect.arrayContaining(['N-APPS', 'N-SECTIONS']));
      expect(prose.every((f) => f.table === 'text')).toBe(true);
      expect(res.sets[0].findings.filter((f) => f.table === 'text').every((f) => /^N-|^X-YOY$/.test(f.rule) || !f.cells.length)).toBe(true);
    });
  });
});
