/**
 * The prose: the six sections split at their headings, and the title's year and agency.
 *
 * A section's text is the source from the start of its heading line up to the start of the next
 * section's heading line, trailing whitespace removed — tables, page numbers and line breaks inside a
 * section are kept as they are in the source (the transcriptions in test/fixtures do the same).
 * What comes before section 一 (title and opening paragraph) is returned as `preamble`.
 */
import { sectionOfHeading } from './labels';
import { reportYear } from '../types';

export interface Sections {
  text: Partial<Record<string, string>>;
  preamble: string;
}

export function splitSections(src: string): Sections {
  const starts: Array<{ section: number; offset: number }> = [];
  let offset = 0;
  let last = 0;
  for (const line of src.split('\n')) {
    const k = sectionOfHeading(line);
    if (k > last) {
      starts.push({ section: k, offset });
      last = k;
    }
    offset += line.length + 1;
  }
  const text: Record<string, string> = {};
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].offset : src.length;
    text[String(s.section)] = src.slice(s.offset, end).replace(/\s+$/, '');
  });
  const preamble = (starts.length ? src.slice(0, starts[0].offset) : src).replace(/\s+$/, '');
  return { text, preamble };
}

const TITLE = /(\d{4})年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告/;
/** "2019年上海市人民政府办公厅政府信息公开工作年度报告": the agency between the year and the words. */
const TITLE_AGENCY_AFTER = /^(\d{4})年度?([^\d，。；]{2,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const PERIOD = /(\d{4})年0?1月0?1日起?(?:至|到|-|—|－|~|～)(?:(\d{4})年)?12月31日/;
const squeeze = (s: string): string => s.replace(/[\s\u00a0\u3000\f]+/g, '');
/** A name, not the sentence a title was quoted in ("根据《条例》…现公布2021年…报告"). */
const agencyLike = (s: string): boolean => s.length <= 30 && !/[，,。；;：:《》“”]|根据|按照|现将|现公布|本机关/.test(s);
const plausible = (y: number): boolean => reportYear(y) !== null;

/** Year and agency from the title "XXXX年政府信息公开工作年度报告" (agency: what precedes the year on
 *  the title line, or the short line just above it), else the year from the statistical period. */
export function detectTitle(head: string, body: string): { year?: number; agency?: string; note?: string } {
  const lines = head.split('\n').map(squeeze).filter(Boolean).slice(0, 40);
  let year: number | undefined;
  let agency: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    // a title wrapped over two or three lines ("2023年…工作" / "年度报告"): the lines joined
    const line = [lines[i], lines[i + 1] ?? '', lines[i + 2] ?? ''].map((l, k) => (k === 0 || !/[。，,；;：:]/.test(l) ? l : '')).join('');
    const m = TITLE.exec(line);
    const after = m ? null : TITLE_AGENCY_AFTER.exec(line);
    if (after && plausible(Number(after[1]))) {
      year = Number(after[1]);
      if (agencyLike(after[2])) agency = after[2];
      break;
    }
    if (!m || m.index >= lines[i].length || !plausible(Number(m[1]))) continue;
    year = Number(m[1]);
    const before = line
      .slice(0, m.index)
      .replace(/^(?:标题|题目|title)[:：]/i, '')
      .replace(/^[【[（(]+|[】\]）)]+$/g, '')
      .replace(/关于$/, '');
    if (before && agencyLike(before)) agency = before;
    else if (i > 0 && lines[i - 1].length <= 30 && !/[。，,；;：:]/.test(lines[i - 1]) && !/报告/.test(lines[i - 1])) agency = lines[i - 1];
    break;
  }
  const p = PERIOD.exec(squeeze(`${head}\n${body.slice(0, 4000)}`));
  const periodYear = p && (p[2] === undefined || p[1] === p[2]) && plausible(Number(p[1])) ? Number(p[1]) : undefined;
  if (year === undefined && periodYear === undefined) {
    // no title and no statistical period (a page cut from its title): the year the prose names most
    const counts = new Map<number, number>();
    for (const m of squeeze(body.slice(0, 6000)).matchAll(/(20\d\d)年(?!\d{1,2}月\d{1,2}日[^\d]{0,4}发布)/g)) {
      const y = Number(m[1]);
      if (plausible(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (best.length && best[0][1] >= 2 && (best.length === 1 || best[0][1] > best[1][1])) {
      return {
        year: best[0][0],
        agency,
        note: `没有找到标题和统计期限，按正文中最常提到的年份读作${best[0][0]}年，请核对（可用 --year 指定）`,
      };
    }
  }
  if (year === undefined) return { year: periodYear, agency };
  const note =
    periodYear !== undefined && periodYear !== year ? `标题中的年度（${year}）与统计期限（${periodYear}年）不一致，按标题读取` : undefined;
  return { year, agency, note };
}
