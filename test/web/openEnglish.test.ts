/** The web page in English tells why a file cannot be opened in English: each reason the file host gives (in Chinese,
 *  naming the file) has its English rendering, with the file's name and no Chinese left. */
import JSZip from 'jszip';
import { inEnglish } from '../../src/report/english';
import { openFileHost } from '../../src/web/fileHost';
import { enPage as en } from '../../src/web/strings';
import { rejection } from './helpers';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zipOf = async (files: Record<string, string>): Promise<Uint8Array> => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
};

test.each<[string, string, () => Promise<Uint8Array> | Uint8Array, string]>([
  ['an empty file', '空.xlsx', () => new Uint8Array(0), '“空.xlsx” is empty (0 bytes)'],
  ['an old .xls', '2023年报.xls', () => new Uint8Array([...OLE, ...new Uint8Array(504)]), 'an old Excel file (.xls)'],
  ['a WPS .et', '2023年报.et', () => new Uint8Array([...OLE, ...new Uint8Array(504)]), 'a WPS Spreadsheets file (.et)'],
  ['a text file', '年报.csv', () => new TextEncoder().encode('a,b\n1,2\n'), 'it is a text file'],
  ['a Word document', '年报.docx', () => zipOf({ 'word/document.xml': '<w:document/>' }), 'is a Word document'],
  ['a zip with no workbook', '年报.zip', () => zipOf({ 'readme.txt': 'x' }), 'is a .zip archive with no workbook'],
  ['a damaged zip', '下载中断.xlsx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'is damaged and cannot be unpacked'],
])('%s', async (_what, name, bytes, english) => {
  const e = await rejection(openFileHost({ name, bytes: await bytes() }));
  const shown = en.openFailed(name, e.message);
  expect(shown).toContain(english);
  expect(shown).toContain(`“${name}”`);
  // nothing Chinese but the file's own name
  expect(shown.split(name).join('')).not.toMatch(/[\u4e00-\u9fff]/);
  expect(inEnglish(e.message)).not.toBe(e.message);
});
