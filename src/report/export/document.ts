/**
 * The report as a document, ready to be written out: a neutral model that the HTML writer
 * (export/html.ts) and the Word writer (file/docx.ts) both draw. Pure: no Node, no DOM.
 *
 *   title · opening paragraph (legal basis, statistical period, contact)
 *   一 … 六 with the official titles (formats.ts SECTION_TITLES), in order:
 *     一、五、六  the person's own prose (report.text) where present, else the generated paragraph
 *                where there is one (一（二）, 六 信息处理费), else a marked placeholder 【请填写：…】
 *     二、三、四  the generated paragraph of the section, then the table, laid out by layout.ts
 *     (prose in 一 that only repeats the generated paragraphs does not count as the person's own: the outline
 *     with its 【请填写】 marks stays)
 *
 * Tables come from `tableLayout` only (no label is typed here), values as written in the report.
 * The prose of sections 二–四 in report.text is not used: in an imported report it is the text of the
 * table itself, which the document prints as a table.
 */
import { FORMATS, SECTION_TITLES, TABLE_SECTION } from '../formats';
import { tableLayout, type CellRole } from '../layout';
import { sectionOfHeading } from '../import/labels';
import type { Paragraph as Generated } from '../narrative';
import { TABLE_IDS, type CellKey, type FormatId, type RawValue, type Report, type TableId, type ValueKind } from '../types';

export interface ExportCell {
  /** 0-based row and column, and the merge span (from the layout). */
  r: number;
  c: number;
  rs: number;
  cs: number;
  role: CellRole;
  /** The official label, or the value as it is to be printed ('' for a blank cell). */
  text: string;
  key?: CellKey;
  kind?: ValueKind;
}

export interface ExportTable {
  table: TableId;
  /** 表1 主动公开 … (for captions and messages). */
  name: string;
  rows: number;
  cols: number;
  /** Relative column widths (character units of the layout). */
  widths: number[];
  /** Every placed cell (merged cells once), sorted by row then column. */
  cells: ExportCell[];
  /** Many narrow columns (table 3): writers use a smaller font. */
  compact: boolean;
}

export type Block =
  /** A sub-heading such as （二）依申请公开情况. */
  | { kind: 'heading'; text: string }
  /** A paragraph of prose: the person's own ('user'), written from the tables ('generated'), or the opening. */
  | { kind: 'paragraph'; text: string; origin: 'user' | 'generated' | 'opening'; cells?: CellKey[] }
  /** Text the person still has to write (or fix): printed highlighted, in 【】. */
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; table: ExportTable };

export interface ExportSection {
  /** 1–6. */
  number: number;
  title: string;
  blocks: Block[];
}

export interface ExportDocument {
  /** The whole title on one line: 淮安市人民政府2024年政府信息公开工作年度报告. */
  title: string;
  /** The title in lines for print: the agency, then the year's report. */
  titleLines: string[];
  agency?: string;
  year: number;
  format: FormatId;
  opening: Block[];
  sections: ExportSection[];
}

export interface ExportMeta {
  /** Agency name for the title; defaults to report.agency. */
  agency?: string;
  /** Contact for questions (office, telephone, address…), one sentence in the opening when given. */
  contact?: string;
  /** Replaces the default legal basis phrase (《中华人民共和国政府信息公开条例》和 the notice of the format). */
  basis?: string;
}

export interface BuildInput {
  report: Report;
  /** Paragraphs written from the tables (narrativeOf); none when omitted. */
  generated?: Generated[];
  meta?: ExportMeta;
}

/** Title of the national format notice, by format (spec README). */
const FORMAT_TITLE: Record<FormatId, string> = {
  '2019': '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  '2021': '《中华人民共和国政府信息公开工作年度报告格式》',
};

/** The sub-parts of section 一 a report usually has (spec README); （二） is written from table 2. */
const PART_ONE = [
  '（一）主动公开情况',
  '（二）依申请公开情况',
  '（三）政府信息管理情况',
  '（四）政府信息公开平台建设情况',
  '（五）监督保障情况',
];

const stripNumber = (title: string): string => title.replace(/^[一二三四五六]、/, '');

// ---------------------------------------------------------------- values

