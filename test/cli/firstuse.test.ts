/** What a reviewer hits on first use of the command line (issue 14, items 8, 10, 11). */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from './run';

const FIX = path.join(__dirname, '..', 'fixtures');
const HUAIAN = path.join(FIX, 'huaian-2024.json');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-firstuse-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A mistake is one line on stderr, with the hint to --help and without the usage text. */
function oneLine(err: string, hint = true): string {
  const lines = err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  if (hint) expect(lines[0]).toContain('--help');
  expect(err).not.toContain('用法 (usage)');
  return lines[0];
}

describe('unknown flags', () => {
  test('--jsn is an error naming it and --json, exit 2', async () => {
    const r = await run('check', HUAIAN, '--jsn');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const line = oneLine(r.err);
    expect(line).toContain('--jsn');
    expect(line).toContain('--json');
  });

  test('--summay csv is not ignored, and csv is not taken for a file', async () => {
    const r = await run('check', '--summay', 'csv', '--out', path.join(dir, 's.csv'), FIX);
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toContain('--summay');
    expect(line).toContain('--summary');
    expect(r.err).not.toContain('csv：');
    await expect(fs.stat(path.join(dir, 's.csv'))).rejects.toThrow();
  });

  test('each command knows its own flags: --fe for narrative, --agnecy for export', async () => {
    const a = await run('narrative', HUAIAN, '--fe', '3940');
    expect(a.code).toBe(2);
    expect(oneLine(a.err)).toMatch(/--fe\b.*--fee/);
    const b = await run('export', HUAIAN, '--out', path.join(dir, 'x.docx'), '--agnecy', '某局');
    expect(b.code).toBe(2);
    expect(oneLine(b.err)).toMatch(/--agnecy.*--agency/);
    // a flag of another command is not one of this command's
    const c = await run('fill', HUAIAN, '--out', path.join(dir, 'x.xlsx'), '--json');
    expect(c.code).toBe(2);
    expect(oneLine(c.err)).toContain('--json');
  });

  test('a flag far from every valid one lists the valid ones', async () => {
    const r = await run('narrative', HUAIAN, '--zzzzzz');
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/--zzzzzz.*--json.*--last-year.*--fee.*--who/);
  });

  test('other mistakes are one line too: a missing --out, an unknown command (with the nearest one)', async () => {
    const a = await run('fill', HUAIAN);
    expect(a.code).toBe(2);
    expect(oneLine(a.err)).toContain('--out');
    const b = await run('chek', HUAIAN);
    expect(b.code).toBe(2);
    expect(oneLine(b.err)).toMatch(/chek.*check/);
  });

  test('--help of a command prints the usage and exits 0', async () => {
    const r = await run('check', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法');
    expect(r.out).toContain('--summary');
  });
});

describe('--fee as people type it', () => {
  test.each(['3940元', '3,940', '３９４０', '3940 元'])('%s is read as 3940 yuan', async (fee) => {
    const r = await run('narrative', HUAIAN, '--fee', fee);
    expect(r.err).toBe('');
    expect(r.out).toContain('收取政府信息公开信息处理费3940元');
  });

  test('what is not an amount still says what is expected', async () => {
    const r = await run('narrative', HUAIAN, '--fee', '很多');
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('--fee');
  });
});

