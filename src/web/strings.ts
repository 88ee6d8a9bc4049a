/**
 * The web page's own words (toolbar, dialogs, grid), in Simplified Chinese and English. The pane and 批量核查 bring
 * their own. English when the address says ?lang=en, or when the browser's language is English and no lang is given.
 */
import { inEnglish } from '../report/english';

export interface PageStrings {
  language: 'zh' | 'en';
  title: string;
  toolbar: string;
  newWorkbook: string;
  open: string;
  download: string;
  opening: (file: string) => string;
  opened: (file: string) => string;
  downloaded: (file: string) => string;
  saving: string;
  openFailed: (file: string, message: string) => string;
  saveFailed: (message: string) => string;
  tabs: string;
  tabCompile: string;
  tabBatch: string;
  loadingBatch: string;
  batchFailed: (message: string) => string;
  offline: string;
  liveColouring: string;
  unsavedTitle: string;
  unsavedBody: (file: string) => string;
  discard: string;
  cancel: string;
  lostTitle: string;
  lostBody: string;
  downloadAnyway: string;
  workbook: string;
  pane: string;
  sheetTabs: string;
  window: (r0: number, r1: number, rows: number, c0: string, c1: string, cols: number) => string;
  errorMark: string;
  warningMark: string;
}

export const zhPage: PageStrings = {
  language: 'zh',
  title: '政务公开年报助手 · 网页版',
  toolbar: '工作簿',
  newWorkbook: '新建',
  open: '打开…',
  download: '下载',
  opening: (file) => `正在打开“${file}”…`,
  opened: (file) => `已打开“${file}”。原文件不会被修改；“下载”得到一份新的副本。`,
  downloaded: (file) => `已下载“${file}”。`,
  saving: '正在生成要下载的工作簿…',
  openFailed: (file, message) => `无法打开“${file}”：${message}`,
  saveFailed: (message) => `无法生成要下载的工作簿：${message}`,
  tabs: '页面',
  tabCompile: '编制与校验',
  tabBatch: '批量核查',
  loadingBatch: '正在加载批量核查…',
  batchFailed: (message) => `无法加载批量核查：${message}。请刷新页面后重试。`,
  offline: '文件只在本机浏览器中处理，不会上传到任何地方。',
  liveColouring:
    '下载的工作簿中，插入的表格保留公式、数据验证和条件格式（实时标色）。已在 LibreOffice Calc 7.4 中验证：合计改错后重新计算，单元格即标红；WPS 表格和 Excel 中的效果尚未测试。',
  unsavedTitle: '当前工作簿尚未下载',
  unsavedBody: (file) => `“${file}”有尚未下载的更改。继续将丢弃这些更改（原文件不受影响）。要继续吗？`,
  discard: '丢弃更改并继续',
  cancel: '取消',
  lostTitle: '下载的副本中将缺少以下内容',
  lostBody: '打开的文件中有以下内容，网页版无法保留，下载的副本中不会有它们（原文件不受影响）：',
  downloadAnyway: '仍然下载',
  workbook: '工作簿（只读）',
  pane: '任务窗格',
  sheetTabs: '工作表',
  window: (r0, r1, rows, c0, c1, cols) =>
    `只显示第 ${r0}–${r1} 行（共 ${rows} 行）、${c0}–${c1} 列（共 ${cols} 列）；在任务窗格中选择单元格即可跳到该处。`,
  errorMark: '错误',
  warningMark: '提示',
};

export const enPage: PageStrings = {
  language: 'en',
  title: 'Government information disclosure annual report assistant · web edition',
  toolbar: 'Workbook',
  newWorkbook: 'New',
  open: 'Open…',
  download: 'Download',
  opening: (file) => `Opening “${file}”…`,
  opened: (file) => `Opened “${file}”. The original file is never changed; Download gives you a new copy.`,
  downloaded: (file) => `Downloaded “${file}”.`,
  saving: 'Preparing the workbook to download…',
  // the file host's reasons are Chinese: told in English as the pane tells its messages
  openFailed: (file, message) => `Cannot open “${file}”: ${inEnglish(message)}`,
  saveFailed: (message) => `Cannot prepare the workbook to download: ${inEnglish(message)}`,
  tabs: 'Page',
  tabCompile: 'Compile and check',
  tabBatch: 'Batch review',
  loadingBatch: 'Loading batch review…',
  batchFailed: (message) => `Cannot load batch review: ${message}. Reload the page and try again.`,
  offline: 'Files are processed in this browser only; nothing is uploaded anywhere.',
  liveColouring:
    'In the downloaded workbook the inserted tables keep their formulas, data validation and conditional formats (live colouring). Verified in LibreOffice Calc 7.4: after a wrong total and a recalculation the cell turns red; WPS Spreadsheets and Excel have not been tested.',
  unsavedTitle: 'The current workbook has not been downloaded',
  unsavedBody: (file) =>
    `“${file}” has changes that have not been downloaded. Continuing discards them (the original file is not affected). Continue?`,
  discard: 'Discard changes and continue',
  cancel: 'Cancel',
  lostTitle: 'The downloaded copy will lack the following',
  lostBody:
    'The opened file contains the following, which the web edition cannot keep; the downloaded copy will not have them (the original file is not affected):',
  downloadAnyway: 'Download anyway',
  workbook: 'Workbook (read-only)',
  pane: 'Task pane',
  sheetTabs: 'Sheets',
  window: (r0, r1, rows, c0, c1, cols) =>
    `Showing rows ${r0}–${r1} of ${rows} and columns ${c0}–${c1} of ${cols}; select a cell in the task pane to jump there.`,
  errorMark: 'Error',
  warningMark: 'Warning',
};

/** The page's language: ?lang=… wins, then the browser's language. */
export function pageLanguage(search: string, navigatorLanguage: string | undefined): 'zh' | 'en' {
  const asked = new URLSearchParams(search).get('lang');
  const lang = asked ?? navigatorLanguage ?? '';
  return /^en\b/i.test(lang) ? 'en' : 'zh';
}

export const pageStrings = (language: 'zh' | 'en'): PageStrings => (language === 'en' ? enPage : zhPage);
