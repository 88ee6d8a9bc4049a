/**
 * fill → LibreOffice (recalculating) → read back: LibreOffice's totals equal ours, and the
 * conditional-format formulas of the plan, evaluated by LibreOffice, mark exactly the cells the engine reports.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { convert } from '../../scripts/libreoffice';
import { buildPlan, type SheetPlan } from '../../src/report/plan';
import { readTables, writePlan, cellRaw } from '../../src/file/xlsx';
import { checkReport, reportSource } from '../../src/report/check';
import { parseReportJson } from '../../src/report/report';
import { cellsToMark, totalFormulas } from '../../src/report/rules';
import { a1 } from '../../src/report/a1';
import { tableLayout } from '../../src/report/layout';
import type { Report } from '../../src/report/types';

jest.setTimeout(120000);

const FIX = path.join(__dirname, '..', 'fixtures');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-lo-test-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function report(name: string, mutate?: (r: Report) => void): Promise<Report> {
  const r = parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));
  mutate?.(r);
  return r;
}

/** Write the filled plan plus, far to the right, one probe cell per conditional format holding its formula. */
async function roundTrip(
  r: Report,
  name: string,
): Promise<{ plan: SheetPlan; wb: ExcelJS.Workbook; probes: Array<{ cell: string; rule: string; r: number; c: number }> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表格');
  const plan = buildPlan(
    {
      format: r.format,
      year: r.year,
      tables: ['active', 'applications', 'reviews'],
      titles: true,
      formulas: true,
      values: reportSource(r),
    },
    { r: 0, c: 0 },
  );
  writePlan(wb, ws, plan);
  const probes = plan.conditionalFormats
    .filter((cf) => cf.rule !== 'MARK')
    .map((cf, i) => ({ cell: a1(i, 30), rule: cf.rule, r: cf.rect.r, c: cf.rect.c, formula: cf.formula }));
  for (const p of probes) ws.getCell(p.cell).value = { formula: p.formula.slice(1) };
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  const outDir = path.join(dir, `${name}-lo`);
  await fs.mkdir(outDir, { recursive: true });
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(await convert(file, 'xlsx', outDir));
  return { plan, wb: back, probes };
}

describe.each([
  ['huaian-2024 (consistent, 2021)', 'huaian-2024', undefined],
  ['gaoan-2020 (2019, blanks)', 'gaoan-2020', undefined],
  [
    'huaian-2024 with broken balance and a wrong review total',
    'huaian-2024',
    (r: Report) => {
      (r.tables.applications as Record<string, Record<string, unknown>>).new.natural = 3003;
      (r.tables.applications as Record<string, Record<string, unknown>>).new.total = 3121;
      (r.tables.reviews as Record<string, Record<string, unknown>>).review.total = 350;
    },
  ],
] as const)('%s', (_title, name, mutate) => {
  test("LibreOffice totals equal ours; its evaluation of the conditional formats marks the engine's cells", async () => {
    const r = await report(name, mutate);
    const { wb, probes } = await roundTrip(r, `${name}${mutate ? '-broken' : ''}`);
    const read = readTables(wb);
    expect(read.tables).toHaveLength(3);
    // every 总计 cell: LibreOffice's value equals the engine's sum of the parts (blank counts 0)
    const src = reportSource(r);
    for (const t of read.tables) {
      for (const [key, parts] of totalFormulas(r.format)) {
        if (!key.startsWith(`${t.table}.`)) continue;
        const lc = tableLayout(t.format, t.table).byKey.get(key)!;
        const ours = parts.reduce((s, k) => s + (typeof src(k) === 'number' ? (src(k) as number) : 0), 0);
        const given = src(key);
        const expected = typeof given === 'number' && given !== ours ? given : ours; // a disagreeing total stays as written
        expect([key, t.values[lc.r][lc.c]]).toEqual([key, expected]);
      }
    }
    // conditional formats: the cells LibreOffice evaluates TRUE are exactly the engine's marked cells
    const ws = wb.getWorksheet('表格') as ExcelJS.Worksheet;
    const fired = new Set(probes.filter((p) => cellRaw(ws.getCell(p.cell).value, ws) === true).map((p) => `${p.rule}@${a1(p.r, p.c)}`));
    const findings = checkReport(r).filter((f) => ['T2-BALANCE', 'T2-RESULTS', 'T2-ROWSUM', 'T3-SUM', 'T1-PUBLISHED'].includes(f.rule));
    const expected = new Set<string>();
    for (const f of findings) {
      for (const key of cellsToMark(f)) {
        const t = read.tables.find((x) => key.startsWith(`${x.table}.`))!;
        const lc = tableLayout(t.format, t.table).byKey.get(key)!;
        expected.add(`${f.rule}@${a1(t.rect.r + lc.r, t.rect.c + lc.c)}`);
      }
    }
    expect([...fired].sort()).toEqual([...expected].sort());
    if (mutate) expect(fired.size).toBeGreaterThan(0);
  });
});

test('the registration survives LibreOffice: its year, format and agency are read back (LibreOffice saves them as rich text)', async () => {
  const wb = new ExcelJS.Workbook();
  const plan = buildPlan(
    { format: '2021', year: 2025, agency: '清河县人民政府', tables: ['active', 'applications', 'reviews'], titles: true, formulas: true },
    { r: 0, c: 0 },
  );
  writePlan(wb, wb.addWorksheet('Sheet1'), plan);
  const file = path.join(dir, 'registration.xlsx');
  await wb.xlsx.writeFile(file);
  const outDir = path.join(dir, 'registration-lo');
  await fs.mkdir(outDir, { recursive: true });
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(await convert(file, 'xlsx', outDir));
  expect(readTables(back).tables.map(({ name, format, year, agency }) => ({ name, format, year, agency }))).toEqual([
    { name: 'OGI_active', format: '2021', year: 2025, agency: '清河县人民政府' },
    { name: 'OGI_applications', format: '2021', year: 2025, agency: '清河县人民政府' },
    { name: 'OGI_reviews', format: '2021', year: 2025, agency: '清河县人民政府' },
  ]);
});
