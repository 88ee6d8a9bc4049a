/**
 * The insertion plan (plan.ts): size, positions, merges, texts, 总计 formulas with their A1 refs,
 * validations, conditional formats, registration names, and filling in a report's values.
 * Expected addresses are computed here independently of a1.ts.
 */
import { tableLayout, type LayoutCell, type TableLayout } from '../../src/report/layout';
import {
  ALL_NAMES,
  buildPlan,
  freeNames,
  decodeRegistration,
  encodeRegistration,
  markBlock,
  MARK_SHEET,
  NUMBER_FORMATS,
  parseRegistrationName,
  planSize,
  registrationNames,
  reportTitle,
  type PlanRequest,
  type SheetPlan,
} from '../../src/report/plan';
import { reportValue } from '../../src/report/report';
import { relations, cellsToMark } from '../../src/report/rules';
import type { CellKey, FormatId, Report, TableId } from '../../src/report/types';
import { addr, APPLICANT_COLUMNS, col, consistentReport, FORMATS_UNDER_TEST, readSpec, resultRows, seeded } from './helpers';

type Pos = { r: number; c: number };
const ALL: TableId[] = ['active', 'applications', 'reviews'];
const TABLE_SETS: TableId[][] = [ALL, ['active'], ['applications'], ['reviews'], ['applications', 'reviews'], ['active', 'reviews']];
/** Rows of each table (from the spec: blocks of table 1; 3 header + 25/23 rows; 4). */
const ROWS: Record<FormatId, Record<TableId, number>> = {
  '2021': { active: 14, applications: 28, reviews: 4 },
  '2019': { active: 18, applications: 26, reviews: 4 },
};
const COLS: Record<TableId, number> = { active: 4, applications: 10, reviews: 15 };

function plan(format: FormatId, tables: TableId[], anchor: Pos = { r: 0, c: 0 }, extra: Partial<PlanRequest> = {}): SheetPlan {
  return buildPlan({ format, year: 2024, agency: '某县人民政府', tables, titles: tables.length === 3, formulas: true, ...extra }, anchor);
}
const top = (p: SheetPlan, t: TableId): Pos => {
  const pt = p.tables.find((x) => x.table === t);
  if (!pt) throw new Error(`no ${t} in plan`);
  return { r: pt.rect.r, c: pt.rect.c };
};
/** Value written at an absolute position. */
const at = (p: SheetPlan, r: number, c: number): string | number => p.values[r - p.rect.r][c - p.rect.c];
const abs = (t: Pos, cell: { r: number; c: number }): Pos => ({ r: t.r + cell.r, c: t.c + cell.c });
const cellAt = (l: TableLayout, key: CellKey): LayoutCell => l.byKey.get(key) as LayoutCell;

/** The 总计 cells and their expected formula, computed from the spec's layout (not from rules.ts). */
function expectedFormulas(format: FormatId, t: TableId, tl: Pos): Map<CellKey, string> {
  const m = new Map<CellKey, string>();
  const A = (r: number, c: number): string => addr(tl.r + r, tl.c + c);
  if (t === 'applications') {
    const rows = ['new', 'carried_over', ...resultRows(format), 'total', 'carried_forward'];
    // every row: 总计 (J) = D..I of that row
    rows.forEach((row, i) => m.set(`applications.${row}.total`, `=SUM(${A(3 + i, 3)}:${A(3 + i, 8)})`));
    // the （七）总计 row: each applicant column = rows （一）… last （六） (r 5 .. r 5+n-1)
    const n = resultRows(format).length;
    APPLICANT_COLUMNS.forEach((c, j) => m.set(`applications.total.${c}`, `=SUM(${A(5, 3 + j)}:${A(5 + n - 1, 3 + j)})`));
  } else if (t === 'reviews') {
    ['review', 'litigation_direct', 'litigation_after_review'].forEach((row, g) =>
      m.set(`reviews.${row}.total`, `=SUM(${A(3, 5 * g)}:${A(3, 5 * g + 3)})`),
    );
  }
  return m;
}

