import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from './run';
import { readTables } from '../../src/file/xlsx';
import { MARK_SHEET, markBlock } from '../../src/report/plan';

const FIX = path.join(__dirname, '..', 'fixtures');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('ogi-report template', () => {
  test.each(['2021', '2019'])('writes the three registered tables of the %s format', async (format) => {
    const out = path.join(dir, `t${format}.xlsx`);
    const r = await run('template', '--format', format, '--year', format === '2019' ? '2020' : '2025', '--out', out);
    expect(r.code).toBe(0);
    const wb = await load(out);
    const read = readTables(wb);
    expect(read.lost).toEqual([]);
    expect(read.tables.map((t) => [t.name, t.format])).toEqual([
      ['OGI_active', format],
      ['OGI_applications', format],
      ['OGI_reviews', format],
    ]);
    const ws = wb.getWorksheet(read.tables[1].sheet) as ExcelJS.Worksheet;
    const t2 = read.tables[1].rect;
    expect(ws.getCell(t2.r + 1, t2.c + 1).value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(ws.getCell(t2.r + 1, t2.c + 1).isMerged).toBe(true);
    // the （七）总计 · 自然人 cell is a SUM over the result rows
    const totalRow = format === '2021' ? 27 : 25;
    const total = ws.getCell(t2.r + totalRow, t2.c + 4).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(D${t2.r + 6}:D${t2.r + totalRow - 1})`);
    expect(wb.getWorksheet(MARK_SHEET)?.state).toBe('veryHidden');
  });

  test('refuses a bad format with exit 2 and a Chinese message', async () => {
    const r = await run('template', '--format', '2018', '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知的格式“2018”');
  });

  test('refuses a year outside 2008–2100 with the same message as the pane, and writes nothing', async () => {
    const out = path.join(dir, 'y.xlsx');
    const r = await run('template', '--year', '25', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('年份“25”无效：请填写 2008 至 2100 之间的四位年份，如 2025');
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe('ogi-report fill and check', () => {
  test('a filled workbook gives the same findings as its JSON', async () => {
    for (const name of ['gaoan-2020', 'huaian-2024']) {
      const out = path.join(dir, `${name}.xlsx`);
      expect((await run('fill', path.join(FIX, `${name}.json`), '--out', out)).code).toBe(0);
      const fromJson = JSON.parse((await run('check', path.join(FIX, `${name}.json`), '--json')).out)[0];
      const fromXlsx = JSON.parse((await run('check', out, '--json')).out)[0];
      expect(fromXlsx.findings).toEqual(fromJson.findings);
      expect([fromXlsx.format, fromXlsx.year]).toEqual([fromJson.format, fromJson.year]);
    }
  });

  test('a total that disagrees with its parts stays as written, and both paths report it', async () => {
    const report = JSON.parse(await fs.readFile(path.join(FIX, 'huaian-2024.json'), 'utf8'));
    report.tables.applications.total.natural = 2930; // parts sum to 2932
    const json = path.join(dir, 'bad.json');
    await fs.writeFile(json, JSON.stringify(report));
    const xlsx = path.join(dir, 'bad.xlsx');
    await run('fill', json, '--out', xlsx);
    const wb = await load(xlsx);
    const t = readTables(wb).tables.find((x) => x.table === 'applications')!;
    expect(t.values[26][3]).toBe(2930);
    const a = await run('check', json, '--json');
    const b = await run('check', xlsx, '--json');
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    const rules = (o: string): string[] =>
      JSON.parse(o)[0]
        .findings.map((f: { rule: string }) => f.rule)
        .sort();
    expect(rules(b.out)).toEqual(rules(a.out));
    expect(rules(a.out)).toEqual(expect.arrayContaining(['T2-BALANCE', 'T2-RESULTS', 'T2-ROWSUM']));
    const results = JSON.parse(a.out)[0].findings.find((f: { rule: string }) => f.rule === 'T2-RESULTS');
    expect(results.cells[0]).toBe('applications.total.natural');
    expect(results).toMatchObject({ expected: 2932, actual: 2930 });
  });

  test('unreadable files exit 2 with one line each; the others are still checked', async () => {
    const garbage = path.join(dir, 'garbage.xlsx');
    await fs.writeFile(garbage, 'this is not a zip');
    const empty = path.join(dir, 'empty.json');
    await fs.writeFile(empty, '');
    const r = await run('check', path.join(FIX, 'huaian-2024.json'), garbage, path.join(dir, 'missing.json'), empty);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('garbage.xlsx：不是有效的 .xlsx 工作簿');
    expect(lines[1]).toContain('missing.json：无法读取，文件不存在');
    expect(lines[2]).toContain('empty.json：JSON 格式有误');
    expect(r.out).toContain('huaian-2024.json（2024年，2021年格式）：无错误');
  });

  test('--out-dir writes a marked copy whose mark block holds the error cells', async () => {
    const outDir = path.join(dir, 'marked');
    const r = await run('check', path.join(dir, 'bad.xlsx'), '--out-dir', outDir);
    expect(r.code).toBe(1);
    const wb = await load(path.join(outDir, 'bad.xlsx'));
    const ms = wb.getWorksheet(MARK_SHEET) as ExcelJS.Worksheet;
    const b = markBlock('OGI_applications');
    // （七）总计 · 自然人 is row 26, column 3 of the table: marked as an error (2)
    expect(ms.getCell(b.r + 27, b.c + 4).value).toBe(2);
    // a cell with no finding carries 0
    expect(ms.getCell(b.r + 8, b.c + 4).value).toBe(0);
    // and the marked cell says why in a note
    const t2 = readTables(wb).tables.find((t) => t.table === 'applications')!;
    const marked = wb.getWorksheet(t2.sheet)!.getCell(t2.rect.r + 27, t2.rect.c + 4);
    expect(marked.note).toEqual(expect.stringMatching(/^年报助手校验：T2-\w+：/));
    expect(wb.getWorksheet(t2.sheet)!.getCell(t2.rect.r + 8, t2.rect.c + 4).note).toBeUndefined();
  });

  test('a workbook without registered tables is reported, not silently passed', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const file = path.join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plain.xlsx：没有找到登记的年报表格');
  });

  test('usage errors exit 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('check')).code).toBe(2);
    expect((await run('fill', path.join(FIX, 'gaoan-2020.json'))).err).toContain('需要 --out');
  });
});

test('an .xlsx whose tables were pasted without registration is checked by their labels', async () => {
  const { buildPlan } = await import('../../src/report/plan');
  const { parseReportJson } = await import('../../src/report/report');
  const { reportSource } = await import('../../src/report/check');
  const r = parseReportJson(await fs.readFile(path.join(FIX, 'gaoan-2020.json'), 'utf8'));
  const plan = buildPlan(
    {
      format: r.format,
      year: r.year,
      tables: ['active', 'applications', 'reviews'],
      titles: true,
      formulas: false,
      values: reportSource(r),
    },
    { r: 3, c: 2 },
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('粘贴');
  plan.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== '') ws.getCell(plan.rect.r + i + 1, plan.rect.c + j + 1).value = v;
    }),
  );
  const file = path.join(dir, 'pasted.xlsx');
  await wb.xlsx.writeFile(file);
  const res = await run('check', file, '--json', '--out-dir', path.join(dir, 'pasted-out'));
  expect(res.code).toBe(0);
  const [out] = JSON.parse(res.out);
  expect([out.format, out.year]).toEqual(['2019', 2020]);
  expect(out.findings.filter((f: { rule: string }) => f.rule === 'BLANK').map((f: { cells: string[] }) => f.cells.length)).toEqual([2]);
});

test('every kind of bad file: one line each naming the file and the problem, exit 2, the good file still checked', async () => {
  const { templateWorkbook } = await import('../../src/file/xlsx');
  const good = path.join(dir, 'good.xlsx');
  await templateWorkbook({ format: '2021', year: 2025, formulas: true }).xlsx.writeFile(good);
  const bytes = await fs.readFile(good);
  const bad: Array<[string, string | Buffer, RegExp]> = [
    ['truncated.xlsx', bytes.subarray(0, bytes.length >> 1), /不是有效的 \.xlsx 工作簿，文件可能已损坏/],
    [
      'protected.xlsx',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
      /工作簿已加密（设置了打开密码）或实际是旧版 \.xls \/ WPS \.et 格式.*另存为/,
    ],
    ['array.json', '[1,2]', /不是年报数据：JSON 顶层应为对象/],
    ['unknown.json', '{"schema":"ogi-report/1","format":"2023","year":2025,"tables":{}}', /未知的表格格式“2023”，应为 2019 或 2021/],
    ['other.json', '{"hello":1}', /不是年报数据：没有 year（年份）和 tables/],
    ['binary.txt', Buffer.from([0, 1, 2, 255, 254, 0, 3]), /没有读到年报表格/],
    ['notice.html', '<html><body><p>会议通知</p><script>alert(1)</script></body></html>', /没有读到年报表格/],
    ['broken.pdf', '%PDF-1.4', /PDF 文件已损坏或不完整，无法读取/],
    ['report.doc', 'x', /不支持的文件类型“\.doc”/],
  ];
  for (const [name, content] of bad) await fs.writeFile(path.join(dir, name), content);
  const r = await run('check', ...bad.map(([name]) => path.join(dir, name)), good);
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(bad.length);
  bad.forEach(([name, , message], i) => {
    expect(lines[i]).toContain(name);
    expect(lines[i]).toMatch(message);
    expect(lines[i]).not.toMatch(/\n\s+at |Error:/);
  });
  expect(r.out).toContain('good.xlsx（2025年，2021年格式）：无错误');
});

test('--prose-sheet: the text of a sheet the person names is checked against the tables', async () => {
  const { templateWorkbook } = await import('../../src/file/xlsx');
  const { parseReportJson } = await import('../../src/report/report');
  const { reportSource } = await import('../../src/report/check');
  const r = parseReportJson(await fs.readFile(path.join(FIX, 'huaian-2024.json'), 'utf8'));
  const wb = templateWorkbook({ format: r.format, year: r.year, formulas: false, values: reportSource(r) });
  const ws = wb.addWorksheet('正文');
  ws.addRow(['部分', '内容']);
  ws.addRow([3, '本年度共收到政府信息公开申请17件。']);
  const file = path.join(dir, 'prose-sheet.xlsx');
  await wb.xlsx.writeFile(file);
  const plain = await run('check', file, '--json');
  expect(plain.out).not.toContain('N-APPS');
  const named = await run('check', file, '--json', '--prose-sheet', '正文');
  expect(named.out).toContain('N-APPS');
  expect(named.code).toBe(1);
});
