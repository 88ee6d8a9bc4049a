/** The self-test's words (loaded with it, not on the pane's first screen): Simplified Chinese first, then English. */
import type { StepId, StepResult } from '../../app/selftest';

const zh = {
  environment: '运行环境',
  version: 'Excel 版本',
  platform: '平台',
  api: '最高支持的接口',
  steps: '自检步骤',
  step: {
    environment: '检查环境',
    insert: '在新工作表“OGI自检”插入表格',
    type: '填入一个错误的总计',
    check: '校验，应发现该错误并标出单元格',
    clear: '清除标记',
    remove: '删除自检工作表',
  } as Record<StepId, string>,
  status: { passed: '✓ 通过', failed: '✕ 失败', 'not-run': '– 未运行' } as Record<StepResult['status'], string>,
  running: '正在运行…',
  ms: '毫秒',
  allPassed: '自检全部通过：本加载项在这台电脑的 Excel 中能正常插入、校验、标记和清除。',
  someFailed: '自检有步骤失败：请把下面的自检结果复制下来，发给本加载项的维护人员。',
  reportLabel: '自检结果（可复制后发送）',
  copy: '复制结果',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板，请选中上面的文字手动复制。',
  again: '再次运行',
};
const en: typeof zh = {
  environment: 'Environment',
  version: 'Excel version',
  platform: 'Platform',
  api: 'Highest API level',
  steps: 'Self-test steps',
  step: {
    environment: 'Check the environment',
    insert: 'Insert the tables on a new sheet “OGI自检”',
    type: 'Type a wrong total',
    check: 'Check: the error is found and its cell marked',
    clear: 'Clear the marks',
    remove: 'Remove the self-test sheet',
  },
  status: { passed: '✓ passed', failed: '✕ failed', 'not-run': '– not run' },
  running: 'Running…',
  ms: 'ms',
  allPassed: 'Every step passed: the add-in inserts, checks, marks and clears in this computer’s Excel.',
  someFailed: 'A step failed: copy the result below and send it to whoever maintains the add-in.',
  reportLabel: 'Self-test result (copy and send)',
  copy: 'Copy result',
  copied: 'Copied to the clipboard.',
  copyFailed: 'The clipboard is not available; select the text above and copy it by hand.',
  again: 'Run again',
};
export function selfTestStrings(language: string): typeof zh {
  return language === 'en' ? en : zh;
}
