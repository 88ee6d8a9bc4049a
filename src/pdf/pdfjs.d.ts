/** pdfjs-dist ships types for legacy/build/pdf.mjs only: the minified copy the pane bundles is the
 *  same module; of the worker module only its presence matters (node.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
