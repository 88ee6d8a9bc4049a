/** Queueing everything an insertion's plan writes on a sheet (no sync): values, formats, merges, borders, column
 *  widths, data validations and the tables' registrations. */
import type { Rect } from '../report/a1';
import { STYLES, widthPoints, type SheetPlan } from '../report/plan';
import type { ExcelSession } from './context';
import { queueRegistration } from './registrations';

/**
 * A plan's value as it must be written for Excel to keep it: Excel reads what is written to a range as if typed, so
 * text starting with '+' or '-' (an agency called “-某某局”) or '@' would be taken as a formula; a leading apostrophe
 * keeps it text (it is not part of the value). The plan's own formulas start with '=' (text starting with '=' comes
 * from the plan already written "'=…").
 */
function typedText(v: string | number): string | number {
  return typeof v === 'string' && /^[+\-@]/.test(v) ? `'${v}` : v;
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function queueStyles(range: (x: Rect) => Excel.Range, plan: SheetPlan): void {
  for (const { rect, style } of plan.styled) {
    const s = STYLES[style];
    const f = range(rect).format;
    if (s.fill) f.fill.color = s.fill;
    if (s.bold) f.font.bold = true;
    if (s.fontSize) f.font.size = s.fontSize;
    if (s.wrap) f.wrapText = true;
    if (s.hAlign) f.horizontalAlignment = s.hAlign;
    if (s.vAlign) f.verticalAlignment = s.vAlign;
  }
  for (const t of plan.tables) {
    const borders = range(t.rect).format.borders;
    for (const edge of BORDER_EDGES) {
      const b = borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
}

function queueValidations(session: ExcelSession, range: (x: Rect) => Excel.Range, plan: SheetPlan): void {
  const { greaterThanOrEqualTo: op, between } = session.X.DataValidationOperator;
  for (const v of plan.validations) {
    const dv = range(v.rect).dataValidation;
    if (v.kind === 'amount') {
      dv.rule = { decimal: { formula1: 0, operator: op } };
      dv.prompt = { showPrompt: true, title: '金额（万元）', message: '请填写大于或等于0的数，可有小数；没有请填0。' };
      dv.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: '金额有误',
        message: '金额应为大于或等于0的数字（单位：万元），不要填写单位或文字。',
      };
    } else if (v.kind === 'signed') {
      dv.rule = { wholeNumber: { formula1: -999999999, formula2: 999999999, operator: between } };
      dv.prompt = { showPrompt: true, title: '本年增/减', message: '请填写整数：增加填正数，减少填负数，没有变化填0。' };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '数值有误', message: '本年增/减应为整数（减少填负数）。' };
    } else {
      dv.rule = { wholeNumber: { formula1: 0, operator: op } };
      dv.prompt = { showPrompt: true, title: '件数', message: '请填写大于或等于0的整数；没有请填0，不要留空或填“/”。' };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '件数有误', message: '件数应为大于或等于0的整数，不要填写单位或文字。' };
    }
  }
}

/** Queue everything a plan writes on a sheet (no sync). Columns narrower than the plan wants are widened. */
export function queuePlan(
  session: ExcelSession,
  wb: Excel.Workbook,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  currentWidths: Map<number, number>,
  markSheetMissing: boolean,
): void {
  const r = plan.rect;
  const all = sheet.getRangeByIndexes(r.r, r.c, r.rs, r.cs);
  all.numberFormat = plan.numberFormats;
  all.formulas = plan.values.map((row) => row.map(typedText));
  const range = (x: Rect): Excel.Range => sheet.getRangeByIndexes(x.r, x.c, x.rs, x.cs);
  for (const m of plan.merges) range(m).merge(false);
  queueStyles(range, plan);
  for (const { c, chars } of plan.columnWidths) {
    const want = widthPoints(chars);
    if ((currentWidths.get(c) ?? 0) < want) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = want;
  }
  queueValidations(session, range, plan);
  queueRegistration(session, wb, sheet, plan.tables, plan.conditionalFormats, markSheetMissing);
  for (const t of plan.tables) range(t.rect).format.autofitRows();
}
