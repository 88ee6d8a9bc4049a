/**
 * Opening a workbook for the file host: a new one, or the bytes of an .xlsx file, checked before exceljs reads them
 * so a wrong file gets a Chinese message naming it and saying what was expected; and the parts of the file exceljs
 * cannot keep, named before the user downloads a copy.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { HostError } from '../../host/types';

export interface Opened {
  wb: ExcelJS.Workbook;
  /** What exceljs cannot keep from the file, in Chinese. */
  lost: string[];
}

/** A new workbook: one empty sheet 'Sheet1'. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务公开年报助手';
  wb.addWorksheet('Sheet1');
  return wb;
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether an OLE compound file holds a stream of this name (directory entries name streams in UTF-16LE). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why these bytes are not an .xlsx we can open, told before any reading: empty, old binary, encrypted, not a zip. */
function precheck(name: string, bytes: Uint8Array): string | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!bytes.length) return `《${name}》是空文件（0 字节），不是 .xlsx 工作簿。请重新保存或选择另一个文件。`;
  if (startsWith(bytes, OLE)) {
    if (hasStream(bytes, 'EncryptionInfo') || hasStream(bytes, 'EncryptedPackage'))
      return `《${name}》设有打开密码（已加密），网页版无法读取。请在 WPS 或 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx 再打开。`;
    const kind = ext === 'et' ? 'WPS 表格文件（.et）' : '旧版 Excel 文件（.xls）';
    return `《${name}》是${kind}，请在 WPS 或 Excel 中另存为 .xlsx 后再打开。`;
  }
  if (!startsWith(bytes, ZIP)) {
    const what = ext === 'csv' || ext === 'txt' ? '文本文件' : ext ? `.${ext} 文件` : '未知格式的文件';
    return `《${name}》不是 .xlsx 工作簿（是${what}，不是 Excel 2007 及以后的 .xlsx 格式）。请在 WPS、Excel 或 LibreOffice 中另存为 .xlsx 后再打开。`;
  }
  return null;
}

/** Why a zip is not a workbook (an .ods, a .docx…), or null when it has one. */
async function notAWorkbook(name: string, zip: JSZip): Promise<string | null> {
  if (zip.file('xl/workbook.xml')) return null;
  const mime = (await zip.file('mimetype')?.async('string'))?.trim() ?? '';
  if (mime.includes('opendocument.spreadsheet'))
    return `《${name}》是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中另存为 .xlsx（Excel 2007-365）后再打开。`;
  if (zip.file('word/document.xml')) return `《${name}》是 Word 文档，不是工作簿。请选择 .xlsx 工作簿。`;
  if (zip.file('xl/workbook.bin')) return `《${name}》是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再打开。`;
  return `《${name}》是压缩文件（.zip），其中没有工作簿，不是 .xlsx 文件。请选择 .xlsx 工作簿。`;
}

/** Count the files of a zip under a folder whose names match. */
const countFiles = (zip: JSZip, pattern: RegExp): number => Object.keys(zip.files).filter((p) => pattern.test(p)).length;

/** Count an XML element in the files of a zip whose names match. */
async function countElements(zip: JSZip, files: RegExp, element: RegExp): Promise<number> {
  let n = 0;
  for (const path of Object.keys(zip.files).filter((p) => files.test(p))) {
    const xml = (await zip.file(path)?.async('string')) ?? '';
    n += xml.match(element)?.length ?? 0;
  }
  return n;
}

/** What exceljs drops on reading an .xlsx (it keeps values, formulas, styles, merges, widths, notes, pictures,
 *  data validation, conditional formats and defined names), each named in Chinese with a count. */
export async function lostParts(zip: JSZip): Promise<string[]> {
  const parts: Array<[string, number]> = [
    ['图表', countFiles(zip, /^xl\/charts\/chart\d*\.xml$/i)],
    ['图表工作表', countFiles(zip, /^xl\/chartsheets\/sheet\d*\.xml$/i)],
    ['数据透视表', countFiles(zip, /^xl\/pivotTables\/pivotTable\d*\.xml$/i)],
    ['切片器', await countElements(zip, /^xl\/slicers\/.*\.xml$/i, /<(\w+:)?slicer\s/g)],
    ['日程表', await countElements(zip, /^xl\/timelines\/.*\.xml$/i, /<(\w+:)?timeline\s/g)],
    ['形状或文本框', await countElements(zip, /^xl\/drawings\/drawing\d*\.xml$/i, /<xdr:(sp|cxnSp)[\s>]/g)],
    ['迷你图', await countElements(zip, /^xl\/worksheets\/sheet\d*\.xml$/i, /<x14:sparkline>/g)],
    ['表单控件', countFiles(zip, /^xl\/ctrlProps\/.*\.xml$/i)],
    ['ActiveX 控件', countFiles(zip, /^xl\/activeX\/.*\.xml$/i)],
    ['外部链接', countFiles(zip, /^xl\/externalLinks\/externalLink\d*\.xml$/i)],
    ['数据连接', await countElements(zip, /^xl\/connections\.xml$/i, /<connection\s/g)],
    [
      '可回复的新式批注（文字留作普通批注，回复与作者丢失）',
      await countElements(zip, /^xl\/threadedComments\/.*\.xml$/i, /<threadedComment\s/g),
    ],
  ];
  const out = parts.filter(([, n]) => n > 0).map(([what, n]) => `${what} ${n} 个`);
  if (zip.file('xl/vbaProject.bin')) out.push('宏（VBA 代码）');
  return out;
}

export async function openWorkbook(file?: { name: string; bytes: Uint8Array }): Promise<Opened> {
  if (!file) return { wb: newWorkbook(), lost: [] };
  const refused = precheck(file.name, file.bytes);
  if (refused) throw new HostError(refused, 'notXlsx');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.bytes);
  } catch (e) {
    throw new HostError(
      `《${file.name}》已损坏，无法解压（${e instanceof Error ? e.message : String(e)}）。请在 WPS 或 Excel 中打开并另存为 .xlsx 后再试。`,
      'corrupt',
    );
  }
  const wrong = await notAWorkbook(file.name, zip);
  if (wrong) throw new HostError(wrong, 'notXlsx');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new HostError(
      `《${file.name}》无法读取为 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）。请在 WPS 或 Excel 中打开并另存为 .xlsx 后再试。`,
      'unreadable',
    );
  }
  if (!wb.worksheets.length) throw new HostError(`《${file.name}》中没有工作表，无法打开。`, 'empty');
  return { wb, lost: await lostParts(zip) };
}
