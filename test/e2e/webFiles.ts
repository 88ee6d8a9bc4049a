/** Workbooks the web page's end-to-end test opens: a filled report with a known error beside a sheet of the
 *  user's own, and a workbook holding a chart (a part exceljs cannot keep). */
import { promises as fs } from 'fs';
import path from 'path';
import type { Download, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook, templateWorkbook } from '../../src/file/xlsx';
import { parseReportJson, setReportValue } from '../../src/report/report';
import { reportSource } from '../../src/report/check';

/** 淮安市 2024 filled in (registered tables, no formulas) with 表3 行政复议 总计 typed as 9999, plus a sheet 自用
 *  with the user's own value, formula, fill, bold, merge, column width and note. */
export async function filledWithError(): Promise<Uint8Array> {
  const json = await fs.readFile(path.join(__dirname, '..', 'fixtures', 'huaian-2024.json'), 'utf8');
  const report = parseReportJson(json);
  setReportValue(report, 'reviews.review.total', 9999);
  const wb = templateWorkbook({
    format: report.format,
    year: report.year,
    agency: report.agency,
    formulas: false,
    values: reportSource(report),
  });
  const own = wb.addWorksheet('自用');
  own.getCell('A1').value = '自己的说明';
  own.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  own.getCell('A1').font = { bold: true };
  own.getCell('A1').note = '这是用户自己的批注';
  own.getCell('A2').value = 21;
  own.getCell('B2').value = { formula: 'A2*2', result: 42 };
  own.mergeCells('C1:E1');
  own.getCell('C1').value = '合并的标题';
  own.getColumn(1).width = 24;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sheet1!$A$1:$A$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const rels = (type: string, target: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;

/** A workbook with three numbers on Sheet1 and a column chart of them, as Excel lays the parts out. */
export async function withChart(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  [3, 5, 8].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file('xl/charts/chart1.xml', CHART);
  zip.file('xl/drawings/drawing1.xml', DRAWING);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', rels('chart', '../charts/chart1.xml'));
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels('drawing', '../drawings/drawing1.xml'));
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const withDrawing = sheet.includes('xmlns:r=')
    ? sheet.replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>')
    : sheet
        .replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ')
        .replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', withDrawing);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

// ---- what the web page's tests do with its grid and its downloads

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell of the page's grid by its address. */
export const gridCell = (page: Page, addr: string) => page.locator(`[data-testid="web-grid"] td[data-addr="${addr}"]`);

/** The bytes of a download. */
export async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** An .xlsx read with exceljs (the project's own loader). */
export const loadXlsx = loadWorkbook;

/** A cell's note as text (exceljs gives a string or rich text). */
export const noteOf = (cell: ExcelJS.Cell): string =>
  typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