/** A number without exponent notation, as many decimals as it has. */
function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** A cell value for print: numbers as they are (counts whole, amounts with the decimals written), text
 *  as typed without surrounding spaces, blank as ''. Nothing is rounded or converted. */
export function formatValue(raw: RawValue | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return Number.isFinite(raw) ? plainNumber(raw) : String(raw);
  if (typeof raw === 'boolean') return String(raw);
  return cleanText(String(raw)).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

function tableOf(report: Report, table: TableId): ExportTable {
  const layout = tableLayout(report.format, table);
  const values = report.tables[table];
  const cells: ExportCell[] = layout.cells
    .map((c): ExportCell => {
      const base = { r: c.r, c: c.c, rs: c.rs, cs: c.cs, role: c.role };
      if (c.role !== 'data') return { ...base, text: c.text ?? '' };
      const raw = values?.[c.rowKey as string]?.[c.colKey as string];
      return { ...base, text: formatValue(raw), key: c.key, kind: c.kind };
    })
    .sort((a, b) => a.r - b.r || a.c - b.c);
  return { table, name: layout.name, rows: layout.rows, cols: layout.cols, widths: [...layout.widths], cells, compact: layout.cols > 10 };
}

// ---------------------------------------------------------------- prose

const PAGE_NUMBER =
  /^[\s\f]*(?:[-—–－―]+\s*\d{1,4}\s*[-—–－―]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\f]*$/;
const INDENT = /^(?:[ \t\u00a0]{2,}|[\u3000\t])/;
const ENDS_SENTENCE = /[。！？!?；;：:”」』）)】…]$/;
const trimAll = (s: string): string => s.replace(/^[\s\u00a0\u3000\f]+|[\s\u00a0\u3000\f]+$/g, '');
/** Control characters (other than tab and line breaks) cannot be written in XML: a Word file with one
 *  does not open. Pasted text sometimes carries them. */
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffe\uffff]/g;
export const cleanText = (s: string): string => s.replace(CONTROL, '');

/** Join a wrapped line to the text before it: no space between Chinese, one between Latin words. */
function joinLine(before: string, line: string): string {
  if (!before) return line;
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(line) ? `${before} ${line}` : before + line;
}

/**
 * The paragraphs of a section's prose, whatever it came from: one paragraph per line (the 报告正文
 * sheet, JSON), paragraphs separated by blank lines (text copied from a web page), or lines wrapped at
 * the page width with indented first lines and page numbers in between (pdftotext -layout).
 */
export function proseParagraphs(text: string): string[] {
  const lines = cleanText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\f/g, '').replace(/\s+$/, ''))
    .filter((l) => !PAGE_NUMBER.test(l) || l.trim() === '');
  const blank = (l: string): boolean => trimAll(l) === '';
  // wrapped text: indented first lines, and lines that continue a line not ending a sentence
  const indented = lines.some((l, i) => i > 0 && !blank(l) && INDENT.test(l));
  const continued = lines.some(
    (l, i) => i > 0 && !blank(l) && !INDENT.test(l) && !blank(lines[i - 1]) && !ENDS_SENTENCE.test(trimAll(lines[i - 1])),
  );
  const wrapped = indented && continued;
  const out: string[] = [];
  let cur = '';
  let gap = false;
  const flush = (): void => {
    if (cur) out.push(cur);
    cur = '';
  };
  for (const raw of lines) {
    if (blank(raw)) {
      gap = true;
      continue;
    }
    const line = trimAll(raw);
    const starts = !wrapped || INDENT.test(raw) || !cur || (gap && ENDS_SENTENCE.test(cur));
    if (starts) {
      flush();
      cur = line;
    } else cur = joinLine(cur, line);
    gap = false;
  }
  flush();
  return out;
}

