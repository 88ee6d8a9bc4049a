/**
 * npx tsx scripts/make-test-pdfs.ts — prints the two real reports of test/fixtures (高安市 2020, 2019
 * format; 淮安市人民政府 2024, 2021 format) to PDF with LibreOffice Writer in several layouts, into
 * test/fixtures/pdf/. The tests read every table cell of these PDFs back against the checked
 * transcriptions (gaoan-2020.json, huaian-2024.json).
 *
 * Each report is written as a flat ODF text document (.fodt): its title, the opening paragraph and the
 * six sections' prose taken from the transcription, and the three tables on the official merged grid
 * (layout.ts) with the transcribed numbers — the labels as the report typed them where it differs from
 * the format (高安: 合计, 结果维护, 只记…), as found by importing the published text. Layouts:
 *
 *  - song-a4:      A4 portrait, Noto Serif CJK (numbers in Liberation Serif), 10.5 pt, numbers centred;
 *  - hei-narrow:   Noto Sans CJK 9 pt, narrow label columns (labels wrap over two or three lines, the
 *                  vertical 三、本年度办理结果 one character per line), numbers right-aligned, a page
 *                  break forced inside table 2;
 *  - landscape:    A4 landscape, Noto Serif CJK 12 pt, numbers right-aligned;
 *  - large-repeat: Noto Sans CJK 14 pt portrait: tables run over several pages, header rows repeated on
 *                  each page, numbers centred.
 *
 * Plus two files that are not readable reports: scan.pdf (a page of song-a4 rendered to an image and
 * put in a PDF as an image: no text layer), cmap-font.pdf (淮安's table 1 in a Chinese font that is
 * not embedded, through a predefined CMap: needs pdf.js's cMaps; rotated.pdf the same on a page turned
 * by /Rotate 90), encrypted.pdf (淮安's title page with an open password) and
 * not-a-pdf.pdf (a text file renamed). Needs soffice and
 * pdftoppm (poppler-utils); the PDFs are committed, so the tests do not.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { importReport } from '../src/report/import';
import { sectionOfHeading } from '../src/report/import/labels';
import { tableLayout, type LayoutCell } from '../src/report/layout';
import { parseReportJson } from '../src/report/report';
import { TABLE_IDS, type RawValue, type Report, type TableId } from '../src/report/types';

const ROOT = path.join(__dirname, '..');
const FIX = path.join(ROOT, 'test', 'fixtures');
const OUT = path.join(FIX, 'pdf');
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

interface Layout {
  name: string;
  font: string;
  latin: string;
  size: number;
  landscape?: boolean;
  numberAlign: 'center' | 'end';
  /** Column widths (cm) per table, or a factor on the format's relative widths over the text width. */
  widths?: Partial<Record<TableId, (fmtWidths: number[]) => number[]>>;
  /** Data row of table 2 (0-based layout row) before which a page break is forced. */
  breakBefore?: number;
  repeatHeaders?: boolean;
}

const scale =
  (total: number) =>
  (w: number[]): number[] => {
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => Math.round((x / sum) * total * 100) / 100);
  };

const LAYOUTS: Layout[] = [
  { name: 'song-a4', font: 'Noto Serif CJK SC', latin: 'Liberation Serif', size: 10.5, numberAlign: 'center' },
  {
    name: 'hei-narrow',
    font: 'Noto Sans CJK SC',
    latin: 'Noto Sans CJK SC',
    size: 9,
    numberAlign: 'end',
    breakBefore: 15,
    widths: {
      applications: () => [0.62, 1.5, 3.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2],
      active: () => [2.6, 2.2, 2.2, 2.2],
    },
  },
  { name: 'landscape', font: 'Noto Serif CJK SC', latin: 'Noto Serif CJK SC', size: 12, landscape: true, numberAlign: 'end' },
  { name: 'large-repeat', font: 'Noto Sans CJK SC', latin: 'Liberation Sans', size: 14, numberAlign: 'center', repeatHeaders: true },
];

interface Doc {
  id: string;
  report: Report;
  title: string[];
  preamble: string[];
  /** Section number → heading and paragraphs. */
  sections: Array<{ heading: string; paragraphs: string[] }>;
  typed: Map<string, string>;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs of a pdftotext-layout section (淮安): page numbers and form feeds out, a line indented by
 *  spaces opens a paragraph, the others continue it. */
function layoutParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\f/g, '').split('\n')) {
    if (/^\s*-\d+-\s*$/.test(raw) || raw.trim() === '') continue;
    if (/^\s{2,}/.test(raw) || !out.length) out.push(raw.trim());
    else out[out.length - 1] += raw.trim();
  }
  return out;
}

