/** 批量核查 as the reviewer sees it (jsdom): files chosen → progress → the table of reports and the files that
 *  cannot be read, with reasons → a report's findings opened → 下载汇总. */
import { TextDecoder as NodeTextDecoder } from 'util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import BatchView from '../../../src/web/batch/BatchView';
import { batchSources, type SourceFile } from './sources';

jest.setTimeout(60000);

// browsers have TextDecoder (report JSON and published texts are decoded with it); jest's jsdom does not expose it
Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

let sources: SourceFile[];
beforeAll(async () => {
  sources = await batchSources({ pdf: false });
});

const fileOf = (s: SourceFile, relativePath?: string): File => {
  const f = new File([s.bytes as BlobPart], s.name.split('/').pop()!);
  if (relativePath) Object.defineProperty(f, 'webkitRelativePath', { value: relativePath });
  return f;
};

// no PDF in these batches (the node test reads one): a PDF asked for would be a bug of the test
const noPdf = (): never => {
  throw new Error('no PDF in this batch');
};

function renderView(lang = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <BatchView lang={lang} readPdf={noPdf} />
    </FluentProvider>,
  );
}

const choose = (testId: string, files: File[]): void => {
  fireEvent.change(screen.getByTestId(testId), { target: { files } });
};

/** Downloads: what would be saved, by name. */
function captureDownloads(): Map<string, Blob> {
  const saved = new Map<string, Blob>();
  let last: Blob | null = null;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      last = b;
      return 'blob:batch';
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.set(this.download, last);
  });
  return saved;
}

const blobBytes = (b: Blob): Promise<Uint8Array> =>
  new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });

afterEach(() => jest.restoreAllMocks());

test('20 files chosen: progress while reading, then 18 reports and 2 files that cannot be read with their reasons', async () => {
  renderView();
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('批量核查');
  choose(
    'batch-files',
    sources.map((s) => fileOf(s)),
  );
  const reading = await screen.findByText(/^正在读取 \d+\/20：.+…$/);
  expect(reading.textContent).toMatch(/^正在读取 (1?\d)\/20：/);
  await screen.findByText(/^已核查 20 个文件：18 份报告，2 个文件无法读取；共 \d+ 个错误、\d+ 个提示。$/, undefined, { timeout: 30000 });
  expect(screen.queryByText(/^正在读取/)).toBeNull();
  const rows = screen.getAllByTestId('batch-row');
  expect(rows).toHaveLength(18);
  const cells = (row: HTMLElement) =>
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
  const huaian = rows.find((r) => cells(r)[0] === '淮安市2024.json')!;
  expect(cells(huaian)).toEqual(['淮安市2024.json', '淮安市人民政府', '2024', '0', '0', '无问题']);
  const wrong = rows.find((r) => cells(r)[0] === '高安市2020-复议总计错.xlsx')!;
  expect(cells(wrong).slice(0, 3)).toEqual(['高安市2020-复议总计错.xlsx', '高安市人民政府', '2020']);
  const unreadable = screen.getAllByTestId('batch-unreadable').map((r) => cells(r));
  expect(unreadable.map((c) => c[0])).toEqual(['下载中断.xlsx', '改了扩展名.json']);
  expect(unreadable[0][1]).toMatch(/^无法读取：不是有效的 \.xlsx 工作簿，文件可能已损坏（.+）$/);
  expect(unreadable[1][1]).toMatch(/^无法读取：JSON 格式有误：/);
});

