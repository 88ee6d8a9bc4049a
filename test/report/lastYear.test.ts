/** Issue 14, item 1: last year's report of the wrong year or agency is never compared with this year's. */
import { promises as fs } from 'fs';
import path from 'path';
import { checkAcrossYears, lastYearMismatch } from '../../src/report/crossYear';
import { narrativeOf } from '../../src/report/narrative';
import { parseReportJson, setReportValue } from '../../src/report/report';
import { reportSource } from '../../src/report/check';
import type { Report } from '../../src/report/types';

const load = async (name: string): Promise<Report> =>
  parseReportJson(await fs.readFile(path.join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8'));
const yi = (r: Report) => ({ format: r.format, year: r.year, get: reportSource(r), agency: r.agency });

test('lastYearMismatch says what was given and what is needed', () => {
  expect(lastYearMismatch({ year: 2024, agency: '淮安市人民政府' }, { year: 2023, agency: '淮安市人民政府' })).toBeNull();
  expect(lastYearMismatch({ year: 2024, agency: '高安市人民政府' }, { year: 2023, agency: '高安市' })).toBeNull();
  expect(lastYearMismatch({ year: 2024 }, { year: 2023, agency: '高安市人民政府' })).toBeNull();
  expect(lastYearMismatch({ year: 2025, agency: '某某市人民政府' }, { year: 2020, agency: '高安市人民政府' })).toBe(
    '上年报告是高安市人民政府2020年的，而本报告是某某市人民政府2025年的，应为某某市人民政府2024年的报告',
  );
  expect(lastYearMismatch({ year: 2024 }, { year: 2024 })).toBe('上年报告是2024年的，而本报告是2024年的，应为2023年的报告');
});

test('the cross-year checks do not run on a report of another year or agency: one warning says why', async () => {
  const now = await load('huaian-2024');
  const gaoan = await load('gaoan-2020');
  const findings = checkAcrossYears(yi(now), yi(gaoan));
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ rule: 'X-CARRY', severity: 'warning', cells: [] });
  expect(findings[0].message).toContain('未做跨年度核对');
  const other = await load('huaian-2024');
  other.year = 2023;
  other.agency = '高安市人民政府';
  setReportValue(other, 'applications.carried_forward.natural', 999);
  const f2 = checkAcrossYears(yi(now), yi(other));
  expect(f2.map((f) => f.severity)).toEqual(['warning']);
  expect(f2[0].message).toContain('高安市人民政府2023年');
});

test('no 同比 from a report five years older, no 与上年持平 from the same year', async () => {
  const now = await load('huaian-2024');
  const gaoan = await load('gaoan-2020');
  const text = (last: Report): string =>
    narrativeOf(now, { lastYear: yi(last) })
      .map((p) => p.text)
      .join('');
  expect(text(gaoan)).not.toMatch(/同比|与上年持平/);
  expect(text(now)).not.toMatch(/同比|与上年持平/);
  const other = await load('huaian-2024');
  other.year = 2023;
  other.agency = '高安市人民政府';
  expect(text(other)).not.toMatch(/同比|与上年持平/);
  other.agency = '淮安市人民政府';
  expect(text(other)).toContain('与上年持平');
});
