/** Last year's report kept in the workbook's settings for the cross-year checks (read with the tables, see read.ts). */
import { LAST_YEAR_SETTING, type ExcelSession } from './context';

/** One write sync: the setting replaced, or deleted when `json` is null. */
export async function storeLastYear(session: ExcelSession, json: string | null): Promise<void> {
  await session.run(async (context) => {
    if (json === null) context.workbook.settings.getItemOrNullObject(LAST_YEAR_SETTING).delete();
    else context.workbook.settings.add(LAST_YEAR_SETTING, json);
    await context.sync();
  });
}
