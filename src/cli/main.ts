/**
 * ogi-report — the command line over the same core as the add-in.
 *   ogi-report template --format 2021|2019 [--year Y] [--agency A] --out X.xlsx
 *   ogi-report fill REPORT.json --out X.xlsx
 *   ogi-report check FILE… [--json] [--out-dir D]
 *   ogi-report export FILE --out X.docx|X.html [--fee 元] [--who 本机关]
 * Exit codes: 0 no errors; 1 errors found; 2 a file could not be read or the command was wrong.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { checkTables, headingsOf, sourceOfTables } from '../app/service';
import { generateNarrative } from '../report/narrative';
import { checkAcrossYears, lastYearMismatch, type YearInput } from '../report/crossYear';
import type { ValueSource } from '../report/check';
import { checkReport, emptyTablesFinding, reportSource } from '../report/check';
import { describeCell } from '../report/layout';
import {
  formatForYear,
  FORMAT_IDS,
  reportYear,
  splitKey,
  yearMessage,
  type CellKey,
  type Finding,
  type FormatId,
  type Report,
} from '../report/types';
import { TABLE_SECTION } from '../report/formats';
import { valueOf } from '../report/facts';
import { applyMarks, readTables, templateWorkbook, writeProse } from '../file/xlsx';
import { nearest, parseArgs, str, UsageError, type Args, type OptionSpec } from './args';
import { InputError, readInput, type ReadOverrides } from './inputs';
import { cellsToMark } from '../report/rules';
import { addToMark, type Mark } from '../host/types';
import { tableLayout } from '../report/layout';
import { registrationNames } from '../report/plan';
import { exportCommand, feeOf } from './export';
import { agencyName } from '../report/agency';
import type { TableId } from '../report/types';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const USAGE = `用法 (usage):
  ogi-report template --format 2021|2019 [--year 年度] [--agency 单位名称] [--no-formulas] --out 表格.xlsx [--force]
  ogi-report fill 报告.json --out 表格.xlsx [--force]
  ogi-report check 文件或目录… [--json] [--out-dir 目录] [--last-year 上年文件] [--prose-sheet 正文工作表] [--year 年度] [--format 2021|2019]
  ogi-report check --summary csv|xlsx --out 汇总.csv 目录或文件…
  ogi-report import 报告.txt|报告.html|报告.pdf --out 报告.json|表格.xlsx [--year 年度] [--format 2021|2019]
  ogi-report narrative 文件 [--json] [--last-year 上年.json] [--fee 信息处理费元数] [--who 本机关] [--year 年度] [--format 2021|2019]
  ogi-report export 文件 --out 报告.docx|报告.html [--fee 信息处理费元数] [--who 本机关] [--agency 单位名称] [--contact 联系方式] [--prose-sheet 正文工作表]
文件可以是年报 JSON（ogi-report/1）、含有年报表格的 .xlsx 工作簿，或已发布报告的文字（.txt，如网页复制或 pdftotext -layout 的输出）、网页（.html）与带文字层的 PDF（.pdf）。
--year、--format 用于已发布报告的文字：标题里没有年度（或写错）时指定报告年度和表格格式。
已有的输出文件不会被覆盖，除非加 --force。--fee 可写 3940、3940元、3,940；未收取写 0 或“无”。
退出码：0 无错误；1 发现错误；2 有文件无法读取或命令有误。
`;

/** Files a folder is searched for: the reports `check` reads, and the legacy spreadsheets it explains (inputs.ts). */
const REPORT_FILE = /\.(json|xlsx|xlsm|txt|html?|pdf|xls|et|ett)$/i;

export interface FileResult {
  file: string;
  agency?: string;
  format: FormatId;
  year: number | null;
  findings: Finding[];
  /** The report's values, for the key totals of the summary. */
  get?: ValueSource;
}

const plainFinding = (f: Finding): Finding => ({
  rule: f.rule,
  severity: f.severity,
  cells: f.cells,
  message: f.message,
  expected: f.expected ?? null,
  actual: f.actual ?? null,
});

