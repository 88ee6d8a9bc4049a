/**
 * Agency names as reports write them. A government's own report is titled by its place alone ("高安市2020年
 * 政府信息公开工作年度报告") while its transcription or the tables say "高安市人民政府": one agency, named one
 * way (`agencyName`), and compared by that name (`sameAgency`).
 */

/** Administrative divisions whose government is their 人民政府 (a 街道 has an 办事处 instead). */
const DIVISION = /(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|旗|自治旗|区|林区|特区|镇|乡|民族乡|苏木)$/;
/** Words that make a name an organ, not a place ("…局", "…委员会", "…人民政府办公室"). */
const ORGAN = /(?:政府|委员会|委|局|厅|办|办公室|院|署|中心|部|处|所|站|队|会|社|馆|公司|集团)/;

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '').trim();

/** The agency's name as the product writes it: a place alone becomes its 人民政府 (街道 → 街道办事处). */
export function agencyName(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const n = squeeze(name);
  if (!n) return undefined;
  if (ORGAN.test(n)) return n;
  if (/街道$/.test(n)) return `${n}办事处`;
  return DIVISION.test(n) ? `${n}人民政府` : n;
}

/** Whether two names are one agency. Unknown names (missing) never count as different. */
export function sameAgency(a: string | undefined | null, b: string | undefined | null): boolean {
  const x = agencyName(a);
  const y = agencyName(b);
  return !x || !y || x === y;
}
