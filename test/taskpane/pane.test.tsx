import fs from 'fs';
import path from 'path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { paneActions } from '../../src/app/actions';
import { zhStrings } from '../../src/taskpane/i18n';
import { en } from '../../src/taskpane/i18n-en';
import { setup } from '../excel/helpers';

function renderPane(lang = 'zh-CN') {
  const ctx = setup();
  const strings = /^en/.test(lang) ? en : zhStrings;
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={paneActions(ctx.host)} strings={strings} version="test" defaultYear={2025} />
    </FluentProvider>,
  );
  return { ...ctx, strings };
}

/** Open 帮助 as a person does (its summary) and wait for the rule list, which is loaded when it is first opened. */
async function openHelp(): Promise<HTMLElement> {
  const help = screen.getByTestId('help');
  fireEvent.click(help.querySelector('summary') as HTMLElement);
  await within(help).findAllByRole('listitem');
  return help;
}

describe('task pane', () => {
  test('speaks Chinese by default and English when Office is English', () => {
    renderPane();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('政务公开年报助手');
    expect(screen.getByTestId('insert-all').textContent).toBe('插入全部表格');
    expect(screen.getByTestId('insert-all').closest('[lang]')?.getAttribute('lang')).toBe('zh-CN');
  });

  test('English UI', () => {
    renderPane('en-US');
    expect(screen.getByTestId('insert-all').textContent).toBe('Insert all tables');
    expect(screen.getByTestId('insert-all').closest('[lang]')?.getAttribute('lang')).toBe('en');
  });

  test('insert all on a new sheet, then check: the untouched tables are reported once each', async () => {
    const { sim } = renderPane();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    const msg = await screen.findByTestId('insert-message');
    expect(msg.textContent).toContain('已在工作表“2025年报表格”的 A1:O53 插入表格');
    expect(sim.getCell('2025年报表格', 'A1').value).toBe('2025年政府信息公开工作年度报告 统计表');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '校验' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(3));
    expect(screen.getAllByTestId('finding').map((b) => b.getAttribute('data-rule'))).toEqual(['BLANK', 'BLANK', 'BLANK']);
  });

  test('a refused insertion says why and offers a new sheet', async () => {
    const { X } = renderPane();
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C5').values = [['已有内容']];
      await ctx.sync();
    });
    fireEvent.click(screen.getByLabelText('当前选中的单元格'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    const msg = await screen.findByTestId('insert-message');
    expect(msg.textContent).toContain('为避免覆盖，未插入任何内容');
    await act(async () => {
      fireEvent.click(within(msg).getByRole('button', { name: '插入到新工作表' }));
    });
    await waitFor(() => expect(screen.getByTestId('insert-message').textContent).toContain('2025年报表格'));
  });

  test('an invalid year disables insertion and says what is expected', async () => {
    renderPane();
    fireEvent.change(screen.getByTestId('year').querySelector('input') ?? screen.getByTestId('year'), { target: { value: '25' } });
    expect((await screen.findByText(/^年份“25”无效/)).textContent).toBe('年份“25”无效：请填写 2008 至 2100 之间的四位年份，如 2025');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '插入全部表格' }).disabled).toBe(true);
  });

  test('findings are listed per table; clicking one selects its cell; 生成文字 writes paragraphs with clickable numbers', async () => {
    const { sim } = renderPane();
    fireEvent.click(screen.getByLabelText('当前选中的单元格'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    // table 2 starts at row 20 (A20) when inserted at A1: 一、本年新收 · 自然人 is D23
    sim.setCell('Sheet1', 'D23', 50);
    sim.setCell('Sheet1', 'D25', 48);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '校验' }));
    });
    const balance = await screen.findByText(/自然人列：一＋二（50）应等于三（七）总计＋四（48），相差2/);
    await act(async () => {
      fireEvent.click(balance.closest('button') as HTMLElement);
    });
    await waitFor(() => expect(sim.selectionAddress()).toMatch(/D23$/));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成文字' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    // table 2 has an error: its paragraphs are notices, not prose
    expect(screen.getByTestId('narrative-message').textContent).toContain('表格有错误');
  });

  test('插入到工作表 never overwrites 报告正文: a second insertion goes beside it, with a warning saying what is read', async () => {
    const { sim } = renderPane();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '生成文字' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入到工作表' }));
    });
    await waitFor(() => expect(screen.getByTestId('narrative-message').textContent).toBe('已将文字插入工作表“报告正文”（每段一行）。'));
    sim.setCell('报告正文', 'B2', '本机关自己改写的段落。');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入到工作表' }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('narrative-message').textContent).toMatch(
        /^已有“报告正文”工作表，为不覆盖其中内容，新文字放在“报告正文\(2\)”。校验和导出读取“正文所在工作表”中填写的工作表/,
      ),
    );
    expect(sim.getCell('报告正文', 'B2').value).toBe('本机关自己改写的段落。');
  });

  test('校验 checks the prose of the sheet the person names', async () => {
    const { host } = renderPane();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    await host.insertProse('正文', [
      ['部分', '内容'],
      [3, '本年度共收到政府信息公开申请17件。'],
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '校验' }));
    });
    await screen.findByTestId('check-message');
    expect(document.querySelectorAll('[data-rule="N-APPS"]')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('prose-sheet'), { target: { value: '正文' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '校验' }));
    });
    await waitFor(() => expect(document.querySelectorAll('[data-rule="N-APPS"]').length).toBeGreaterThan(0));
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toContainEqual(
      expect.stringMatching(/^报告正文与表格核对（错误 \d+，提示 \d+）$/),
    );
  });
});

