/**
 * The marks of a check: a code a cell (0 none, then by severity) in each registered table's block on the hidden mark
 * sheet, shown by the tables' conditional formats.
 */
import { ALL_NAMES, markBlock, MARK_BLOCK_COLS, MARK_CODES, MARK_META_ROW, MARK_SHEET } from '../report/plan';
import { PROSE_SHEET } from '../report/prose';
import type { Mark, ReadOptions, ReadTable, TablesRead } from '../host/types';
import type { ExcelSession } from './context';
import { readIn } from './read';
import { queueMarkSheetRead } from './registrations';

/** Queue each registered table's block of codes (no sync). */
function queueMarks(wb: Excel.Workbook, tables: ReadTable[], marks: Mark[]): void {
  const ms = wb.worksheets.getItem(MARK_SHEET);
  for (const t of tables.filter((x) => !x.recognised)) {
    const grid = Array.from({ length: t.rect.rs }, (): number[] => Array<number>(t.rect.cs).fill(0));
    for (const m of marks) if (m.tableName === t.name) grid[m.r][m.c] = Math.max(grid[m.r][m.c], MARK_CODES[m.severity]);
    const b = markBlock(t.name);
    ms.getRangeByIndexes(b.r, b.c, t.rect.rs, t.rect.cs).values = grid;
  }
}

/** The read (readIn's syncs), the decision, then one write sync of the marks when there is a table to mark. */
export function checkAndMark<T>(
  session: ExcelSession,
  decide: (read: TablesRead) => { marks: Mark[]; result: T },
  options?: ReadOptions,
): Promise<T> {
  return session.run(async (context) => {
    // ---- read
    const read = await readIn(session, context, options?.proseSheet || PROSE_SHEET);
    // ---- decide
    const { marks, result } = decide(read);
    // ---- write
    if (session.state.hasMarkSheet && read.tables.some((t) => !t.recognised)) {
      queueMarks(context.workbook, read.tables, marks);
      await context.sync();
    }
    return result;
  });
}

/** How many cells are marked in these blocks of codes (read). */
const markedCells = (reads: Excel.Range[]): number =>
  reads
    .filter((r) => !r.isNullObject)
    .flatMap((r) => r.values.flat() as unknown[])
    .filter((v) => typeof v === 'number' && v > 0).length;

/** One read sync (the codes of the tables named, or of the whole small mark sheet), one write sync clearing them.
 *  Returns how many cells were marked. */
export function clearMarks(session: ExcelSession, only?: string[]): Promise<number> {
  return session.run(async (context) => {
    const markSheet = queueMarkSheetRead(context.workbook);
    const blockOf = (n: string): Excel.Range => {
      const b = markBlock(n);
      return markSheet.getRangeByIndexes(b.r, b.c, MARK_META_ROW, MARK_BLOCK_COLS);
    };
    // ---- read
    const reads = only ? only.map((n) => blockOf(n).load('values')) : [markSheet.getUsedRangeOrNullObject(true).load('values')];
    await context.sync();
    if (markSheet.isNullObject) return 0;
    const count = markedCells(reads);
    // ---- write
    for (const n of only ?? ALL_NAMES) blockOf(n).clear('Contents');
    await context.sync();
    return count;
  });
}