/** Marks for a report's findings, placed on a workbook made from the same plan. */
function marksFor(findings: Finding[], names: Partial<Record<TableId, string>>, format: FormatId): Mark[] {
  const marks = new Map<string, Mark>();
  for (const f of findings) {
    for (const key of cellsToMark(f)) {
      const { table } = splitKey(key);
      const cell = tableLayout(format, table).byKey.get(key);
      const tableName = names[table];
      if (cell && tableName) marks.set(key, addToMark(marks.get(key), { tableName, r: cell.r, c: cell.c }, f));
    }
  }
  return [...marks.values()];
}

function fillWorkbook(report: Report) {
  const wb = templateWorkbook({
    format: report.format,
    year: report.year,
    agency: report.agency,
    formulas: true,
    values: reportSource(report),
  });
  if (report.text) writeProse(wb, report.text);
  return wb;
}

/** Files named, with folders expanded to the reports in them (sorted). */
async function expand(paths: string[]): Promise<{ files: string[]; folders: number }> {
  const files: string[] = [];
  let folders = 0;
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (st?.isDirectory()) {
      folders += 1;
      const names = (await fs.readdir(p)).filter((n) => REPORT_FILE.test(n) && !n.startsWith('~$')).sort();
      if (!names.length) throw new InputError(`${p}：目录中没有年报文件（.json、.xlsx、.xlsm、.txt、.html、.pdf）`);
      files.push(...names.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  return { files, folders };
}

/** --year and --format for published texts whose title does not say (or says wrong). */
function readOverrides(args: Args): ReadOverrides {
  const y = str(args, 'year');
  const f = str(args, 'format');
  const year = y === undefined ? undefined : reportYear(y);
  if (year === null) throw new UsageError(yearMessage(y));
  if (f !== undefined && !FORMAT_IDS.includes(f as FormatId)) throw new UsageError(`--format 应为 ${FORMAT_IDS.join(' 或 ')}`);
  return { ...(year !== undefined ? { year } : {}), ...(f !== undefined ? { format: f as FormatId } : {}) };
}

async function check(args: Args, io: Io): Promise<number> {
  const summary = str(args, 'summary');
  if (summary !== undefined && summary !== 'csv' && summary !== 'xlsx') throw new UsageError('--summary 应为 csv 或 xlsx');
  const summaryOut = summary ? str(args, 'out') : undefined;
  if (summary && !summaryOut) throw new UsageError('--summary 需要 --out 输出文件');
  const overrides = readOverrides(args);
  if (!args.positionals.length) throw new UsageError('check 需要至少一个文件或目录');
  const { files, folders } = await expand(args.positionals);
  const lastFile = str(args, 'last-year');
  const last = lastFile ? await reportLike(lastFile) : undefined;
  const outDir = str(args, 'out-dir');
  const proseSheet = str(args, 'prose-sheet');
  const results: FileResult[] = [];
  let unreadable = false;
  const unreadableFiles: Array<{ file: string; message: string }> = [];
  const progress = files.length >= 20;
  for (const [i, file] of files.entries()) {
    if (progress && (i % 25 === 0 || i === files.length - 1)) io.err(`已检查 ${i}/${files.length} 个文件…\n`);
    try {
      const input = await readInput(file, overrides);
      if (input.kind === 'report') {
        const imported = input.imported;
        const findings = [
          ...(imported?.problems ?? []).map((message): Finding => ({
            rule: 'STRUCTURE',
            severity: 'error',
            cells: [],
            message: `导入：${message}`,
            expected: null,
            actual: null,
          })),
          ...(imported?.findings ?? []),
          ...checkReport(input.report, undefined, { published: true }),
          ...(last
            ? checkAcrossYears(
                { format: input.report.format, year: input.report.year, get: reportSource(input.report), agency: input.report.agency },
                last,
              )
            : []),
        ];
        results.push({
          file,
          agency: agencyName(input.report.agency),
          format: input.report.format,
          year: input.report.year,
          findings,
          get: reportSource(input.report),
        });
        if (outDir) {
          const wb = fillWorkbook(input.report);
          const read = readTables(wb);
          const names = Object.fromEntries(read.tables.map((t) => [t.table, t.name]));
          applyMarks(wb, read, marksFor(findings, names, input.report.format));
          await writeOut(wb, path.join(outDir, `${path.basename(file, path.extname(file))}.xlsx`));
        }
      } else {
        const read = readTables(input.workbook, { proseSheet });
        if (!read.tables.length) {
          throw new InputError(
            `${file}：没有找到登记的年报表格（名称 ${registrationNames('applications')[0]} 等）。请用本工具或加载项生成表格后再填写${read.lost.length ? `；${read.lost.map((l) => l.reason).join('；')}` : ''}`,
          );
        }
        const { result, marks } = checkTables(read, last);
        for (const set of result.sets) {
          results.push({
            file,
            agency: agencyName(set.agency),
            format: set.format,
            year: Number.isNaN(set.year) ? null : set.year,
            findings: set.findings.map(plainFinding),
            get: set.get,
          });
        }
        if (outDir) {
          applyMarks(input.workbook, read, marks);
          await writeOut(input.workbook, path.join(outDir, path.basename(file)));
        }
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable = true;
      unreadableFiles.push({ file, message: e.message });
      io.err(`${e.message}\n`);
    }
  }
  if (summary && summaryOut) {
    await writeSummary(summary, summaryOut, results, unreadableFiles);
    io.out(
      `已写出汇总 ${summaryOut}：${results.length} 份报告${unreadableFiles.length ? `，${unreadableFiles.length} 个文件无法读取` : ''}\n`,
    );
    return unreadable ? 2 : results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
  if (args.options.has('json'))
    io.out(
      `${JSON.stringify(
        results.map(({ get: _get, ...r }) => ({ ...r, findings: r.findings.map(plainFinding) })),
        null,
        2,
      )}\n`,
    );
  else {
    io.out(results.map(renderText).join('\n'));
    if (folders || files.length > 1) io.out(`${totalLine(files.length, results, unreadableFiles.length)}\n`);
  }
  if (unreadable) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** The last line of a check of several files: how many, and what was found in all of them. */
function totalLine(files: number, results: FileResult[], unreadable: number): string {
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  return `共 ${files} 个文件：${errors} 个错误，${all.length - errors} 个提示${unreadable ? `，${unreadable} 个文件无法读取` : ''}`;
}

/** The key totals a reviewer compares across reports (the 总计 column of table 2, table 3's totals). */
const KEY_TOTALS: Array<[string, CellKey[]]> = [
  ['本年新收', ['applications.new.total']],
  ['上年结转', ['applications.carried_over.total']],
  ['办理结果总计', ['applications.total.total']],
  ['结转下年度', ['applications.carried_forward.total']],
  ['行政复议', ['reviews.review.total']],
  ['行政诉讼', ['reviews.litigation_direct.total', 'reviews.litigation_after_review.total']],
];
const SUMMARY_HEADER = ['文件', '单位', '年度', '格式', ...KEY_TOTALS.map(([name]) => name), '错误数', '提示数', '主要问题'];
const ISSUE_HEADER = ['文件', '单位', '年度', '表', '单元格', '规则', '级别', '应为', '实为', '说明', '所引原文'];

function summaryRows(results: FileResult[], unreadable: Array<{ file: string; message: string }>): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const top = [...errors, ...r.findings.filter((f) => f.severity === 'warning')].slice(0, 3).map((f) => `[${f.rule}] ${f.message}`);
    const totals = KEY_TOTALS.map(([, cells]) => (r.get ? (valueOf(r.get, cells) ?? '') : ''));
    return [
      r.file,
      r.agency ?? '',
      r.year ?? '',
      `${r.format}年格式`,
      ...totals,
      errors.length,
      r.findings.length - errors.length,
      top.join('；'),
    ];
  });
  const pad = KEY_TOTALS.map(() => '');
  for (const u of unreadable) rows.push([u.file, '', '', '', ...pad, '', '', `无法读取：${u.message}`]);
  return rows;
}

/** One row per finding: where it is (table, cell), what was expected and found, and the sentence quoted. */
function issueRows(results: FileResult[], unreadable: Array<{ file: string; message: string }>): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const r of results) {
    for (const f of r.findings) {
      const key = f.cells[0];
      const table = key ? `表${TABLE_SECTION[splitKey(key).table] - 1}` : f.rule.startsWith('N-') || f.rule === 'X-YOY' ? '报告正文' : '';
      const quoted = f.rule.startsWith('N-') || f.rule === 'X-YOY' ? (/“([^”]{6,})”/.exec(f.message)?.[1] ?? '') : '';
      const shown = (v: Finding['expected']): string | number => (v === null || v === undefined ? '' : v);
      rows.push([
        r.file,
        r.agency ?? '',
        r.year ?? '',
        table,
        key ? describeCell(r.format, key) : '',
        f.rule,
        f.severity === 'error' ? '错误' : '提示',
        shown(f.expected),
        shown(f.actual),
        f.message,
        quoted,
      ]);
    }
  }
  for (const u of unreadable) rows.push([u.file, '', '', '', '', 'UNREADABLE', '错误', '', '', `无法读取：${u.message}`, '']);
  return rows;
}

