/**
 * The document (report/export/document.ts) as a Word file, with the `docx` package.
 *
 * Typesetting follows the usual government-document conventions (GB/T 9704 公文格式):
 * - A4 portrait, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (text 156 mm wide);
 * - title 方正小标宋简体 22 pt (二号) bold, centred, the agency on its own line;
 * - body 仿宋_GB2312 16 pt (三号), first line indented two characters, lines exactly 28 pt apart;
 * - section titles 黑体 16 pt, sub-headings （二）… 楷体_GB2312 16 pt;
 * - tables 宋体 10.5 pt (五号) with thin borders, merged header cells as in the official layout,
 *   column widths from the layout scaled to the text width; table 3 (15 columns) stays on the portrait
 *   page in 9 pt (小五) with narrow cell margins — its labels wrap to two characters a line, as in the
 *   published reports — rather than in a landscape section;
 * - page numbers centred in the footer as "— 1 —" (宋体 14 pt).
 * The East Asian font of every style is set as `w:rFonts/@w:eastAsia` (Latin text in Times New Roman).
 * A font the computer does not have is replaced by the word processor; the names can be changed with
 * `options.fonts` (e.g. 仿宋 where 仿宋_GB2312 is not installed).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import { STYLES, type CellStyle } from '../report/plan';
import type { CellRole } from '../report/layout';
import type { Block, ExportDocument, ExportTable } from '../report/export/document';

export interface DocxFonts {
  title: string;
  body: string;
  heading: string;
  subheading: string;
  table: string;
  pageNumber: string;
  /** Latin letters and digits. */
  latin: string;
}

export const DOCX_FONTS: DocxFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  table: '宋体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

export interface DocxOptions {
  fonts?: Partial<DocxFonts>;
}

// A4 in twips (1/20 pt), and the margins in twips (1 mm = 56.7 twips)
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 1134 };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// font sizes in half-points
const SIZE = { title: 44, body: 32, table: 21, compact: 18, pageNumber: 28 };
const LINE = 560; // 28 pt
const INDENT = 2 * SIZE.body * 10; // two characters of the body size, in twips

const ROLE_STYLE: Record<CellRole, CellStyle> = {
  corner: 'corner',
  header: 'header',
  blockTitle: 'blockTitle',
  label: 'label',
  data: 'input',
};
const ALIGN = { Left: AlignmentType.LEFT, Center: AlignmentType.CENTER, Right: AlignmentType.RIGHT } as const;

const fontOf = (f: DocxFonts, eastAsia: string) => ({ ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia });

