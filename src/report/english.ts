/**
 * The product's messages in English, for a pane whose Office speaks English. Every message is written once, in
 * Chinese, where it arises (checks, import, host, actions); this is its English rendering, pattern by pattern.
 * What stays Chinese is what the person must recognise in the report itself: the official labels of the
 * tables (（一）予以公开, 自然人, 本年收费金额 …), section titles, quoted cell contents, quoted sentences of the
 * text, sheet and agency names. A message without a rendering here comes back unchanged (test/report/english
 * fails on any message the product can produce that has none).
 */
import { SECTION_TITLES, TABLE_NAMES as OFFICIAL_NAMES, TABLE_SECTION } from './formats';
import type { TableId } from './types';

type Rule = [RegExp, (m: RegExpExecArray) => string];

const IN_ENGLISH: Record<TableId, [name: string, title: string]> = {
  active: ['Table 1 (active disclosure)', 'active disclosure'],
  applications: ['Table 2 (applications)', 'applications'],
  reviews: ['Table 3 (reviews and lawsuits)', 'reviews and lawsuits'],
};
const TABLES = Object.entries(IN_ENGLISH) as Array<[TableId, [string, string]]>;
/** "表2 依申请公开" → "Table 2 (applications)", the official names from the formats definition. */
const TABLE_NAMES: Record<string, string> = Object.fromEntries(TABLES.map(([t, [name]]) => [OFFICIAL_NAMES[t], name]));
/** A table's section title without its number ("收到和处理政府信息公开申请情况") → its subject in English. */
const TABLE_TITLES: Record<string, string> = Object.fromEntries(
  TABLES.map(([t, [, title]]) => [SECTION_TITLES[TABLE_SECTION[t] - 1].replace(/^[一二三四五六]、/, ''), title]),
);

/** "表2 依申请公开" → "Table 2 (applications)"; "表2" → "Table 2". */
export function tableInEnglish(name: string): string {
  return TABLE_NAMES[name] ?? name.replace(/^表(\d)$/, 'Table $1');
}

/** A cell as describeCell names it: "表2 （一）予以公开 · 自然人" → "Table 2, （一）予以公开 · 自然人". */
export function cellInEnglish(where: string): string {
  return where.replace(/^表(\d) /, 'Table $1, ');
}

const plural = (n: number | string, one: string, many = `${one}s`): string => `${n} ${Number(n) === 1 ? one : many}`;

/** Names of the two sides of a relation (rules.ts, crossYear.ts). */
function side(s: string): string {
  const known: Record<string, string> = {
    自然人与各类法人或其他组织之和: 'the sum of 自然人 and the 法人或其他组织 columns',
    '（一）至（六）各项之和': 'the sum of （一） to （六）',
    '本年“二、上年结转”': 'this year’s “二、上年结转”',
    '本年“上一年项目数量”': 'this year’s “上一年项目数量”',
  };
  if (known[s]) return known[s];
  let m = /^(\d{4})年报告“(.+)”$/.exec(s);
  if (m) return `the ${m[1]} report’s “${m[2]}”`;
  m = /^(\d{4})年现行有效件数＋本年制发件数$/.exec(s);
  if (m) return `${m[1]}’s 现行有效件数 + this year’s 本年制发件数`;
  m = /^(\d{4})年报告的上一年项目数量＋本年增\/减$/.exec(s);
  if (m) return `the ${m[1]} report’s 上一年项目数量 + 本年增/减`;
  return s.replace(/＋/g, ' + ');
}

/** What a relation runs along: "自然人列" → "Column 自然人", "（一）予以公开行" → "Row （一）予以公开". */
function along(s: string): string {
  const m = /^(.+)(列|行)$/.exec(s);
  return m ? `${m[2] === '列' ? 'Column' : 'Row'} ${m[1]}` : s;
}

/** 第3部分 / 第三部分 → section 3. */
const section = (s: string): string => `section ${/^\d$/.test(s) ? s : '一二三四五六'.indexOf(s) + 1}`;

/** Words of the text the narrative checks quote (quantities of facts.ts, verbs of N-ACTIVE). */
const WORDS: Record<string, string> = {
  新收政府信息公开申请: 'new applications',
  上年结转: 'carried over from last year',
  共收办: 'received and carried over',
  办结: 'handled',
  结转下年度继续办理: 'carried forward to next year',
  行政复议结果维持: '行政复议 结果维持',
  行政复议结果纠正: '行政复议 结果纠正',
  行政复议其他结果: '行政复议 其他结果',
  行政复议尚未审结: '行政复议 尚未审结',
  行政诉讼结果维持: '行政诉讼 结果维持',
  行政诉讼结果纠正: '行政诉讼 结果纠正',
  行政诉讼其他结果: '行政诉讼 其他结果',
  行政诉讼尚未审结: '行政诉讼 尚未审结',
  予以公开及部分公开: '（一）予以公开 and （二）部分公开',
  予以公开: '（一）予以公开',
  部分公开: '（二）部分公开',
  不予公开: '（三）不予公开',
  无法提供: '（四）无法提供',
  不予处理: '（五）不予处理',
  其他处理: '（六）其他处理',
  增长: 'an increase of',
  上升: 'an increase of',
  增加: 'an increase of',
  下降: 'a decrease of',
  减少: 'a decrease of',
  现行有效: 'in force (现行有效件数)',
  废止: 'repealed (本年废止件数)',
  制发: 'issued (本年制发件数)',
  对外公开总数: 'published in all (对外公开总数量)',
  新公开: 'newly published (本年新公开数量)',
  新制作: 'newly made (本年新制作数量)',
};
const word = (w: string): string => WORDS[w] ?? w;