async function writeSummary(
  kind: string,
  out: string,
  results: FileResult[],
  unreadable: Array<{ file: string; message: string }>,
): Promise<void> {
  const rows = summaryRows(results, unreadable);
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  if (kind === 'csv') {
    const cell = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    // UTF-8 with BOM so that Excel opens the Chinese correctly
    await fs.writeFile(out, `\ufeff${[SUMMARY_HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`);
    return;
  }
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], body: Array<Array<string | number>>, widths: number[], wrap: number[]): void => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of body) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of wrap) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  };
  sheet('汇总表', SUMMARY_HEADER, rows, [40, 24, 8, 12, ...KEY_TOTALS.map(() => 10), 8, 8, 100], [SUMMARY_HEADER.length]);
  sheet('问题清单', ISSUE_HEADER, issueRows(results, unreadable), [40, 24, 8, 10, 36, 14, 8, 10, 10, 80, 60], [10, 11]);
  await writeOut(wb, out);
}

function renderText(r: FileResult): string {
  const e = r.findings.filter((f) => f.severity === 'error').length;
  const w = r.findings.length - e;
  const head = `${r.file}（${r.year ?? '年度未知'}年，${r.format}年格式）：${e ? `${e} 个错误` : '无错误'}${w ? `，${w} 个提示` : ''}\n`;
  const lines = r.findings.map((f) => {
    const where = f.cells[0] ? describeCell(r.format, f.cells[0]) : '';
    return `  ${f.severity === 'error' ? '错误' : '提示'}  ${f.rule.padEnd(12)} ${f.message}${where && !f.message.startsWith('表') ? `  [${where}]` : ''}\n`;
  });
  return head + lines.join('');
}

