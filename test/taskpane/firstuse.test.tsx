/** What a clerk hits on first use of the pane (issue 14). */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { paneActions } from '../../src/app/actions';
import { zhStrings } from '../../src/taskpane/i18n';
import { en } from '../../src/taskpane/i18n-en';
import { setup } from '../excel/helpers';
import { type, zerosExcept } from '../app/helpers';
import type { TableRef } from '../../src/host/types';

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

const click = async (name: string | RegExp): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

/** Insert all tables through the pane (new sheet) and return what was registered. */
async function insertAll(ctx: ReturnType<typeof setup>, agency?: string): Promise<TableRef[]> {
  if (agency) fireEvent.change(screen.getByTestId('agency'), { target: { value: agency } });
  await click('插入全部表格');
  await screen.findByText(/已在工作表/);
  return (await ctx.host.readTables()).tables;
}

describe('item 3: the agency is typed once', () => {
  test('the 单位名称 typed at insertion is what 生成文字 speaks as', async () => {
    const ctx = renderPane();
    const refs = await insertAll(ctx, '某某市人民政府');
    type(
      ctx,
      refs,
      zerosExcept({
        'applications.new.natural': 5,
        'applications.new.total': 5,
        'applications.granted.natural': 5,
        'applications.granted.total': 5,
        'applications.total.natural': 5,
        'applications.total.total': 5,
      }),
    );
    await click('生成文字');
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('paragraph')[0].textContent).toContain('2025年，某某市人民政府共收到政府信息公开申请5件');
    expect(screen.getByTestId<HTMLInputElement>('who').placeholder).toBe('某某市人民政府');
  });
});

describe("item 1: last year's report of the wrong year or agency", () => {
  test('pasting a 2020 report of another city into a 2025 workbook is refused, saying what was read', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const ctx = renderPane();
    await insertAll(ctx, '某某市人民政府');
    fireEvent.change(screen.getByTestId('last-year-text'), {
      target: { value: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gaoan-2020.txt'), 'utf8') },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('last-year-import'));
    });
    const msg = await screen.findByTestId('last-year-message');
    expect(msg.getAttribute('data-intent')).toBe('error');
    expect(msg.textContent).toMatch(
      /^未保存：上年报告是高安市人民政府2020年的，而本报告是某某市人民政府2025年的，应为某某市人民政府2024年的报告/,
    );
    expect(ctx.sim.state.settings['ogi.lastYearReport']).toBeUndefined();
    // what was pasted is still there, to be corrected or replaced
    expect(screen.getByTestId<HTMLTextAreaElement>('last-year-text').value).toContain('高安市2020年');
  });
});

describe('item 2: a half-filled table', () => {
  test('one cell filled in tables 1 and 2: one BLANK finding per table, which selects all its blank cells; 生成文字 invents nothing', async () => {
    const ctx = renderPane();
    const refs = await insertAll(ctx);
    const t1 = refs.find((t) => t.table === 'active')!;
    const t2 = refs.find((t) => t.table === 'applications')!;
    type(ctx, [t1], (k) => (k === 'active.rules.issued' ? 1 : undefined));
    type(ctx, [t2], (k) => (k === 'applications.new.natural' ? 3 : undefined));
    await click('校验');
    await screen.findByTestId('check-message');
    const findings = screen.getAllByTestId('finding');
    const blanks = findings.filter((b) => b.getAttribute('data-rule') === 'BLANK');
    expect(blanks).toHaveLength(3);
    expect(findings.length).toBeLessThan(10);
    const t2Blank = blanks.find((b) => b.textContent?.includes('表2 依申请公开：'))!;
    expect(t2Blank.textContent).toMatch(/表2 依申请公开：\d+ 个单元格为空，涉及一、本年新收、二、上年结转/);
    await act(async () => {
      fireEvent.click(t2Blank);
    });
    await waitFor(() => expect(ctx.sim.selectionAddress().split(',').length).toBeGreaterThan(10));
    // the selection is the blank cells: 一、本年新收 · 商业企业 (E, first data row of table 2) is in it, 自然人 (D, filled) is not
    const row = t2.rect.r + 4;
    expect(ctx.sim.selectionAddress()).toContain(`E${row}:I${row}`);
    expect(ctx.sim.selectionAddress()).not.toMatch(new RegExp(`D${row}\\b`));

    await click('生成文字');
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    const text = screen
      .getAllByTestId('paragraph')
      .map((p) => p.textContent)
      .join('\n');
    expect(text).not.toContain('未收取行政事业性收费');
    expect(text).toMatch(/表1 主动公开还有 \d+ 个单元格未填写/);
  });
});

describe('item 7: small ones', () => {
  test('a refused import says each reason once', async () => {
    renderPane();
    fireEvent.change(screen.getByTestId('last-year-text'), { target: { value: '这是一段会议通知。' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('last-year-import'));
    });
    const msg = await screen.findByTestId('last-year-message');
    const text = msg.textContent ?? '';
    expect(text).toMatch(/^没有读到年报表格/);
    for (const reason of ['未能识别报告年度', '未找到表1', '未找到表2']) expect(text.split(reason).length - 1).toBe(1);
  });

  test('帮助 says 提示, as everything else does, never 警告', async () => {
    renderPane();
    const help = await openHelp();
    expect(
      within(help)
        .getAllByRole('listitem')
        .some((li) => li.textContent?.includes('（提示）')),
    ).toBe(true);
    expect(help.textContent).toContain('提示');
    expect(help.textContent).not.toContain('警告');
  });
});

