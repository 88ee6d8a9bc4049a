/** What a clerk hits on first use of the pane (issue 14). */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { stringsFor } from '../../src/taskpane/i18n';
import { setup } from '../excel/helpers';
import { type, zerosExcept } from '../app/helpers';
import type { TableRef } from '../../src/host/types';

function renderPane(lang = 'zh-CN') {
  const ctx = setup();
  const strings = stringsFor(lang);
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={ctx.host} strings={strings} version="test" defaultYear={2025} />
    </FluentProvider>,
  );
  return { ...ctx, strings };
}

const click = async (name: string | RegExp): Promise<void> => {
  await act(async () => { fireEvent.click(screen.getByRole('button', { name })); });
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
    type(ctx, refs, zerosExcept({ 'applications.new.natural': 5, 'applications.new.total': 5, 'applications.granted.natural': 5, 'applications.granted.total': 5, 'applications.total.natural': 5, 'applications.total.total': 5 }));
    await click('生成文字');
    await waitFor(() => expect(screen.getAllByTestId('paragraph').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('paragraph')[0].textContent).toContain('2025年，某某市人民政府共收到政府信息公开申请5件');
    expect((screen.getByTestId('who') as HTMLInputElement).placeholder).toBe('某某市人民政府');
  });
});

describe('item 1: last year\'s report of the wrong year or agency', () => {
  test('pasting a 2020 report of another city into a 2025 workbook is refused, saying what was read', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const ctx = renderPane();
    await insertAll(ctx, '某某市人民政府');
    fireEvent.change(screen.getByTestId('last-year-text'), { target: { value: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'gaoan-2020.txt'), 'utf8') } });
    await act(async () => { fireEvent.click(screen.getByTestId('last-year-import')); });
    const msg = await screen.findByTestId('last-year-message');
    expect(msg.getAttribute('data-intent')).toBe('error');
    expect(msg.textContent).toMatch(/^未保存：上年报告是高安市人民政府2020年的，而本报告是某某市人民政府2025年的，应为某某市人民政府2024年的报告/);
    expect(ctx.sim.state.settings['ogi.lastYearReport']).toBeUndefined();
    // what was pasted is still there, to be corrected or replaced
    expect((screen.getByTestId('last-year-text') as HTMLTextAreaElement).value).toContain('高安市2020年');
  });
});
