/**
 * pdf.js for the task pane, loaded only when a PDF is opened (its own chunk, never in the first
 * screen). Everything comes from the add-in's own origin, so it works on a closed network: webpack
 * copies the worker, cMaps and standard fonts into dist/pdfjs/ (webpack.config.js). The legacy build
 * is used here too, for the older engines some Office hosts embed.
 */
import type { TextPage } from '../report/import/positioned';
import { pdfTextPages, type PdfJs } from './text';

export { NO_TEXT_LAYER, PdfReadError } from './text';

/** The positioned text of every page of a PDF (throws PdfReadError for bad input). `base` is the
 *  add-in's folder URL, where dist/pdfjs/ is served (default: the page's own folder). */
export async function readPdfText(data: Uint8Array, base: string = document.baseURI): Promise<TextPage[]> {
  const pdfjs = await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.js', base).href;
  return pdfTextPages(pdfjs as unknown as PdfJs, data, {
    cMapUrl: new URL('pdfjs/cmaps/', base).href,
    standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
  });
}
