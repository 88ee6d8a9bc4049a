/**
 * A PDF's text layer as positioned text runs (src/report/import/positioned.ts reads the tables from
 * them), through pdf.js. Shared by the command line (node.ts) and the pane (browser.ts), which load
 * pdf.js their own way and hand it in together with where its worker, cMaps and standard fonts live.
 *
 * Bad input never throws anything but a PdfReadError, whose message is one Chinese sentence (the
 * caller puts the file name in front): not a PDF, empty, encrypted, damaged.
 */
import type { TextItem, TextPage } from '../report/import/positioned';

/** The part of pdf.js used here (pdfjs-dist 5.x, either build). */
export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(
    o?: Record<string, unknown>,
  ): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  cleanup(): void;
}

export interface PdfResources {
  /** Folders (ending in /) of pdf.js's cMaps and standard fonts: paths in Node, URLs in the browser. */
  cMapUrl: string;
  standardFontDataUrl: string;
}

export type PdfProblem = 'empty' | 'not-pdf' | 'encrypted' | 'damaged' | 'setup';

export class PdfReadError extends Error {
  constructor(
    readonly problem: PdfProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

/** Whether the bytes start like a PDF ("%PDF-" within the first KB, as readers accept). */
export function looksLikePdf(data: Uint8Array): boolean {
  const head = String.fromCharCode(...data.subarray(0, 1024));
  return head.includes('%PDF-');
}

const mul = (m: number[], n: number[]): number[] => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function reason(e: unknown): string {
  const msg = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as Error).message) : String(e);
  return msg.length > 120 ? `${msg.slice(0, 117)}…` : msg;
}

/** The text of every page, as runs placed on the page (points from the page's top-left corner;
 *  page rotation applied; rotated text, e.g. a diagonal watermark, left out). */
export async function pdfTextPages(pdfjs: PdfJs, data: Uint8Array, resources: PdfResources): Promise<TextPage[]> {
  if (!data.length) throw new PdfReadError('empty', '文件为空（empty file）');
  if (!looksLikePdf(data)) throw new PdfReadError('not-pdf', '不是 PDF 文件（文件开头没有 %PDF 标记），可能是改了扩展名的其他文件');
  // pdf.js may take the buffer over (transfer to its worker): give it a copy
  const task = pdfjs.getDocument({
    data: data.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: resources.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: resources.standardFontDataUrl,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException')
      throw new PdfReadError('encrypted', 'PDF 设置了打开密码（已加密），无法读取；请提供未加密的 PDF（encrypted）');
    throw new PdfReadError('damaged', `PDF 文件已损坏或不完整，无法读取（${reason(e)}）`);
  }
  try {
    const pages: TextPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.transform || it.str.trim() === '') continue;
        const m = mul(vp.transform, it.transform);
        const size = Math.hypot(m[2], m[3]);
        if (!(size > 0) || Math.abs(m[1]) > 0.05 * size || Math.abs(m[2]) > 0.05 * size || m[0] <= 0) continue;
        items.push({
          str: it.str,
          x: m[4],
          y: m[5],
          width: (it.width ?? 0) * (m[0] / Math.hypot(it.transform[0], it.transform[1]) || 1),
          size,
        });
      }
      pages.push({ width: vp.width, height: vp.height, items });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (e instanceof PdfReadError) throw e;
    throw new PdfReadError('damaged', `PDF 文件已损坏或不完整，无法读取（${reason(e)}）`);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The message for a PDF whose text layer is empty (a scan). */
export const NO_TEXT_LAYER = 'PDF 中没有文字层（可能是扫描件或图片），无法读取表格；请使用能选中、复制文字的 PDF，或从政府网站复制报告全文';