describe('item 5: two sets of one year; headings of the text', () => {
  test('two table sets of 2025 are listed by their sheets', async () => {
    const ctx = renderPane();
    await insertAll(ctx);
    await click('插入全部表格');
    await waitFor(() => expect(screen.getByTestId('insert-message').textContent).toContain('2025年报表格(2)'));
    await click('校验');
    await screen.findByTestId('check-message');
    expect(screen.getAllByText(/^2025年（2021年格式/).map((t) => t.textContent)).toEqual([
      '2025年（2021年格式，工作表“2025年报表格”）',
      '2025年（2021年格式，工作表“2025年报表格(2)”）',
    ]);
  });

  test('生成文字 puts （二）依申请公开情况 under 一、总体情况', async () => {
    const ctx = renderPane();
    type(ctx, await insertAll(ctx), zerosExcept());
    await click('生成文字');
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    const first = screen.getAllByTestId('paragraph')[0];
    expect([...first.querySelectorAll('h3, h4')].map((h) => h.textContent)).toEqual(['一、总体情况', '（二）依申请公开情况']);
  });
});

describe('item 11: legacy spreadsheets in the pane', () => {
  test.each([
    ['上年报告.xls', 'Excel 97-2003'],
    ['上年报告.et', 'WPS'],
  ])('%s says how to save it as .xlsx', async (name, kind) => {
    renderPane();
    const input = screen.getByTestId<HTMLInputElement>('last-year-file');
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], name)] } });
    });
    const msg = await screen.findByTestId('last-year-message');
    expect(msg.textContent).toContain(name);
    expect(msg.textContent).toContain(kind);
    expect(msg.textContent).toMatch(/另存为.*\.xlsx/);
  });
});

describe('item 6: the English pane is English', () => {
  test("labels, messages and findings in English; only the format's labels, quotes and the report's own prose in Chinese", async () => {
    const { untranslated } = await import('../report/labels');
    const ctx = setup();
    const strings = en;
    render(
      <FluentProvider theme={webLightTheme}>
        <App actions={paneActions(ctx.host)} strings={strings} version="test" defaultYear={2025} />
      </FluentProvider>,
    );
    expect(['active', 'applications', 'reviews'].map((t) => screen.getByTestId(`insert-${t}`).textContent)).toEqual([
      'Insert Table 1',
      'Insert Table 2',
      'Insert Table 3',
    ]);
    fireEvent.change(screen.getByTestId('year'), { target: { value: '25' } });
    expect((await screen.findByText(/^The year “25” is not valid/)).textContent).toBe(
      'The year “25” is not valid: enter a four-digit year from 2008 to 2100, e.g. 2025',
    );
    fireEvent.change(screen.getByTestId('year'), { target: { value: '2025' } });
    fireEvent.change(screen.getByTestId('agency'), { target: { value: '某某市人民政府' } });
    await click('Insert all tables');
    await screen.findByText(/Tables inserted at/);
    const refs = (await ctx.host.readTables()).tables;
    type(
      ctx,
      refs.filter((t) => t.table !== 'reviews'),
      (k) => (({ 'active.rules.issued': 1, 'applications.new.natural': 3 }) as Record<string, number>)[k],
    );
    await click('Check');
    expect((await screen.findByTestId('check-message')).textContent).toMatch(/^\d+ errors? and \d+ warnings? found\.$/);
    const badges = screen.getAllByTestId('finding').map((b) => b.querySelector('span')?.textContent);
    expect(new Set(badges)).toEqual(new Set(['Error', 'Warning']));
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toContain(
      'Table 1 (active disclosure) (0 errors, 1 warning)',
    );
    expect(screen.getAllByTestId('finding').map((b) => b.textContent)).toContainEqual(
      expect.stringMatching(/^Warning ?Table 2 \(applications\): \d+ cells empty, in 一、本年新收/),
    );
    await click('Write text');
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    expect(screen.getAllByText(/this paragraph was not written/).length).toBeGreaterThan(0);
    const fs = await import('fs');
    const path = await import('path');
    fireEvent.change(screen.getByTestId('last-year-text'), {
      target: { value: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gaoan-2020.txt'), 'utf8') },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('last-year-import'));
    });
    expect((await screen.findByTestId('last-year-message')).textContent).toMatch(
      /^Not kept: Last year’s report is the “高安市人民政府” 2020 report/,
    );
    const help = await openHelp();
    expect(help.textContent).toContain('In every row the 总计 equals');
    // everything the pane shows, less the report's own prose and headings (the generated paragraphs that were written)
    // and what the clerk pasted (kept in its box)
    const prose = [...document.querySelectorAll('[data-testid="paragraph"] p, [data-testid="paragraph"] h4')].filter(
      (p) => !/not written/.test(p.textContent ?? ''),
    );
    for (const p of [...prose, ...document.querySelectorAll('textarea')]) p.remove();
    expect(untranslated(document.body.textContent ?? '')).toEqual([]);
  });
});
