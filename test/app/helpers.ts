/** A workbook with tables inserted by the add-in (through the host, as the pane does) and filled in. */
import { a1 } from '../../src/report/a1';
import { insertTables } from '../../src/app/insert';
import { tableLayout } from '../../src/report/layout';
import type { ValueSource } from '../../src/report/check';
import type { CellKey, FormatId, TableId } from '../../src/report/types';
import type { TableRef } from '../../src/host/types';
import { setup } from '../excel/helpers';

export type Ctx = ReturnType<typeof setup>;

/** Insert the tables of `year` on a new sheet, as 插入全部表格 does. */
export async function inserted(
  ctx: Ctx,
  year: number,
  agency?: string,
  tables?: TableId[],
  sheet = `${year}年报表格`,
): Promise<TableRef[]> {
  const out = await insertTables(ctx.host, { year, agency, tables, target: { kind: 'newSheet', name: sheet } });
  if (!out.ok) throw new Error(out.message);
  return out.tables;
}

/** Type values into the inserted tables' data cells (null: leave the cell empty; undefined: keep what is there). */
export function type(ctx: Ctx, refs: TableRef[], get: ValueSource | ((key: CellKey) => unknown)): void {
  for (const t of refs) {
    for (const cell of tableLayout(t.format, t.table).data) {
      const v = get(cell.key as CellKey);
      if (v === undefined) continue;
      ctx.sim.setCell(t.sheet, a1(t.rect.r + cell.r, t.rect.c + cell.c), v === null ? '' : (v as string | number));
    }
  }
}

/** Every data cell 0 except those given. */
export const zerosExcept =
  (values: Record<CellKey, unknown> = {}) =>
  (key: CellKey): unknown =>
    key in values ? values[key] : 0;

export const FORMAT_OF = (year: number): FormatId => (year <= 2020 ? '2019' : '2021');
