/**
 * @jest-environment jsdom
 */
/** The plain-DOM workbook view: tabs, values, merges, fills (incl. conditional formats), notes, selection, editing. */
import { createWorkbookSim } from '../../src/excel-sim';
import { renderWorkbook } from '../../src/excel-sim/grid';

const mount = async () => {
  const sim = createWorkbookSim({ sheets: ['Sheet1', '年报'] });
  sim.setCell('Sheet1', 'A1', 5);
  sim.setCell('Sheet1', 'A2', -3);
  sim.setCell('Sheet1', 'B1', '=SUM(A1:A2)');
  sim.setCell('Sheet1', 'C1', '<b>not html</b>');
  await sim.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A4:C4').merge();
    ws.getRange('A4').values = [['merged']];
    ws.getRange('B1').format.font.bold = true;
    ws.getRange('C1').format.fill.color = '#FFEB9C';
    ws.getRange('C1').format.wrapText = true;
    ws.getRange('A1').format.borders.getItem('EdgeBottom').style = 'Continuous';
    const cf = ws.getRange('A1:A2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=A1<0';
    cf.custom.format.fill.color = '#FFC7CE';
    ctx.workbook.notes.add('Sheet1!B2', '请核对');
    ws.getRange('B2').select();
    await ctx.sync();
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const dispose = renderWorkbook(container, sim);
  const cell = (addr: string) => container.querySelector(`[data-addr="${addr}"]`) as HTMLTableCellElement;
  const press = (addr: string) => cell(addr).dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  return { sim, container, dispose, cell, press };
};

describe('renderWorkbook', () => {
  test('draws tabs, computed values, merges, formats, conditional fills, notes and the selection', async () => {
    const { container, cell } = await mount();
    expect(container.querySelector('[data-testid="sim-grid"]')).not.toBeNull();
    expect([...container.querySelectorAll('[data-testid="sim-tab"]')].map((t) => t.textContent)).toEqual(['Sheet1', '年报']);
    expect(cell('B1').textContent).toBe('2');
    expect(cell('B1').style.fontWeight).toBe('bold');
    expect(cell('A4').colSpan).toBe(3);
    expect(cell('A4').textContent).toBe('merged');
    expect(cell('B4')).toBeNull();
    expect(cell('C1').textContent).toBe('<b>not html</b>');
    expect(cell('C1').querySelector('b')).toBeNull();
    expect(cell('C1').style.backgroundColor).toBe('rgb(255, 235, 156)');
    expect(cell('C1').style.whiteSpace).toBe('pre-wrap');
    expect(cell('A1').style.backgroundColor).toBe('');
    expect(cell('A2').style.backgroundColor).toBe('rgb(255, 199, 206)');
    expect(cell('A1').style.borderBottom).toContain('solid');
    expect(cell('B2').title).toBe('请核对');
    expect(cell('B2').querySelector('.sim-note')).not.toBeNull();
    expect(cell('B2').getAttribute('data-selected')).toBe('true');
    expect(cell('B1').getAttribute('data-selected')).toBeNull();
  });

  test('re-renders on change and follows the active sheet; clicking a tab activates it', async () => {
    const { sim, container, cell } = await mount();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[10]];
      await ctx.sync();
    });
    expect(cell('B1').textContent).toBe('7');
    const tab = [...container.querySelectorAll<HTMLButtonElement>('[data-testid="sim-tab"]')].find((t) => t.textContent === '年报')!;
    tab.click();
    expect(sim.state.sheets[sim.state.sheets.findIndex((s) => s.name === '年报')].id).toBe(sim.state.activeSheetId);
    expect(cell('B1').textContent).toBe('');
  });

  test('pressing a cell selects it and opens an editor; Enter stores a user edit, Escape cancels', async () => {
    const { sim, cell, press } = await mount();
    press('D5');
    expect(sim.selectionAddress()).toBe('Sheet1!D5');
    let input = cell('D5').querySelector('input') as HTMLInputElement;
    input.value = '=A1*3';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(sim.getCell('Sheet1', 'D5')).toMatchObject({ formula: '=A1*3', value: 15 });
    expect(cell('D5').textContent).toBe('15');
    press('A1');
    input = cell('A1').querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('5');
    input.value = '99';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(sim.getCell('Sheet1', 'A1').value).toBe(5);
    expect(cell('A1').querySelector('input')).toBeNull();
  });

  test('pressing another cell saves a changed edit and moves the editor; an unchanged edit writes nothing', async () => {
    const { sim, cell, press } = await mount();
    sim.setCell('Sheet1', 'E1', "'007");
    press('E1');
    press('E2'); // E1 unchanged: stays the text '007'
    expect(sim.getCell('Sheet1', 'E1').value).toBe('007');
    (cell('E2').querySelector('input') as HTMLInputElement).value = 'typed';
    press('E3');
    expect(sim.getCell('Sheet1', 'E2').value).toBe('typed');
    expect(sim.selectionAddress()).toBe('Sheet1!E3');
    expect(cell('E3').querySelector('input')).not.toBeNull();
  });

  test('a protected sheet is not editable; dispose removes the view', async () => {
    const { sim, container, cell, dispose, press } = await mount();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
      await ctx.sync();
    });
    press('A1');
    expect(cell('A1').querySelector('input')).toBeNull();
    expect(container.querySelector('.sim-status')?.textContent).toMatch(/受保护/);
    dispose();
    expect(container.querySelector('[data-testid="sim-grid"]')).toBeNull();
  });
});

