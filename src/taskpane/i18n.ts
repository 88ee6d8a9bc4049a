/**
 * The pane's words: Simplified Chinese first, English when Office's UI language is English (i18n-en.ts, where the
 * product's messages — findings, what an action did or why not — are rendered by src/report/english.ts). English is
 * loaded only for an English pane (`loadStrings`): the first screen of the Chinese pane stays small.
 */
import { TABLE_NAMES } from '../report/formats';
import { yearMessage, type TableId } from '../report/types';

export const zh = {
  appTitle: '政务公开年报助手',
  appSubtitle: '政府信息公开工作年度报告',
  insertSection: '插入统计表格',
  year: '报告年度',
  yearHint: '统计期限为该年1月1日至12月31日',
  agency: '单位名称',
  agencyPlaceholder: '如：某某市人民政府',
  format: '表格格式',
  formatAuto: (f: string) => `按年度自动（${f}年格式）`,
  format2021: '2021年格式（国办公开办函〔2021〕30号）',
  format2019: '2019年格式（国办公开办函〔2019〕60号，2019—2020年度）',
  formulas: '总计单元格使用公式自动求和',
  target: '插入位置',
  targetSelection: '当前选中的单元格',
  targetNewSheet: '新工作表',
  insertAll: '插入全部表格',
  insertOne: (name: string) => `插入${name}`,
  /** 表1 主动公开 …, and its short name 表1. */
  tableName: (t: TableId): string => TABLE_NAMES[t],
  tableShort: (t: TableId): string => TABLE_NAMES[t].split(' ')[0],
  yearInvalid: (typed: string): string => yearMessage(typed),
  inserted: (address: string, sheet: string) => `已在工作表“${sheet}”的 ${address} 插入表格。`,
  insertFailedTitle: '未插入',
  offerNewSheet: '插入到新工作表',
  checkSection: '校验（勾稽关系）',
  check: '校验',
  clear: '清除标记',
  cleared: (n: number) => (n ? `已清除 ${n} 个单元格的标记，原有格式未受影响。` : '没有需要清除的标记。'),
  noTables: '本工作簿中还没有由本助手插入的年报表格。请先插入表格。',
  allGood: (title: string) => `${title}：全部勾稽关系和数值检查通过。`,
  summary: (e: number, w: number) => `发现 ${e} 个错误、${w} 个提示。`,
  errors: '错误',
  warnings: '提示',
  /** The badge of one finding. */
  error: '错误',
  warning: '提示',
  /** How many of each under a table's heading. */
  counts: (e: number, w: number) => `（错误 ${e}，提示 ${w}）`,
  /** A message of the product (a finding, an outcome, a reason), a checked set's title, a cell's name, a rule's wording. */
  message: (m: string): string => m,
  setTitle: (t: string): string => t,
  cell: (where: string): string => where,
  ruleWording: (_id: string, wording: string): string => wording,
  clickToSelect: '点击定位到单元格',
  lostTables: '以下表格无法读取：',
  working: '正在处理…',
  loading: '正在加载…',
  loadFailed: (why: string) => `这一部分未能载入（${why}），可能是网络中断。请关闭并重新打开任务窗格再试。`,
  unexpected: '出现意外错误：',
  recognised: (sheet: string, tables: string) =>
    `在工作表“${sheet}”中按标签识别出未登记的${tables}，已一并校验。登记后可在表格中标出问题单元格，表格移动后也能找到。`,
  register: '登记这些表格',
  registered: (n: number) => `已登记 ${n} 个表格。`,
  proseFindings: '报告正文与表格核对',
  proseSheet: '正文所在工作表',
  proseSheetHint: '校验时核对其中文字与表格是否一致，导出时用其中的文字；每段一行，A列写部分（1—6或一至六）',
  helpSection: '帮助：各项检查的含义',
  helpIntro:
    '校验时，红色单元格为错误（数字之间不符，须更正），黄色为提示（请核实，必要时在报告中说明）；问题同时列在上方，点击可定位。清除标记只去掉颜色，不改动您自己的格式。',
  helpRelations: '表格勾稽关系',
  helpCells: '单元格数值',
  helpCross: '与上年报告核对',
  helpNarrative: '报告文字与表格核对',
  helpSeverity: (s: string): string => (s === 'error' ? '错误' : s === 'warning' ? '提示' : '错误或提示'),
  helpVersion: (v: string) => `政务公开年报助手 版本 ${v}`,
  selfTestSection: '自检（信息化人员部署后运行）',
  selfTestIntro:
    '在一个新的工作表上插入表格、填入一个错误的总计、校验并标记、清除标记，最后删除该工作表，逐项显示是否通过。部署后请在 Excel 中运行一次；有失败时把结果发给维护人员。',
  selfTestRun: '运行自检',
  exportSection: '导出报告',
  exportAgencyHint:
    '写入报告标题；留空时用插入表格时填写的单位名称。第一、五部分等用“报告正文”工作表中的文字，没有的留出待填写的位置；主语和信息处理费与“生成文字”相同',
  exportWord: '导出 Word',
  exportHtml: '导出网页',
  exported: (name: string) => `已导出“${name}”。`,
  exportedWithErrors: (name: string, n: number) => `已导出“${name}”，但表格仍有 ${n} 个错误，请校验并更正后再发布。`,
  lastYearSection: '导入上年报告（跨年度核对）',
  lastYearPaste: '粘贴上年已发布的年度报告全文',
  lastYearHint: '可从政府网站复制，或打开 .txt / .html / .json / .pdf 文件；只保存表格数字，用于核对上年结转和同比变化',
  lastYearImport: '导入',
  lastYearRemove: '移除上年报告',
  lastYearRemoved: '已从工作簿中移除上年报告。',
  lastYearFile: '打开文件（.txt / .html / .json / .xlsx / .pdf）…',
  lastYearFileType: (name: string) => `无法读取“${name}”：请选择 .txt、.html、.json、.xlsx 或 .pdf 文件。`,
  lastYearLegacy: (name: string, kind: 'xls' | 'et') =>
    kind === 'xls'
      ? `无法读取“${name}”：这是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 中打开它，点“文件 › 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再打开另存的 .xlsx 文件。`
      : `无法读取“${name}”：这是 WPS 表格文件（.et）。请在 WPS 表格中打开它，点“文件 › 另存为”，文件类型选“Excel 文件（*.xlsx）”，再打开另存的 .xlsx 文件。`,
  narrativeSection: '生成文字（报告正文）',
  generate: '生成文字',
  regenerate: '重新生成',
  copy: '复制',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板，请手动选中文字复制。',
  insertProse: '插入到工作表',
  proseInserted: (sheet: string) => `已将文字插入工作表“${sheet}”（每段一行）。`,
  proseInsertedBeside: (sheet: string, main: string) =>
    `已有“${main}”工作表，为不覆盖其中内容，新文字放在“${sheet}”。校验和导出读取“正文所在工作表”中填写的工作表（默认“${main}”）：如要改用新文字，请在那里填写“${sheet}”。`,
  who: '主语',
  whoHint: '留空时用插入表格时填写的单位名称（没有填写的为“本机关”）；也可填“全市”“本单位”等',
  whoPlaceholder: '本机关',
  fee: '信息处理费（元）',
  feeHint: '本年收取的政府信息公开信息处理费（元，可写 3940、3940元、3,940）；未收取填0，留空则不写第六部分',
  feeInvalid: '请填写大于或等于0的数字（元）',
  numberTitle: (where: string) => `来自 ${where}，点击定位`,
  blockedNote: '表格有错误，相关段落未生成。',
  noticeTitle: { done: '已插入表格', refused: '未插入表格', failed: '插入表格时出错' },
  noticeClose: '关闭',
  language: 'zh',
};

export type Strings = typeof zh;

const isEnglish = (displayLanguage: string | undefined): boolean => !!displayLanguage && /^en\b/i.test(displayLanguage);

/** The Chinese words (the pane's first language; for an English Office see loadStrings). */
export const zhStrings: Strings = zh;

/** The words for Office's UI language: English is loaded on demand (i18n-en.ts with the message renderer), so that
 *  the first screen of the Chinese pane carries none of it. */
export async function loadStrings(displayLanguage: string | undefined): Promise<Strings> {
  if (!isEnglish(displayLanguage)) return zh;
  return (await import(/* webpackChunkName: "english" */ './i18n-en')).en;
}