/** Paragraphs of a web-copied section (高安): one per non-empty line. */
const lineParagraphs = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function loadDoc(id: string, titleLines: number, paragraphs: (t: string) => string[]): Doc {
  const report = parseReportJson(readFileSync(path.join(FIX, `${id}.json`), 'utf8'));
  const imported = importReport(readFileSync(path.join(FIX, `${id}.txt`), 'utf8'));
  const pre = paragraphs(imported.preamble);
  // labels typed differently from the format, per table (the findings say 表1/表2/表3)
  const typed = new Map<string, string>();
  for (const f of imported.findings) {
    const n = /^表(\d)/.exec(f.message)?.[1];
    if (n && typeof f.expected === 'string' && typeof f.actual === 'string')
      typed.set(`${TABLE_IDS[Number(n) - 1]}:${f.expected}`, f.actual);
  }
  const sections = ['1', '2', '3', '4', '5', '6'].map((k) => {
    // the heading line (淮安's transcription opens section 四 with the table row 四、结转下年度继续办理),
    // then the paragraphs after it; sections 二–四 are their tables: only the heading is prose
    const lines = (report.text?.[k] ?? '').split('\n');
    const h = Math.max(
      0,
      lines.findIndex((x) => sectionOfHeading(x) === Number(k)),
    );
    return { heading: lines[h].trim(), paragraphs: ['2', '3', '4'].includes(k) ? [] : paragraphs(lines.slice(h + 1).join('\n')) };
  });
  return { id, report, title: pre.slice(0, titleLines), preamble: pre.slice(titleLines), sections, typed };
}

function cellText(doc: Doc, table: TableId, cell: LayoutCell): string {
  if (cell.role === 'data') {
    const [, r, c] = (cell.key as string).split('.');
    const v: RawValue | undefined = (doc.report.tables as Record<string, Record<string, Record<string, RawValue>>>)[table]?.[r]?.[c];
    return v === null || v === undefined ? '' : String(v);
  }
  const text = cell.text ?? '';
  return doc.typed.get(`${table}:${text}`) ?? text;
}

function tableXml(doc: Doc, table: TableId, layout: Layout, textWidth: number, n: number): string {
  const l = tableLayout(doc.report.format, table);
  const widths = (layout.widths?.[table] ?? scale(textWidth))(l.widths);
  const at = new Map<string, LayoutCell>();
  const covered = new Set<string>();
  for (const c of l.cells) {
    at.set(`${c.r},${c.c}`, c);
    for (let dr = 0; dr < c.rs; dr++) for (let dc = 0; dc < c.cs; dc++) if (dr || dc) covered.add(`${c.r + dr},${c.c + dc}`);
  }
  const headerRows = table === 'active' ? 0 : Math.min(...l.cells.filter((c) => c.role === 'data').map((c) => c.r));
  const rows: string[] = [];
  for (let r = 0; r < l.rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < l.cols; c++) {
      const cell = at.get(`${r},${c}`);
      if (!cell) {
        cells.push(
          covered.has(`${r},${c}`)
            ? '<table:covered-table-cell/>'
            : '<table:table-cell table:style-name="C" office:value-type="string"><text:p/></table:table-cell>',
        );
        continue;
      }
      const span = `${cell.rs > 1 ? ` table:number-rows-spanned="${cell.rs}"` : ''}${cell.cs > 1 ? ` table:number-columns-spanned="${cell.cs}"` : ''}`;
      const para =
        cell.role === 'data'
          ? layout.numberAlign === 'end'
            ? 'PN'
            : 'PC'
          : cell.role === 'header' || cell.role === 'corner' || cell.role === 'blockTitle'
            ? 'PC'
            : 'PL';
      cells.push(
        `<table:table-cell table:style-name="C"${span} office:value-type="string"><text:p text:style-name="${para}">${esc(cellText(doc, table, cell))}</text:p></table:table-cell>`,
      );
    }
    const rowStyle = table === 'applications' && layout.breakBefore === r ? 'RB' : 'R';
    rows.push(`<table:table-row table:style-name="${rowStyle}">${cells.join('')}</table:table-row>`);
  }
  const cols = widths
    .map(
      (w, i) =>
        `<style:style style:name="T${n}.${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`,
    )
    .join('');
  const head =
    layout.repeatHeaders && headerRows > 0
      ? `<table:table-header-rows>${rows.slice(0, headerRows).join('')}</table:table-header-rows>`
      : '';
  const body = layout.repeatHeaders && headerRows > 0 ? rows.slice(headerRows) : rows;
  const xml = `<table:table table:name="表${n}" table:style-name="T${n}">${widths.map((_, i) => `<table:table-column table:style-name="T${n}.${i}"/>`).join('')}${head}${body.join('')}</table:table>`;
  return `${cols}\u0000${xml}`;
}

