/**
 * The words of 批量核查: Simplified Chinese first, English (strings-en.ts, with the product's messages rendered by
 * src/report/english.ts) loaded only for an English page. Kept here, not in the pane's i18n.ts, so that none of it
 * enters the pane's first screen.
 */

export const zh = {
  title: '批量核查',
  intro:
    '选择或拖入多个年报文件（.xlsx、.json、.txt、.html、.pdf），逐个读取并校验勾稽关系，列出每份报告的错误和提示；可下载汇总表与问题清单。文件只在本机浏览器中读取，不会上传。',
  chooseFiles: '选择文件…',
  chooseFolder: '选择文件夹…',
  dropHere: '或把文件拖到这里',
  dropActive: '松开鼠标即开始核查',
  noReportFiles: '所选文件夹中没有年报文件（.json、.xlsx、.xlsm、.txt、.html、.pdf）。',
  reading: (done: number, total: number, current: string | undefined) => `正在读取 ${done}/${total}${current ? `：${current}` : ''}…`,
  finished: (files: number, reports: number, unreadable: number, errors: number, warnings: number) =>
    `已核查 ${files} 个文件：${reports} 份报告${unreadable ? `，${unreadable} 个文件无法读取` : ''}；共 ${errors} 个错误、${warnings} 个提示。`,
  colFile: '文件',
  colAgency: '单位',
  colYear: '年度',
  colErrors: '错误',
  colWarnings: '提示',
  colFindings: '问题',
  yearUnknown: '未知',
  agencyUnknown: '（未写明）',
  unreadable: '无法读取',
  showFindings: (n: number) => `查看 ${n} 个问题`,
  hideFindings: '收起',
  noFindings: '无问题',
  findingsOf: (file: string, year: number | null) => `${file}${year ? `（${year}年）` : ''}的问题`,
  error: '错误',
  warning: '提示',
  expectedFound: (expected: string, actual: string) => `应为 ${expected}，实为 ${actual}`,
  /** Where a finding is: "表2 · 表2 （一）予以公开 · 自然人" shortened to the cell described (it names its table). */
  place: (table: string, cell: string) => cell || table,
  blank: '空白',
  reportText: '报告正文',
  rule: (id: string) => `规则 ${id}`,
  downloadXlsx: '下载汇总（.xlsx）',
  downloadCsv: '下载汇总表（CSV）',
  downloadHint:
    '汇总表每份报告一行（主要合计数、错误数、提示数），问题清单每个问题一行；与命令行 ogi-report check --summary xlsx 写出的工作簿相同。',
  summaryFileName: '年报核查汇总',
  unexpected: '出现意外错误：',
  /** A product message (finding, reason a file cannot be read), a table or cell name: Chinese as written. */
  message: (m: string): string => m,
  reason: (m: string): string => m,
  table: (t: string): string => t,
  cell: (c: string): string => c,
  language: 'zh' as 'zh' | 'en',
};

export type BatchStrings = typeof zh;

/** The words for the page's language; English is loaded on demand. */
export async function loadBatchStrings(lang: string | undefined): Promise<BatchStrings> {
  if (!lang || !/^en\b/i.test(lang)) return zh;
  return (await import(/* webpackChunkName: "batch-english" */ './strings-en')).en;
}
