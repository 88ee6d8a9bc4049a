/** 导出 Word / 导出网页 from the pane: the workbook read, the document built by exportDocument.ts (loaded now, with
 *  the writers), the file made. No office-js here. */
import { loadChunk } from './load';
import type { WorkbookHost } from '../host/types';
import type { ExportOptions } from './exportDocument';

export interface WorkbookExport {
  /** The finished file. */
  blob: Blob;
  fileName: string;
  /** Error-level findings that remain (the file is written anyway, with this warning). */
  errors: number;
}

export type ExportKind = 'docx' | 'html';

/** What the pane's export asks for: what the person typed, and the sheet holding the prose. */
export interface ExportRequest extends ExportOptions {
  proseSheet?: string;
}

/** 导出 Word / 导出网页: the report from the workbook's tables and its prose, with the errors 校验 finds in it. */
export async function exportFromWorkbook(host: WorkbookHost, kind: ExportKind, request: ExportRequest): Promise<WorkbookExport | null> {
  const { proseSheet, ...options } = request;
  const read = await host.readTables({ proseSheet });
  const { exportDocument, exportSourceOfRead, UNKNOWN_YEAR } = await loadChunk(
    () => import(/* webpackChunkName: "export" */ './exportDocument'),
  );
  const source = exportSourceOfRead(read);
  if (!source) return null;
  if (!Number.isInteger(source.report.year)) throw new Error(UNKNOWN_YEAR);
  const { doc, name, errors } = exportDocument(source, options);
  if (kind === 'html') {
    const { toHtml } = await loadChunk(() => import(/* webpackChunkName: "export" */ '../report/export/html'));
    return { blob: new Blob([toHtml(doc)], { type: 'text/html;charset=utf-8' }), fileName: `${name}.html`, errors };
  }
  const { docxBlob } = await loadChunk(() => import(/* webpackChunkName: "docx" */ '../file/docx'));
  return { blob: await docxBlob(doc), fileName: `${name}.docx`, errors };
}

/** What the pane's 导出 panel can do. */
export interface ExportActions {
  export: (kind: ExportKind, request: ExportRequest) => Promise<WorkbookExport | null>;
}

export const exportActions = (host: WorkbookHost): ExportActions => ({
  export: (kind, request) => exportFromWorkbook(host, kind, request),
});
