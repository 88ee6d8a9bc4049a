/** What stays Chinese in the English pane: the format's own words (labels, headers, block titles, section
 *  titles), quoted text and names, and the notice numbers of the formats. */
import { allLayouts } from '../../src/report/layout';
import { SECTION_TITLES } from '../../src/report/formats';
import type { FormatId } from '../../src/report/types';

const FORMATS: FormatId[] = ['2021', '2019'];

export const LABELS: string[] = (() => {
  const out = new Set<string>(SECTION_TITLES);
  for (const f of FORMATS) {
    for (const layout of allLayouts(f)) {
      for (const c of layout.cells) for (const t of [c.text, c.rowName, c.colName]) if (t) out.add(t);
      out.add(layout.title);
    }
  }
  // parts of labels the messages name on their own (rows 一 … 四, （一）…（七）, the 2021 split of （六）)
  for (const x of ['三（七）总计', '一', '二', '四', '（一）', '（六）', '本年增/减', '1.逾期不补正', '2.逾期未缴费', '3.其他']) out.add(x);
  return [...out].sort((a, b) => b.length - a.length);
})();

/** What is left Chinese in English text once quotes, notice numbers and the format's labels are taken out. */
export function untranslated(english: string): string[] {
  // the format's labels first: some hold quotes of their own (3.危及“三安全一稳定”)
  let s = english;
  for (const l of LABELS) s = s.split(l).join(' ');
  // quotes, innermost first (a typed label may quote words of its own: “…“规定”“办法”…”)
  while (/“[^“”]*”/.test(s)) s = s.replace(/“[^“”]*”/g, ' ');
  s = s
    .replace(/'(?:[^']|'')+'!/g, ' ')
    .replace(/《[^》]*》/g, ' ')
    .replace(/国办公开办函〔\d{4}〕\d+号/g, ' ');
  return s.match(/[\u3400-\u9fff]+/g) ?? [];
}