test('a row opens its findings: plain Chinese, the cell described, expected and found', async () => {
  renderView();
  choose('batch-files', [fileOf(sources.find((s) => s.name === '高安市2020-复议总计错.xlsx')!), fileOf(sources[1])]);
  await screen.findByText(/^已核查 2 个文件：2 份报告；/);
  const row = screen.getAllByTestId('batch-row').find((r) => r.textContent?.startsWith('高安市2020-复议总计错.xlsx'))!;
  const errors = Number(within(row).getAllByRole('cell')[3].textContent);
  expect(errors).toBeGreaterThan(0);
  const open = within(row).getByRole('button', { name: /^查看 \d+ 个问题$/ });
  expect(screen.queryAllByTestId('batch-finding')).toHaveLength(0);
  fireEvent.click(open);
  expect(open.getAttribute('aria-expanded')).toBe('true');
  const list = screen.getByRole('list', { name: '高安市2020-复议总计错.xlsx（2020年）的问题' });
  const items = within(list).getAllByTestId('batch-finding');
  expect(items.filter((i) => i.textContent?.startsWith('错误'))).toHaveLength(errors);
  const t3 = items.find((i) => i.getAttribute('data-rule') === 'T3-SUM')!;
  expect(t3.textContent).toContain('表3 行政复议 · 总计');
  expect(t3.textContent).toMatch(/应为 \d+，实为 9999/);
  expect(t3.textContent).toContain('规则 T3-SUM');
  // a blank cell the format asks to fill with 0: the side it lacks is said, not left empty
  const blank = items.find((i) => i.getAttribute('data-rule') === 'BLANK')!;
  expect(blank.textContent).toMatch(/^提示表2 依申请公开：2 个单元格为空/);
  expect(blank.textContent).toContain('应为 0，实为 空白');
  fireEvent.click(within(row).getByRole('button', { name: '收起' }));
  expect(screen.queryAllByTestId('batch-finding')).toHaveLength(0);
});

test('下载汇总: the .xlsx holds 汇总表 and 问题清单 of the files shown; the CSV one line per report', async () => {
  const saved = captureDownloads();
  renderView();
  const chosen = sources.filter((s) => /^(淮安市2024\.json|高安市2020-复议总计错\.xlsx|下载中断\.xlsx)$/.test(s.name));
  choose(
    'batch-files',
    chosen.map((s) => fileOf(s)),
  );
  await screen.findByText(/^已核查 3 个文件：2 份报告，1 个文件无法读取；/);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '下载汇总（.xlsx）' }));
  });
  await waitFor(() => expect([...saved.keys()]).toEqual(['年报核查汇总.xlsx']));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blobBytes(saved.get('年报核查汇总.xlsx')!)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '问题清单']);
  const summary = wb.getWorksheet('汇总表')!;
  expect([2, 3, 4].map((r) => [summary.getCell(r, 1).value, summary.getCell(r, 2).value, summary.getCell(r, 3).value])).toEqual([
    ['淮安市2024.json', '淮安市人民政府', 2024],
    ['高安市2020-复议总计错.xlsx', '高安市人民政府', 2020],
    ['下载中断.xlsx', '', ''],
  ]);
  expect(summary.getCell(4, 13).text).toMatch(/^无法读取：下载中断\.xlsx：不是有效的 \.xlsx 工作簿/);
  const issues = wb.getWorksheet('问题清单')!;
  const t3 = (issues.getSheetValues() as unknown[][]).find((r) => r && r[6] === 'T3-SUM')!;
  expect([t3[1], t3[4], t3[5], t3[7], t3[9]]).toEqual(['高安市2020-复议总计错.xlsx', '表3', '表3 行政复议 · 总计', '错误', 9999]);
  fireEvent.click(screen.getByRole('button', { name: '下载汇总表（CSV）' }));
  const csv = new NodeTextDecoder('utf-8', { ignoreBOM: true }).decode(await blobBytes(saved.get('年报核查汇总.csv')!));
  expect(csv.split('\r\n').map((l) => l.split(',')[0])).toEqual([
    '\ufeff文件',
    '淮安市2024.json',
    '高安市2020-复议总计错.xlsx',
    '下载中断.xlsx',
    '',
  ]);
});