/** The person's prose of a section, without a first line that repeats the section heading. */
export function sectionProse(text: string | undefined, section: number): string[] {
  if (!text || !trimAll(text)) return [];
  const paragraphs = proseParagraphs(text);
  if (!paragraphs.length) return [];
  const first = paragraphs[0];
  const title = SECTION_TITLES[section - 1];
  // the official heading, with or without its number, alone or run into the text: "一、总体情况 2024年，…"
  const squeezed = first.replace(/[\s\u3000]+/g, '');
  // (without its number only when alone: "总体情况良好…" is text)
  const head = [title, stripNumber(title)].find((h) => squeezed.startsWith(h));
  let i = 0;
  for (let matched = 0; head && i < first.length && matched < head.length; i++) if (!/[\s\u3000]/.test(first[i])) matched += 1;
  const rest = trimAll(first.slice(i).replace(/^[\s\u3000]*[。.：:，,]/, ''));
  if (head && !rest) paragraphs.shift();
  else if (head === title) paragraphs[0] = rest;
  else if (sectionOfHeading(first) === section && !/[。，；,;]./.test(first)) {
    // a heading worded a little differently ("五、政府信息公开工作存在的主要问题及改进情况")
    paragraphs.shift();
  }
  return paragraphs;
}

// ---------------------------------------------------------------- the document

const placeholder = (what: string): Block => ({ kind: 'placeholder', text: `【请填写：${what}】` });

/** A generated paragraph as a block: its text, or a placeholder carrying the notice when it is blocked. */
function generatedBlock(p: Generated): Block {
  if (p.blocked) return { kind: 'placeholder', text: `【待补充：${p.text}】` };
  return { kind: 'paragraph', text: p.text, origin: 'generated', cells: p.cells };
}

function userBlocks(paragraphs: string[]): Block[] {
  return paragraphs.map((text) => ({ kind: 'paragraph', text, origin: 'user' }));
}

function endSentence(s: string): string {
  const t = trimAll(s);
  return /[。.!！?？]$/.test(t) ? t : `${t}。`;
}

/** （一）…（十） at the start of a paragraph: the sub-part of section 一 it opens (0-based), or null. */
function partIndex(p: string): number | null {
  const m = /^[\s\u3000]*[（(]([一二三四五六七八九十])[）)]/.exec(p);
  return m ? '一二三四五六七八九十'.indexOf(m[1]) : null;
}
/** A line that is only a sub-heading ("（二）依申请公开情况"), not a paragraph opening with one. */
const headingOnly = (p: string): boolean => partIndex(p) !== null && trimAll(p).length <= 30 && !/[。；;，,]/.test(p);

/**
 * Section 一: the person's own prose where it is free-form (no （一）…（五） in it), else the outline — the overview,
 * then （一）…（五） each with the person's paragraphs under it, the generated （二） where the person has none, and a
 * 【请填写】 place where there is nothing. Paragraphs that only repeat the generated text (生成文字 → 插入到工作表,
 * with or without its heading) count as the generated （二）, wherever they came from and whatever changed since.
 */
function partOne(prose: string[], generated: Generated[], isGenerated: (p: string) => boolean): Block[] {
  const outlined = prose.some((p) => partIndex(p) !== null);
  if (prose.length && !outlined && !prose.every(isGenerated)) return userBlocks(prose);
  const intro: string[] = [];
  const parts = new Map<number, { heading?: string; paragraphs: string[] }>();
  const part = (i: number): { heading?: string; paragraphs: string[] } => {
    if (!parts.has(i)) parts.set(i, { paragraphs: [] });
    return parts.get(i) as { heading?: string; paragraphs: string[] };
  };
  let current = -1;
  for (const p of prose) {
    const i = partIndex(p);
    if (i !== null) {
      current = i;
      if (headingOnly(p)) part(i).heading = trimAll(p);
      else part(i).paragraphs.push(p);
    } else if (current < 0 && isGenerated(p)) part(1).paragraphs.push(p);
    else if (current < 0) intro.push(p);
    else part(current).paragraphs.push(p);
  }
  const blocks: Block[] = intro.length ? userBlocks(intro) : [placeholder('总体情况概述（本年度政府信息公开工作的总体情况）')];
  const order = [...new Set([...PART_ONE.keys(), ...[...parts.keys()].sort((a, b) => a - b)])];
  for (const i of order) {
    const mine = parts.get(i);
    const inline = mine?.paragraphs.length && !mine.heading && partIndex(mine.paragraphs[0]) === i;
    if (!inline) blocks.push({ kind: 'heading', text: mine?.heading ?? PART_ONE[i] });
    if (mine?.paragraphs.length) {
      // the generated （二） pasted in: written again from today's tables (the numbers may have been corrected since)
      const pasted = i === 1 && generated.length && mine.paragraphs.every(isGenerated);
      blocks.push(...(pasted ? generated.map(generatedBlock) : userBlocks(mine.paragraphs)));
    } else if (i === 1 && generated.length) blocks.push(...generated.map(generatedBlock));
    else blocks.push(placeholder(`一、总体情况 ${PART_ONE[i]}`));
  }
  return blocks;
}

