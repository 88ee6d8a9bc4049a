/**
 * pdf.js for the task pane, loaded only when a PDF is opened (its own chunk, never in the first
 * screen). Everything comes from the add-in's own origin, so it works on a closed network: webpack
 * copies the worker, cMaps and standard fonts into dist/pdfjs/ (webpack.config.js). The legacy build
 * is used here too, for the older engines some Office hosts embed.
 */
import type { TextPage } from '../report/import/positioned';
import { PdfReadError, pdfTextPages } from './text';

export { NO_TEXT_LAYER, PdfReadError } from './text';

/** The positioned text of every page of a PDF (throws PdfReadError for bad input). `base` is the
 *  add-in's folder URL, where dist/pdfjs/ is served (default: the page's own folder). */
export async function readPdfText(data: Uint8Array, base: string = document.baseURI): Promise<TextPage[]> {
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.js', base).href;
  const cMapUrl = new URL('pdfjs/cmaps/', base).href;
  const pages = await pdfTextPages(pdfjs, data, {
    cMapUrl,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
  });
  // no text at all: a scan — or a server that does not send pdf.js's cMaps (IIS refuses unknown
  // extensions such as .bcmap), which empties the text of PDFs with predefined Chinese CMaps
  if (pages.every((p) => p.items.length === 0)) {
    const ok = await fetch(`${cMapUrl}UniGB-UCS2-H.bcmap`, { method: 'HEAD', cache: 'no-store' }).then(
      (r) => r.ok,
      () => false,
    );
    if (!ok)
      throw new PdfReadError(
        'setup',
        '读取 PDF 所需的字体映射文件（加载项的 pdfjs/cmaps/ 文件夹）无法下载，不能判断文件是否有文字层；请管理员检查加载项的部署（IIS 须登记 .bcmap 等扩展名，见部署说明）',
      );
  }
  return pages;
}