async function writeOut(wb: { xlsx: { writeBuffer: () => Promise<ArrayBuffer | Buffer> } }, out: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** The --out workbook: an .xlsx that is not there yet, or --force to replace it (it may hold what someone typed). */
async function requireOut(args: Args): Promise<string> {
  const out = str(args, 'out');
  if (!out) throw new UsageError('需要 --out 输出文件');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .xlsx 结尾`);
  if (!args.options.has('force') && (await fs.stat(out).catch(() => null))) {
    throw new UsageError(`输出文件“${out}”已存在，为免覆盖其中已填写的内容，未写出；换一个文件名，或加 --force 覆盖`);
  }
  return out;
}

async function template(args: Args, io: Io): Promise<number> {
  const out = await requireOut(args);
  const yearText = str(args, 'year');
  const year = yearText === undefined ? new Date().getFullYear() - 1 : reportYear(yearText);
  if (year === null) throw new UsageError(yearMessage(yearText));
  const f = str(args, 'format') ?? formatForYear(year);
  if (!FORMAT_IDS.includes(f as FormatId)) throw new UsageError(`未知的格式“${f}”，应为 2021 或 2019`);
  const wb = templateWorkbook({ format: f as FormatId, year, agency: str(args, 'agency'), formulas: !args.options.has('no-formulas') });
  await writeOut(wb, out);
  io.out(`已生成 ${out}（${year}年，${f}年格式）\n`);
  return 0;
}

async function fill(args: Args, io: Io): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('fill 需要一个年报 JSON 文件');
  const out = await requireOut(args);
  const input = await readInput(file);
  if (input.kind !== 'report') throw new UsageError('fill 需要年报 JSON 文件（.json）');
  await writeOut(fillWorkbook(input.report), out);
  io.out(`已生成 ${out}（${input.report.agency ?? ''}${input.report.year}年，${input.report.format}年格式）\n`);
  return 0;
}

/** Values of any input (JSON, workbook, published text), for the narrative and as last year's report. */
async function reportLike(file: string, overrides: ReadOverrides = {}): Promise<YearInput & { agency?: string }> {
  const input = await readInput(file, overrides);
  if (input.kind === 'report')
    return { format: input.report.format, year: input.report.year, get: reportSource(input.report), agency: input.report.agency };
  const read = readTables(input.workbook);
  const src = sourceOfTables(read.tables);
  if (!src) throw new InputError(`${file}：没有找到登记的年报表格`);
  return src;
}

async function narrative(args: Args, io: Io): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('narrative 需要一个文件');
  const input = await reportLike(file, readOverrides(args));
  const lastFile = str(args, 'last-year');
  const lastYear = lastFile ? await reportLike(lastFile) : undefined;
  const mismatch = lastYear ? lastYearMismatch(input, lastYear) : null;
  if (mismatch) throw new InputError(`${lastFile}：${mismatch}；同比变化只用上一年度同一单位的报告，未生成文字`);
  const fee = feeOf(args);
  const paragraphs = generateNarrative(input, { who: str(args, 'who'), lastYear, fee });
  if (args.options.has('json')) {
    io.out(
      `${JSON.stringify({ paragraphs: paragraphs.map((p) => ({ section: p.section, title: p.title, ...(p.part ? { part: p.part } : {}), text: p.text, cells: p.cells, ...(p.blocked ? { blocked: true } : {}) })) }, null, 2)}\n`,
    );
  } else {
    io.out(paragraphs.map((p) => `${headingsOf(p).join('\n')}\n${p.text}\n`).join('\n'));
  }
  return paragraphs.some((p) => p.blocked) ? 1 : 0;
}

async function importCmd(args: Args, io: Io): Promise<number> {
  const [file] = args.positionals;
  if (!file) throw new UsageError('import 需要一个 .txt、.html 或 .pdf 文件');
  const out = str(args, 'out');
  if (!out || !/\.(json|xlsx)$/i.test(out)) throw new UsageError('需要 --out 输出文件（.json 或 .xlsx）');
  const input = await readInput(file, readOverrides(args));
  if (input.kind !== 'report' || !input.imported) throw new UsageError('import 读取已发布报告的文字（.txt、.html 或 .pdf）');
  if (/\.json$/i.test(out)) {
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await fs.writeFile(out, `${JSON.stringify(input.report, null, 1)}\n`);
  } else await writeOut(fillWorkbook(input.report), out);
  const { problems, findings } = input.imported;
  const empty = emptyTablesFinding(input.report);
  io.out(`已导入 ${file} → ${out}（${input.report.agency ?? ''}${input.report.year}年，${input.report.format}年格式）\n`);
  if (empty) io.err(`${file}：${empty.message}\n`);
  for (const p of problems) io.err(`${file}：${p}\n`);
  for (const f of findings) io.err(`${file}：${f.message}\n`);
  return problems.length || empty ? 1 : 0;
}

const COMMANDS: Record<string, OptionSpec & { run: (a: Args, io: Io) => Promise<number> }> = {
  template: { valued: ['format', 'year', 'agency', 'out'], flags: ['no-formulas', 'force'], run: template },
  fill: { valued: ['out'], flags: ['force'], run: fill },
  check: { valued: ['out-dir', 'last-year', 'summary', 'out', 'prose-sheet', 'year', 'format'], flags: ['json'], run: check },
  narrative: { valued: ['last-year', 'fee', 'who', 'year', 'format'], flags: ['json'], run: narrative },
  import: { valued: ['out', 'year', 'format'], run: importCmd },
  export: { valued: ['out', 'fee', 'who', 'agency', 'contact', 'prose-sheet'], run: exportCommand },
};

/** A mistake in the command: one line, and where the usage is. */
const mistake = (message: string, command?: string): string => `${message}（用法：ogi-report ${command ? `${command} ` : ''}--help）\n`;

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    const near = nearest(name.replace(/^-+/, ''), Object.keys(COMMANDS));
    io.err(mistake(`未知的命令“${name}”${near ? `，是否要用 ${near}？` : `；命令有 ${Object.keys(COMMANDS).join('、')}`}`));
    return 2;
  }
  try {
    const args = parseArgs(rest, cmd);
    if (args.options.has('help')) {
      io.out(USAGE);
      return 0;
    }
    return await cmd.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(mistake(e.message, name));
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`内部错误：${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}
