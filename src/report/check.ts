/**
 * The one evaluator: cell checks (parsing), structure, and every relation declared in rules.ts.
 * Input is any source of values by cell key — report JSON, an Excel read, an .xlsx file.
 */
import { FORMATS } from './formats';
import { allLayouts, describeCell, tableLayout, type LayoutCell, type TableLayout } from './layout';
import { fmtNum, parseCell, type Parsed } from './parse';
import { reportValue } from './report';
import { relationFinding, relations } from './rules';
import { checkNarrative } from './narrativeCheck';
import { checkAcrossYears } from './crossYear';
import { TABLE_IDS, cellKey, splitKey, type CellKey, type Finding, type FormatId, type RawValue, type Report, type TableId } from './types';

/** Values by key; `undefined` means the cell is missing from the source (a structure problem). */
export type ValueSource = (key: CellKey) => RawValue | undefined;

const KIND_RULE: Record<TableId, string> = { active: 'T1-NUM', applications: 'T2-INT', reviews: 'T3-INT' };
const PLACEHOLDER_NOTE = '格式要求填写0';

function cellFindings(format: FormatId, cell: LayoutCell, p: Parsed): Finding[] {
  const key = cell.key as CellKey;
  const { table } = splitKey(key);
  const kind = cell.kind ?? 'count';
  const v = p.value as number;
  const clean = p.status === 'ok' && (kind === 'amount' ? v >= 0 : kind === 'signed' ? Number.isInteger(v) : v >= 0 && Number.isInteger(v));
  if (clean) return [];
  const where = describeCell(format, key);
  const out: Finding[] = [];
  const f = (rule: string, severity: Finding['severity'], message: string, expected?: Finding['expected']): void => {
    out.push({ rule, severity, cells: [key], message, expected: expected ?? null, actual: p.shown });
  };
  switch (p.status) {
    case 'blank':
      f('BLANK', 'warning', `${where}：单元格为空，${PLACEHOLDER_NOTE}；计算时按0处理`, 0);
      return out;
    case 'placeholder':
      f('BLANK', 'warning', `${where}：填写了“${p.shown.trim()}”，${PLACEHOLDER_NOTE}；计算时按0处理`, 0);
      return out;
    case 'error':
      f('TEXT-NUM', 'error', `${where}：单元格显示错误值“${p.shown.trim()}”，应为数字（可能是公式引用了已删除的单元格）`);
      return out;
    case 'text':
      f('TEXT-NUM', 'error', `${where}：“${p.shown}”不是数字，应填写数字`);
      return out;
    case 'normalized':
      f('TEXT-NUM', 'warning', `${where}：“${p.shown}”含${p.note}，已按 ${fmtNum(p.value as number)} 读取，请改为普通数字`, p.value);
      break;
    case 'unit':
      f(
        table === 'active' ? 'T1-UNIT' : 'TEXT-NUM',
        'warning',
        `${where}：“${p.shown}”带有单位“${p.note}”，已按 ${fmtNum(p.value as number)} 读取；单元格中只应填写数字`,
        p.value,
      );
      break;
    case 'ok':
      break;
  }
  if (kind === 'count' && (v < 0 || !Number.isInteger(v))) {
    f(KIND_RULE[table], 'error', `${where}：应为大于或等于0的整数，实际为“${p.shown}”`);
  } else if (kind === 'amount' && v < 0) {
    f(KIND_RULE[table], 'error', `${where}：金额不能为负数，实际为“${p.shown}”`);
  } else if (kind === 'signed' && !Number.isInteger(v)) {
    f(KIND_RULE[table], 'error', `${where}：本年增/减应为整数（减少填负数），实际为“${p.shown}”`);
  }
  return out;
}