describe('output files', () => {
  test('export --out x.pdf says .pdf is not an export kind and lists the kinds', async () => {
    const r = await run('export', HUAIAN, '--out', path.join(dir, 'x.pdf'));
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toContain('.pdf');
    expect(line).toContain('.docx');
    expect(line).toContain('.html');
  });

  test('template --out over an existing file refuses without --force; the file is untouched', async () => {
    const out = path.join(dir, 'mine.xlsx');
    await fs.writeFile(out, 'what the clerk typed');
    const r = await run('template', '--year', '2025', '--out', out);
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toContain('mine.xlsx');
    expect(line).toContain('--force');
    expect(await fs.readFile(out, 'utf8')).toBe('what the clerk typed');
    const forced = await run('template', '--year', '2025', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('folders', () => {
  test('an empty folder says it holds no report files', async () => {
    const empty = path.join(dir, 'empty');
    await fs.mkdir(empty);
    await fs.writeFile(path.join(empty, 'notes.docx'), 'x');
    const r = await run('check', empty);
    expect(r.code).toBe(2);
    const line = oneLine(r.err, false);
    expect(line).toContain(empty);
    expect(line).toContain('没有年报文件');
  });

  test('a folder check ends with a one-line total: files, errors, warnings, unreadable', async () => {
    const folder = path.join(dir, 'batch');
    await fs.mkdir(folder);
    const report = JSON.parse(await fs.readFile(HUAIAN, 'utf8'));
    await fs.writeFile(path.join(folder, 'a.json'), JSON.stringify(report));
    report.tables.applications.total.natural = 2930; // T2-RESULTS, T2-ROWSUM, T2-BALANCE
    await fs.writeFile(path.join(folder, 'b.json'), JSON.stringify(report));
    await fs.writeFile(path.join(folder, 'c.json'), '{');
    const r = await run('check', folder);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('共 3 个文件：3 个错误，0 个提示，1 个文件无法读取');
  });
});

describe('legacy spreadsheets', () => {
  test.each([
    ['old.xls', 'Excel 97-2003'],
    ['wps.et', 'WPS'],
  ])('%s gets a message saying how to save it as .xlsx', async (name, kind) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(name);
    expect(r.err).toContain(kind);
    expect(r.err).toMatch(/另存为.*\.xlsx/);
  });

  test('in a folder they are reported, not skipped', async () => {
    const folder = path.join(dir, 'legacy');
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, 'old.xls'), Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    await fs.copyFile(HUAIAN, path.join(folder, 'new.json'));
    const r = await run('check', folder);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/old\.xls.*另存为/);
    expect(r.out).toContain('new.json');
  });
});

describe('the summary names each agency, the same way whatever the input kind (item 9)', () => {
  const rowsOf = async (csv: string): Promise<string[][]> =>
    (await fs.readFile(csv, 'utf8'))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split(','));

  test('.xlsx inputs: the agency given to template, also in a workbook whose registration predates it (the title cell holds it)', async () => {
    const { templateWorkbook } = await import('../../src/file/xlsx');
    const { encodeRegistration, markBlock, MARK_META_ROW, MARK_SHEET, registrationNames } = await import('../../src/report/plan');
    const folder = path.join(dir, 'xlsx-agency');
    await fs.mkdir(folder);
    expect((await run('template', '--year', '2025', '--agency', '某某市人民政府', '--out', path.join(folder, 'a.xlsx'))).code).toBe(0);
    const old = templateWorkbook({ format: '2021', year: 2025, agency: '某某县人民政府', formulas: true });
    for (const table of ['active', 'applications', 'reviews'] as const) {
      const b = markBlock(registrationNames(table)[0]);
      old.getWorksheet(MARK_SHEET)!.getCell(b.r + MARK_META_ROW + 1, b.c + 1).value = encodeRegistration({
        table,
        format: '2021',
        year: 2025,
      });
    }
    await old.xlsx.writeFile(path.join(folder, 'b.xlsx'));
    const csv = path.join(dir, 'xlsx-agency.csv');
    await run('check', '--summary', 'csv', '--out', csv, folder);
    expect((await rowsOf(csv)).map((r) => [path.basename(r[0]), r[1]])).toEqual([
      ['a.xlsx', '某某市人民政府'],
      ['b.xlsx', '某某县人民政府'],
    ]);
  });

  test('高安 as published text (its title says 高安市) and as JSON (高安市人民政府) is one agency', async () => {
    const csv = path.join(dir, 'gaoan.csv');
    await run('check', '--summary', 'csv', '--out', csv, path.join(FIX, 'gaoan-2020.txt'), path.join(FIX, 'gaoan-2020.json'));
    const rows = await rowsOf(csv);
    expect(rows.map((r) => r[1])).toEqual(['高安市人民政府', '高安市人民政府']);
  });
});

describe('--last-year of the wrong year or agency (item 1)', () => {
  const GAOAN = path.join(FIX, 'gaoan-2020.json');

  test('narrative refuses it, saying what it read and what is needed', async () => {
    const r = await run('narrative', HUAIAN, '--last-year', GAOAN);
    expect(r.code).toBe(2);
    expect(r.out).not.toContain('同比');
    const line = oneLine(r.err, false);
    expect(line).toContain('gaoan-2020.json');
    expect(line).toContain('高安市人民政府2020年');
    expect(line).toContain('淮安市人民政府2023年');
    const same = await run('narrative', HUAIAN, '--last-year', HUAIAN);
    expect(same.code).toBe(2);
    expect(same.out).not.toContain('与上年持平');
  });

  test('check says it did not compare, with no carry-over errors', async () => {
    const r = await run('check', HUAIAN, '--last-year', GAOAN, '--json');
    const [result] = JSON.parse(r.out);
    const cross = result.findings.filter((f: { rule: string }) => /^X-/.test(f.rule));
    expect(cross).toHaveLength(1);
    expect(cross[0].severity).toBe('warning');
    expect(cross[0].message).toContain('未做跨年度核对');
    expect(r.code).toBe(0);
  });
});
