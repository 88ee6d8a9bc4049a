/** A reviewer's batch of 20 report files, made from the test fixtures and the corpus of real published reports:
 *  report JSON, published texts and web pages, workbooks (registered tables, one with a wrong total, one with the
 *  tables typed on a plain sheet) and a PDF — and two files that cannot be read (a truncated .xlsx, a binary file
 *  renamed .json). */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { templateWorkbook } from '../../../src/file/xlsx';
import { parseReportJson, setReportValue } from '../../../src/report/report';
import { reportSource } from '../../../src/report/check';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

const ROOT = path.join(__dirname, '..', '..');
const read = async (rel: string): Promise<Uint8Array> => new Uint8Array(await fs.readFile(path.join(ROOT, rel)));

/** Copied as they are: [name in the batch, file under test/]. */
const COPIED: Array<[string, string]> = [
  ['高安市2020.json', 'fixtures/gaoan-2020.json'],
  ['淮安市2024.json', 'fixtures/huaian-2024.json'],
  ['高安市2020.txt', 'fixtures/gaoan-2020.txt'],
  ['淮安市2024.txt', 'fixtures/huaian-2024.txt'],
  ['淮安市2024-表格竖线.txt', 'fixtures/import/huaian-2024-pipe.txt'],
  ['淮安市2024.html', 'fixtures/import/huaian-2024.html'],
  ['变体2021.txt', 'fixtures/import/variants-2021.txt'],
  ['缺表三2021.txt', 'fixtures/import/missing-table3-2021.txt'],
  ['平潭2023.html', 'corpus/2023-pingtan-html/source.html'],
  ['上海市政府办公厅2019.html', 'corpus/2019-shanghai-szfbgt-html/report.html'],
  ['汤原县政府办2022.txt', 'corpus/2022-tangyuan-xzfb-pipe/source.txt'],
  ['化隆县2020.txt', 'corpus/2020-hualong-qunke-web-cells/source.txt'],
  ['韩台徐旺镇2025.txt', 'corpus/2025-hantai-xuwangzhen/source.txt'],
  ['保康农业农村局2021.txt', 'corpus/2021-baokang-nyncj-pipe/source.txt'],
  ['淮安市2024.pdf', 'fixtures/pdf/huaian-2024-song-a4.pdf'],
];

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await wb.xlsx.writeBuffer());

/** The batch; `pdf: false` puts a published text in the PDF's place (for jest's jsdom, which cannot load pdf.js). */
export async function batchSources(options: { pdf?: boolean } = {}): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const copied: Array<[string, string]> =
    options.pdf === false
      ? COPIED.map(([name, rel]) =>
          name.endsWith('.pdf') ? ['武汉市生态环境局2020.txt', 'corpus/2020-wuhan-sthjj-pipe/source.txt'] : [name, rel],
        )
      : COPIED;
  for (const [name, rel] of copied) files.push({ name, bytes: await read(rel) });
  const huaian = parseReportJson(new TextDecoder().decode(await read('fixtures/huaian-2024.json')));
  const gaoan = parseReportJson(new TextDecoder().decode(await read('fixtures/gaoan-2020.json')));
  // a workbook made by the tool and filled in: registered tables
  const filled = await bytesOf(
    templateWorkbook({ format: huaian.format, year: huaian.year, agency: huaian.agency, formulas: false, values: reportSource(huaian) }),
  );
  files.push({ name: '淮安市2024.xlsx', bytes: filled });
  // the same with a wrong 总计 typed over table 3's review total
  setReportValue(gaoan, 'reviews.review.total', 9999);
  files.push({
    name: '高安市2020-复议总计错.xlsx',
    bytes: await bytesOf(
      templateWorkbook({ format: gaoan.format, year: gaoan.year, agency: gaoan.agency, formulas: false, values: reportSource(gaoan) }),
    ),
  });
  // the tables typed on a plain sheet (no registration): found by their labels
  const typed = templateWorkbook({
    format: huaian.format,
    year: huaian.year,
    agency: huaian.agency,
    formulas: false,
    values: reportSource(huaian),
  });
  const plain = new ExcelJS.Workbook();
  const sheet = plain.addWorksheet('年报');
  typed.worksheets[0].eachRow((row, r) => row.eachCell((cell, c) => (sheet.getCell(r, c).value = cell.value)));
  files.push({ name: '手工录入2024.xlsx', bytes: await bytesOf(plain) });
  // unreadable: an .xlsx cut short in the download, and a PDF renamed .json
  files.push({ name: '下载中断.xlsx', bytes: filled.slice(0, Math.floor(filled.length / 2)) });
  files.push({ name: '改了扩展名.json', bytes: await read('fixtures/pdf/huaian-2024-song-a4.pdf') });
  return files;
}

/** Write the batch into a folder (for the command line). */
export async function writeSources(dir: string, files: SourceFile[]): Promise<void> {
  for (const f of files) await fs.writeFile(path.join(dir, f.name), f.bytes);
}