function styles(f: DocxFonts): IParagraphStyleOptions[] {
  const body = { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT };
  return [
    {
      id: 'ReportTitle',
      name: '报告标题',
      basedOn: 'Normal',
      next: 'ReportBody',
      quickFormat: true,
      run: { font: fontOf(f, f.title), size: SIZE.title, bold: true },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: LINE, line: 780, lineRule: LineRuleType.AT_LEAST },
        outlineLevel: 0,
      },
    },
    {
      id: 'ReportBody',
      name: '报告正文',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: fontOf(f, f.body), size: SIZE.body },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: body },
    },
    {
      id: 'SectionTitle',
      name: '报告一级标题',
      basedOn: 'ReportBody',
      next: 'ReportBody',
      quickFormat: true,
      run: { font: fontOf(f, f.heading), size: SIZE.body },
      paragraph: { keepNext: true, outlineLevel: 1, spacing: { ...body, before: 0 } },
    },
    {
      id: 'SubTitle',
      name: '报告二级标题',
      basedOn: 'ReportBody',
      next: 'ReportBody',
      quickFormat: true,
      run: { font: fontOf(f, f.subheading), size: SIZE.body, bold: true },
      paragraph: { keepNext: true, outlineLevel: 2 },
    },
    {
      id: 'TableText',
      name: '报告表格',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: fontOf(f, f.table), size: SIZE.table },
      paragraph: { spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'PageNo',
      name: '报告页码',
      basedOn: 'Normal',
      run: { font: fontOf(f, f.pageNumber), size: SIZE.pageNumber },
      paragraph: { alignment: AlignmentType.CENTER },
    },
  ];
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableOf(t: ExportTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0) || 1;
  const grid = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  grid[grid.length - 1] += TEXT_WIDTH - grid.reduce((a, b) => a + b, 0);
  const size = t.compact ? SIZE.compact : SIZE.table;
  // matrix tables (2 and 3) repeat their header rows on every page they run over
  const repeat = !t.cells.some((c) => c.role === 'blockTitle');
  const firstBody = Math.min(...t.cells.filter((c) => c.role === 'data' || c.role === 'label').map((c) => c.r));
  const rows: TableRow[] = [];
  for (let r = 0; r < t.rows; r++) {
    const cells = t.cells
      .filter((c) => c.r === r)
      .map((c) => {
        const s = STYLES[ROLE_STYLE[c.role]];
        const width = grid.slice(c.c, c.c + c.cs).reduce((a, b) => a + b, 0);
        return new TableCell({
          ...(c.cs > 1 ? { columnSpan: c.cs } : {}),
          ...(c.rs > 1 ? { rowSpan: c.rs } : {}),
          width: { size: width, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              style: 'TableText',
              alignment: c.role === 'data' ? AlignmentType.CENTER : ALIGN[s.hAlign ?? 'Left'],
              children: c.text ? [new TextRun({ text: c.text, size, ...(s.bold ? { bold: true } : {}) })] : [],
            }),
          ],
        });
      });
    // keep together: the header rows with the first body row, a block of table 1, a short table
    const blockStarts = (row: number): boolean => t.cells.some((c) => c.r === row && c.role === 'blockTitle');
    const keep = r + 1 < t.rows && (repeat ? r < firstBody || t.rows <= 6 : !blockStarts(r + 1));
    rows.push(
      new TableRow({ children: cells, cantSplit: true, keepNext: keep, ...(repeat && r < firstBody ? { tableHeader: true } : {}) }),
    );
  }
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: grid,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: t.compact ? { left: 28, right: 28, top: 20, bottom: 20 } : { left: 72, right: 72, top: 20, bottom: 20 },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
  });
}

/** An empty paragraph of a fixed height (twips), kept with the table after it when `keep`. */
const gap = (height: number, keep: boolean): Paragraph =>
  new Paragraph({
    style: 'ReportBody',
    keepNext: keep,
    spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT },
    children: [],
  });

function blockOf(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ style: 'SubTitle', children: [new TextRun(b.text)] })];
    case 'paragraph':
      return [new Paragraph({ style: 'ReportBody', children: [new TextRun(b.text)] })];
    case 'placeholder':
      return [new Paragraph({ style: 'ReportBody', children: [new TextRun({ text: b.text, highlight: HighlightColor.YELLOW })] })];
    case 'table':
      // short gaps around the table (Word also needs a paragraph between two tables)
      return [gap(160, true), tableOf(b.table), gap(280, false)];
  }
}

/** The document as a .docx file (Node). */
export async function docxBuffer(doc: ExportDocument, options: DocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(doc, options));
}

/** The document as a .docx Blob (browser: the task pane's 导出 Word). */
export async function docxBlob(doc: ExportDocument, options: DocxOptions = {}): Promise<Blob> {
  return Packer.toBlob(docxDocument(doc, options));
}

function docxDocument(doc: ExportDocument, options: DocxOptions): Document {
  const f: DocxFonts = { ...DOCX_FONTS, ...options.fonts };
  const title = new Paragraph({
    style: 'ReportTitle',
    children: doc.titleLines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });
  const children: Array<Paragraph | Table> = [title, ...doc.opening.flatMap(blockOf)];
  for (const s of doc.sections) {
    children.push(new Paragraph({ style: 'SectionTitle', children: [new TextRun(s.title)] }));
    children.push(...s.blocks.flatMap(blockOf));
  }
  const footer = new Footer({
    children: [new Paragraph({ style: 'PageNo', children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
  });
  const document = new Document({
    title: doc.title,
    subject: '政府信息公开工作年度报告',
    creator: 'ogi-report',
    description: `${doc.year}年，${doc.format}年格式`,
    styles: {
      default: { document: { run: { font: fontOf(f, f.body), size: SIZE.body } } },
      paragraphStyles: styles(f),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGIN,
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return document;
}
