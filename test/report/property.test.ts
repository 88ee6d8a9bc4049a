/**
 * Properties of the checker (fast-check): consistent reports are clean, any single wrong count is
 * caught at its cell, and no junk typed into any cell goes unreported or makes the checker throw.
 */
import fc from 'fast-check';
import { checkReport } from '../../src/report/check';
import { allLayouts, cellOf } from '../../src/report/layout';
import { buildPlan } from '../../src/report/plan';
import { reportValue, setReportValue } from '../../src/report/report';
import { TABLE_IDS, type CellKey, type FormatId, type RawValue, type Report, type ValueKind } from '../../src/report/types';
import { consistentReport, seeded, zeroReport } from './helpers';
import { emptyReport } from '../../src/report/report';

const RUNS = { numRuns: 200 };
const formatArb = fc.constantFrom<FormatId>('2021', '2019');
const seedArb = fc.integer({ min: 0, max: 0x7fffffff });
const shapeArb = fc.record({ max: fc.integer({ min: 1, max: 5000 }), zeroShare: fc.double({ min: 0, max: 1, noNaN: true }) });

const keysOf = (format: FormatId, tables: readonly string[]): CellKey[] =>
  allLayouts(format)
    .filter((l) => tables.includes(l.table))
    .flatMap((l) => l.data.map((c) => c.key as CellKey));

describe('a consistent report', () => {
  it('of either format has no findings (no errors, no warnings)', () => {
    fc.assert(
      fc.property(formatArb, seedArb, shapeArb, (format, seed, shape) => {
        const findings = checkReport(consistentReport(format, seeded(seed), shape));
        expect(findings).toEqual([]);
      }),
      RUNS,
    );
  });

  it('really is filled in: every cell of the format holds a number', () => {
    fc.assert(
      fc.property(formatArb, seedArb, (format, seed) => {
        const r = consistentReport(format, seeded(seed));
        for (const k of keysOf(format, TABLE_IDS)) expect(typeof reportValue(r, k)).toBe('number');
      }),
      { numRuns: 20 },
    );
  });
});

describe('a single wrong count in table 2 or 3', () => {
  it('is caught by an error whose cells include that cell', () => {
    const arb = formatArb.chain((format) =>
      fc.record({
        format: fc.constant(format),
        seed: seedArb,
        key: fc.constantFrom(...keysOf(format, ['applications', 'reviews'])),
        delta: fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
        zeroShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ format, seed, key, delta, zeroShare }) => {
        const r = consistentReport(format, seeded(seed), { zeroShare });
        const before = reportValue(r, key) as number;
        const after = before + delta >= 0 ? before + delta : before - delta; // keep it ≥ 0, still ≠ before
        setReportValue(r, key, after);
        const errors = checkReport(r).filter((f) => f.severity === 'error');
        expect(errors.some((f) => f.cells.includes(key))).toBe(true);
        // and nothing but sums is reported: the cell itself is a clean count
        expect(errors.every((f) => ['T2-ROWSUM', 'T2-RESULTS', 'T2-BALANCE', 'T3-SUM'].includes(f.rule))).toBe(true);
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------ junk

/** Whether a value is a clean number for a cell of this kind (what needs no finding of its own). */
function clean(v: unknown, kind: ValueKind): boolean {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim()))
    n = Number(v.trim()); // a plain numeral, as Excel reads it
  else return false;
  if (!Number.isFinite(n)) return false;
  if (kind === 'count') return n >= 0 && Number.isInteger(n);
  if (kind === 'amount') return n >= 0;
  return Number.isInteger(n);
}

const JUNK: unknown[] = [
  '４８',
  '１２３４',
  '48件',
  '251000元',
  '2.43亿元',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '\u200f48',
  '48\u200f',
  '\u202e12',
  '\ufeff7',
  '<script>alert(1)</script>',
  '=SUM(A1:A3)',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#N/A',
  '/',
  '-',
  '—',
  '无',
  '',
  '   ',
  '\u3000',
  '1,234',
  '12,34',
  '1,2345',
  '48 件',
  '约48',
  '48+',
  '++4',
  '0x10',
  '1_000',
  '四十八',
  'true',
  'null',
  'undefined',
  true,
  false,
  null,
  [],
  [1],
  [1, 2],
  {},
  { v: 1 },
  -1,
  -0.5,
  1.5,
  0.1 + 0.2,
  1e21,
  1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  2 ** 53 + 1,
];

const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 99999 }).map((n) => `${n}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('件', '元', '万元', '个', '项', '人'))
      .map(([n, u]) => `${n}${u}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('\u200f', '\u200e', '\u200b', '\u2066', '\u00ad'))
      .map(([n, m]) => `${m}${n}`),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

function junkProperty(
  junkArb_: fc.Arbitrary<unknown>,
): fc.IPropertyWithHooks<[{ format: FormatId; seed: number; base: 'consistent' | 'zero' | 'empty'; junk: Array<[CellKey, unknown]> }]> {
  const arb = formatArb.chain((format) =>
    fc.record({
      format: fc.constant(format),
      seed: seedArb,
      base: fc.constantFrom<'consistent' | 'zero' | 'empty'>('consistent', 'consistent', 'zero', 'empty'),
      junk: fc.array(fc.tuple(fc.constantFrom(...keysOf(format, TABLE_IDS)), junkArb_), { minLength: 1, maxLength: 12 }),
    }),
  );
  return fc.property(arb, ({ format, seed, base, junk }) => {
    const r: Report =
      base === 'consistent' ? consistentReport(format, seeded(seed)) : base === 'zero' ? zeroReport(format) : emptyReport(format, 2024);
    for (const [k, v] of junk) setReportValue(r, k, v as RawValue);
    const findings = checkReport(r);
    const flagged = new Set(findings.flatMap((f) => f.cells));
    for (const [k] of junk) {
      const v = reportValue(r, k);
      const kind = cellOf(format, k)?.kind ?? 'count';
      if (!clean(v, kind)) expect([k, v, flagged.has(k)]).toEqual([k, v, true]);
    }
    // every finding is well formed
    for (const f of findings) {
      expect(typeof f.rule).toBe('string');
      expect(['error', 'warning']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
      expect(f.message.length).toBeGreaterThan(0);
    }
    // the insertion plan with these values does not throw either
    expect(() =>
      buildPlan(
        { format, year: r.year, tables: TABLE_IDS, titles: true, formulas: true, values: (k) => reportValue(r, k) },
        { r: 0, c: 0 },
      ),
    ).not.toThrow();
  });
}

describe('junk in any cell', () => {
  it('never throws, and every cell whose value is not a clean number for its kind is in some finding', () => {
    fc.assert(junkProperty(junkArb), RUNS);
  });

  it('a whitespace-only cell of a table not filled in yet is counted with the other blanks', () => {
    const r = emptyReport('2021', 2024);
    setReportValue(r, 'reviews.review.upheld', '   ');
    const blank = checkReport(r).filter((f) => f.rule === 'BLANK' && f.cells[0].startsWith('reviews.'));
    expect(blank.length).toBe(1);
    expect(blank[0].cells).toContain('reviews.review.upheld');
    expect(blank[0].message).toBe('表3 复议诉讼尚未填写：15 个单元格为空（没有数据的请填0）');
  });
});