const NOTES: Record<string, string> = {
  不可见字符: 'invisible characters',
  全角数字: 'full-width digits',
  空格: 'spaces',
  千位分隔符: 'thousands separators',
};
const notes = (s: string): string =>
  s
    .split('和')
    .map((n) => NOTES[n] ?? n)
    .join(' and ');

/** The tail every BLANK message ends with. */
const ZERO = 'the format asks for 0 to be written; counted as 0';

/** A list of cells or rows as the checks write it ("一、本年新收 · 商业企业、（一）予以公开 · 其他"): split at 、 except
 *  where it follows a row's own number (一、 二、 …). */
const list = (s: string): string =>
  s
    .split('、')
    .reduce<string[]>((out, piece) => {
      if (out.length && /^[一二三四五六七八九十]+$/.test(out[out.length - 1])) out[out.length - 1] += `、${piece}`;
      else out.push(piece);
      return out;
    }, [])
    .join(', ');

const quoted = '“([^”]*)”';

/** Why a sheet's name was refused (src/web/file/insert.ts sheetNameProblem), in English. */
function sheetNameRuleInEnglish(why: string): string {
  const long = /^工作表名称不能超过 31 个字符（此名称有 (\d+) 个）$/.exec(why);
  if (long) return `a sheet's name cannot be longer than 31 characters (this one has ${long[1]})`;
  const char = /^工作表名称不能含有 .+ 这些字符（此名称含有“(.+)”）$/.exec(why);
  if (char) return `a sheet's name cannot contain any of \\ / ? * [ ] : (this one contains “${char[1]}”)`;
  const fixed: Record<string, string> = {
    工作表名称不能为空: "a sheet's name cannot be empty",
    "工作表名称不能以单引号（'）开头或结尾": "a sheet's name cannot begin or end with a single quotation mark (')",
    '“History”是 Excel 保留的工作表名称': '“History” is a sheet name Excel keeps for itself',
  };
  return fixed[why] ?? why;
}