test('text runs on over empty cells to its right, not over filled ones or when wrapped; column letters stay on top', async () => {
  const sim = createWorkbookSim({ sheets: ['Sheet1'] });
  sim.setCell('Sheet1', 'A1', '三、收到和处理政府信息公开申请情况');
  sim.setCell('Sheet1', 'A2', '一个长标签');
  sim.setCell('Sheet1', 'B2', 7);
  sim.setCell('Sheet1', 'A3', 12);
  const container = document.createElement('div');
  document.body.appendChild(container);
  const dispose = renderWorkbook(container, sim);
  const cell = (addr: string) => container.querySelector(`[data-addr="${addr}"]`) as HTMLTableCellElement;
  expect(cell('A1').classList.contains('sim-spill')).toBe(true);
  expect(cell('A2').classList.contains('sim-spill')).toBe(false);
  expect(cell('A3').classList.contains('sim-spill')).toBe(false);
  expect(container.querySelector('tr.sim-colheads')?.textContent).toContain('A');
  dispose();
});

test("typed input a validation refuses brings up Excel's Stop alert: 重试 goes back to the text, 取消 keeps the old value", async () => {
  const { sim, container, cell, press } = await mount();
  await sim.Excel.run(async (ctx) => {
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('F1').dataValidation;
    dv.rule = { wholeNumber: { formula1: 0, formula2: 10, operator: 'Between' } };
    dv.prompt = { showPrompt: true, title: '填写提示', message: '请填写 0 到 10 的整数' };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: '数值无效', message: '须为 0 到 10 的整数' };
    await ctx.sync();
  });
  sim.setCell('Sheet1', 'F1', 4);
  const alertBox = () => container.querySelector('[data-testid="sim-alert"]');
  const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  press('F1');
  expect(container.querySelector('[data-testid="sim-prompt"]')?.textContent).toBe('填写提示请填写 0 到 10 的整数');
  let input = cell('F1').querySelector('input') as HTMLInputElement;
  input.value = '99';
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  expect(sim.getCell('Sheet1', 'F1').value).toBe(4);
  expect(alertBox()?.getAttribute('aria-label')).toBe('数值无效');
  expect(alertBox()?.textContent).toContain('须为 0 到 10 的整数');
  expect(container.querySelector('[data-testid="sim-prompt"]')).toBeNull();
  press('A1'); // the alert keeps the person in the cell
  expect(sim.selectionAddress()).toBe('Sheet1!F1');
  button('重试').click();
  expect(alertBox()).toBeNull();
  input = cell('F1').querySelector('input') as HTMLInputElement;
  expect(input.value).toBe('99');
  input.value = '123';
  press('A1'); // leaving the cell saves the input: refused again
  expect(sim.selectionAddress()).toBe('Sheet1!F1');
  expect(alertBox()).not.toBeNull();
  button('取消').click();
  expect(alertBox()).toBeNull();
  expect(cell('F1').querySelector('input')).toBeNull();
  expect(cell('F1').textContent).toBe('4');
  press('A1');
  expect(sim.selectionAddress()).toBe('Sheet1!A1');
});
