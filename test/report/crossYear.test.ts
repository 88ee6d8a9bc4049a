import { checkAcrossYears } from '../../src/report/crossYear';
import { checkReport, reportSource } from '../../src/report/check';
import { narrativeOf } from '../../src/report/narrative';
import { checkNarrative } from '../../src/report/narrativeCheck';
import { setReportValue } from '../../src/report/report';
import type { FormatId, Report } from '../../src/report/types';
import fc from 'fast-check';
import { clone, consistentReport, seeded } from './helpers';

const yi = (r: Report) => ({ format: r.format, year: r.year, get: reportSource(r) });

/** A consistent pair: last year's carried_forward becomes this year's carried_over, stocks roll forward. */
function pair(format: FormatId, seed: number): { now: Report; last: Report } {
  const last = consistentReport(format, seeded(seed));
  last.year = format === '2019' ? 2019 : 2023;
  const now = consistentReport(format, seeded(seed + 1));
  now.year = last.year + 1;
  const apps = now.tables.applications!;
  const lastApps = last.tables.applications!;
  // make this year's carried_over equal last year's carried_forward and rebalance new so T2-BALANCE holds
  for (const c of Object.keys(apps.carried_over)) {
    const co = lastApps.carried_forward[c] as number;
    const diff = co - (apps.carried_over[c] as number);
    apps.carried_over[c] = co;
    apps.new[c] = (apps.new[c] as number) - diff;
    if (apps.new[c] < 0) {
      apps.carried_forward[c] = (apps.carried_forward[c] as number) - apps.new[c];
      apps.new[c] = 0;
    }
  }
  if (format === '2021') {
    for (const row of ['rules', 'normative_docs']) {
      const a = now.tables.active![row];
      a.in_force = (last.tables.active![row].in_force as number) + (a.issued as number) - (a.repealed as number);
      if (a.in_force < 0) {
        a.repealed = 0;
        a.in_force = (last.tables.active![row].in_force as number) + (a.issued as number);
      }
    }
  } else {
    for (const row of ['licensing', 'other_services', 'penalty', 'enforcement', 'fees']) {
      const l = last.tables.active![row];
      if ((l.prev_items as number) + (l.change as number) < 0) l.change = -(l.prev_items as number);
      now.tables.active![row].prev_items = (last.tables.active![row].prev_items as number) + (last.tables.active![row].change as number);
    }
  }
  return { now, last };
}

describe('across years', () => {
  test.each(['2021', '2019'] as FormatId[])('consistent pairs pass (%s)', (format) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), (seed) => {
        const { now, last } = pair(format, seed);
        expect(checkReport(now).filter((f) => f.severity === 'error')).toEqual([]);
        expect(checkAcrossYears(yi(now), yi(last))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test('a broken carry-over names applications.carried_over.<column>', () => {
    const { now, last } = pair('2021', 7);
    setReportValue(last, 'applications.carried_forward.legal', (last.tables.applications!.carried_forward.legal as number) + 3);
    const fs_ = checkAcrossYears(yi(now), yi(last));
    expect(fs_).toHaveLength(1);
    expect(fs_[0]).toMatchObject({ rule: 'X-CARRY', severity: 'error', cells: ['applications.carried_over.legal'] });
    expect(fs_[0].message).toMatch(/^法律服务机构列：本年“二、上年结转”（\d+）应等于2023年报告“四、结转下年度继续办理”（\d+），相差3$/);
  });

  test('X-INFORCE (2021) is a warning that says revisions can explain it; X-PREV (2019) likewise a warning', () => {
    const a = pair('2021', 11);
    setReportValue(a.now, 'active.rules.in_force', (a.now.tables.active!.rules.in_force as number) + 1);
    const f1 = checkAcrossYears(yi(a.now), yi(a.last));
    expect(f1.map((f) => [f.rule, f.severity, f.cells[0]])).toEqual([['X-INFORCE', 'warning', 'active.rules.in_force']]);
    expect(f1[0].message).toContain('修订、到期失效');
    const b = pair('2019', 12);
    setReportValue(b.now, 'active.penalty.prev_items', (b.now.tables.active!.penalty.prev_items as number) + 2);
    expect(checkAcrossYears(yi(b.now), yi(b.last)).map((f) => [f.rule, f.cells[0]])).toEqual([['X-PREV', 'active.penalty.prev_items']]);
  });

  test('X-YOY: a 同比 percentage in the text must agree with the two years to the printed precision', () => {
    const { now, last } = pair('2021', 21);
    setReportValue(last, 'applications.new.total', 100);
    setReportValue(now, 'applications.new.total', 105);
    const check = (t: string) =>
      checkNarrative({ format: '2021', get: reportSource(now), text: { '1': t }, last: yi(last) }).filter((f) => f.rule === 'X-YOY');
    expect(check('全年共收到政府信息公开申请105件，同比增长5%。')).toEqual([]);
    expect(check('全年共收到政府信息公开申请105件，同比增长5.0%。')).toEqual([]);
    const bad = check('全年共收到政府信息公开申请105件，同比增长1.05%。');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: 'warning', cells: ['applications.new.total'], expected: 5, actual: 1.05 });
    expect(check('全年共收到政府信息公开申请105件，同比下降5%。')).toHaveLength(1);
  });

  test("the generator's 同比 sentences pass X-YOY", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e8 }), (seed) => {
        const { now, last } = pair('2021', seed);
        const ps = narrativeOf(now, { lastYear: yi(last) });
        const text = Object.fromEntries(ps.map((p) => [String(p.section), p.text]));
        expect(checkNarrative({ format: '2021', get: reportSource(now), text, last: yi(last) }).filter((f) => f.rule === 'X-YOY')).toEqual(
          [],
        );
      }),
      { numRuns: 100 },
    );
  });

  test('a last-year report that is not the year before is said', () => {
    const { now, last } = pair('2021', 3);
    last.year = 2020;
    const findings = checkAcrossYears(yi(now), yi(clone(last)));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('上年报告是2020年的，而本报告是2024年的，应为2023年的报告，未做跨年度核对');
  });
});