const RULES: Rule[] = [
  // ---- cells (check.ts)
  [/^(表\d .+?)：单元格为空，格式要求填写0；计算时按0处理$/, (m) => `${cellInEnglish(m[1])}: the cell is empty; ${ZERO}`],
  [
    new RegExp(`^(表\\d .+?)：填写了${quoted}，格式要求填写0；计算时按0处理$`),
    (m) => `${cellInEnglish(m[1])}: “${m[2]}” was typed; ${ZERO}`,
  ],
  [
    new RegExp(`^(表\\d .+?)：单元格显示错误值${quoted}，应为数字（可能是公式引用了已删除的单元格）$`),
    (m) => `${cellInEnglish(m[1])}: the cell shows the error “${m[2]}”; it should be a number (a formula may refer to deleted cells)`,
  ],
  [new RegExp(`^(表\\d .+?)：${quoted}不是数字，应填写数字$`), (m) => `${cellInEnglish(m[1])}: “${m[2]}” is not a number; type a number`],
  [
    new RegExp(`^(表\\d .+?)：${quoted}含(.+?)，已按 (\\S+) 读取，请改为普通数字$`),
    (m) => `${cellInEnglish(m[1])}: “${m[2]}” has ${notes(m[3])}; read as ${m[4]}, please type a plain number`,
  ],
  [
    new RegExp(`^(表\\d .+?)：${quoted}带有单位${quoted}，已按 (\\S+) 读取；单元格中只应填写数字$`),
    (m) => `${cellInEnglish(m[1])}: “${m[2]}” has the unit “${m[3]}”; read as ${m[4]}; a cell should hold the number only`,
  ],
  [
    new RegExp(`^(表\\d .+?)：应为大于或等于0的整数，实际为${quoted}$`),
    (m) => `${cellInEnglish(m[1])}: should be a whole number ≥ 0, is “${m[2]}”`,
  ],
  [
    new RegExp(`^(表\\d .+?)：金额不能为负数，实际为${quoted}$`),
    (m) => `${cellInEnglish(m[1])}: an amount cannot be negative, is “${m[2]}”`,
  ],
  [
    new RegExp(`^(表\\d .+?)：本年增/减应为整数（减少填负数），实际为${quoted}$`),
    (m) => `${cellInEnglish(m[1])}: 本年增/减 should be a whole number (negative for a decrease), is “${m[2]}”`,
  ],
  [
    /^(表\d [^：]+?)尚未填写：(\d+) 个单元格为空（没有数据的请填0）$/,
    (m) => `${tableInEnglish(m[1])} is not filled in yet: ${plural(m[2], 'cell')} empty (type 0 where there is nothing)`,
  ],
  [
    /^(表\d [^：]+?)：(\d+) 个单元格(为空|填写了(?:“[^”]*”)+等?|为空或填写了(?:“[^”]*”)+等?)(?:（(.+)）|，涉及(.+?)(?:等 (\d+) 行)?)，格式要求填写0；计算时按0处理$/,
    (m) => {
      const typed = (t: string): string =>
        t
          .replace(/^(?:为空或)?填写了/, '')
          .replace(/”“/g, '”, “')
          .replace(/等$/, ' and others');
      const what = m[3] === '为空' ? 'empty' : m[3].startsWith('为空或') ? `empty or holding ${typed(m[3])}` : `holding ${typed(m[3])}`;
      const where = m[4] ? ` (${list(m[4])})` : `, in ${list(m[5])}${m[6] ? ` and others, ${m[6]} rows in all` : ''}`;
      return `${tableInEnglish(m[1])}: ${plural(m[2], 'cell')} ${what}${where}; ${ZERO}`;
    },
  ],
  [/^缺少(表\d [^（]+)（(.+)）$/, (m) => `${tableInEnglish(m[1])} (${m[2]}) is missing`],
  [
    /^(表\d [^：]+?)缺少 (\d+) 个单元格，涉及：(.+?)( 等)?$/,
    (m) => `${tableInEnglish(m[1])} lacks ${plural(m[2], 'cell')}, in ${list(m[3])}${m[4] ? ' and others' : ''}`,
  ],
  [new RegExp(`^未知的表格${quoted}，未检查$`), (m) => `Unknown table “${m[1]}”: not checked`],
  [
    /^2021年格式的报告中保留了2019年格式单一的“（六）其他处理”行，应拆分为1\.逾期不补正、2\.逾期未缴费、3\.其他三项$/,
    () =>
      'A 2021-format report kept the single “（六）其他处理” row of the 2019 format; it should be split into 1.逾期不补正, 2.逾期未缴费 and 3.其他',
  ],
  [
    new RegExp(`^(表\\d [^中]+?)中有格式之外的行${quoted}（可能是地方增加的行），未参与核对$`),
    (m) => `${tableInEnglish(m[1])} has a row “${m[2]}” the format does not have (perhaps added locally); not checked`,
  ],
  [
    new RegExp(`^(表\\d [^中]+?)中有格式之外的单元格${quoted}，未参与核对$`),
    (m) => `${tableInEnglish(m[1])} has a cell “${m[2]}” the format does not have; not checked`,
  ],
  // ---- relations (rules.ts, crossYear.ts)
  [
    /^(.+?)：(.+?)（(-?[\d.]+)）(应等于|不应大于)(.+?)（(-?[\d.]+)）(?:，相差([\d.]+))?(（其中空白单元格按0计算）)?(（修订、到期失效等也会造成差异，如属此类请在报告中说明）)?$/,
    (m) => {
      const rel = m[4] === '应等于' ? 'should equal' : 'should not exceed';
      const diff = m[7] ? `, a difference of ${m[7]}` : '';
      const blanks = m[8] ? ' (blank cells counted as 0)' : '';
      const note = m[9] ? ' (revisions and expiry can also make them differ; if so, say so in the report)' : '';
      return `${along(m[1])}: ${side(m[2])} (${m[3]}) ${rel} ${side(m[5])} (${m[6]})${diff}${blanks}${note}`;
    },
  ],
  [
    /^上年报告是(.*?)(\d{4})年的，而本报告是(.*?)(\d{4})年的，应为(.*?)(\d{4})年的报告(，未做跨年度核对（上年结转、现行有效件数等）|。跨年度核对和同比变化只用上一年度同一单位的报告。)?$/,
    (m) => {
      const of = (agency: string, year: string): string => `${agency ? `“${agency}” ` : ''}${year}`;
      const tail = !m[7]
        ? ''
        : m[7].startsWith('，')
          ? '; the cross-year checks (carry-over, documents in force…) were not done'
          : '. The cross-year checks and year-on-year changes use only the report of the year before, of the same agency.';
      return `Last year’s report is the ${of(m[1], m[2])} report, while this report is ${of(m[3], m[4])}: it should be the ${of(m[5], m[6])} report${tail}`;
    },
  ],
  // ---- digits run together, rows without a label, a blank template (import/grid.ts, check.ts)
  [
    /^(表\d)“(.+)”行的数字连在一起（“(.*)”），按唯一符合单元格数和(各行各列)?勾稽关系的拆法读作 (.+)，请核对原文$/,
    (m) =>
      `${tableInEnglish(m[1])}, row “${m[2]}”: the digits run together (“${m[3]}”); read as ${m[5].split('、').join(', ')}, the only split that fits the number of cells and the ${m[4] ? 'relations across rows and columns' : 'relations'}; please check against the source`,
  ],
  [
    /^(表\d)“(.+)”行的数字连在一起（“(.*)”），可以拆成不止一种(\d+)个数的组合，无法确定，此行未读入$/,
    (m) =>
      `${tableInEnglish(m[1])}, row “${m[2]}”: the digits run together (“${m[3]}”) and split into ${m[4]} numbers in more than one way; not read`,
  ],
  [
    /^(表\d)“(.+)”行：应有(\d+)个数值，读到(\d+)个（“(.*)”），可能是数字连在一起或空白单元格没有保留，无法确定，此行未读入$/,
    (m) =>
      `${tableInEnglish(m[1])}, row “${m[2]}”: should have ${plural(m[3], 'value')}, found ${m[4]} (“${m[5]}”) — digits may run together or blank cells were lost; not read`,
  ],
  [
    /^(表\d)有一行没有标签（数值：(.*)），位于“(.+)”之前，按位置读作“(.+)”，请核对原文$/,
    (m) =>
      `${tableInEnglish(m[1])} has a row without a label (values: ${m[2].split('、').join(', ')}) just before “${m[3]}”; read by its position as “${m[4]}”; please check against the source`,
  ],
  [
    new RegExp(`^(表\\d) 标签${quoted}是(\\d{4})年格式的写法，(\\d{4})年格式为“(.+)”，已按后者读取$`),
    (m) => `${tableInEnglish(m[1])}: the label “${m[2]}” is the ${m[3]} format’s wording; the ${m[4]} format has “${m[5]}”, read as that`,
  ],
  [
    /^没有找到标题和统计期限，按正文中最常提到的年份读作(\d{4})年，请核对（可用 --year 指定）$/,
    (m) => `No title and no statistical period found; read as ${m[1]}, the year the text names most — please check (--year sets it)`,
  ],
  [
    /^表格未填写：报告中的统计表全部为空（(\d+) 个单元格），发布的可能是空白模板$/,
    (m) =>
      `Tables not filled in: every cell of the report’s tables is empty (${plural(m[1], 'cell')}); the empty template may have been published`,
  ],
  // ---- labels (recognise.ts, import/grid.ts)
  [
    new RegExp(`^(表\\d(?: [^标]+)?) ?标签“(.+)”与格式规定的${quoted}不一致（?(已知的不规范写法|疑似错别字)）?，已按${quoted}(识别|读取)$`),
    (m) =>
      `${tableInEnglish(m[1].trim())}: the label “${m[2]}” differs from the format’s “${m[3]}” (${m[4] === '疑似错别字' ? 'probably a typo' : 'a known irregular wording'}); ${m[6] === '识别' ? 'recognised' : 'read'} as “${m[5]}”`,
  ],
  [
    new RegExp(`^2021年格式的报告中保留了2019年格式单一的${quoted}行（数值：(.*)），已按行键 other 读入；2021年格式应分为（六）下的三项$`),
    (m) =>
      `A 2021-format report kept the 2019 format’s single “${m[1]}” row (values: ${m[2]}); read as row key other; the 2021 format splits it into the three rows under （六）`,
  ],
  [
    new RegExp(`^(\\d{4})年格式的(表\\d)中出现了(\\d{4})年格式的行${quoted}（数值：(.*)），未读入报告$`),
    (m) =>
      `${tableInEnglish(m[2])} of the ${m[1]} format has a row “${m[4]}” of the ${m[3]} format (values: ${m[5]}); not read into the report`,
  ],
  [
    new RegExp(`^(表\\d)中有格式之外的行“(.+)”（可能是地方增加的行），数值：(.*)；未读入报告$`),
    (m) =>
      `${tableInEnglish(m[1])} has a row “${m[2]}” the format does not have (perhaps added locally), values: ${m[3]
        .split('、')
        .map((v) => (v === '（空）' ? '(blank)' : v))
        .join(', ')}; not read into the report`,
  ],
  // ---- report JSON that cannot be read (report.ts): the English is already in its parentheses
  [/^不是年报数据：JSON 顶层应为对象（not a report object）$/, () => 'Not a report: the JSON should be an object'],
  [
    /^不支持的数据版本“(.*)”，应为 ogi-report\/1（unknown schema）$/,
    (m) => `Unsupported data version “${m[1]}”: it should be ogi-report/1`,
  ],
  [
    /^不是年报数据：没有 year（年份）和 tables（表格数据），应为 ogi-report\/1 格式的年报 JSON（not a report）$/,
    () => 'Not a report: there is no year and no tables; report JSON in the ogi-report/1 format is expected',
  ],
  [
    /^年份“(.*)”无效：请填写 (\d{4}) 至 (\d{4}) 之间的四位年份，如 2025(?:（invalid year）)?$/,
    (m) => `The year “${m[1]}” is not valid: enter a four-digit year from ${m[2]} to ${m[3]}, e.g. 2025`,
  ],
  [/^未知的表格格式“(.*)”，应为 2019 或 2021（unknown format）$/, (m) => `Unknown table format “${m[1]}”: it should be 2019 or 2021`],
  [/^缺少 tables（表格数据）对象（missing tables）$/, () => 'The tables object is missing'],
  [/^表格“(.*)”应为对象（table .* is not an object）$/, (m) => `The table “${m[1]}” should be an object`],
  [/^表格“(.*)”的行“(.*)”应为对象（row .* is not an object）$/, (m) => `The row “${m[2]}” of the table “${m[1]}” should be an object`],
  [/^JSON 格式有误：([\s\S]*)（invalid JSON）$/, (m) => `The JSON is not valid: ${m[1]}`],
  // ---- import problems (import/*.ts)
  [/^没有可导入的内容：输入为空$/, () => 'Nothing to import: the input is empty'],
  [
    /^未能识别报告年度：没有找到“XXXX年政府信息公开工作年度报告”标题，也没有统计期限$/,
    () => 'The report year was not found: there is no “XXXX年政府信息公开工作年度报告” title and no statistical period',
  ],
  [
    /^标题中的年度（(\d{4})）与统计期限（(\d{4})年）不一致，按标题读取$/,
    (m) => `The year in the title (${m[1]}) differs from the statistical period (${m[2]}); the title’s year was used`,
  ],
  [
    /^未找到(表\d)（(.+?)）：文中没有((?:“[^”]*”)+)等(行|表头)$/,
    (m) =>
      `${tableInEnglish(m[1])} (${TABLE_TITLES[m[2]] ?? m[2]}) was not found: the text has no ${m[3]} ${m[4] === '行' ? 'rows' : 'headers'}`,
  ],
  [
    new RegExp(`^(表\\d)${quoted}行出现了不止一次，按第一次读取$`),
    (m) => `${tableInEnglish(m[1])}: the row “${m[2]}” appears more than once; the first was read`,
  ],
  [
    new RegExp(`^(表\\d)${quoted}行：应有(\\d+)个数值，读到(\\d+)个(，无法确定空白单元格的位置)?，此行未读入$`),
    (m) =>
      `${tableInEnglish(m[1])}, row “${m[2]}”: ${m[3]} values expected, ${m[4]} found${m[5] ? ', so the blank cells cannot be placed' : ''}; the row was not read`,
  ],
  [
    /^(表\d)（(.+?)）：找到了表头，但没有读到任何数据行$/,
    (m) => `${tableInEnglish(m[1])} (${TABLE_TITLES[m[2]] ?? m[2]}): the header was found but no data rows`,
  ],
  [
    /^(表\d)（(.+?)）没有读到这些行：(.+)$/,
    (m) => `${tableInEnglish(m[1])} (${TABLE_TITLES[m[2]] ?? m[2]}): these rows were not read: ${m[3]}`,
  ],
  [
    /^(表\d)（(.+?)）：找到了表头，但表头下没有数值$/,
    (m) => `${tableInEnglish(m[1])} (${TABLE_TITLES[m[2]] ?? m[2]}): the header was found but no values under it`,
  ],
  // ---- the text against the tables (narrativeCheck.ts)
  [
    /^第(\d)部分文字称(.+?)占([\d.]+)%，按表格应为([\d.]+)%（占办结总数）：(“[\s\S]*”)$/,
    (m) => `The text of ${section(m[1])} gives ${word(m[2])} as ${m[3]}%; by the tables it is ${m[4]}% (of those handled): ${m[5]}`,
  ],
  [
    /^第(\d)部分文字称(.+?)(增长|上升|增加|下降|减少)([\d.]+)%，按(\d{4})年（([\d.]+)件）和本年（([\d.]+)件）应为(增长|下降)([\d.]+)%：(“[\s\S]*”)$/,
    (m) =>
      `The text of ${section(m[1])} gives ${word(m[2])} ${word(m[3])} ${m[4]}%; from ${m[5]} (${m[6]}) and this year (${m[7]}) it is ${word(m[8])} ${m[9]}%: ${m[10]}`,
  ],
  [
    /^第(\d)部分文字称(.+?)(规章|规范性文件)(\d+)件，表1为([\d.]+)件：(“[\s\S]*?”)(?:（该句说的是“(.+)”，与表格的统计范围可能不同，请人工确认）)?$/,
    (m) =>
      `The text of ${section(m[1])} gives ${word(m[2])} ${m[3]} as ${m[4]}; table 1 has ${m[5]}: ${m[6]}${m[7] ? ` (the sentence speaks of “${m[7]}”: its scope may differ from the tables’; please check)` : ''}`,
  ],
  [
    /^第(\d)部分文字称“(.+?)”，但表3(.*)有结果纠正、其他结果或尚未审结的案件：(“[\s\S]*”)$/,
    (m) =>
      `The text of ${section(m[1])} says “${m[2]}”, but table 3 has ${m[3] ? `${list(m[3])} ` : ''}cases 结果纠正, 其他结果 or 尚未审结: ${m[4]}`,
  ],
  [
    /^第(\d)部分文字称“零败诉”，但表3行政诉讼结果纠正为(\d+)件：(“[\s\S]*”)$/,
    (m) => `The text of ${section(m[1])} says “零败诉” (no lawsuit lost), but table 3 has 行政诉讼 结果纠正 ${m[2]}: ${m[3]}`,
  ],
  [
    /^第(\d)部分文字称“未被纠错”，但表3结果纠正共(\d+)件：(“[\s\S]*”)$/,
    (m) => `The text of ${section(m[1])} says “未被纠错” (nothing corrected), but table 3 has 结果纠正 ${m[2]} in all: ${m[3]}`,
  ],
  [
    /^第(\d)部分文字称未发生(行政复议|行政诉讼)，但表3(?:行政复议|行政诉讼)总计为(\d+)件：(“[\s\S]*”)$/,
    (m) => `The text of ${section(m[1])} says there was no ${m[2]}, but table 3 has ${m[2]} 总计 ${m[3]}: ${m[4]}`,
  ],
  [
    /^第(\d)部分文字称(.+?)([\d.]+)件，表格为([\d.]+)件：(“[\s\S]*?”)(?:（该句说的是“(.+)”，与表格的统计范围可能不同，请人工确认）)?$/,
    (m) =>
      `The text of ${section(m[1])} gives ${word(m[2])} as ${m[3]}; the tables have ${m[4]}: ${m[5]}${m[6] ? ` (the sentence speaks of “${m[6]}”: its scope may differ from the tables’; please check)` : ''}`,
  ],
  [
    /^第六部分（其他需要报告的事项）未说明政府信息公开信息处理费的收取情况（收取金额，或未收取）$/,
    () =>
      'Section 6 (六、其他需要报告的事项) does not state the information processing fee collected (the amount, or that none was collected)',
  ],
  [
    /^报告缺少第(.+)部分$/,
    (m) =>
      `The report lacks section${m[1].includes('、') ? 's' : ''} ${m[1]
        .split('、')
        .map((x) => section(x).replace('section ', ''))
        .join(', ')}`,
  ],
  [/^第五部分（存在的主要问题及改进情况）为空或只写“无”$/, () => 'Section 5 (五、存在的主要问题及改进情况) is empty or only says “无”'],
  // ---- the generated text held back (narrative.ts)
  [
    /^(表\d [^尚还有]+?)尚未填写，暂不生成本段。请先填写表格（没有数据的填0），再重新生成。$/,
    (m) =>
      `${tableInEnglish(m[1])} is not filled in yet, so this paragraph was not written. Fill in the table (0 where there is nothing), then write the text again.`,
  ],
  [
    /^(表\d [^还]+?)还有 (\d+) 个单元格未填写（(.+?)(等)?），为避免写出表格中没有的数字，暂不生成本段。请先填写（没有数据的填0），再重新生成。$/,
    (m) =>
      `${tableInEnglish(m[1])} still has ${plural(m[2], 'empty cell')} (${list(m[3])}${m[4] ? ' and others' : ''}); so as not to state what the table does not say, this paragraph was not written. Fill them in (0 where there is nothing), then write the text again.`,
  ],
  [
    /^(表\d [^有]+?)有 (\d+) 处错误（如：([\s\S]+)），为避免文字与表格矛盾，暂不生成本段。请先在表格中更正，再重新生成。$/,
    (m) =>
      `${tableInEnglish(m[1])} has ${plural(m[2], 'error')} (e.g. ${inEnglish(m[3])}); so that the text does not contradict the tables, this paragraph was not written. Correct the table, then write the text again.`,
  ],
  // ---- actions (src/app/) and the Excel host (excel/*)
  [/^没有读到年报表格[：。]$/, () => 'No report tables were read:'],
  [
    /^没有读到报告年度（标题中应有“XXXX年政府信息公开工作年度报告”）$/,
    () => 'No report year was read (the title should contain “XXXX年政府信息公开工作年度报告”)',
  ],
  [/^未保存：([\s\S]+)$/, (m) => `Not kept: ${inEnglish(m[1])}`],
  [
    /^已保存(.*?)(\d{4})年报告（(\d{4})年格式，(.+)），校验时将核对上年结转等跨年度关系，生成文字时写出同比变化。$/,
    (m) =>
      `Kept the ${m[1] ? `“${m[1]}” ` : ''}${m[2]} report (${m[3]} format, ${m[4]
        .split('、')
        .map((t) => tableInEnglish(t))
        .join(', ')}): the checks will compare the carry-over and other cross-year relations, and the text will give year-on-year changes.`,
  ],
  [/^不是有效的 \.xlsx 工作簿（(.*)）$/, (m) => `Not a valid .xlsx workbook (${m[1]})`],
  [
    /^工作簿中没有找到年报表格（既没有登记的表格，也没有按标签识别出的表格）$/,
    () => 'The workbook has no report tables (neither registered tables nor tables recognised by their labels)',
  ],
  [
    /^本工作簿中登记的年报表格已达上限，(?:请在新工作簿中插入|无法再登记)。$/,
    () => 'This workbook holds as many registered report tables as it can; use a new workbook.',
  ],
  [
    /^工作表“(.+)”受保护，无法登记其中的表格。请先撤消工作表保护后再登记。$/,
    (m) => `The sheet “${m[1]}” is protected, so its tables cannot be registered. Unprotect it first, then register them.`,
  ],
  [/^找不到工作表“(.+)”，无法登记其中的表格。$/, (m) => `The sheet “${m[1]}” was not found, so its tables cannot be registered.`],
  [
    /^工作表“(.+)”受保护，无法插入。请先撤消工作表保护，或插入到新工作表。$/,
    (m) => `The sheet “${m[1]}” is protected, so nothing was inserted. Unprotect it first, or insert on a new sheet.`,
  ],
  [
    /^目标区域 (\S+) 中(.+)。为避免覆盖，未插入任何内容。请选择一个空白位置，或插入到新工作表。$/,
    (m) => {
      const what = m[2]
        .split('，')
        .map((p) => {
          const cells = /^(\d+) 个单元格已有内容（(.+)）$/.exec(p);
          if (cells)
            return `${plural(cells[1], 'cell')} already ${Number(cells[1]) === 1 ? 'holds' : 'hold'} something (${cells[2].replace(/ 等$/, ' …').split('、').join(', ')})`;
          const merged = /^有合并单元格（(.+)）$/.exec(p);
          return merged ? `there are merged cells (${merged[1]})` : p;
        })
        .join(', and ');
      return `In the target area ${m[1]} ${what}. So as not to overwrite anything, nothing was inserted. Select an empty place, or insert on a new sheet.`;
    },
  ],
  [/^无法定位单元格“(.+)”$/, (m) => `Cannot go to the cell “${m[1]}”`],
  [
    /^无法定位单元格“(.+)”：应为带工作表名的地址，如 'Sheet1'!D6 或 'Sheet1'!D6:I6,D9。$/,
    (m) => `Cannot go to the cell “${m[1]}”: expected an address with its sheet's name, such as 'Sheet1'!D6 or 'Sheet1'!D6:I6,D9.`,
  ],
  [
    /^无法定位单元格“(.+)”：工作簿中没有名为“(.+)”的工作表。$/,
    (m) => `Cannot go to the cell “${m[1]}”: the workbook has no sheet named “${m[2]}”.`,
  ],
  // ---- opening a file in the web edition (src/web/file/open.ts)
  [
    /^《(.+)》是空文件（0 字节），不是 \.xlsx 工作簿。请重新保存或选择另一个文件。$/,
    (m) => `“${m[1]}” is empty (0 bytes), not an .xlsx workbook. Save it again or choose another file.`,
  ],
  [
    /^《(.+)》设有打开密码（已加密），网页版无法读取。.*$/,
    (m) =>
      `“${m[1]}” has a password to open (it is encrypted); the web edition cannot read it. Remove the password in WPS or Excel (File → Info → Protect Workbook), save as .xlsx and open it again.`,
  ],
  [
    /^《(.+)》是(WPS 表格文件（\.et）|旧版 Excel 文件（\.xls）)，请在 WPS 或 Excel 中另存为 \.xlsx 后再打开。$/,
    (m) =>
      `“${m[1]}” is ${m[2].startsWith('WPS') ? 'a WPS Spreadsheets file (.et)' : 'an old Excel file (.xls)'}; save it as .xlsx in WPS or Excel and open it again.`,
  ],
  [
    /^《(.+)》不是 \.xlsx 工作簿（是(.+?)，不是 Excel 2007 及以后的 \.xlsx 格式）。.*$/,
    (m) =>
      `“${m[1]}” is not an .xlsx workbook (it is ${m[2] === '文本文件' ? 'a text file' : m[2] === '未知格式的文件' ? 'a file of unknown format' : `a ${m[2].replace(/ 文件$/, '')} file`}). Save it as .xlsx in WPS, Excel or LibreOffice and open it again.`,
  ],
  [
    /^《(.+)》是 OpenDocument 表格（\.ods）.*$/,
    (m) => `“${m[1]}” is an OpenDocument spreadsheet (.ods); save it as .xlsx in WPS or LibreOffice and open it again.`,
  ],
  [/^《(.+)》是 Word 文档，不是工作簿。.*$/, (m) => `“${m[1]}” is a Word document, not a workbook. Please choose an .xlsx workbook.`],
  [
    /^《(.+)》是 Excel 二进制工作簿（\.xlsb）.*$/,
    (m) => `“${m[1]}” is an Excel binary workbook (.xlsb); save it as .xlsx in Excel and open it again.`,
  ],
  [
    /^《(.+)》是压缩文件（\.zip），其中没有工作簿.*$/,
    (m) => `“${m[1]}” is a .zip archive with no workbook in it, not an .xlsx file. Please choose an .xlsx workbook.`,
  ],
  [
    /^《(.+)》已损坏，无法解压（(.*)）。.*$/,
    (m) => `“${m[1]}” is damaged and cannot be unpacked (${m[2]}). Open it in WPS or Excel, save it as .xlsx and try again.`,
  ],
  [
    /^《(.+)》无法读取为 \.xlsx 工作簿（(.*)）。.*$/,
    (m) => `“${m[1]}” cannot be read as an .xlsx workbook (${m[2]}). Open it in WPS or Excel, save it as .xlsx and try again.`,
  ],
  [/^《(.+)》中没有工作表，无法打开。$/, (m) => `“${m[1]}” has no worksheets and cannot be opened.`],
  [
    /^无法新建工作表“(.*)”：(.+)。请换一个名称。$/,
    (m) => `Cannot add the sheet “${m[1]}”: ${sheetNameRuleInEnglish(m[2])}. Please choose another name.`,
  ],
  [
    /^(\S+) 所指的表格已被删除（工作表或行列被删除）$/,
    (m) => `The table ${m[1]} refers to was deleted (its sheet, rows or columns were deleted)`,
  ],
  [
    /^名称 (\S+) 的说明（批注）被改动，无法识别其年份和格式$/,
    (m) => `The comment of the name ${m[1]} was changed; its year and format cannot be told`,
  ],
  [
    /^(\d{4})年(表\d [^的]+)的行列数已改变（应为 (\d+) 行 × (\d+) 列，现为 (\d+) 行 × (\d+) 列），请恢复被插入或删除的行列后再校验$/,
    (m) =>
      `The ${m[1]} ${tableInEnglish(m[2])} has changed size (it should be ${m[3]} rows × ${m[4]} columns, it is ${m[5]} × ${m[6]}); restore the rows or columns inserted or deleted, then check again`,
  ],
  [
    /^加载项的程序文件未能载入，操作没有进行（([\s\S]*)）。请检查网络连接，然后关闭并重新打开任务窗格再试。$/,
    (m) =>
      `A file of the add-in’s code did not load, so nothing was done (${m[1]}). Check the network connection, then close and reopen the task pane and try again.`,
  ],
  [
    /^当前 Excel 版本过旧/,
    () =>
      'This version of Excel is too old for the add-in (it needs ExcelApi 1.8: Microsoft 365, Office 2021 or later, an updated retail Excel 2019, or Excel on the web; volume-licensed Office 2019 and older are not supported). Please upgrade Office.',
  ],
  [
    /^插入中途出错，已撤消已写入的部分，工作簿保持插入前的样子。原因：([\s\S]+)$/,
    (m) => `The insertion failed part-way; what was written has been undone and the workbook is as it was. Cause: ${inEnglish(m[1])}`,
  ],
  [
    /^插入中途出错，撤消也未能完成，请用 Excel 的“撤消”或检查 (.+) 工作表。原因：([\s\S]+)$/,
    (m) =>
      `The insertion failed part-way and could not be undone: use Excel’s Undo, or look at the sheet ${m[1]}. Cause: ${inEnglish(m[2])}`,
  ],
  [
    /^(.+?)。（(.+)）$/,
    (m) => {
      const excel: Record<string, string> = {
        '工作表受保护或工作簿为只读，无法写入。请撤消工作表保护或另存一份后再试':
          'The sheet is protected or the workbook is read-only. Unprotect the sheet or save a copy, then try again',
        'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再点按钮':
          'Excel is editing a cell. Press Enter or Esc to finish editing, then click the button again',
        '找不到所需的工作表或名称，可能已被删除或改名': 'A sheet or name that is needed was not found; it may have been deleted or renamed',
        同名的工作表或名称已存在: 'A sheet or name of the same name exists already',
        参数无效: 'Invalid argument',
        '引用无效，表格所在的行列可能已被删除': 'Invalid reference; the rows or columns of the table may have been deleted',
        '当前 Excel 版本不支持所需的功能，请升级 Office': 'This version of Excel lacks a feature that is needed; please upgrade Office',
        '工作簿正被其他人同时编辑，请稍后重试': 'Someone else is editing the workbook; try again shortly',
        'Excel 处理时出错': 'Excel reported an error',
        一次写入的数据过多: 'Too much data in one write',
        当前账户无权访问此工作簿: 'This account may not access the workbook',
        '当前 Excel 版本不支持此操作': 'This version of Excel does not support the operation',
      };
      return excel[m[1]] ? `${excel[m[1]]}. (${m[2]})` : m[0];
    },
  ],
];