describe.each(FORMATS_UNDER_TEST)('format %s', (format) => {
  describe('size and placement', () => {
    it.each(TABLE_SETS.map((s) => [s.join('+'), s]))('%s', (_, tables) => {
      for (const titles of [true, false]) {
        const req: PlanRequest = { format, year: 2024, tables: tables, titles, formulas: true };
        const rows = (titles ? 2 : 0) + tables.reduce((n, t) => n + ROWS[format][t] + (titles ? 1 : 0), 0) + (tables.length - 1);
        const cols = Math.max(...tables.map((t) => COLS[t]));
        expect(planSize(req)).toEqual({ rows, cols });
        const anchor = { r: 7, c: 3 };
        const p = buildPlan(req, anchor);
        expect(p.rect).toEqual({ ...anchor, rs: rows, cs: cols });
        expect(p.values.length).toBe(rows);
        expect(p.values.every((row) => row.length === cols)).toBe(true);
        expect(p.numberFormats.length).toBe(rows);
        // tables in report order, one blank row between them, a section title above each when titled
        let r = anchor.r + (titles ? 3 : 0);
        const order = ALL.filter((t) => tables.includes(t));
        expect(p.tables.map((x) => x.table)).toEqual(order);
        for (const t of order) {
          const pt = p.tables.find((x) => x.table === t);
          expect([t, pt?.rect]).toEqual([t, { r, c: anchor.c, rs: ROWS[format][t], cs: COLS[t] }]);
          expect(pt?.format).toBe(format);
          expect(pt?.year).toBe(2024);
          r += ROWS[format][t] + 1 + (titles ? 1 : 0);
        }
      }
    });

    it('inserting all: the report title and the section titles of the spec above each table', () => {
      const readme = readSpec('README.md');
      const sections = [...readme.matchAll(/^(\d)\. (\S+)/gm)].map((m) => m[2]);
      expect(sections.length).toBe(6);
      const anchor = { r: 2, c: 1 };
      const p = plan(format, ALL, anchor);
      expect(at(p, 2, 1)).toBe(reportTitle(2024, '某县人民政府'));
      expect(reportTitle(2024, '某县人民政府')).toBe('某县人民政府2024年政府信息公开工作年度报告 统计表');
      const titles = { active: sections[1], applications: sections[2], reviews: sections[3] };
      for (const t of ALL) {
        const tl = top(p, t);
        expect(at(p, tl.r - 1, tl.c)).toBe(titles[t]);
        expect(p.styled).toContainEqual({ rect: { r: tl.r - 1, c: tl.c, rs: 1, cs: 1 }, style: 'sectionTitle' });
      }
      expect(p.styled).toContainEqual({ rect: { r: 2, c: 1, rs: 1, cs: 1 }, style: 'reportTitle' });
      // and nothing else outside the tables
      const inTable = (r: number): boolean => p.tables.some((x) => r >= x.rect.r && r < x.rect.r + x.rect.rs);
      const stray = p.values
        .flatMap((row, i) => (inTable(i + p.rect.r) ? [] : row.map((v, j) => [i + p.rect.r, j + p.rect.c, v])))
        .filter(([, , v]) => v !== '');
      expect(stray.map(([r, c, v]) => `${addr(r as number, c as number)} ${v}`).sort()).toEqual(
        [`${addr(2, 1)} ${reportTitle(2024, '某县人民政府')}`, ...ALL.map((t) => `${addr(top(p, t).r - 1, 1)} ${titles[t]}`)].sort(),
      );
    });

    it('without titles: no title rows at all', () => {
      const p = plan(format, ['applications', 'reviews']);
      expect(top(p, 'applications')).toEqual({ r: 0, c: 0 });
      expect(top(p, 'reviews')).toEqual({ r: ROWS[format].applications + 1, c: 0 });
      expect(p.values[ROWS[format].applications].every((v) => v === '')).toBe(true);
      expect(p.styled.some((s) => s.style === 'reportTitle' || s.style === 'sectionTitle')).toBe(false);
    });
  });

  describe.each([[{ r: 0, c: 0 }], [{ r: 4, c: 2 }], [{ r: 99, c: 27 }]])('anchored at %p', (anchor) => {
    const p = plan(format, ALL, anchor);

    it("merges exactly the layout's merged cells, shifted", () => {
      const want = ALL.flatMap((t) => {
        const tl = top(p, t);
        return tableLayout(format, t)
          .cells.filter((c) => c.rs > 1 || c.cs > 1)
          .map((c) => ({ ...abs(tl, c), rs: c.rs, cs: c.cs }));
      });
      const k = (x: { r: number; c: number; rs: number; cs: number }): string => `${x.r},${x.c},${x.rs},${x.cs}`;
      expect(p.merges.map(k).sort()).toEqual(want.map(k).sort());
      expect(p.merges.length).toBe(new Set(p.merges.map(k)).size);
    });

    it('writes every label at its place and styles every cell by its role', () => {
      for (const t of ALL) {
        const tl = top(p, t);
        for (const c of tableLayout(format, t).cells) {
          const q = abs(tl, c);
          const styles = p.styled.filter((s) => s.rect.r === q.r && s.rect.c === q.c).map((s) => s.style);
          if (c.role === 'data') {
            expect(styles.length).toBe(1);
            expect(['input', 'total']).toContain(styles[0]);
          } else {
            expect([c.text, at(p, q.r, q.c)]).toEqual([c.text, c.text]);
            expect(styles).toEqual([c.role]);
            expect(p.styled.find((s) => s.rect.r === q.r && s.rect.c === q.c)?.rect).toEqual({ ...q, rs: c.rs, cs: c.cs });
          }
        }
      }
    });

    it('writes =SUM(parts) with the right A1 refs in every 总计 cell, and nowhere else', () => {
      const formulas: string[] = [];
      for (const t of ALL) {
        const l = tableLayout(format, t);
        const tl = top(p, t);
        const want = expectedFormulas(format, t, tl);
        for (const c of l.data) {
          const q = abs(tl, c);
          const v = at(p, q.r, q.c);
          const f = want.get(c.key as CellKey);
          expect([c.key, v]).toEqual([c.key, f ?? '']);
          if (f) {
            formulas.push(c.key as CellKey);
            expect(p.styled).toContainEqual({ rect: { ...q, rs: 1, cs: 1 }, style: 'total' });
          }
        }
      }
      expect(formulas.length).toBe((format === '2021' ? 25 : 23) + 6 + 3);
      // formulas only in data cells
      const all = p.values.flat().filter((v) => typeof v === 'string' && v.startsWith('='));
      expect(all.length).toBe(formulas.length);
    });

    it('puts a validation of the right kind on every input cell, and number formats by kind', () => {
      const want: string[] = [];
      for (const t of ALL) {
        const tl = top(p, t);
        const totals = expectedFormulas(format, t, tl);
        for (const c of tableLayout(format, t).data) {
          const q = abs(tl, c);
          expect(p.numberFormats[q.r - p.rect.r][q.c - p.rect.c]).toBe(NUMBER_FORMATS[c.kind ?? 'count']);
          if (!totals.has(c.key as CellKey)) want.push(`${addr(q.r, q.c)}:${c.cs} ${c.kind}`);
        }
      }
      expect(p.validations.map((v) => `${addr(v.rect.r, v.rect.c)}:${v.rect.cs} ${v.kind}`).sort()).toEqual(want.sort());
      // the kinds of the spec
      const kinds = p.validations.map((v) => v.kind);
      expect(kinds.filter((k) => k === 'amount').length).toBe(1); // 2021 fees.amount; 2019 procurement.amount
      expect(kinds.filter((k) => k === 'signed').length).toBe(format === '2021' ? 0 : 5); // 2019 change of 许可, 其他服务, 处罚, 强制, 收费
      expect(NUMBER_FORMATS).toEqual({ count: '0', amount: '0.00', signed: '0' });
    });

    it('adds one conditional format per marked cell of each relation, plus the two MARK formats per table', () => {
      const $ = (q: Pos): string => `$${col(q.c)}$${q.r + 1}`;
      for (const t of ALL) {
        const l = tableLayout(format, t);
        const tl = top(p, t);
        const inTable = p.conditionalFormats.filter(
          (cf) => cf.rule !== 'MARK' && cf.rect.r >= tl.r && cf.rect.r < tl.r + l.rows && cf.rect.c >= tl.c && cf.rect.c < tl.c + l.cols,
        );
        const want: string[] = [];
        for (const rel of relations(format).filter((x) => x.rule.table === t)) {
          const sum = (keys: CellKey[]): string => `SUM(${keys.map((k) => $(abs(tl, cellAt(l, k)))).join(',')})`;
          const formula =
            rel.rule.op === '<=' ? `=${sum(rel.lhs)}-${sum(rel.rhs)}>0.000001` : `=ABS(${sum(rel.lhs)}-${sum(rel.rhs)})>0.000001`;
          // a 总计 of a sum is marked alone; a balance or comparison marks every cell
          const marked = rel.rule.formula ? [rel.lhs[0]] : [...rel.lhs, ...rel.rhs];
          expect(cellsToMark({ rule: rel.rule.id, cells: [...rel.lhs, ...rel.rhs] })).toEqual(marked);
          for (const k of marked)
            want.push(`${addr(abs(tl, cellAt(l, k)).r, abs(tl, cellAt(l, k)).c)} ${rel.rule.id} ${rel.rule.severity} ${formula}`);
        }
        expect(inTable.map((cf) => `${addr(cf.rect.r, cf.rect.c)} ${cf.rule} ${cf.severity} ${cf.formula}`).sort()).toEqual(want.sort());
        expect(inTable.every((cf) => cf.rect.rs === 1 && cf.rect.cs === 1)).toBe(true);
        const counts: Record<TableId, number> =
          format === '2021' ? { active: 0, applications: 25 + 7 + 28, reviews: 3 } : { active: 4, applications: 23 + 7 + 28, reviews: 3 };
        expect([t, inTable.length]).toEqual([t, counts[t]]);
        // MARK: the table's block in the mark sheet, 2 = error, 1 = warning
        const block = { active: 'A1', applications: 'Q1', reviews: 'AG1' }[t];
        const marks = p.conditionalFormats.filter((cf) => cf.rule === 'MARK' && cf.rect.r === tl.r && cf.rect.c === tl.c);
        expect(marks).toEqual([
          { rect: { ...tl, rs: l.rows, cs: l.cols }, formula: `=${MARK_SHEET}!${block}=2`, rule: 'MARK', severity: 'error' },
          { rect: { ...tl, rs: l.rows, cs: l.cols }, formula: `=${MARK_SHEET}!${block}=1`, rule: 'MARK', severity: 'warning' },
        ]);
      }
      expect(p.conditionalFormats.filter((cf) => cf.rule === 'MARK').length).toBe(6);
    });

    it('sets the widths of every column the tables use', () => {
      const want = new Map<number, number>();
      for (const t of ALL)
        tableLayout(format, t).widths.forEach((w, i) => want.set(anchor.c + i, Math.max(want.get(anchor.c + i) ?? 0, w)));
      expect(p.columnWidths).toEqual([...want.entries()].sort((a, b) => a[0] - b[0]).map(([c, chars]) => ({ c, chars })));
      expect(p.columnWidths.length).toBe(15);
      expect(p.columnWidths[2]).toEqual({ c: anchor.c + 2, chars: 40 }); // table 2's long labels
    });
  });

  it('table 2 alone at A1: the （七）总计 row and the 总计 column', () => {
    const p = plan(format, ['applications']);
    const last = format === '2021' ? 26 : 24; // the last （六） row, 1-based
    const totalRow = last + 1;
    expect(at(p, totalRow - 1, 3)).toBe(`=SUM(D6:D${last})`);
    expect(at(p, totalRow - 1, 8)).toBe(`=SUM(I6:I${last})`);
    expect(at(p, totalRow - 1, 9)).toBe(`=SUM(D${totalRow}:I${totalRow})`);
    expect(at(p, 3, 9)).toBe('=SUM(D4:I4)');
    expect(at(p, totalRow, 9)).toBe(`=SUM(D${totalRow + 1}:I${totalRow + 1})`);
    expect(at(p, 3, 3)).toBe('');
    if (format === '2021') expect(at(p, 26, 3)).toBe('=SUM(D6:D26)');
    // the balance of the 自然人 column
    const bal = p.conditionalFormats.filter((cf) => cf.rule === 'T2-BALANCE' && cf.rect.c === 3);
    expect(bal.map((cf) => addr(cf.rect.r, cf.rect.c))).toEqual(['D4', 'D5', `D${totalRow}`, `D${totalRow + 1}`]);
    expect(new Set(bal.map((cf) => cf.formula))).toEqual(new Set([`=ABS(SUM($D$4,$D$5)-SUM($D$${totalRow},$D$${totalRow + 1}))>0.000001`]));
  });

  it('table 3 alone at A1: three totals', () => {
    const p = plan(format, ['reviews']);
    expect([at(p, 3, 4), at(p, 3, 9), at(p, 3, 14)]).toEqual(['=SUM(A4:D4)', '=SUM(F4:I4)', '=SUM(K4:N4)']);
    expect(p.conditionalFormats.filter((cf) => cf.rule === 'T3-SUM').map((cf) => [addr(cf.rect.r, cf.rect.c), cf.formula])).toEqual([
      ['E4', '=ABS(SUM($E$4)-SUM($A$4,$B$4,$C$4,$D$4))>0.000001'],
      ['J4', '=ABS(SUM($J$4)-SUM($F$4,$G$4,$H$4,$I$4))>0.000001'],
      ['O4', '=ABS(SUM($O$4)-SUM($K$4,$L$4,$M$4,$N$4))>0.000001'],
    ]);
  });

  it('formulas: false — no formula anywhere, every data cell an input with a validation', () => {
    const p = plan(format, ALL, { r: 1, c: 1 }, { formulas: false });
    expect(p.values.flat().filter((v) => typeof v === 'string' && v.startsWith('='))).toEqual([]);
    const data = ALL.reduce((n, t) => n + tableLayout(format, t).data.length, 0);
    expect(data).toBe(format === '2021' ? 200 : 198);
    expect(p.validations.length).toBe(data);
    for (const t of ALL) {
      const tl = top(p, t);
      for (const c of tableLayout(format, t).data) {
        const q = abs(tl, c);
        expect(p.validations).toContainEqual({ rect: { ...q, rs: c.rs, cs: c.cs }, kind: c.kind });
      }
    }
    // 总计 cells still look like totals
    const l = tableLayout(format, 'applications');
    const q = abs(top(p, 'applications'), cellAt(l, 'applications.total.total'));
    expect(p.styled).toContainEqual({ rect: { ...q, rs: 1, cs: 1 }, style: 'total' });
    // the conditional formats do not depend on formulas
    expect(p.conditionalFormats.length).toBe(plan(format, ALL, { r: 1, c: 1 }).conditionalFormats.length);
  });

  describe('registration names', () => {
    it('defaults to OGI_<table>; a host-chosen name decides the mark block', () => {
      expect(plan(format, ALL).tables.map((t) => t.name)).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
      const p = plan(
        format,
        ['applications', 'reviews'],
        { r: 0, c: 0 },
        { names: { applications: 'OGI_applications_2', reviews: 'OGI_reviews_3' } },
      );
      expect(p.tables.map((t) => t.name)).toEqual(['OGI_applications_2', 'OGI_reviews_3']);
      const marks = p.conditionalFormats.filter((cf) => cf.rule === 'MARK').map((cf) => cf.formula);
      expect(marks).toEqual([`=${MARK_SHEET}!Q33=2`, `=${MARK_SHEET}!Q33=1`, `=${MARK_SHEET}!AG65=2`, `=${MARK_SHEET}!AG65=1`]);
    });
  });

  describe('filling in values', () => {
    const apps = tableLayout(format, 'applications');
    const fill = (r: Report, tables: TableId[] = ALL, formulas = true): SheetPlan =>
      buildPlan({ format, year: r.year, tables, titles: false, formulas, values: (k) => reportValue(r, k) }, { r: 0, c: 0 });
    const valueAt = (p: SheetPlan, t: TableId, key: CellKey): string | number => {
      const q = abs(top(p, t), cellAt(tableLayout(format, t), key));
      return at(p, q.r, q.c);
    };

    it('a value that is no number or text (hand-made JSON: an object, true) is written as its text, never throwing', () => {
      const r = consistentReport(format, seeded(11));
      const odd = { toString: 0 } as unknown as number; // String() of this throws
      const key = tableLayout(format, 'active').data[0].key as CellKey;
      const p = buildPlan(
        { format, year: r.year, tables: ['active'], titles: false, formulas: true, values: (k) => (k === key ? odd : reportValue(r, k)) },
        { r: 0, c: 0 },
      );
      expect(valueAt(p, 'active', key)).toBe('{"toString":0}');
    });

    it('a consistent report: every total as its formula, every other value as given', () => {
      const r = consistentReport(format, seeded(11));
      const p = fill(r);
      for (const t of ALL) {
        const want = expectedFormulas(format, t, top(p, t));
        for (const c of tableLayout(format, t).data) {
          const k = c.key as CellKey;
          expect([k, valueAt(p, t, k)]).toEqual([k, want.get(k) ?? reportValue(r, k)]);
        }
      }
    });

    it('a total that disagrees with its parts is written as the value (with a validation); a consistent one as the formula', () => {
      const r = consistentReport(format, seeded(12), { zeroShare: 0 });
      const wrong = (r.tables.applications!.new.total as number) + 1;
      r.tables.applications!.new.total = wrong;
      const p = fill(r, ['applications']);
      expect(valueAt(p, 'applications', 'applications.new.total')).toBe(wrong);
      const q = abs(top(p, 'applications'), cellAt(apps, 'applications.new.total'));
      expect(p.validations).toContainEqual({ rect: { ...q, rs: 1, cs: 1 }, kind: 'count' });
      expect(p.styled).toContainEqual({ rect: { ...q, rs: 1, cs: 1 }, style: 'total' });
      expect(valueAt(p, 'applications', 'applications.carried_over.total')).toBe('=SUM(D5:I5)');
      expect(valueAt(p, 'applications', 'applications.total.total')).toMatch(/^=SUM\(/);
    });

    it('a total with a blank part still gets its formula when the sum agrees; a blank or text total is kept', () => {
      const r = consistentReport(format, seeded(13), { zeroShare: 0 });
      const a = r.tables.applications!;
      a.granted.total = (a.granted.total as number) - (a.granted.research as number);
      a.granted.research = null;
      a.partial.total = null;
      a.unable_1.total = '12件';
      a.unable_2.legal = '很多';
      const p = fill(r, ['applications']);
      const row = (k: string): number => cellAt(apps, `applications.${k}.total`).r + 1;
      expect(valueAt(p, 'applications', 'applications.granted.total')).toBe(`=SUM(D${row('granted')}:I${row('granted')})`);
      expect(valueAt(p, 'applications', 'applications.granted.research')).toBe('');
      expect(valueAt(p, 'applications', 'applications.partial.total')).toBe('');
      expect(valueAt(p, 'applications', 'applications.unable_1.total')).toBe('12件');
      expect(valueAt(p, 'applications', 'applications.unable_2.total')).toBe(a.unable_2.total);
      expect(valueAt(p, 'applications', 'applications.unable_2.legal')).toBe('很多');
    });

    it('never writes a typed value as a formula', () => {
      const r = consistentReport(format, seeded(14));
      r.tables.applications!.granted.natural = '=1+1';
      r.tables.reviews!.review.total = '=SUM(A1:A3)';
      const p = fill(r, ['applications', 'reviews']);
      expect(valueAt(p, 'applications', 'applications.granted.natural')).toBe("'=1+1");
      expect(valueAt(p, 'reviews', 'reviews.review.total')).toBe("'=SUM(A1:A3)");
    });

    it("with formulas: false the report's totals are written as given", () => {
      const r = consistentReport(format, seeded(15));
      const p = fill(r, ['applications'], false);
      for (const c of apps.data) expect(valueAt(p, 'applications', c.key as CellKey)).toBe(reportValue(r, c.key as CellKey));
    });
  });
});

describe('registration', () => {
  it('names one block of the mark sheet per table and set', () => {
    expect(registrationNames('applications').slice(0, 3)).toEqual(['OGI_applications', 'OGI_applications_2', 'OGI_applications_3']);
    expect(registrationNames('reviews').length).toBe(12);
    expect(markBlock('OGI_active')).toEqual({ r: 0, c: 0 });
    expect(markBlock('OGI_applications')).toEqual({ r: 0, c: 16 });
    expect(markBlock('OGI_reviews_12')).toEqual({ r: 11 * 32, c: 32 });
    expect(() => markBlock('Table1')).toThrow();
    const blocks = (['active', 'applications', 'reviews'] as TableId[]).flatMap((t) =>
      registrationNames(t).map((n) => JSON.stringify(markBlock(n))),
    );
    expect(new Set(blocks).size).toBe(36);
  });

  it('lists every name a workbook can hold, and gives the first set free for all the tables asked', () => {
    expect(ALL_NAMES.length).toBe(36);
    expect(ALL_NAMES).toContain('OGI_active');
    expect(ALL_NAMES).toContain('OGI_reviews_12');
    const all: TableId[] = ['active', 'applications', 'reviews'];
    expect(freeNames(all, new Set())).toEqual({ active: 'OGI_active', applications: 'OGI_applications', reviews: 'OGI_reviews' });
    // set 1 is partly taken (only reviews), so all three move to set 2 together
    expect(freeNames(all, new Set(['OGI_reviews']))).toEqual({
      active: 'OGI_active_2',
      applications: 'OGI_applications_2',
      reviews: 'OGI_reviews_2',
    });
    // a table asked alone takes its own first free name
    expect(freeNames(['active'], new Set(['OGI_reviews']))).toEqual({ active: 'OGI_active' });
    const everyApplications = new Set(Array.from({ length: 12 }, (_, i) => (i ? `OGI_applications_${i + 1}` : 'OGI_applications')));
    expect(freeNames(['applications'], everyApplications)).toBeNull();
  });

  it('round-trips its metadata and refuses what it did not write', () => {
    const reg = { table: 'applications' as TableId, format: '2019' as FormatId, year: 2020 };
    expect(decodeRegistration('OGI_applications_2', encodeRegistration(reg))).toEqual(reg);
    expect(decodeRegistration('OGI_reviews', encodeRegistration(reg))).toEqual({ ...reg, table: 'reviews' });
    expect(decodeRegistration('Other_name', encodeRegistration(reg))).toBeNull();
    expect(decodeRegistration('OGI_active', 'not json')).toBeNull();
    expect(decodeRegistration('OGI_active', null)).toBeNull();
    expect(decodeRegistration('OGI_active', JSON.stringify({ ogi: 1, format: '2018', year: 2018 }))).toBeNull();
  });
});

test('registration names are read in one place: table and set, null for anything else', () => {
  expect(parseRegistrationName('OGI_applications')).toEqual({ table: 'applications', set: 1 });
  expect(parseRegistrationName('OGI_reviews_3')).toEqual({ table: 'reviews', set: 3 });
  expect(parseRegistrationName('OGI_marks')).toBeNull();
  expect(parseRegistrationName('?applications')).toBeNull();
  expect(parseRegistrationName('ogi_active')).toBeNull();
});