/** Check values of a format. `tables` limits which tables are expected to be present. */
export function checkValues(format: FormatId, get: ValueSource, tables: readonly TableId[] = TABLE_IDS): Finding[] {
  const findings: Finding[] = [];
  const parsed = new Map<CellKey, Parsed>();
  for (const layout of allLayouts(format)) {
    if (!tables.includes(layout.table)) continue;
    const missing: LayoutCell[] = [];
    const tableFindings: Finding[] = [];
    for (const cell of layout.data) {
      const key = cell.key as CellKey;
      const raw = get(key);
      if (raw === undefined) {
        missing.push(cell);
        continue;
      }
      const p = parseCell(raw);
      parsed.set(key, p);
      tableFindings.push(...cellFindings(format, cell, p));
    }
    const entries = [...parsed.entries()].filter(([k]) => layout.byKey.has(k));
    const blanks = entries.filter(([, p]) => p.status === 'blank').map(([k]) => k);
    const untouched =
      blanks.length * 2 >= layout.data.length && entries.every(([, p]) => p.status === 'blank' || (p.status === 'ok' && p.value === 0));
    if (untouched) {
      // a table not filled in yet: one finding, not one per cell
      findings.push({
        rule: 'BLANK',
        severity: 'warning',
        cells: blanks,
        untouched: true,
        message: `${layout.name}尚未填写：${blanks.length} 个单元格为空（没有数据的请填0）`,
        expected: 0,
        actual: '',
      });
    } else findings.push(...oneBlankFinding(layout, tableFindings, parsed));
    if (missing.length) findings.push(missingFinding(format, layout.table, missing));
  }
  for (const rel of relations(format)) {
    if (!tables.includes(rel.rule.table)) continue;
    const f = relationFinding(rel, parsed);
    if (f) findings.push(f);
  }
  return sortFindings(findings);
}

/** The blank cells of a table said once (how many, which rows; every cell listed), where the first of them was. */
function oneBlankFinding(layout: TableLayout, tableFindings: Finding[], parsed: Map<CellKey, Parsed>): Finding[] {
  const blank = tableFindings.filter((f) => f.rule === 'BLANK');
  if (blank.length < 2) return tableFindings;
  const cells = blank.map((f) => f.cells[0]);
  const typed = [
    ...new Set(
      cells
        .map((k) => parsed.get(k))
        .filter((p) => p?.status === 'placeholder')
        .map((p) => `“${p?.shown.trim()}”`),
    ),
  ];
  const empty = cells.some((k) => parsed.get(k)?.status === 'blank');
  const what = [empty ? '为空' : '', typed.length ? `填写了${typed.slice(0, 3).join('')}${typed.length > 3 ? '等' : ''}` : '']
    .filter(Boolean)
    .join('或');
  const named = cells.map((k) => layout.byKey.get(k) as LayoutCell);
  const rows = [...new Set(named.map((c) => c.rowName))];
  const where =
    cells.length <= 6
      ? `（${named.map((c) => `${c.rowName} · ${c.colName}`).join('、')}）`
      : `，涉及${rows.slice(0, 4).join('、')}${rows.length > 4 ? `等 ${rows.length} 行` : ''}`;
  const group: Finding = {
    rule: 'BLANK',
    severity: 'warning',
    cells,
    message: `${layout.name}：${cells.length} 个单元格${what}${where}，${PLACEHOLDER_NOTE}；计算时按0处理`,
    expected: 0,
    actual: '',
  };
  const at = tableFindings.indexOf(blank[0]);
  const rest = tableFindings.filter((f) => f.rule !== 'BLANK');
  return [...rest.slice(0, at), group, ...rest.slice(at)];
}

function missingFinding(format: FormatId, table: TableId, missing: LayoutCell[]): Finding {
  const layout = tableLayout(format, table);
  const rows = [...new Set(missing.map((c) => c.rowName))];
  const whole = missing.length === layout.data.length;
  const message = whole
    ? `缺少${layout.name}（${layout.title}）`
    : `${layout.name}缺少 ${missing.length} 个单元格，涉及：${rows.slice(0, 6).join('、')}${rows.length > 6 ? ' 等' : ''}`;
  return { rule: 'STRUCTURE', severity: 'error', cells: missing.map((c) => c.key as CellKey), message, expected: null, actual: null };
}

