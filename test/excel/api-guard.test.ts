/**
 * No member above the manifest's minimum ExcelApi is called unguarded in src/: every Excel and Office member the
 * code uses is looked up in the levels generated from @types/office-js (src/excel-sim/api-levels.json).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { findUnguarded, manifestMinimum } from '../../scripts/api-guard';
import { generate, serialise } from '../../scripts/api-levels';
import { MIN_API } from '../../src/excel/excelHost';

jest.setTimeout(60000);

test('the generated levels are what @types/office-js says (regenerate with npx tsx scripts/api-levels.ts)', () => {
  const committed = readFileSync(path.join(__dirname, '..', '..', 'src', 'excel-sim', 'api-levels.json'), 'utf8');
  expect(committed).toBe(serialise(generate()));
  const levels = JSON.parse(committed);
  // spot checks against the annotations as Microsoft writes them
  expect(levels.excel.Range.getMergedAreasOrNullObject).toBe('1.13');
  expect(levels.excel.Range.getCellProperties).toBe('1.9');
  expect(levels.excel.Application.calculationMode).toEqual({ get: '1.1', set: '1.8' });
  expect(levels.office.UI.displayDialogAsync).toContain('DialogApi 1.1');
});

test('the host promises what the manifest declares', () => {
  expect(MIN_API).toBe(manifestMinimum());
});

test(`src/ calls no Excel or Office member above the manifest's minimum outside an isSetSupported branch`, () => {
  expect(findUnguarded().map((u) => `${u.file}:${u.line} ${u.member} needs ${u.needs}`)).toEqual([]);
});

test('the check finds unguarded members and accepts the guards the code uses', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-guard-'));
  const file = path.join(dir, 'sample.ts');
  writeFileSync(
    file,
    `
declare const O: typeof Office;
const hasExcelApi = (v: string): boolean => O.context.requirements.isSetSupported('ExcelApi', v);
export async function sample(ctx: Excel.RequestContext, r: Excel.Range): Promise<void> {
  r.getMergedAreasOrNullObject();                                                     // 1: unguarded (1.13)
  if (O.context.requirements.isSetSupported('ExcelApi', '1.13')) r.getMergedAreasOrNullObject();
  if (hasExcelApi('1.12')) r.getMergedAreasOrNullObject();                            // 2: guard too low
  const props = hasExcelApi('1.9') ? r.getCellProperties({ address: true }) : null;
  if (!hasExcelApi('1.9')) r.getCellProperties({ address: true });                    // 3: wrong branch
  const canCf = O.context.requirements.isSetSupported('ExcelApi', '1.9');
  if (canCf && props) r.format.fill.pattern = 'Solid';
  r.format.fill.load('color,pattern');                                                // 4: load of a 1.9 property
  ctx.workbook.application.calculationMode = 'Manual';                                // 1.8 to set: fine at 1.8
  const mode = ctx.workbook.application.calculationMode;
  O.context.ui.displayDialogAsync('https://x.example/a.html');                       // 5: DialogApi
  if (O.context.requirements.isSetSupported('DialogApi', '1.1')) O.context.ui.displayDialogAsync('https://x.example/a.html');
  if (!hasExcelApi('1.10')) return;
  ctx.workbook.comments.load('items');
  void mode;
}
`,
  );
  const found = findUnguarded({ files: [file], minimum: '1.8' });
  expect(found.map((u) => [u.line, u.member, u.needs])).toEqual([
    [5, 'Range.getMergedAreasOrNullObject', 'ExcelApi 1.13'],
    [7, 'Range.getMergedAreasOrNullObject', 'ExcelApi 1.13'],
    [9, 'Range.getCellProperties', 'ExcelApi 1.9'],
    [12, "RangeFill.pattern (load 'pattern')", 'ExcelApi 1.9'],
    [15, 'UI.displayDialogAsync', 'DialogApi 1.1'],
  ]);
  // at a lower minimum, setting the calculation mode (1.8) needs a guard as well
  expect(findUnguarded({ files: [file], minimum: '1.7' }).map((u) => u.member)).toContain('Application.calculationMode (set)');
});