describe('导入上年报告', () => {
  test('pasted last-year report is kept in the workbook; 校验 then checks the carry-over', async () => {
    const { sim } = renderPane();
    const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'huaian-2024.txt'), 'utf8');
    fireEvent.click(screen.getByLabelText('当前选中的单元格'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入全部表格' }));
    });
    // 二、上年结转 · 自然人 (D24) says 5, while last year's 四、结转下年度 · 自然人 was 103
    sim.setCell('Sheet1', 'D24', 5);
    fireEvent.change(screen.getByTestId('last-year-text'), { target: { value: text } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('last-year-import'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('last-year-message').textContent).toContain('已保存淮安市人民政府2024年报告（2021年格式，表1、表2、表3）'),
    );
    expect(JSON.parse(String(sim.state.settings['ogi.lastYearReport'])).year).toBe(2024);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '校验' }));
    });
    const carry = await screen.findByText(/自然人列：本年“二、上年结转”（5）应等于2024年报告“四、结转下年度继续办理”（103），相差98/);
    expect(carry.closest('[data-testid="finding"]')?.getAttribute('data-rule')).toBe('X-CARRY');
  });

  test('text with no report in it is refused with a reason', async () => {
    renderPane();
    fireEvent.change(screen.getByTestId('last-year-text'), { target: { value: '这是一段会议通知。' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('last-year-import'));
    });
    await waitFor(() => expect(screen.getByTestId('last-year-message').textContent).toMatch(/^没有读到年报表格/));
  });
});

describe('帮助', () => {
  test('explains every rule of the spec in its official wording, and shows the version', async () => {
    const spec = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'spec', 'rules.md'), 'utf8');
    const ids = [...spec.matchAll(/^\| ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*) \|/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(15);
    renderPane();
    // closed, 帮助 has not loaded its list yet
    expect(within(screen.getByTestId('help')).queryAllByRole('listitem')).toHaveLength(0);
    const help = await openHelp();
    const listed = within(help)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    for (const id of ids) expect(listed.some((t) => t.startsWith(`${id} `))).toBe(true);
    expect(listed.find((t) => t.startsWith('T2-BALANCE'))).toContain('第一项加第二项之和，等于第三项加第四项之和');
    expect(within(help).getByTestId('version').textContent).toBe('政务公开年报助手 版本 test');
  });
});
