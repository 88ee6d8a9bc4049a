/** The shared pdf.js adapter (src/pdf/text.ts) against a stand-in for pdf.js: what it asks for, how
 *  it places text, which errors it turns into which Chinese message. */
import { pdfTextPages, PdfReadError, type PdfJs } from '../../src/pdf/text';

const PDF = new TextEncoder().encode('%PDF-1.7\n%fake\n');
const RES = { cMapUrl: '/c/', standardFontDataUrl: '/f/' };

function fake(
  items: Array<{ str: string; transform: number[]; width: number }>,
  fail?: unknown,
): { pdfjs: PdfJs; params: Array<Record<string, unknown>> } {
  const params: Array<Record<string, unknown>> = [];
  const pdfjs: PdfJs = {
    getDocument(src) {
      params.push(src);
      const doc = {
        numPages: 1,
        getPage: async () => ({
          // a portrait A4 page at scale 1: y flipped
          getViewport: () => ({ width: 595, height: 842, transform: [1, 0, 0, -1, 0, 842] }),
          getTextContent: async () => ({ items }),
          cleanup: () => undefined,
        }),
        destroy: async () => undefined,
      };
      // pdf.js rejects with its own exception objects ({ name: 'PasswordException', … }), and so does this fake
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return { promise: fail ? Promise.reject(fail) : Promise.resolve(doc), destroy: async () => undefined };
    },
  };
  return { pdfjs, params };
}

test('asks pdf.js to compile nothing and to read a copy of the bytes; places upright text from the top of the page, leaves rotated text out', async () => {
  const { pdfjs, params } = fake([
    { str: '规章', transform: [12, 0, 0, 12, 100, 700], width: 24 },
    { str: '样本', transform: [8.49, 8.49, -8.49, 8.49, 200, 400], width: 24 }, // a 45° watermark
    { str: '竖', transform: [0, 12, -12, 0, 50, 300], width: 12 },
    { str: ' ', transform: [12, 0, 0, 12, 130, 700], width: 3 },
  ]);
  const pages = await pdfTextPages(pdfjs, PDF, RES);
  expect(params[0]).toMatchObject({
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    cMapUrl: '/c/',
    standardFontDataUrl: '/f/',
  });
  expect(params[0].data).not.toBe(PDF);
  expect(pages).toEqual([{ width: 595, height: 842, items: [{ str: '规章', x: 100, y: 142, width: 24, size: 12 }] }]);
});

test.each([
  ['a password', { name: 'PasswordException', message: 'No password given' }, 'encrypted', /设置了打开密码/],
  [
    'a broken file',
    { name: 'InvalidPDFException', message: 'Invalid PDF structure.' },
    'damaged',
    /^PDF 文件已损坏或不完整，无法读取（Invalid PDF structure\.）$/,
  ],
  ['anything else', new Error('x'.repeat(300)), 'damaged', /…）$/],
])('%s: a PdfReadError with its Chinese message', async (_what, error, problem, message) => {
  const { pdfjs } = fake([], error);
  const e = await pdfTextPages(pdfjs, PDF, RES).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PdfReadError);
  expect(e).toMatchObject({ problem, message: expect.stringMatching(message) });
});

test('not a PDF and empty are told before pdf.js is asked', async () => {
  const { pdfjs, params } = fake([]);
  await expect(pdfTextPages(pdfjs, new TextEncoder().encode('PK\u0003\u0004'), RES)).rejects.toMatchObject({ problem: 'not-pdf' });
  await expect(pdfTextPages(pdfjs, new Uint8Array(), RES)).rejects.toMatchObject({ problem: 'empty' });
  expect(params).toEqual([]);
});
