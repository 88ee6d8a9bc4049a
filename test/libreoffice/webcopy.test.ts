/**
 * The web edition's downloaded copy in a real spreadsheet program: a LibreOffice-made workbook opened by the file
 * host, the tables inserted beside the user's own cells, filled, checked by the pane's check action (one wrong total
 * marked with a note), saved — then LibreOffice (recalculating on load) re-saves it and prints it.
 *  - The re-saved copy still holds every original sheet and cell, both notes, the SUM formulas (with LibreOffice's
 *    own results), the mark code and the names.
 *  - Live colouring, seen on the printed page: a total typed wrong after download is filled with the error colour by
 *    the copy's conditional formats; typed right, it is not; the check's mark colours its cell until cleared.
 */
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { convert } from '../../scripts/libreoffice';
import { openFileHost, type FileHost } from '../../src/web/fileHost';
import { checkActions, type CheckResult } from '../../src/app/check';
import { planRequest } from '../../src/app/insert';
import { tableLayout } from '../../src/report/layout';
import { totalFormulas } from '../../src/report/rules';
import type { TableRef } from '../../src/host/types';
import { mostCommonColour, pdfWords, renderPage } from './pdfPage';

jest.setTimeout(180000);

const FIXTURE = path.join(__dirname, '../fixtures/web/user-sheet.xlsx');
const SHEET = '经费明细';
const DPI = 100;
/** The fills on the page: the conditional formats' error fill (MARK_FILLS.error), the 总计 cells' own grey (STYLES.total), no fill. */
const ERROR_FILL = '#FFC7CE';
const TOTAL_GREY = '#F2F2F2';
const WHITE = '#FFFFFF';
const OUR_NOTE = '年报助手校验：T3-SUM：行政复议：总计（555）应等于结果维持＋结果纠正＋其他结果＋尚未审结（864），相差309';

/** The values typed in the pane (every other input cell 0): a consistent set, except 行政复议 总计 typed as 555. */
const TYPED: Record<string, number> = {
  'applications.new.natural': 612,
  'applications.new.business': 30,
  'applications.granted.natural': 500,
  'applications.granted.business': 18,
  'applications.partial.natural': 112,
  'applications.partial.business': 12,
  'reviews.review.upheld': 800,
  'reviews.review.corrected': 40,
  'reviews.review.other': 20,
  'reviews.review.pending': 4,
};

let dir: string;
let host: FileHost;
let result: CheckResult;
let download: string;