test('a chosen folder: its report files with their paths, office lock files and other files left out', async () => {
  renderView();
  const huaian = sources.find((s) => s.name === '淮安市2024.json')!;
  const other = { name: '说明.docx', bytes: new Uint8Array([1, 2, 3]) };
  choose('batch-folder', [
    fileOf(huaian, '各区县/淮安市2024.json'),
    fileOf({ name: '~$淮安市2024.xlsx', bytes: new Uint8Array(10) }, '各区县/~$淮安市2024.xlsx'),
    fileOf(other, '各区县/说明.docx'),
  ]);
  await screen.findByText(/^已核查 1 个文件：1 份报告；/);
  expect(within(screen.getByTestId('batch-row')).getAllByRole('cell')[0].textContent).toBe('各区县/淮安市2024.json');
  // a folder with no report file says so
  choose('batch-folder', [fileOf(other, '空/说明.docx')]);
  await screen.findByText('所选文件夹中没有年报文件（.json、.xlsx、.xlsm、.txt、.html、.pdf）。');
  expect(screen.queryAllByTestId('batch-row')).toHaveLength(0);
});

test('English page: the same table, the reasons and the findings in English', async () => {
  renderView('en-US');
  await screen.findByRole('heading', { name: 'Batch check' });
  choose('batch-files', [
    fileOf(sources.find((s) => s.name === '高安市2020-复议总计错.xlsx')!),
    fileOf(sources.find((s) => s.name === '下载中断.xlsx')!),
    fileOf({ name: '旧表.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }),
  ]);
  await screen.findByText(/^Checked 3 files: 1 report, 2 files could not be read; \d+ errors? and \d+ warnings? in all\.$/);
  const unreadable = screen.getAllByTestId('batch-unreadable').map((r) => within(r).getAllByRole('cell')[1].textContent);
  expect(unreadable[0]).toMatch(/^Cannot be read: Not a valid \.xlsx workbook; the file may be damaged \(.+\)$/);
  expect(unreadable[1]).toMatch(
    /^Cannot be read: This is an old Excel 97-2003 workbook \(\.xls\); only \.xlsx can be read\. Open it in Excel/,
  );
  fireEvent.click(screen.getByRole('button', { name: /^Show \d+ problems$/ }));
  const t3 = screen.getAllByTestId('batch-finding').find((i) => i.getAttribute('data-rule') === 'T3-SUM')!;
  expect(t3.textContent).toMatch(/^Error/);
  expect(t3.textContent).toContain('Table 3, 行政复议 · 总计');
  expect(t3.textContent).toMatch(/expected \d+, found 9999/);
  expect(t3.textContent).not.toMatch(/应为|实为|之和/);
  // the downloads are offered, and can be pressed
  expect(screen.getByRole('button', { name: 'Download summary (.xlsx)' }).hasAttribute('disabled')).toBe(false);
});

test('files dropped on the area are checked like chosen ones; the area says to release while dragging', async () => {
  renderView();
  const area = screen.getByTestId('batch-drop');
  // the one hint the area shows (getByText throws when there is none, or both)
  const hint = () => within(area).getByText(/^(或把文件拖到这里|松开鼠标即开始核查)$/).textContent;
  expect(hint()).toBe('或把文件拖到这里');
  fireEvent.dragOver(area, { dataTransfer: { files: [], items: [] } });
  expect(hint()).toBe('松开鼠标即开始核查');
  const dropped = [fileOf(sources.find((s) => s.name === '平潭2023.html')!), fileOf({ name: '旧表.et', bytes: new Uint8Array(4) })];
  fireEvent.drop(area, { dataTransfer: { files: dropped, items: [] } });
  await screen.findByText(/^已核查 2 个文件：1 份报告，1 个文件无法读取；/);
  expect(hint()).toBe('或把文件拖到这里');
  const row = within(screen.getByTestId('batch-row'))
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(row.slice(0, 3)).toEqual(['平潭2023.html', '平潭综合实验区人民政府', '2023']);
  expect(within(screen.getByTestId('batch-unreadable')).getAllByRole('cell')[1].textContent).toMatch(
    /^无法读取：这是 WPS 表格文件（\.et），只能读取 \.xlsx。请在 WPS 表格中打开它/,
  );
});