/** A message of the product in English (see the top of the file); unknown messages come back unchanged. */
export function inEnglish(message: string): string {
  for (const [re, render] of RULES) {
    const m = re.exec(message);
    if (m) return render(m);
  }
  return message;
}

/** "2025年（2021年格式）", "…，工作表“X”）", "工作表“X”中按标签识别的表格（未登记，2019年格式）" in English. */
export function setTitleInEnglish(title: string): string {
  let m = /^(\d{4}年|年度未知)（(\d{4})年格式(?:，工作表“(.+)”)?）$/.exec(title);
  if (m) return `${m[1] === '年度未知' ? 'Year unknown' : m[1].slice(0, 4)} (${m[2]} format${m[3] ? `, sheet “${m[3]}”` : ''})`;
  m = /^工作表“(.+)”中按标签识别的表格（未登记，(\d{4})年格式）$/.exec(title);
  if (m) return `Tables recognised by their labels on sheet “${m[1]}” (not registered, ${m[2]} format)`;
  return title;
}

/** The rules as 帮助 explains them (rules.ts, crossYear.ts, narrativeCheck.ts word them in Chinese), by id. */
export const RULE_WORDINGS: Record<string, string> = {
  'T2-ROWSUM': 'In every row the 总计 equals the sum of 自然人 and the 法人或其他组织 columns.',
  'T2-RESULTS': 'Under 三、本年度办理结果, （七）总计 equals the sum of （一） to （六）.',
  'T2-BALANCE':
    'As the format notes for every column (“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”): 一 + 二 = 三（七）总计 + 四.',
  'T3-SUM': 'For 行政复议, 未经复议直接起诉 and 复议后起诉, each 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
  'T1-PUBLISHED': '2019 format: 本年新公开数量 is not larger than 对外公开总数量.',
  'T2-INT': 'Every value of table 2 is a whole number ≥ 0 (a count of applications).',
  'T3-INT': 'Every value of table 3 is a whole number ≥ 0 (a count of cases).',
  'T1-NUM':
    'Counts in table 1 are whole numbers ≥ 0; 本年收费金额 (in 10,000 yuan) and 采购总金额 are numbers ≥ 0; in the 2019 format 本年增/减 may be negative.',
  'T1-UNIT': 'A unit or word typed in a number cell (“251000元”, “48件”): the number in it is read, with a warning.',
  BLANK:
    'A blank cell, or “/”, “-”, “—”, “无”: the format asks for 0 to be written; where needed it is counted as 0, and the finding says so.',
  'BLANK-EMPTY': 'A published report whose statistical tables are all empty (the empty template was posted): tables not filled in.',
  'TEXT-NUM':
    'A cell that is not a number is an error; full-width digits (“４８”) and thousands separators (“1,234”) are read as numbers, with a warning.',
  STRUCTURE:
    'Missing, extra or renamed rows and columns; a 2021-format report that kept the 2019 format’s single （六）其他处理 row (warning).',
  'X-CARRY': 'This year’s “二、上年结转政府信息公开申请数量” equals last year’s “四、结转下年度继续办理”, in every column.',
  'X-INFORCE':
    '现行有效件数 = last year’s 现行有效件数 + 本年制发件数 − 本年废止件数 (revisions and expiry can make it differ legitimately).',
  'X-PREV': '2019 format: this year’s 上一年项目数量 equals last year’s 上一年项目数量 plus 本年增/减.',
  'N-APPS':
    'The numbers of applications in the text (received, handled, carried over, carried forward, and each outcome such as （一）予以公开, （二）部分公开, （三）不予公开) agree with the 总计 column of table 2; a percentage is of those handled.',
  'N-REVIEWS':
    'The numbers and outcomes of 行政复议 and 行政诉讼 in the text agree with table 3; “均获维持” (all upheld) needs no 结果纠正, 其他结果 or 尚未审结 cases, “零败诉” (no lawsuit lost) needs no 结果纠正.',
  'N-ACTIVE': 'The numbers of 规章 and 规范性文件 issued, repealed and in force in the text agree with table 1.',
  'N-FEE':
    'Section 6 (六、其他需要报告的事项) states the information processing fee collected (an amount, or that none was); it is not the 行政事业性收费 of table 1 and is not compared with it.',
  'N-SECTIONS': 'The six sections are all there, in order; section 5 (五、存在的主要问题及改进情况) is not empty and not just “无”.',
  'X-YOY': 'A year-on-year percentage in the text agrees with this year’s and last year’s numbers (to the precision written).',
};
