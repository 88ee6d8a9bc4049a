/**
 * `ogi-report export FILE --out 报告.docx|报告.html [--last-year 上年文件] [--fee 元] [--who 本机关] [--agency 单位]
 * [--contact 联系方式]` (Node only: reads files, writes the document). FILE is what `check` reads: report JSON, a
 * workbook with the registered tables (and the person's prose in its 报告正文 sheet), or a published report as
 * .txt/.html/.pdf. The document is built as the pane's 导出 builds it (src/app/exportDocument.ts); with error-level
 * findings left (counted as `check` counts them) the file is still written, with a warning on stderr and exit code 1.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { str, UsageError, type Args } from './args';
import { InputError, readInput, reportLike, type Input } from './inputs';
import { checkInput } from '../file/input';
import { readTables } from '../file/xlsx';
import { docxBuffer } from '../file/docx';
import { parseFee } from '../report/parse';
import { lastYearMismatch } from '../report/crossYear';
import type { ExportDocument } from '../report/export/document';
import { toHtml } from '../report/export/html';
import { exportDocument, exportSourceOfRead, UNKNOWN_YEAR, type ExportSource } from '../app/exportDocument';
import type { LastYear } from '../app/tables';

export interface ExportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** What a file is exported from: a report as it is, or a workbook's first set of tables and its prose. */
function sourceOf(file: string, input: Input, proseSheet: string | undefined, last: LastYear | undefined): ExportSource {
  if (input.kind === 'report') {
    const [result] = checkInput(input, { last }).results;
    return {
      report: input.report,
      ...(last ? { lastYear: last } : {}),
      errors: result.findings.filter((f) => f.severity === 'error').length,
    };
  }
  const read = readTables(input.workbook, { proseSheet });
  const source = exportSourceOfRead(read, last);
  if (!source) {
    const why = read.lost.length ? `；${read.lost.map((l) => l.reason).join('；')}` : '';
    throw new InputError(`${file}：没有找到年报表格（既没有登记的表格，也没有按标签识别出的表格）${why}`);
  }
  if (!Number.isInteger(source.report.year)) throw new InputError(`${file}：${UNKNOWN_YEAR}`);
  return source;
}

export function feeOf(args: Args): number | null | undefined {
  const feeText = str(args, 'fee');
  const { valid, fee } = parseFee(feeText);
  if (!valid) throw new UsageError(`--fee “${feeText}”应为收取的金额（元，如 3940、3940元、3,940），未收取填 0`);
  return fee;
}

const placeholders = (doc: ExportDocument): number =>
  doc.sections.reduce((n, s) => n + s.blocks.filter((b) => b.kind === 'placeholder').length, 0);

/** The --out file: .docx or .html. */
function outOf(args: Args): string {
  const out = str(args, 'out');
  if (!out) throw new UsageError('需要 --out 输出文件（.docx 或 .html）');
  if (!/\.(docx|html?)$/i.test(out)) {
    const ext = path.extname(out);
    throw new UsageError(
      `${ext ? `“${ext}”` : `“${out}”没有扩展名，`}不是可导出的文件类型；可导出的有 .docx（Word 文档）和 .html（网页），如 --out 报告.docx`,
    );
  }
  return out;
}

export async function exportCommand(args: Args, io: ExportIo): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('export 需要一个文件（年报 JSON、.xlsx 工作簿，或已发布报告的 .txt/.html）');
  const out = outOf(args);
  const fee = feeOf(args);
  const input = await readInput(file);
  const lastFile = str(args, 'last-year');
  const last = lastFile ? await reportLike(lastFile) : undefined;
  const source = sourceOf(file, input, str(args, 'prose-sheet'), last);
  const mismatch = last ? lastYearMismatch(source.report, last) : null;
  if (mismatch) throw new InputError(`${lastFile}：${mismatch}；跨年度核对和同比变化只用上一年度同一单位的报告，未导出`);

  const options = { agency: str(args, 'agency'), who: str(args, 'who'), fee, contact: str(args, 'contact') };
  const { doc, errors } = exportDocument(source, options);
  const data = /\.docx$/i.test(out) ? await docxBuffer(doc) : Buffer.from(toHtml(doc), 'utf8');
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, data);

  const todo = placeholders(doc);
  io.out(`已生成 ${out}（${doc.title}，${doc.format}年格式）${todo ? `；文中有 ${todo} 处“【请填写】/【待补充】”需要补写` : ''}\n`);
  if (errors) {
    io.err(`警告：${file} 仍有 ${errors} 个错误（用 ogi-report check ${file} 查看），文件已照常生成，发布前请先更正。\n`);
    return 1;
  }
  return 0;
}