/** In the pane: insert beside the user's cells, type the values (the totals stay formulas), type one total wrong. */
async function fillAndCheck(h: FileHost): Promise<CheckResult> {
  h.select(SHEET, [{ r: 0, c: 3 }]);
  const out = await h.insertTables(planRequest({ year: 2025, target: { kind: 'selection' } }), { kind: 'selection' });
  if (!out.ok) throw new Error(out.message);
  const totals = totalFormulas('2021');
  for (const t of out.tables) {
    const inputs = tableLayout('2021', t.table).data.filter((d) => d.key && !totals.has(d.key));
    await h.writeCells(
      t.name,
      inputs.map((d) => ({ r: d.r, c: d.c, value: TYPED[d.key ?? ''] ?? 0 })),
    );
  }
  const reviews = out.tables.find((t) => t.table === 'reviews') as TableRef;
  await h.writeCells(reviews.name, [{ r: 3, c: 4, value: 555 }]); // 行政复议 总计, over its formula
  return checkActions(h).check();
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-webcopy-'));
  host = await openFileHost({ name: '台账.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE)) });
  result = await fillAndCheck(host);
  download = path.join(dir, 'download.xlsx');
  await fs.writeFile(download, await host.save());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const load = async (file: string): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};

/** A formula cell's formula and cached value as the sheet's XML holds them ('SUM(A1:B1)=0'), by address. */
async function cachedResults(file: string, part: string, addresses: string[]): Promise<Record<string, string>> {
  const xml = (await (await JSZip.loadAsync(await fs.readFile(file))).file(part)?.async('string')) ?? '';
  const out: Record<string, string> = {};
  for (const a of addresses) {
    const m = new RegExp(`<c r="${a}"[^>]*><f[^>]*>([^<]*)</f><v>([^<]*)</v>`).exec(xml);
    out[a] = m ? `${m[1]}=${m[2]}` : `${a} 不在 ${part} 中，或没有缓存值（not found or no cached value）`;
  }
  return out;
}

const noteText = (cell: ExcelJS.Cell): string => {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n;
  return n ? (n as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join('') : '';
};

test('the pane’s check finds the one wrong total and marks only that cell, with a note', () => {
  expect([result.errors, result.warnings, result.marked]).toEqual([1, 0, 1]);
  expect(host.markedCells()).toEqual([{ sheet: SHEET, r: 52, c: 7, severity: 'error' }]);
  expect(noteText(host.workbook().getWorksheet(SHEET)?.getCell('H53') as ExcelJS.Cell)).toBe(OUR_NOTE);
});

describe('the download re-saved by LibreOffice (recalculating) and read back with exceljs', () => {
  let lo: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let loFile: string;
  beforeAll(async () => {
    const outDir = path.join(dir, 'lo');
    await fs.mkdir(outDir);
    loFile = await convert(download, 'xlsx', outDir);
    lo = await load(loFile);
    ws = lo.getWorksheet(SHEET) as ExcelJS.Worksheet;
  });

  it('keeps every original sheet and cell, the user’s fill, merge, width and note', async () => {
    // LibreOffice has no "very hidden": the mark sheet comes back hidden (still not shown)
    expect(lo.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual([`${SHEET}:visible`, '备忘:visible', 'OGI_marks:hidden']);
    const original = await load(FIXTURE);
    let cells = 0;
    for (const sheet of original.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          const copy = (lo.getWorksheet(sheet.name) as ExcelJS.Worksheet).getCell(cell.address);
          expect([sheet.name, cell.address, copy.value]).toEqual([sheet.name, cell.address, cell.value]);
        }),
      );
    }
    expect(cells).toBe(11); // 经费明细 A1:B5 (B1 the merged title's other half), 备忘 A1
    expect(ws.getCell('B5').value).toEqual({ formula: 'SUM(B3:B4)', result: 150 });
    expect(ws.getCell('B3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(ws.model.merges).toContain('A1:B1');
    expect(ws.getColumn(1).width).toBeCloseTo(25.95, 1);
    expect(noteText(ws.getCell('B3'))).toBe('经办人核对过');
  });

  it('keeps our note, the typed wrong total, and the SUM formulas with LibreOffice’s own results', async () => {
    expect(noteText(ws.getCell('H53'))).toBe(OUR_NOTE);
    expect(ws.getCell('H53').value).toBe(555);
    const formulas: Record<string, ExcelJS.CellValue> = {};
    for (const a of ['M23', 'M25', 'M26', 'G46', 'H46', 'M46', 'M47', 'M53', 'R53']) formulas[a] = ws.getCell(a).value;
    expect(formulas).toEqual({
      M23: { formula: 'SUM(G23:L23)', result: 642 }, // 一、本年新收 总计
      M25: { formula: 'SUM(G25:L25)', result: 518 }, // （一）予以公开 总计
      M26: { formula: 'SUM(G26:L26)', result: 124 }, // （二）部分公开 总计
      G46: { formula: 'SUM(G25:G45)', result: 612 }, // （七）总计 自然人
      H46: { formula: 'SUM(H25:H45)', result: 30 },
      M46: { formula: 'SUM(G46:L46)', result: 642 }, // （七）总计 总计: the row's sum
      // exceljs reads no result where LibreOffice wrote <v>0</v>: these are checked in the sheet's XML below
      M47: { formula: 'SUM(G47:L47)' }, // 四、结转下年度继续办理 总计
      M53: { formula: 'SUM(I53:L53)' }, // 未经复议直接起诉 总计
      R53: { formula: 'SUM(N53:Q53)' }, // 复议后起诉 总计
    });
    expect(await cachedResults(loFile, 'xl/worksheets/sheet1.xml', ['M47', 'M53', 'R53'])).toEqual({
      M47: 'SUM(G47:L47)=0',
      M53: 'SUM(I53:L53)=0',
      R53: 'SUM(N53:Q53)=0',
    });
    // every 总计 of the three tables is a formula but the one typed over (33 of 34), plus the user's own B5
    let count = 0;
    ws.eachRow((row) => row.eachCell((cell) => (count += cell.formula ? 1 : 0)));
    expect(count).toBe(34);
  });

  it('keeps the mark code, the registrations and every conditional format', async () => {
    const marks = lo.getWorksheet('OGI_marks') as ExcelJS.Worksheet;
    const codes: string[] = [];
    marks.eachRow((row) =>
      row.eachCell((cell) => typeof cell.value === 'number' && cell.value > 0 && codes.push(`${cell.address}=${cell.value}`)),
    );
    expect(codes).toEqual(['AK4=2']); // block of OGI_reviews at AG1, row 4 column 5 of the table = H53
    expect(marks.getCell('AG31').value).toBe('{"ogi":1,"table":"reviews","format":"2021","year":2025}');
    expect(lo.definedNames.model).toEqual([
      { name: 'OGI_active', ranges: [`'${SHEET}'!$D$4:$G$17`] },
      { name: 'OGI_applications', ranges: [`'${SHEET}'!$D$20:$M$47`] },
      { name: 'OGI_reviews', ranges: [`'${SHEET}'!$D$50:$R$53`] },
    ]);
    const rules = (w: ExcelJS.Worksheet): string[] =>
      (w as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings
        .flatMap((cf) => cf.rules.map((r) => `${cf.ref} ${(r as { formulae?: string[] }).formulae?.join(';')}`))
        .sort();
    const ours = rules((await load(download)).getWorksheet(SHEET) as ExcelJS.Worksheet);
    expect(ours.length).toBeGreaterThan(60);
    expect(rules(ws)).toEqual(ours);
    expect(rules(ws)).toContain('H53 ABS(SUM($H$53)-SUM($D$53,$E$53,$F$53,$G$53))>0.000001');
    expect(rules(ws)).toContain('D50:R53 OGI_marks!AG1=2');
  });
});

/** What a clerk does to the downloaded copy (typing into cells), then LibreOffice prints the sheet on one A3 page. */
async function printed(name: string, typed: Record<string, number>, strip = false): Promise<(text: string) => string> {
  const wb = await load(download);
  const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
  for (const [address, value] of Object.entries(typed)) ws.getCell(address).value = value;
  if (strip) ws.removeConditionalFormatting(undefined);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 8 as ExcelJS.PaperSize /* A3: exceljs' enum lacks it */,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
  };
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  const pdf = await convert(file, 'pdf', dir);
  const words = await pdfWords(pdf, 1);
  const img = await renderPage(pdf, 1, DPI);
  // the fill of the cell showing `text` (once on the page): sampled over the text and as far again to its left
  return (text: string): string => {
    const found = words.filter((w) => w.text === text);
    expect([text, found.length]).toEqual([text, 1]);
    const w = found[0];
    return mostCommonColour(img, { ...w, xMin: w.xMin - (w.xMax - w.xMin) }, DPI);
  };
}

describe('live colouring in LibreOffice: the copy printed after typing into it', () => {
  it('colours a total typed wrong (987 where its parts make 518) and the marked cell; a holding total keeps its grey', async () => {
    const fill = await printed('wrong', { M25: 987 });
    expect(fill('987')).toBe(ERROR_FILL);
    expect(fill('555')).toBe(ERROR_FILL);
    expect(fill('124')).toBe(TOTAL_GREY);
    expect(fill('800')).toBe(WHITE);
  });

  it('does not colour the same total typed right; the mark still colours its cell once its total is right', async () => {
    // 予以公开: 969 + 18 = 987; 本年新收 1081 + 30 = 1111 = （七）总计 987 + 124 — every sum holds; 行政复议 800+40+20+4 = 864
    const fill = await printed('right', { M25: 987, G25: 969, G23: 1081, H53: 864 });
    expect(fill('987')).toBe(TOTAL_GREY);
    expect(fill('864')).toBe(ERROR_FILL); // only the mark's conditional format (OGI_marks!AG1=2) applies here
  });

  it('without the conditional formats the same typing colours nothing (the colour is theirs)', async () => {
    const fill = await printed('stripped', { M25: 987 }, true);
    expect(fill('987')).toBe(TOTAL_GREY);
    expect(fill('555')).toBe(TOTAL_GREY);
  });
});
