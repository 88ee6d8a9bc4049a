/** 生成文字: the paragraphs written from the first set of tables, and the rows they are inserted as on the 报告正文
 *  sheet. No office-js here. */
import { loadChunk } from './load';
import { a1, quoteSheet } from '../report/a1';
import { usableLastYear } from '../report/crossYear';
import { tableLayout } from '../report/layout';
import { PROSE_HEADER, PROSE_SHEET } from '../report/prose';
import type { NarrativeOptions, Paragraph } from '../report/narrative';
import type { CellKey, FormatId } from '../report/types';
import type { TablesRead, WorkbookHost } from '../host/types';
import { lastYearOf, setIndex, sourceOfTables, speaker } from './tables';

export { headingsOf, paragraphsText } from './paragraphs';

/** Where a cell of the tables is in the workbook. */
export interface CellPlace {
  tableName: string;
  r: number;
  c: number;
  address: string;
}

export interface WorkbookNarrative {
  paragraphs: Paragraph[];
  /** Where each cell key of the paragraphs is in the workbook. */
  where: Map<CellKey, CellPlace>;
  year: number;
  format: FormatId;
  /** The 单位名称 kept with the tables (given when they were inserted). */
  agency?: string;
}

/** Where each data cell of the first set of registered tables of `format` is. */
function placesOf(read: TablesRead, format: FormatId): Map<CellKey, CellPlace> {
  const where = new Map<CellKey, CellPlace>();
  const firstSet = Math.min(...read.tables.map((t) => setIndex(t)));
  for (const t of read.tables) {
    if (t.format !== format || setIndex(t) !== firstSet) continue;
    for (const cell of tableLayout(t.format, t.table).data) {
      where.set(cell.key as CellKey, {
        tableName: t.name,
        r: cell.r,
        c: cell.c,
        address: `${quoteSheet(t.sheet)}!${a1(t.rect.r + cell.r, t.rect.c + cell.c)}`,
      });
    }
  }
  return where;
}

/** 生成文字: the paragraphs for the first set of registered tables in the workbook. */
export async function narrativeFromWorkbook(host: WorkbookHost, options: NarrativeOptions): Promise<WorkbookNarrative | null> {
  const read = await host.readTables();
  const src = sourceOfTables(read.tables);
  if (!src) return null;
  const last = lastYearOf(read);
  const { generateNarrative } = await loadChunk(() => import(/* webpackChunkName: "narrative" */ '../report/narrative'));
  const paragraphs = generateNarrative(src, {
    ...options,
    who: speaker(options.who, src.agency),
    lastYear: options.lastYear ?? usableLastYear(last, src),
  });
  return {
    paragraphs,
    where: placesOf(read, src.format),
    year: src.year,
    format: src.format,
    ...(src.agency ? { agency: src.agency } : {}),
  };
}

/** Rows for the 报告正文 sheet from generated paragraphs: a paragraph with a sub-heading (一（二）) comes after a row
 *  holding it, so that the text stays under its heading wherever it is later edited, checked or exported. */
export function paragraphRows(paragraphs: Paragraph[]): Array<[number | string, string]> {
  return [
    [PROSE_HEADER[0], PROSE_HEADER[1]],
    ...paragraphs
      .filter((p) => !p.blocked)
      .flatMap((p): Array<[number, string]> => [...(p.part ? [[p.section, p.part] as [number, string]] : []), [p.section, p.text]]),
  ];
}

/** What the pane's 生成文字 panel can do. */
export interface NarrativeActions {
  generate: (options: NarrativeOptions) => Promise<WorkbookNarrative | null>;
  /** Insert the paragraphs on the 报告正文 sheet (or beside it when it is there); the sheet used. */
  insertProse: (paragraphs: Paragraph[]) => Promise<string>;
  /** Select a cell a number of the text was read from. */
  selectCell: (at: CellPlace) => Promise<void>;
}

export const narrativeActions = (host: WorkbookHost): NarrativeActions => ({
  generate: (options) => narrativeFromWorkbook(host, options),
  insertProse: (paragraphs) => host.insertProse(PROSE_SHEET, paragraphRows(paragraphs)),
  selectCell: (at) => host.selectCells(at.tableName, [{ r: at.r, c: at.c }]),
});
