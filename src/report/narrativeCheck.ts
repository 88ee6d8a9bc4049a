/**
 * Narrative checks (N-APPS, N-REVIEWS, N-ACTIVE, N-FEE, N-SECTIONS): every number and outcome phrase
 * the prose states about applications, reviews/lawsuits and 规章/规范性文件 is compared with the tables.
 * Where the text is silent, nothing is said. Phrasings understood are the patterns below.
 */
import { quantities, readQuantity, share, type Quantity } from './facts';
import { fmtNum } from './parse';
import { sumHolds } from './rules';
import type { ValueSource } from './check';
import { cellKey, type CellKey, type Finding, type FormatId, type RuleDoc } from './types';

/** Prose of a report split into sentences, whitespace removed (PDF text wraps anywhere). */
/** Ids and wording of the checks of prose against the tables (and X-YOY), for the help panel and the docs. */
export const NARRATIVE_RULES: readonly RuleDoc[] = [
  {
    id: 'N-APPS',
    severity: 'error',
    wording:
      '文字中依申请公开的件数（收到、办理、上年结转、结转下年度，以及予以公开、部分公开、不予公开等各类办理结果）与表2总计列一致；所写百分比以办理总数为分母。',
  },
  {
    id: 'N-REVIEWS',
    severity: 'error',
    wording:
      '文字中行政复议、行政诉讼的件数和结果与表3一致；写“均获维持”时不得有被纠正、其他结果或尚未审结的案件，写“零败诉”时不得有被纠正的案件。',
  },
  { id: 'N-ACTIVE', severity: 'error', wording: '文字中规章、规范性文件的制发、废止和现行有效件数与表1一致。' },
  {
    id: 'N-FEE',
    severity: 'warning',
    wording: '第六部分写明信息处理费的收取情况（金额或“未收取”）；信息处理费与表1的行政事业性收费是两回事，不作比较。',
  },
  {
    id: 'N-SECTIONS',
    severity: 'warning',
    wording: '报告的六个部分齐全、顺序正确；第五部分（存在的主要问题及改进情况）不能为空或只写“无”。',
  },
  { id: 'X-YOY', severity: 'warning', wording: '文字中的同比增减百分比与本年、上年两年的数字一致（按所写的精度）。' },
];

