/**
 * pdf.js for the command line: the legacy build of pdfjs-dist (the one meant for Node), its worker
 * run in this thread (registered before the first document, so pdf.js never imports it itself), cMaps
 * and standard fonts read from the package folder. Loaded on the first PDF only.
 */
import path from 'path';
import type { TextPage } from '../report/import/positioned';
import { pdfTextPages, type PdfJs, type PdfResources } from './text';

let loaded: Promise<{ pdfjs: PdfJs; resources: PdfResources }> | null = null;

function load(): Promise<{ pdfjs: PdfJs; resources: PdfResources }> {
  loaded ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    const dir = path.dirname(require.resolve('pdfjs-dist/package.json'));
    return {
      pdfjs: pdfjs as unknown as PdfJs,
      resources: {
        cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
        standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
      },
    };
  })();
  return loaded;
}

/** The positioned text of every page of a PDF (throws PdfReadError for bad input). */
export async function readPdfText(data: Uint8Array): Promise<TextPage[]> {
  const { pdfjs, resources } = await load();
  return pdfTextPages(pdfjs, data, resources);
}