export function buildDocument(input: BuildInput): ExportDocument {
  const { report, generated = [], meta = {} } = input;
  const line = (s: string | undefined): string => trimAll(cleanText(s ?? '').replace(/[\s\u3000]+/g, ' '));
  const agency = line(meta.agency ?? report.agency) || undefined;
  const yearTitle = `${report.year}年政府信息公开工作年度报告`;
  const title = `${agency ?? ''}${yearTitle}`;
  const gen = (section: number): Generated[] => generated.filter((p) => p.section === section);

  const basis =
    line(meta.basis) ||
    `《中华人民共和国政府信息公开条例》（以下简称《条例》）和${FORMAT_TITLE[report.format]}（${FORMATS[report.format].notice}）`;
  const parts = SECTION_TITLES.map(stripNumber);
  const opening = [
    `本报告根据${basis}要求，由${agency ?? '本机关'}编制。`,
    `全文包括${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}。`,
    `本报告中所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。`,
    line(meta.contact) ? `如对本报告有疑问，请联系：${endSentence(line(meta.contact))}` : '',
  ].join('');

  const sections: ExportSection[] = SECTION_TITLES.map((title, i) => ({ number: i + 1, title, blocks: [] }));
  const own = (n: number): string[] => sectionProse(report.text?.[String(n)], n);
  // paragraphs of 报告正文 that are only the generated text pasted in (生成文字 → 插入到工作表) are not the
  // person's own writing: they do not stand for the whole section
  const squeeze = (t: string): string => t.replace(/[\s\u3000]+/g, '');
  const generatedTexts = new Set(generated.filter((p) => !p.blocked).map((p) => squeeze(p.text)));

  // 一、总体情况
  sections[0].blocks.push(...partOne(own(1), gen(1), (p) => generatedTexts.has(squeeze(p))));

  // 二、三、四: the generated paragraph, then the table (a published report's prose of these sections is mostly
  // the tables themselves as text, so it is not carried over)
  for (const table of TABLE_IDS) {
    const n = TABLE_SECTION[table];
    const blocks = sections[n - 1].blocks;
    blocks.push(...gen(n).map(generatedBlock));
    blocks.push({ kind: 'table', table: tableOf(report, table) });
  }

  // 五、存在的主要问题及改进情况
  {
    const prose = own(5);
    sections[4].blocks.push(...(prose.length ? userBlocks(prose) : [placeholder(SECTION_TITLES[4]), ...gen(5).map(generatedBlock)]));
  }

  // 六、其他需要报告的事项: own prose; the fee paragraph when the prose does not speak of the fee
  {
    const prose = own(6);
    const written = gen(6);
    const blocks = sections[5].blocks;
    // "无。" (nothing else to report) gives way to the fee sentence
    const nothing = prose.length === 1 && /^(无|没有|暂无|无其他需要报告的事项)[。.]?$/.test(prose[0]);
    if (!(nothing && written.length)) blocks.push(...userBlocks(prose));
    if (!prose.some((p) => p.includes('信息处理费'))) blocks.push(...written.map(generatedBlock));
    if (!blocks.length) blocks.push(placeholder(`${SECTION_TITLES[5]}（如本年度收取信息处理费的情况；没有其他事项的写“无”）`));
  }

  return {
    title,
    titleLines: agency ? [agency, yearTitle] : [yearTitle],
    ...(agency ? { agency } : {}),
    year: report.year,
    format: report.format,
    opening: [{ kind: 'paragraph', text: opening, origin: 'opening' }],
    sections,
  };
}

/** Every table of a document with its section number. */
export function documentTables(doc: ExportDocument): Array<{ section: number; table: ExportTable }> {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [{ section: s.number, table: b.table }] : [])));
}