function fodt(doc: Doc, layout: Layout): string {
  const [pw, ph] = layout.landscape ? [29.7, 21] : [21, 29.7];
  const margin = 2.2;
  const textWidth = pw - 2 * margin - 0.1;
  const colStyles: string[] = [];
  const tableStyles: string[] = [];
  const body: string[] = [];
  const p = (style: string, text: string): string => `<text:p text:style-name="${style}">${esc(text)}</text:p>`;
  for (const t of doc.title) body.push(p('Title', t));
  for (const t of doc.preamble) body.push(p('Body', t));
  doc.sections.forEach((s, i) => {
    body.push(p('Heading', s.heading));
    const table = TABLE_IDS.find((t) => tableLayout(doc.report.format, t).title.startsWith(['一', '二', '三', '四', '五', '六'][i]));
    if (table) {
      const n = TABLE_IDS.indexOf(table) + 1;
      const [cols, xml] = tableXml(doc, table, layout, textWidth, n).split('\u0000');
      colStyles.push(cols);
      const width = (layout.widths?.[table] ?? scale(textWidth))(tableLayout(doc.report.format, table).widths).reduce((a, b) => a + b, 0);
      tableStyles.push(
        `<style:style style:name="T${n}" style:family="table"><style:table-properties style:width="${width.toFixed(2)}cm" table:align="center"/></style:style>`,
      );
      body.push(xml);
    }
    for (const t of s.paragraphs) body.push(p('Body', t));
  });
  const fs = layout.size;
  const font = `style:font-name="Latin" style:font-name-asian="Asian" fo:font-size="${fs}pt" style:font-size-asian="${fs}pt" style:language-asian="zh" style:country-asian="CN"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Latin" svg:font-family="'${layout.latin}'"/>
<style:font-face style:name="Asian" svg:font-family="'${layout.font}'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="120%"/><style:text-properties ${font}/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="${2 * fs}pt" fo:text-align="justify" fo:margin-bottom="2pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="6pt"/><style:text-properties fo:font-size="${fs + 6}pt" style:font-size-asian="${fs + 6}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-indent="${2 * fs}pt" fo:margin-top="6pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PC" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%"/></style:style>
<style:style style:name="PL" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="100%"/></style:style>
<style:style style:name="PN" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="100%"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PM"><style:page-layout-properties fo:page-width="${pw}cm" fo:page-height="${ph}cm" style:print-orientation="${layout.landscape ? 'landscape' : 'portrait'}" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="${margin}cm" fo:margin-right="${margin}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
${tableStyles.join('\n')}
${colStyles.join('\n')}
<style:style style:name="R" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="RB" style:family="table-row"><style:table-row-properties fo:keep-together="always" fo:break-before="page"/></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.06cm" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PM"><style:footer><text:p text:style-name="Footer">-<text:page-number text:select-page="current">1</text:page-number>-</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${body.join('\n')}
</office:text></office:body>
</office:document>
`;
}

function soffice(input: string, outDir: string, filter = 'pdf'): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ogi-lo-pdf-'));
  try {
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, input],
      { stdio: 'pipe', timeout: 120000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A one-page A4 PDF whose only content is a greyscale JPEG (what a scanner writes): no text layer. */
function imagePdf(jpeg: Buffer): Buffer {
  // JPEG size from its SOF0/SOF2 marker
  let i = 2;
  let w = 0;
  let h = 0;
  while (i < jpeg.length) {
    const marker = jpeg[i + 1];
    const len = jpeg.readUInt16BE(i + 2);
    if (marker === 0xc0 || marker === 0xc2) {
      h = jpeg.readUInt16BE(i + 5);
      w = jpeg.readUInt16BE(i + 7);
      break;
    }
    i += 2 + len;
  }
  const content = `q 595 0 0 842 0 0 cm /Im0 Do Q`;
  return pdfFile(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
          'latin1',
        ),
        jpeg,
        Buffer.from('\nendstream', 'latin1'),
      ]),
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ].map((body) => (typeof body === 'string' ? Buffer.from(body, 'latin1') : body)),
  );
}

/** A PDF written by hand whose Chinese font is not embedded: the Adobe font STSong-Light through the
 *  predefined CMap UniGB-UCS2-H (as older PDF writers do), so that reading it needs pdf.js's cMaps.
 *  It holds 淮安's title and table 1, one text item per cell. `rotated`: a portrait page turned to
 *  landscape by /Rotate 90, its text drawn turned the other way (upright as shown). */