const TABLE_ORDER: Record<string, number> = { active: 0, applications: 1, reviews: 2 };
function sortFindings(fs: Finding[]): Finding[] {
  const rank = (f: Finding): number => (f.cells.length ? (TABLE_ORDER[splitKey(f.cells[0]).table] ?? 3) : 3);
  return fs
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** Rows and columns in a report that its format does not have, and the 2019 single （六） row in a 2021 report. */
function extraStructure(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const [t, rows] of Object.entries(report.tables)) {
    if (!(t in FORMATS[report.format].tables)) {
      out.push({ rule: 'STRUCTURE', severity: 'warning', cells: [], message: `未知的表格“${t}”，未检查`, expected: null, actual: null });
      continue;
    }
    const layout = tableLayout(report.format, t as TableId);
    for (const [r, cols] of Object.entries(rows ?? {})) {
      if (!layout.rowKeys.includes(r)) {
        const legacy = report.format === '2021' && t === 'applications' && r === 'other';
        out.push({
          rule: 'STRUCTURE',
          severity: 'warning',
          cells: Object.keys(cols).map((c) => cellKey(t as TableId, r, c)),
          message: legacy
            ? '2021年格式的报告中保留了2019年格式单一的“（六）其他处理”行，应拆分为1.逾期不补正、2.逾期未缴费、3.其他三项'
            : `${layout.name}中有格式之外的行“${r}”（可能是地方增加的行），未参与核对`,
          expected: null,
          actual: null,
        });
        continue;
      }
      for (const c of Object.keys(cols)) {
        if (!layout.byKey.has(cellKey(t as TableId, r, c))) {
          out.push({
            rule: 'STRUCTURE',
            severity: 'warning',
            cells: [cellKey(t as TableId, r, c)],
            message: `${layout.name}中有格式之外的单元格“${r}.${c}”，未参与核对`,
            expected: null,
            actual: null,
          });
        }
      }
    }
  }
  return out;
}

/** Value source for a report. A 2021 report that kept the 2019 single （六） row has its value read
 *  as （六）3.其他 so that the sums still check (the structure warning says so). */
export function reportSource(report: Report): ValueSource {
  const legacyOther =
    report.format === '2021' &&
    report.tables.applications?.other !== undefined &&
    ['other_1', 'other_2', 'other_3'].every((r) => report.tables.applications?.[r] === undefined);
  return (key) => {
    if (legacyOther) {
      const { table, row, column } = splitKey(key);
      if (table === 'applications' && row.startsWith('other_'))
        return row === 'other_3' ? reportValue(report, cellKey('applications', 'other', column)) : 0;
    }
    return reportValue(report, key);
  };
}

/** A published report whose statistical tables hold no value at all (the agency posted the empty
 *  template): one error, BLANK-EMPTY, instead of a warning per table. Null when any cell holds a value. */
export function emptyTablesFinding(report: Report): Finding | null {
  const cells = Object.entries(report.tables).flatMap(([t, rows]) =>
    Object.entries(rows ?? {}).flatMap(([r, cols]) =>
      Object.entries(cols ?? {}).map(([c, v]) => ({ key: cellKey(t as TableId, r, c), v })),
    ),
  );
  if (!cells.length || cells.some(({ v }) => parseCell(v).status !== 'blank')) return null;
  return {
    rule: 'BLANK-EMPTY',
    severity: 'error',
    cells: cells.map((c) => c.key),
    message: `表格未填写：报告中的统计表全部为空（${cells.length} 个单元格），发布的可能是空白模板`,
    expected: null,
    actual: null,
  };
}

/** Every check of a report: structure, cells, relations, the narrative checks when it has prose, and
 *  the checks across years when last year's report is given. A `published` report (one a reviewer
 *  checks, not one being filled in) with every table blank gets the one BLANK-EMPTY error. */
export function checkReport(report: Report, lastYear?: Report, opts: { published?: boolean } = {}): Finding[] {
  const empty = opts.published ? emptyTablesFinding(report) : null;
  if (empty)
    return [
      empty,
      ...sortFindings(extraStructure(report)),
      ...checkValues(report.format, reportSource(report)).filter((f) => f.rule !== 'BLANK'),
    ];
  const get = reportSource(report);
  const last = lastYear ? { format: lastYear.format, year: lastYear.year, get: reportSource(lastYear) } : undefined;
  const narrative = report.text ? checkNarrative({ format: report.format, get, text: report.text, last }) : [];
  const cross = last ? checkAcrossYears({ format: report.format, year: report.year, get }, last) : [];
  return [...sortFindings([...extraStructure(report), ...checkValues(report.format, get)]), ...cross, ...narrative];
}
