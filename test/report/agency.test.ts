import { agencyName, sameAgency } from '../../src/report/agency';

test('a place alone is named as its government; organs keep their name', () => {
  expect(agencyName('高安市')).toBe('高安市人民政府');
  expect(agencyName(' 上海市 黄浦区 ')).toBe('上海市黄浦区人民政府');
  expect(agencyName('某某街道')).toBe('某某街道办事处');
  for (const organ of ['高安市人民政府', '高安市人民政府办公室', '淮安市公安局', '某某省发展和改革委员会'])
    expect(agencyName(organ)).toBe(organ);
  expect(agencyName('')).toBeUndefined();
  expect(agencyName(undefined)).toBeUndefined();
});

test('sameAgency: one agency however it is written; unknown never differs', () => {
  expect(sameAgency('高安市', '高安市人民政府')).toBe(true);
  expect(sameAgency('淮安市人民政府', '高安市人民政府')).toBe(false);
  expect(sameAgency('淮安市人民政府', '淮安市公安局')).toBe(false);
  expect(sameAgency(undefined, '高安市人民政府')).toBe(true);
});
