/**
 * `ogi-report export FILE --out 报告.docx|报告.html [--fee 元] [--who 本机关] [--agency 单位] [--contact 联系方式]`
 * (Node only: reads files, writes the document.) FILE is what `check` reads: report JSON, a workbook
 * with the registered tables (and the person's prose in its 报告正文 sheet), or a published report as
 * .txt/.html. The report is checked first; with error-level findings left the file is still written,
 * with a warning on stderr and exit code 1.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { reportFromTables } from '../app/service';
import { str, UsageError, type Args } from './args';
import { InputError, readInput } from './inputs';
import { readTables } from '../file/xlsx';
import { docxBuffer } from '../file/docx';
import { parseFee } from '../report/parse';
import { checkReport } from '../report/check';
import { narrativeOf } from '../report/narrative';
import { proseFromRows } from '../report/prose';
import type { Report } from '../report/types';
import { buildDocument, type ExportDocument } from '../report/export/document';
import { toHtml } from '../report/export/html';

export interface ExportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A workbook's first set of registered tables and its prose, as report JSON. */
function reportOfWorkbook(file: string, wb: ExcelJS.Workbook, proseSheet?: string): Report {
  const read = readTables(wb, { proseSheet });
  const report = reportFromTables(read.tables);
  if (!report) {
    const why = read.lost.length ? `；${read.lost.map((l) => l.reason).join('；')}` : '';
    throw new InputError(`${file}：没有找到年报表格（既没有登记的表格，也没有按标签识别出的表格）${why}`);
  }
  if (!Number.isInteger(report.year)) throw new InputError(`${file}：无法确定报告年度（表格的登记信息缺失），请重新插入表格`);
  const text = read.prose ? proseFromRows(read.prose) : {};
  if (Object.keys(text).length) report.text = text;
  return report;
}

export function feeOf(args: Args): number | null | undefined {
  const feeText = str(args, 'fee');
  const { valid, fee } = parseFee(feeText);
  if (!valid) throw new UsageError(`--fee “${feeText}”应为收取的金额（元，如 3940、3940元、3,940），未收取填 0`);
  return fee;
}

const placeholders = (doc: ExportDocument): number =>
  doc.sections.reduce((n, s) => n + s.blocks.filter((b) => b.kind === 'placeholder').length, 0);

export async function exportCommand(args: Args, io: ExportIo): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('export 需要一个文件（年报 JSON、.xlsx 工作簿，或已发布报告的 .txt/.html）');
  const out = str(args, 'out');
  if (!out) throw new UsageError('需要 --out 输出文件（.docx 或 .html）');
  if (!/\.(docx|html?)$/i.test(out)) {
    const ext = path.extname(out);
    throw new UsageError(
      `${ext ? `“${ext}”` : `“${out}”没有扩展名，`}不是可导出的文件类型；可导出的有 .docx（Word 文档）和 .html（网页），如 --out 报告.docx`,
    );
  }
  const fee = feeOf(args);
  const input = await readInput(file);
  const report = input.kind === 'report' ? input.report : reportOfWorkbook(file, input.workbook, str(args, 'prose-sheet'));
  const importProblems = input.kind === 'report' ? (input.imported?.problems.length ?? 0) : 0;
  const errors = importProblems + checkReport(report).filter((f) => f.severity === 'error').length;

  const generated = narrativeOf(report, { who: str(args, 'who'), fee });
  const doc = buildDocument({ report, generated, meta: { agency: str(args, 'agency'), contact: str(args, 'contact') } });
  const data = /\.docx$/i.test(out) ? await docxBuffer(doc) : Buffer.from(toHtml(doc), 'utf8');
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, data);

  const todo = placeholders(doc);
  io.out(`已生成 ${out}（${doc.title}，${report.format}年格式）${todo ? `；文中有 ${todo} 处“【请填写】/【待补充】”需要补写` : ''}\n`);
  if (errors) {
    io.err(`警告：${file} 仍有 ${errors} 个错误（用 ogi-report check ${file} 查看），文件已照常生成，发布前请先更正。\n`);
    return 1;
  }
  return 0;
}
