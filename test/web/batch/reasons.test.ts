/** Every reason a file of the batch cannot be read has an English rendering (strings-en.ts) in which nothing Chinese
 *  is left but the file's own words. The reasons are produced by reading real bad files, not listed by hand. */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { checkOneFile, type BatchRow } from '../../../src/web/batch/batch';
import { reasonInEnglish } from '../../../src/web/batch/strings-en';
import { readPdfText } from '../../../src/pdf/node';

const PDF = path.join(__dirname, '..', '..', 'fixtures', 'pdf');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function reasons(): Promise<string[]> {
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1').getCell('A1').value = '没有表格';
  const files: Array<[string, Uint8Array]> = [
    ['a.xls', new Uint8Array(8)],
    ['a.et', new Uint8Array(8)],
    ['a.ett', new Uint8Array(8)],
    ['empty.xlsx', new Uint8Array(0)],
    ['ole.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])],
    ['bad.xlsx', enc('not a zip')],
    ['none.xlsx', new Uint8Array(await empty.xlsx.writeBuffer())],
    ['notes.txt', enc('本单位今年工作很好。')],
    ['blank.html', enc('')],
    ['a.docx', new Uint8Array(3)],
    ['noext', new Uint8Array(3)],
    ['bad.json', enc('{"format": "2021", ')],
    ['array.json', enc('[]')],
    ['year.json', enc('{"schema":"ogi-report/1","format":"2021","year":"x","tables":{}}')],
    ['empty.pdf', new Uint8Array(0)],
  ];
  for (const name of ['not-a-pdf.pdf', 'encrypted.pdf', 'scan.pdf'])
    files.push([name, new Uint8Array(await fs.readFile(path.join(PDF, name)))]);
  const good = new Uint8Array(await fs.readFile(path.join(PDF, 'huaian-2024-song-a4.pdf')));
  files.push(['cut.pdf', good.slice(0, 2000)]);
  const rows: BatchRow[] = [];
  for (const [name, bytes] of files) rows.push(...(await checkOneFile({ name, bytes: async () => bytes }, readPdfText)));
  rows.push(...(await checkOneFile({ name: 'gone.txt', bytes: () => Promise.reject(new Error('NotFoundError')) }, readPdfText)));
  return rows.map((r) => (r.kind === 'unreadable' ? r.reason : `read: ${r.file}`));
}

test('each reason is said in English, with only the quoted words of the file left in Chinese', async () => {
  const all = await reasons();
  expect(all.filter((r) => r.startsWith('read: '))).toEqual([]);
  expect(all).toHaveLength(20);
  for (const r of all) {
    const en = reasonInEnglish(r);
    expect([r, en]).not.toEqual([r, r]);
    // what may stay Chinese: quoted cell contents or text (“…”) and the names of the tables
    expect([r, en.replace(/“[^”]*”/g, '').replace(/OGI_\w+/g, '')]).not.toEqual([r, expect.stringMatching(/[\u4e00-\u9fff]/)]);
  }
  expect(reasonInEnglish(all[0])).toMatch(/^This is an old Excel 97-2003 workbook \(\.xls\)/);
  expect(reasonInEnglish(all[6])).toMatch(/^No registered report tables were found \(names such as OGI_applications\)/);
});
