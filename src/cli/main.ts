/**
 * ogi-report — the command line over the same core as the add-in.
 *   ogi-report template --format 2021|2019 [--year Y] [--agency A] --out X.xlsx
 *   ogi-report fill REPORT.json --out X.xlsx
 *   ogi-report check FILE… [--json] [--out-dir D]
 *   ogi-report export FILE --out X.docx|X.html [--last-year FILE] [--fee 元] [--who 本机关]
 * Exit codes: 0 no errors; 1 errors found; 2 a file could not be read or the command was wrong.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { headingsOf } from '../app/narrative';
import { generateNarrative } from '../report/narrative';
import { lastYearMismatch, type YearInput } from '../report/crossYear';
import { emptyTablesFinding, reportSource } from '../report/check';
import { describeCell } from '../report/layout';
import { formatForYear, FORMAT_IDS, reportYear, splitKey, yearMessage, type Finding, type FormatId, type Report } from '../report/types';
import { applyMarks, readTables, templateWorkbook, writeProse } from '../file/xlsx';
import { nearest, parseArgs, str, UsageError, type Args, type OptionSpec } from './args';
import { InputError, readInput, reportLike, type Input, type ReadOverrides } from './inputs';
import { checkInput, isReportFile, plainFinding, type FileResult } from '../file/input';
import { summaryCsv, summaryWorkbook, type UnreadableFile } from '../file/summary';
import { cellsToMark } from '../report/rules';
import { addToMark, type Mark } from '../host/types';
import { tableLayout } from '../report/layout';
import { exportCommand, feeOf } from './export';
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
  ogi-report export 文件 --out 报告.docx|报告.html [--last-year 上年文件] [--fee 信息处理费元数] [--who 本机关] [--agency 单位名称] [--contact 联系方式] [--prose-sheet 正文工作表]
文件可以是年报 JSON（ogi-report/1）、含有年报表格的 .xlsx 工作簿，或已发布报告的文字（.txt，如网页复制或 pdftotext -layout 的输出）、网页（.html）与带文字层的 PDF（.pdf）。
--year、--format 用于已发布报告的文字：标题里没有年度（或写错）时指定报告年度和表格格式。
--last-year 为上一年度同一单位的报告（可用上述任一种文件）：check 与 export 据此核对上年结转等跨年度关系，narrative 与 export 写出同比变化。
已有的输出文件不会被覆盖，除非加 --force。--fee 可写 3940、3940元、3,940；未收取写 0 或“无”。
退出码：0 无错误；1 发现错误；2 有文件无法读取或命令有误。
`;

export type { FileResult };

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
      const names = (await fs.readdir(p)).filter(isReportFile).sort();
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

interface CheckOptions {
  summary?: 'csv' | 'xlsx';
  summaryOut?: string;
  overrides: ReadOverrides;
  last?: YearInput & { agency?: string };
  outDir?: string;
  proseSheet?: string;
}

async function check(args: Args, io: Io): Promise<number> {
  const summary = str(args, 'summary');
  if (summary !== undefined && summary !== 'csv' && summary !== 'xlsx') throw new UsageError('--summary 应为 csv 或 xlsx');
  const summaryOut = summary ? str(args, 'out') : undefined;
  if (summary && !summaryOut) throw new UsageError('--summary 需要 --out 输出文件');
  if (!args.positionals.length) throw new UsageError('check 需要至少一个文件或目录');
  const { files, folders } = await expand(args.positionals);
  const lastFile = str(args, 'last-year');
  const o: CheckOptions = {
    summary,
    summaryOut,
    overrides: readOverrides(args),
    last: lastFile ? await reportLike(lastFile) : undefined,
    outDir: str(args, 'out-dir'),
    proseSheet: str(args, 'prose-sheet'),
  };
  const { results, unreadableFiles } = await checkFiles(files, o, io);
  const code = unreadableFiles.length ? 2 : results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  if (o.summary && o.summaryOut) {
    await writeSummary(o.summary, o.summaryOut, results, unreadableFiles);
    const unread = unreadableFiles.length ? `，${unreadableFiles.length} 个文件无法读取` : '';
    io.out(`已写出汇总 ${o.summaryOut}：${results.length} 份报告${unread}\n`);
    return code;
  }
  if (args.options.has('json')) {
    const plain = results.map(({ get: _get, ...r }) => ({ ...r, findings: r.findings.map(plainFinding) }));
    io.out(`${JSON.stringify(plain, null, 2)}\n`);
  } else {
    io.out(results.map(renderText).join('\n'));
    if (folders || files.length > 1) io.out(`${totalLine(files.length, results, unreadableFiles.length)}\n`);
  }
  return code;
}

/** Checks the files one after another; an unreadable file is said and counted, and the others go on. */
async function checkFiles(files: string[], o: CheckOptions, io: Io): Promise<{ results: FileResult[]; unreadableFiles: UnreadableFile[] }> {
  const results: FileResult[] = [];
  const unreadableFiles: UnreadableFile[] = [];
  const progress = files.length >= 20;
  for (const [i, file] of files.entries()) {
    if (progress && (i % 25 === 0 || i === files.length - 1)) io.err(`已检查 ${i}/${files.length} 个文件…\n`);
    try {
      results.push(...(await checkOne(file, await readInput(file, o.overrides), o)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadableFiles.push({ file, message: e.message });
      io.err(`${e.message}\n`);
    }
  }
  return { results, unreadableFiles };
}

/** One file's results; with --out-dir, its workbook written there with the cells marked. */
async function checkOne(file: string, input: Input, o: CheckOptions): Promise<FileResult[]> {
  const checked = checkInput(input, { last: o.last, proseSheet: o.proseSheet });
  if (o.outDir && input.kind === 'report') {
    const wb = fillWorkbook(input.report);
    const read = readTables(wb);
    const names = Object.fromEntries(read.tables.map((t) => [t.table, t.name]));
    applyMarks(wb, read, marksFor(checked.results[0].findings, names, input.report.format));
    await writeOut(wb, path.join(o.outDir, `${path.basename(file, path.extname(file))}.xlsx`));
  } else if (o.outDir && input.kind === 'workbook' && checked.workbook) {
    applyMarks(input.workbook, checked.workbook.read, checked.workbook.marks);
    await writeOut(input.workbook, path.join(o.outDir, path.basename(file)));
  }
  return checked.results;
}

function totalLine(files: number, results: FileResult[], unreadable: number): string {
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  return `共 ${files} 个文件：${errors} 个错误，${all.length - errors} 个提示${unreadable ? `，${unreadable} 个文件无法读取` : ''}`;
}

async function writeSummary(kind: string, out: string, results: FileResult[], unreadable: UnreadableFile[]): Promise<void> {
  if (kind === 'csv') {
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await fs.writeFile(out, summaryCsv(results, unreadable));
    return;
  }
  await writeOut(summaryWorkbook(results, unreadable), out);
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
  export: { valued: ['out', 'last-year', 'fee', 'who', 'agency', 'contact', 'prose-sheet'], run: exportCommand },
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