function cmapFontPdf(doc: Doc, rotated = false): Buffer {
  const hex = (t: string): string => `<${[...t].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  const ops: string[] = [];
  const H = 842;
  const text = (t: string, x: number, top: number, size = 11): void => {
    // shown at (x, top) of the page as seen; with /Rotate 90 that is user space (top, x), text running up
    const tm = rotated ? `0 1 -1 0 ${top.toFixed(1)} ${x.toFixed(1)}` : `1 0 0 1 ${x.toFixed(1)} ${(H - top).toFixed(1)}`;
    ops.push(`BT /F1 ${size} Tf ${tm} Tm ${hex(t)} Tj ET`);
  };
  text(doc.title[0], 240, 80, 16);
  text(doc.title[1], 150, 105, 16);
  text(doc.sections[1].heading, 70, 150, 12);
  // table 1 on its grid: one row every 22 pt, the label column 150 pt wide, three value columns of 100
  const l = tableLayout(doc.report.format, 'active');
  const colX = [70, 220, 320, 420, 520];
  for (const c of l.cells) {
    const t = cellText(doc, 'active', c);
    if (!t) continue;
    const left = colX[c.c];
    const right = colX[c.c + c.cs];
    const width = [...t].length * 11;
    const x = c.role === 'label' ? left + 4 : (left + right) / 2 - width / 2;
    text(t, x, 180 + c.r * 22);
  }
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${rotated ? ' /Rotate 90' : ''} /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfFile(objects.map((body) => Buffer.from(body, 'latin1')));
}

/** A PDF file from its objects' bodies (object k + 1 is objects[k]; object 1 the catalog). */
function pdfFile(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = parts[0].length;
  objects.forEach((body, k) => {
    offsets.push(pos);
    const chunk = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    pos += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

function main(): void {
  const only = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ogi-pdf-src-'));
  const docs = [loadDoc('gaoan-2020', 1, lineParagraphs), loadDoc('huaian-2024', 2, layoutParagraphs)];
  for (const doc of docs) {
    for (const layout of LAYOUTS) {
      const name = `${doc.id}-${layout.name}`;
      if (only.length && !only.includes(name)) continue;
      const src = path.join(tmp, `${name}.fodt`);
      writeFileSync(src, fodt(doc, layout));
      soffice(src, tmp);
      writeFileSync(path.join(OUT, `${name}.pdf`), readFileSync(path.join(tmp, `${name}.pdf`)));
      console.log(`${name}.pdf`);
    }
  }
  // a scan: page 2 of 淮安 song-a4 (table 1) as a JPEG, in a PDF of one page holding only that image
  const scanned = path.join(OUT, 'huaian-2024-song-a4.pdf');
  if (existsSync(scanned) && (!only.length || only.includes('scan'))) {
    execFileSync('pdftoppm', [
      '-f',
      '2',
      '-l',
      '2',
      '-r',
      '50',
      '-gray',
      '-jpeg',
      '-jpegopt',
      'quality=50',
      '-singlefile',
      scanned,
      path.join(tmp, 'scan'),
    ]);
    writeFileSync(path.join(OUT, 'scan.pdf'), imagePdf(readFileSync(path.join(tmp, 'scan.jpg'))));
    console.log('scan.pdf');
  }
  if (!only.length || only.includes('cmap-font')) {
    writeFileSync(path.join(OUT, 'cmap-font.pdf'), cmapFontPdf(docs[1]));
    writeFileSync(path.join(OUT, 'rotated.pdf'), cmapFontPdf(docs[1], true));
    console.log('cmap-font.pdf rotated.pdf');
  }
  // encrypted: the title page of 淮安 with an open password (ogi)
  if (!only.length || only.includes('encrypted')) {
    const src = path.join(tmp, 'encrypted.fodt');
    const huaian = docs[1];
    writeFileSync(src, fodt({ ...huaian, sections: [], preamble: huaian.preamble.slice(0, 1) }, LAYOUTS[0]));
    soffice(
      src,
      tmp,
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"ogi"}}',
    );
    writeFileSync(path.join(OUT, 'encrypted.pdf'), readFileSync(path.join(tmp, 'encrypted.pdf')));
    console.log('encrypted.pdf');
  }
  writeFileSync(
    path.join(OUT, 'not-a-pdf.pdf'),
    '淮安市人民政府2024年政府信息公开工作年度报告\n这是一个被改了扩展名的文本文件，不是 PDF。\n',
  );
  rmSync(tmp, { recursive: true, force: true });
}

main();
