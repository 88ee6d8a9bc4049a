/** Excel's error codes, explained to a clerk in Chinese (with the English code for IT staff). */

const MESSAGES: Record<string, string> = {
  AccessDenied: '工作表受保护或工作簿为只读，无法写入。请撤消工作表保护或另存一份后再试',
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点按钮',
  ItemNotFound: '找不到所需的工作表或名称，可能已被删除或改名',
  ItemAlreadyExists: '同名的工作表或名称已存在',
  InvalidArgument: '参数无效',
  InvalidReference: '引用无效，表格所在的行列可能已被删除',
  ApiNotFound: '当前 Excel 版本不支持所需的功能，请升级 Office',
  Conflict: '工作簿正被其他人同时编辑，请稍后重试',
  GeneralException: 'Excel 处理时出错',
  RequestPayloadSizeLimitExceeded: '一次写入的数据过多',
  Unauthenticated: '当前账户无权访问此工作簿',
  NotImplemented: '当前 Excel 版本不支持此操作',
};

export function describeExcelError(e: unknown): string {
  const code = (e as { code?: string })?.code;
  const msg = (e as { message?: string })?.message;
  const text = (code && MESSAGES[code]) || 'Excel 处理时出错';
  return `${text}。（${code ?? 'Error'}${msg && msg !== code ? `: ${msg}` : ''}）`;
}