export function sentences(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((l) => !/^\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*$/.test(l)); // page numbers
  return lines
    .join('')
    .replace(/[\s\u3000]+/g, '')
    .split(/(?<=[。！？；;])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NUM = '(\\d+(?:\\.\\d+)?)';
/** A short gap of words between a keyword and its number: no digits, no clause breaks. */
const GAP = (n: number): string => `[^\\d，。；;：:、（）()“”]{0,${n}}?`;

interface Pattern {
  rule: string;
  /** Quantity id (tables 2 and 3) or a cell key list resolved by `cells`. */
  q: string;
  re: RegExp;
  /** A window that must NOT appear between keyword and number. */
  not?: RegExp;
}

const CATEGORY_WORDS = /予以公开|部分公开|不予|无法提供|其他处理|结转|顺延|复议|诉讼|结果/;

const APPS: Pattern[] = [
  { rule: 'N-APPS', q: 'intake', re: new RegExp(`共收办${GAP(12)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'new', re: new RegExp(`(?:收到|受理|新收)${GAP(16)}${NUM}件`, 'g'), not: CATEGORY_WORDS },
  {
    rule: 'N-APPS',
    q: 'handled',
    re: new RegExp(`(?<!继续|顺延到下年度|顺延至下年度)(?:办理|答复|办结)${GAP(16)}${NUM}件`, 'g'),
    not: CATEGORY_WORDS,
  },
  { rule: 'N-APPS', q: 'carried_over', re: new RegExp(`上一?年度?结转${GAP(10)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'carried_forward', re: new RegExp(`(?:结转|顺延|转入|转)(?:到|至|入)?下一?年度?${GAP(10)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'carried_forward', re: new RegExp(`下一?年度?继续办理${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'carried_forward', re: new RegExp(`${NUM}件${GAP(8)}(?:结转|顺延)(?:到|至)?下一?年`, 'g') },
  { rule: 'N-APPS', q: 'granted_partial', re: new RegExp(`予以公开(?:及|和|与|、)部分公开${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'granted', re: new RegExp(`(?<!不)予以公开(?!(?:及|和|与|、)部分公开)${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'granted', re: new RegExp(`(?<!不)同意公开${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'partial', re: new RegExp(`(?<!予以公开(?:及|和|与|、))部分公开${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'withheld', re: new RegExp(`不予公开${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'unable', re: new RegExp(`无法提供${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'not_processed', re: new RegExp(`不予处理${GAP(4)}${NUM}件`, 'g') },
  { rule: 'N-APPS', q: 'other', re: new RegExp(`其他处理${GAP(4)}${NUM}件`, 'g') },
];

/** Words that say a sentence may speak for another scope than the tables: narrower (本级, 办公室,
 *  本机关…), wider (全市, 各部门…), or other agencies' documents (备案, 审查). A contradiction in such a
 *  sentence is a warning that names the word, not an error: a person decides. */
const SCOPE =
  /市本级|县本级|区本级|本级|本部门|本单位|办公室|本机关|本委|本局|本厅|全[省市县区州盟旗镇乡]|各[地区县部门单位]|全系统|全行业|备案|审查|汇总|累计|清理|梳理|文件库/;
/** The scope word of a sentence, category names aside (“本机关不掌握相关政府信息” names an outcome, not a scope). */
const scopeWord = (s: string): string | null => SCOPE.exec(s.replace(/本机关不掌握/g, ''))?.[0] ?? null;
const scopeNote = (word: string): string => `（该句说的是“${word}”，与表格的统计范围可能不同，请人工确认）`;

/** Words between a keyword and its number that make the number count something other than
 *  政府信息公开申请 ("受理群众来电诉求260件", "办理人大代表建议12件"). */
const OTHER_OBJECTS =
  /诉求|来电|来信|来访|咨询|留言|信件|信访|投诉|举报|建议|提案|热线|许可|审批|办件|电话|邮件|会议|事项|案件|事件|工单|问题|意见|12345/;

/** The start of the clause a position lies in (after the last comma, semicolon, colon, 、 or bracket). */
const clauseStart = (s: string, at: number): number => {
  let k = at;
  while (k > 0 && !/[，,；;：:、。（(）)]/.test(s[k - 1])) k -= 1;
  return k;
};
/** A clause saying "to next year" (转下年度办理46件 is carried forward, not handled). */
const NEXT_YEAR = /下一?年|顺延|结转|转入/;

export interface NarrativeCheckInput {
  format: FormatId;
  get: ValueSource;
  /** Prose keyed by section number '1'..'6'. */
  text: Partial<Record<string, string>>;
  /** Last year's values, for X-YOY (同比 percentages in the text). */
  last?: { format: FormatId; year: number; get: ValueSource };
}

/** The 信息处理费 stated as agencies write it: 信息处理费 / 信息公开处理费 / 处理费, or that no fee was
 *  charged ("未收取任何费用", "不收取费用"), wherever in the report it stands. */
const FEE_STATED =
  /信息(?:公开)?处理费|处理费用?|(?:未|没有|不|无|均未)(?:向申请人)?收取[^。；]{0,12}?费|收取[^。；]{0,12}?费[^。；]{0,6}?\d/;

const YOY = /^[，,]?(?:比上年|同比|较上年)(增长|上升|增加|下降|减少)(\d+(?:\.\d+)?)%/;

const quote = (s: string): string => (s.length > 80 ? `${s.slice(0, 78)}…` : s);

/** Whether a number the pattern of quantity `q` found at `at` counts 政府信息公开申请: its own clause
 *  decides ("其中予以公开812件、…、转下年度办理46件": the 46 is carried forward, not 办结), words in
 *  between that name another object rule it out ("受理群众来电诉求260件"), and a received/handled
 *  count needs the sentence to be about 申请 at all. */
function countsApplications(q: string, s: string, at: number, between: string): boolean {
  if (q !== 'new' && q !== 'handled' && q !== 'intake') return true;
  if (OTHER_OBJECTS.test(between)) return false;
  if (!/申请/.test(s)) return false;
  return !NEXT_YEAR.test(s.slice(clauseStart(s, at), at));
}

type Read = (cells: CellKey[]) => number | null;

/** What the checks of one report share: its quantities, how a quantity is read, and the findings so far. */
interface Checker {
  input: NarrativeCheckInput;
  Q: Record<string, Quantity>;
  read: Read;
  findings: Finding[];
}

/** A number the text states for quantity `q`, against the tables (a scope word makes a mismatch a warning). */
function compare(ck: Checker, rule: string, q: Quantity, stated: number, sentence: string, section: string, what = q.label): void {
  const actual = ck.read(q.cells);
  if (actual === null || sumHolds(actual, stated)) return;
  const scope = scopeWord(sentence);
  ck.findings.push({
    rule,
    severity: scope ? 'warning' : 'error',
    cells: q.cells,
    message: `第${section}部分文字称${what}${fmtNum(stated)}件，表格为${fmtNum(actual)}件：“${quote(sentence)}”${scope ? scopeNote(scope) : ''}`,
    expected: actual,
    actual: stated,
  });
}

/** X-YOY: a 同比 percentage right after a quantity must agree with the two years' numbers. */
function yoy(ck: Checker, q: Quantity, after: string, sentence: string, section: string): void {
  const m = YOY.exec(after);
  const last = ck.input.last;
  const lastQ = last ? quantities(last.format) : null;
  if (!m || !last || !lastQ?.[q.id]) return;
  const now = ck.read(q.cells);
  const before = readQuantity(last.get, last.format)(lastQ[q.id].cells);
  if (now === null || before === null || before === 0) return;
  const digits = (m[2].split('.')[1] ?? '').length;
  const stated = (/下降|减少/.test(m[1]) ? -1 : 1) * Number(m[2]);
  const exact = ((now - before) / before) * 100;
  if (Math.abs(exact - stated) <= 0.5 * 10 ** -digits + 1e-9) return;
  const shown = Math.round(Math.abs(exact) * 10 ** digits) / 10 ** digits;
  ck.findings.push({
    rule: 'X-YOY',
    severity: 'warning',
    cells: q.cells,
    message: `第${section}部分文字称${q.label}${m[1]}${m[2]}%，按${last.year}年（${fmtNum(before)}件）和本年（${fmtNum(now)}件）应为${exact >= 0 ? '增长' : '下降'}${shown}%：“${quote(sentence)}”`,
    expected: Math.round(exact * 10 ** digits) / 10 ** digits,
    actual: stated,
  });
}

export function checkNarrative(input: NarrativeCheckInput): Finding[] {
  const ck: Checker = { input, Q: quantities(input.format), read: readQuantity(input.get, input.format), findings: [] };
  for (const [section, body] of Object.entries(input.text)) {
    if (!body || section === '6') continue;
    for (const s of sentences(body)) {
      checkApplications(ck, s, section);
      checkReviews(ck, s, section);
      checkActive(input.format, s, section, ck.read, ck.findings);
    }
  }
  if (Object.keys(input.text).length) ck.findings.push(...checkSections(input.text));
  return ck.findings;
}

/** Numbers of applications in a sentence (received, handled, each outcome), their 同比 and their shares. */
function checkApplications(ck: Checker, s: string, section: string): void {
  for (const p of APPS) {
    for (const m of s.matchAll(p.re)) {
      const between = m[0].slice(0, m[0].length - m[1].length - 1).replace(/^(收到|受理|新收|办理|答复|办结)/, '');
      if (p.not && p.not.test(between)) continue;
      if (!countsApplications(p.q, s, m.index ?? 0, between)) continue;
      const end = (m.index ?? 0) + m[0].length;
      compare(ck, p.rule, ck.Q[p.q], Number(m[1]), s, section);
      yoy(ck, ck.Q[p.q], s.slice(end), s, section);
      checkShare(ck, ck.Q[p.q], s.slice(end, end + 8), s, section);
    }
  }
}

/** A share stated right after a category (占X%) against the category over the handled total. */
function checkShare(ck: Checker, q: Quantity, after: string, s: string, section: string): void {
  const pct = /^[（(，,]?占(?:比)?(\d+(?:\.\d+)?)%/.exec(after);
  const handled = ck.read(ck.Q.handled.cells);
  if (!pct || !handled) return;
  const stated = Number(pct[1]);
  const digits = (pct[1].split('.')[1] ?? '').length;
  const part = ck.read(q.cells);
  if (part === null) return;
  const exact = (part / handled) * 100;
  const actual = share(part, handled, digits);
  // agrees to the printed precision: rounded (either rounding of a half) or cut off
  // (35/805 = 4.3478% printed 4.34%, as spreadsheets that truncate do)
  const cut = Math.floor(exact * 10 ** digits + 1e-9) / 10 ** digits;
  if (Math.abs(exact - stated) <= 0.5 * 10 ** -digits + 1e-9 || Math.abs(cut - stated) <= 1e-9) return;
  ck.findings.push({
    rule: 'N-APPS',
    severity: 'error',
    cells: [...q.cells, ...ck.Q.handled.cells],
    message: `第${section}部分文字称${q.label}占${pct[1]}%，按表格应为${actual}%（占办结总数）：“${quote(s)}”`,
    expected: actual,
    actual: stated,
  });
}

/** N-FEE and N-SECTIONS: what the report as a whole must say. */
function checkSections(text: Partial<Record<string, string>>): Finding[] {
  const out: Finding[] = [];
  const note = (rule: string, message: string): void => {
    out.push({ rule, severity: 'warning', cells: [], message, expected: null, actual: null });
  };
  if (text['6'] !== undefined && !Object.values(text).some((t) => t && FEE_STATED.test(t.replace(/[\s\u3000]+/g, ''))))
    note('N-FEE', '第六部分（其他需要报告的事项）未说明政府信息公开信息处理费的收取情况（收取金额，或未收取）');
  const missing = ['1', '2', '3', '4', '5', '6'].filter((k) => !text[k]?.trim());
  if (missing.length) note('N-SECTIONS', `报告缺少第${missing.map((k) => '一二三四五六'[Number(k) - 1]).join('、')}部分`);
  const five = text['5']?.replace(/^[\s\S]*?存在的主要问题及改进情况/, '').replace(/[\s。.]/g, '');
  if (text['5'] !== undefined && (!five || five === '无')) note('N-SECTIONS', '第五部分（存在的主要问题及改进情况）为空或只写“无”');
  return out;
}

/** Whether the words before `i` in a sentence are about reviews or lawsuits (复议后起诉 is litigation). */
function reviewContextAt(s: string, i: number): 'review' | 'litigation' | null {
  const before = s.slice(0, i);
  const r = Math.max(before.lastIndexOf('复议'), -1);
  const l = Math.max(before.lastIndexOf('诉讼'), before.lastIndexOf('起诉'));
  if (l >= 0 && l > r - 3 && l >= r) return 'litigation';
  if (r >= 0) return before.slice(r, r + 5).startsWith('复议后起') ? 'litigation' : 'review';
  return l >= 0 ? 'litigation' : null;
}

const REVIEW_TOTALS: Array<[RegExp, string]> = [
  [new RegExp(`行政复议${GAP(8)}${NUM}件`, 'g'), 'review'],
  [new RegExp(`行政诉讼${GAP(8)}${NUM}件`, 'g'), 'litigation'],
  [new RegExp(`未经复议直接起诉${GAP(4)}${NUM}件`, 'g'), 'litigation_direct'],
  [new RegExp(`复议后起诉${GAP(4)}${NUM}件`, 'g'), 'litigation_after_review'],
];
const REVIEW_OUTCOMES: Array<[RegExp, string]> = [
  [new RegExp(`(?:结果)?维持${GAP(3)}${NUM}件`, 'g'), 'upheld'],
  [new RegExp(`(?:结果)?纠正${GAP(3)}${NUM}件`, 'g'), 'corrected'],
  [new RegExp(`其他结果${GAP(3)}${NUM}件`, 'g'), 'other'],
  [new RegExp(`尚未审结${GAP(3)}${NUM}件`, 'g'), 'pending'],
];

/** Reviews and lawsuits: their numbers, then the phrases that claim an outcome (均维持, 零败诉, 未被纠错, 未发生). */
function checkReviews(ck: Checker, s: string, section: string): void {
  if (!/复议|诉讼|起诉|败诉|纠错/.test(s)) return;
  for (const [re, id] of REVIEW_TOTALS) {
    for (const m of s.matchAll(re)) {
      compare(ck, 'N-REVIEWS', ck.Q[id], Number(m[1]), s, section);
      yoy(ck, ck.Q[id], s.slice((m.index ?? 0) + m[0].length), s, section);
    }
  }
  for (const [re, k] of REVIEW_OUTCOMES) {
    for (const m of s.matchAll(re)) {
      const ctx = reviewContextAt(s, m.index ?? 0);
      if (ctx) compare(ck, 'N-REVIEWS', ck.Q[`${ctx}_${k}`], Number(m[1]), s, section);
    }
  }
  checkReviewPhrases(ck, s, section);
}

function checkReviewPhrases(ck: Checker, s: string, section: string): void {
  const { Q } = ck;
  const phrase = (cond: boolean, cells: CellKey[], message: string): void => {
    if (!cond)
      ck.findings.push({ rule: 'N-REVIEWS', severity: 'error', cells, message: `${message}：“${quote(s)}”`, expected: null, actual: null });
  };
  const v = (id: string): number => ck.read(Q[id].cells) ?? 0;
  const phraseAt = /(?:均|全部|都)(?:获得?|被|予以|为)?维持/.exec(s);
  if (phraseAt) {
    const ctx = reviewContextAt(s, phraseAt.index);
    const scopes = ctx ? [ctx] : ['review', 'litigation'];
    const bad = scopes.filter((c) => v(`${c}_corrected`) + v(`${c}_other`) + v(`${c}_pending`) > 0);
    phrase(
      bad.length === 0,
      scopes.flatMap((c) => [...Q[`${c}_corrected`].cells, ...Q[`${c}_other`].cells, ...Q[`${c}_pending`].cells]),
      `第${section}部分文字称“${phraseAt[0]}”，但表3${bad.map((c) => Q[c].label).join('、')}有结果纠正、其他结果或尚未审结的案件`,
    );
  }
  if (/零败诉|无败诉|没有败诉|未败诉/.test(s)) {
    phrase(
      v('litigation_corrected') === 0,
      Q.litigation_corrected.cells,
      `第${section}部分文字称“零败诉”，但表3行政诉讼结果纠正为${v('litigation_corrected')}件`,
    );
  }
  if (/未被纠错|无被纠错|未发生被纠错|没有被纠错/.test(s)) {
    const c = v('review_corrected') + v('litigation_corrected');
    phrase(
      c === 0,
      [...Q.review_corrected.cells, ...Q.litigation_corrected.cells],
      `第${section}部分文字称“未被纠错”，但表3结果纠正共${c}件`,
    );
  }
  const none = /(?:未发生|没有发生|未出现|没有出现|无)[^。；]{0,20}?(行政复议)?[^。；]{0,8}?(行政诉讼)?(?:的?情况|案件)/.exec(s);
  if (none && /未发生|没有发生|未出现|没有出现/.test(none[0])) {
    const r = /行政复议|复议/.test(none[0]);
    const l = /行政诉讼|诉讼|起诉/.test(none[0]);
    if (r) phrase(v('review') === 0, Q.review.cells, `第${section}部分文字称未发生行政复议，但表3行政复议总计为${v('review')}件`);
    if (l)
      phrase(v('litigation') === 0, Q.litigation.cells, `第${section}部分文字称未发生行政诉讼，但表3行政诉讼总计为${v('litigation')}件`);
  }
}

function checkActive(format: FormatId, s: string, section: string, read: Read, findings: Finding[]): void {
  if (!/规章|规范性文件/.test(s)) return;
  const docs: Array<[string, string]> = [
    ['rules', '(?<!非)规章'],
    ['normative_docs', '(?:行政)?规范性文件'],
  ];
  const verbs: Array<[RegExp, string, string]> =
    format === '2021'
      ? [
          [/现行有效/, 'in_force', '现行有效'],
          [/废止/, 'repealed', '废止'],
          [/制发|制定|出台|印发|新增|发布/, 'issued', '制发'],
        ]
      : [
          [/对外公开[^。；]{0,4}总数|累计公开/, 'public_total', '对外公开总数'],
          [/新公开|公开/, 'published', '新公开'],
          [/新制作|制作|制定|出台|印发/, 'made', '新制作'],
        ];
  for (const [row, name] of docs) {
    const re = new RegExp(`([^，。；]{0,12}?)${name}(${GAP(4)})${NUM}件`, 'g');
    for (const m of s.matchAll(re)) {
      const verb = verbs.find(([v]) => v.test(m[1] + m[2]));
      if (!verb) continue;
      const key = cellKey('active', row, verb[1]);
      const actual = read([key]);
      const stated = Number(m[3]);
      if (actual === null || actual === stated) continue;
      const scope = scopeWord(s);
      findings.push({
        rule: 'N-ACTIVE',
        severity: scope ? 'warning' : 'error',
        cells: [key],
        message: `第${section}部分文字称${verb[2]}${row === 'rules' ? '规章' : '规范性文件'}${stated}件，表1为${fmtNum(actual)}件：“${quote(s)}”${scope ? scopeNote(scope) : ''}`,
        expected: actual,
        actual: stated,
      });
    }
  }
}
