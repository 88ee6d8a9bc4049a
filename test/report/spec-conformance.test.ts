/**
 * The layouts (layout.ts over formats.ts) against the spec text itself: the markdown of
 * format-2021.md, format-2019.md and report-json.md (copies in test/fixtures/spec) is parsed here with
 * small regex parsers and every label, address, merge span and cell key is compared with tableLayout.
 * Spec addresses are relative to the table's top-left cell (A1 = r 0, c 0).
 */
import { tableLayout, type LayoutCell, type TableLayout } from '../../src/report/layout';
import { cellKey, isCellKey, splitKey, type FormatId } from '../../src/report/types';
import { addr, parseA1, parseRange, readSpec } from './helpers';

// ------------------------------------------------------------------ tiny markdown helpers

type Rect = { r: number; c: number; rs: number; cs: number };
interface Placed extends Rect {
  text: string;
}

const FMT = { '2021': readSpec('format-2021.md'), '2019': readSpec('format-2019.md') } as const;
const JSON_MD = readSpec('report-json.md');

/** Body of the `## <heading…>` section (up to the next `## `). */
function section(md: string, heading: string, level = '##'): string {
  const parts = md.split(new RegExp(`^${level} `, 'm'));
  const hit = parts.find((p) => p.startsWith(heading));
  if (!hit) throw new Error(`spec: no section "${heading}"`);
  return hit;
}

/** Rows of the first markdown table in a text, without the header and separator rows. */
function mdTable(text: string): string[][] {
  const lines = text.split('\n').filter((l) => l.trim().startsWith('|'));
  return lines.slice(2).map((l) =>
    l
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
}

const ADDR = '[A-Z]+\\d+(?::[A-Z]+\\d+)?';
const dotList = (s: string): string[] =>
  s
    .split(' · ')
    .map((x) => x.trim())
    .filter(Boolean);
const key = (p: Rect): string => `${p.r},${p.c},${p.rs},${p.cs}`;
const rectOf = (c: LayoutCell): Rect => ({ r: c.r, c: c.c, rs: c.rs, cs: c.cs });
const showRect = (p: Rect): string =>
  p.rs === 1 && p.cs === 1 ? addr(p.r, p.c) : `${addr(p.r, p.c)}:${addr(p.r + p.rs - 1, p.c + p.cs - 1)}`;

/** Parse one header bullet of tables 2/3 into placed labels (or a data rect). */
function parseBullet(b: string): { labels: Placed[]; data?: Rect } {
  let m = new RegExp(`^(${ADDR}) merged, text: (.+)$`).exec(b);
  if (m) return { labels: [{ ...parseRange(m[1]), text: m[2].trim() }] };
  m = new RegExp(`^(${ADDR}) the (\\d+) values`).exec(b);
  if (m) {
    const data = parseRange(m[1]);
    if (data.rs * data.cs !== Number(m[2])) throw new Error(`spec: ${m[1]} is not ${m[2]} values`);
    return { labels: [], data };
  }
  m = /^(.+?(?:\.\.|…).*?): (.+)$/.exec(b);
  if (m) {
    // "E3..I3: a · b" (cells along a row), "F3..J3 and K3..O3: …" (each run gets the list),
    // "A2:A3 … E2:E3: a · b" (one merged shape repeated along the row)
    const texts = dotList(m[2]);
    const labels: Placed[] = [];
    for (const run of m[1].split(' and ')) {
      const dots = /^([A-Z]+\d+)\.\.([A-Z]+\d+)$/.exec(run.trim());
      const ell = new RegExp(`^(${ADDR}) … (${ADDR})$`).exec(run.trim());
      if (dots) {
        const s = parseA1(dots[1]);
        const e = parseA1(dots[2]);
        if (e.r !== s.r || e.c - s.c + 1 !== texts.length) throw new Error(`spec: run ${run} does not fit ${texts.length} labels`);
        texts.forEach((text, i) => labels.push({ r: s.r, c: s.c + i, rs: 1, cs: 1, text }));
      } else if (ell) {
        const s = parseRange(ell[1]);
        const e = parseRange(ell[2]);
        if (e.r !== s.r || e.rs !== s.rs || e.cs !== s.cs || (e.c - s.c) / s.cs + 1 !== texts.length)
          throw new Error(`spec: run ${run} does not fit ${texts.length} labels`);
        texts.forEach((text, i) => labels.push({ ...s, c: s.c + i * s.cs, text }));
      } else throw new Error(`spec: cannot read run "${run}"`);
    }
    return { labels };
  }
  return {
    labels: dotList(b).map((seg) => {
      const mm = new RegExp(`^(${ADDR})\\s+(.+)$`).exec(seg);
      if (!mm) throw new Error(`spec: cannot read "${seg}"`);
      return { ...parseRange(mm[1]), text: mm[2].trim() };
    }),
  };
}

const bullets = (text: string): string[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());

/** The code block of table 2 row labels: `A4:C4   一、…`, `C8  1.属于…`. */
function codeBlockLabels(text: string): Placed[] {
  const m = /```\n([\s\S]*?)```/.exec(text);
  if (!m) throw new Error('spec: no code block');
  return m[1]
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const mm = new RegExp(`^\\s*(${ADDR})\\s+(.+?)\\s*$`).exec(l);
      if (!mm) throw new Error(`spec: cannot read "${l}"`);
      return { ...parseRange(mm[1]), text: mm[2] };
    });
}

const placedOf = (cells: LayoutCell[]): string[] => cells.map((c) => `${showRect(rectOf(c))} ${c.text}`).sort();
const placedSpec = (ps: Placed[]): string[] => ps.map((p) => `${showRect(p)} ${p.text}`).sort();

/** Every grid position is covered by exactly one layout cell. */
function expectTiled(layout: TableLayout): void {
  const seen = new Map<string, number>();
  for (const c of layout.cells) {
    for (let r = c.r; r < c.r + c.rs; r++) for (let k = c.c; k < c.c + c.cs; k++) seen.set(`${r},${k}`, (seen.get(`${r},${k}`) ?? 0) + 1);
  }
  const holes: string[] = [];
  for (let r = 0; r < layout.rows; r++)
    for (let k = 0; k < layout.cols; k++) if (seen.get(`${r},${k}`) !== 1) holes.push(`${addr(r, k)}×${seen.get(`${r},${k}`) ?? 0}`);
  expect(holes).toEqual([]);
  expect(seen.size).toBe(layout.rows * layout.cols);
}

// ------------------------------------------------------------------ the spec, parsed

const T2_2021 = section(FMT['2021'], 'Table 2');
const T3_2021 = section(FMT['2021'], 'Table 3');

const t2Header = bullets(T2_2021)
  .map(parseBullet)
  .flatMap((b) => b.labels);
const t2Rows2021 = codeBlockLabels(T2_2021);
const t2Dims = /Header \((\d+) rows × (\d+) columns\)/.exec(T2_2021);
const t2DataRows2021 = Number(/(\d+) data rows/.exec(T2_2021)?.[1]);

/** 2019: the 2021 row labels with the （六） sub-items replaced by the listed differences. */
function t2Rows2019(): Placed[] {
  const t2 = section(FMT['2019'], 'Table 2');
  const line = /So:\n([\s\S]*?)—/.exec(t2)?.[1].replace(/\s+/g, ' ').trim() ?? '';
  const diffs = dotList(line).map((seg) => {
    const mm = new RegExp(`^(${ADDR})\\s+(.+)$`).exec(seg);
    if (!mm) throw new Error(`spec 2019: cannot read "${seg}"`);
    return { ...parseRange(mm[1]), text: mm[2].trim() };
  });
  const firstChanged = Math.min(...diffs.filter((d) => d.c > 0).map((d) => d.r)); // B24 → r 23
  const replaced = new Set(diffs.map((d) => `${d.r},${d.c}`));
  const kept = t2Rows2021.filter((p) => p.r < firstChanged && p.r + p.rs - 1 < firstChanged && !replaced.has(`${p.r},${p.c}`));
  return [...kept, ...diffs];
}

const t3 = bullets(T3_2021).map(parseBullet);
const t3Header = t3.flatMap((b) => b.labels);
const t3Data = t3.find((b) => b.data)?.data as Rect;
const t3Dims = /(\d+) columns × (\d+) rows/.exec(T3_2021);

const WORD_NUM: Record<string, number> = { four: 4, five: 5 };

/** report-json.md table 1 keys: per format, rows [key, label] and columns [key, label]. */
function activeKeys(): Array<{ format: FormatId; rows: Array<[string, string]>; cols: Array<[string, string]> }> {
  const rowLabels = new Map<string, string>();
  const colLabels = new Map<string, string>();
  return mdTable(section(JSON_MD, '`active`', '###')).map(([format, rows, cols]) => ({
    format: format as FormatId,
    rows: rows.split(';').map((s) => {
      const m = /`(\w+)`(?:\s*←\s*(.+))?/.exec(s.trim());
      if (!m) throw new Error(`report-json: row "${s}"`);
      if (m[2]) rowLabels.set(m[1], m[2].trim());
      return [m[1], rowLabels.get(m[1]) as string];
    }),
    cols: dotList(cols).map((s) => {
      const m = /^`(\w+)`(?:\s+(.+))?$/.exec(s);
      if (!m) throw new Error(`report-json: column "${s}"`);
      if (m[2]) colLabels.set(m[1], m[2].trim());
      return [m[1], colLabels.get(m[1]) as string];
    }),
  }));
}

/** Table 1 of a format as the spec describes it: blocks of [title, column headers, row labels]. */
function activeBlocks(format: FormatId): Array<{ title: string; headers: string[]; rows: string[] }> {
  return mdTable(section(FMT[format], 'Table 1')).map(([title, headers, rows]) => ({
    title,
    headers: dotList(headers),
    rows: dotList(rows),
  }));
}

// ------------------------------------------------------------------ tests

describe.each(['2021', '2019'] as const)('format %s', (format) => {
  const apps = tableLayout(format, 'applications');
  const reviews = tableLayout(format, 'reviews');
  const active = tableLayout(format, 'active');

  describe('table 2 (applications)', () => {
    it('has the header of the spec: every label at its address with its merge span', () => {
      expect(t2Header.length).toBe(10); // corner, 申请人情况, 3 in row 2, 5 in row 3
      const cells = apps.cells.filter((c) => c.role === 'header' || c.role === 'corner');
      expect(placedOf(cells)).toEqual(placedSpec(t2Header));
      const corner = apps.cells.filter((c) => c.role === 'corner');
      expect(corner.map((c) => [showRect(rectOf(c)), c.text])).toEqual([
        ['A1:C3', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
      ]);
    });

    it('has every row label of the spec at its address with its merge span', () => {
      const expected = format === '2021' ? t2Rows2021 : t2Rows2019();
      expect(expected.length).toBe(format === '2021' ? 30 : 27); // 30 lines in the code block; 2019 drops the three （六） items
      const labels = apps.cells.filter((c) => c.role === 'label');
      expect(placedOf(labels)).toEqual(placedSpec(expected));
    });

    it('spells the 2019 differences: single （六） row, （七）总计 at B25:C25, A26:C26, A6:A25', () => {
      const at = (a: string): string | undefined => {
        const p = parseRange(a);
        return apps.cells.find((c) => c.role === 'label' && key(rectOf(c)) === key(p))?.text;
      };
      if (format === '2019') {
        expect(at('B24:C24')).toBe('（六）其他处理');
        expect(at('B25:C25')).toBe('（七）总计');
        expect(at('A26:C26')).toBe('四、结转下年度继续办理');
        expect(at('A6:A25')).toBe('三、本年度办理结果');
        expect(apps.cells.some((c) => c.role === 'label' && /^\d\.申请人/.test(c.text ?? ''))).toBe(false);
      } else {
        expect(at('B24:B26')).toBe('（六）其他处理');
        expect(at('C26')).toBe('3.其他');
        expect(at('B27:C27')).toBe('（七）总计');
        expect(at('A28:C28')).toBe('四、结转下年度继续办理');
        expect(at('A6:A27')).toBe('三、本年度办理结果');
      }
    });

    it('has the dimensions of the spec and tiles the grid without holes or overlaps', () => {
      const dataRows = format === '2021' ? t2DataRows2021 : Number(/(\d+) data rows/.exec(section(FMT['2019'], 'Table 2'))?.[1]);
      expect(dataRows).toBe(format === '2021' ? 25 : 23);
      expect(t2Dims).not.toBeNull();
      const headerRows = Number(t2Dims?.[1]);
      expect(apps.cols).toBe(Number(t2Dims?.[2]));
      expect(apps.rows).toBe(headerRows + dataRows);
      expectTiled(apps);
      // data in D–J of every data row, nothing else
      const pos = apps.data.map((c) => `${c.r},${c.c}`);
      const want: string[] = [];
      for (let r = headerRows; r < headerRows + dataRows; r++) for (let c = 3; c <= 9; c++) want.push(`${r},${c}`);
      expect(pos.sort()).toEqual(want.sort());
      expect(apps.data.every((c) => c.rs === 1 && c.cs === 1 && c.kind === 'count')).toBe(true);
    });
  });

  describe('table 3 (reviews)', () => {
    it('has the header of the spec (identical in both formats)', () => {
      expect(section(FMT['2019'], 'Table 3')).toMatch(/Identical to 2021/);
      expect(t3Header.length).toBe(2 + 5 + 2 + 10);
      expect(placedOf(reviews.cells.filter((c) => c.role !== 'data'))).toEqual(placedSpec(t3Header));
    });

    it('has the 15 values in A4:O4 and the dimensions of the spec', () => {
      expect(reviews.cols).toBe(Number(t3Dims?.[1]));
      expect(reviews.rows).toBe(Number(t3Dims?.[2]));
      const want: string[] = [];
      for (let c = t3Data.c; c < t3Data.c + t3Data.cs; c++) want.push(`${t3Data.r},${c}`);
      expect(reviews.data.map((c) => `${c.r},${c.c}`)).toEqual(want);
      expect(reviews.data.every((c) => c.rs === 1 && c.cs === 1 && c.kind === 'count')).toBe(true);
      expectTiled(reviews);
    });
  });

  describe('table 1 (active)', () => {
    const blocks = activeBlocks(format);
    const keys = activeKeys().filter((k) => k.format === format);
    const rowKey = new Map(keys.flatMap((k) => k.rows).map(([k, l]) => [l, k]));
    const colKeyOf = (label: string): string => {
      const hit = keys.flatMap((k) => k.cols).find(([, l]) => l === label || l === label.replace('单位：', ''));
      if (!hit) throw new Error(`report-json: no column key for ${label}`);
      return hit[0];
    };

    it('has the number of blocks the spec names', () => {
      const t1 = section(FMT[format], 'Table 1');
      const word = /(Four|five) blocks/i.exec(t1)?.[1].toLowerCase() as string;
      expect(blocks.length).toBe(WORD_NUM[word]);
      expect(active.cells.filter((c) => c.role === 'blockTitle').map((c) => c.text)).toEqual(blocks.map((b) => b.title));
    });

    it('lays the blocks out as the spec says: title merged across, column headers, rows; keys from report-json.md', () => {
      const width = 1 + Math.max(...blocks.map((b) => b.headers.length - 1));
      expect(active.cols).toBe(width);
      const want: string[] = [];
      let r = 0;
      for (const b of blocks) {
        want.push(`blockTitle ${showRect({ r, c: 0, rs: 1, cs: width })} ${b.title}`);
        r += 1;
        const values = b.headers.slice(1);
        const span = (i: number): number => (i === values.length - 1 ? width - 1 - i : 1);
        want.push(`header ${addr(r, 0)} ${b.headers[0]}`);
        values.forEach((h, i) => want.push(`header ${showRect({ r, c: 1 + i, rs: 1, cs: span(i) })} ${h}`));
        r += 1;
        for (const row of b.rows) {
          want.push(`label ${addr(r, 0)} ${row}`);
          values.forEach((h, i) =>
            want.push(`data ${showRect({ r, c: 1 + i, rs: 1, cs: span(i) })} active.${rowKey.get(row)}.${colKeyOf(h)}`),
          );
          r += 1;
        }
      }
      expect(active.rows).toBe(r);
      const got = active.cells.map((c) => `${c.role} ${showRect(rectOf(c))} ${c.role === 'data' ? c.key : c.text}`);
      expect(got.sort()).toEqual(want.sort());
      expectTiled(active);
    });

    it('merges the single value column of one-column blocks across three columns', () => {
      const one = blocks.filter((b) => b.headers.length === 2);
      expect(one.map((b) => b.title)).toEqual(format === '2021' ? ['第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'] : []);
      for (const b of one) {
        const title = active.cells.find((c) => c.role === 'blockTitle' && c.text === b.title) as LayoutCell;
        const inBlock = active.cells.filter((c) => c.r > title.r && c.r <= title.r + 1 + b.rows.length && c.c === 1);
        expect(inBlock.length).toBe(1 + b.rows.length);
        expect(inBlock.every((c) => c.cs === 3 && c.rs === 1)).toBe(true);
      }
    });

    it('knows the value kinds of the spec', () => {
      const kinds = Object.fromEntries(active.data.map((c) => [c.key, c.kind]));
      const special: Record<string, string> =
        format === '2021'
          ? { 'active.fees.amount': 'amount' }
          : {
              'active.procurement.amount': 'amount',
              'active.licensing.change': 'signed',
              'active.other_services.change': 'signed',
              'active.penalty.change': 'signed',
              'active.enforcement.change': 'signed',
              'active.fees.change': 'signed',
            };
      for (const [k, kind] of Object.entries(kinds)) expect([k, kind]).toEqual([k, special[k] ?? 'count']);
    });
  });

  describe('cell keys of report-json.md', () => {
    /** Label cells to the left of a data cell's row (outer to inner) and headers above its column. */
    const rowLabels = (layout: TableLayout, d: LayoutCell): string[] =>
      layout.cells
        .filter((c) => c.role === 'label' && c.r <= d.r && d.r < c.r + c.rs && c.c < d.c)
        .sort((a, b) => a.c - b.c)
        .map((c) => c.text as string);
    const colHeaders = (layout: TableLayout, d: LayoutCell): string[] =>
      layout.cells
        .filter((c) => c.role === 'header' && c.c <= d.c && d.c < c.c + c.cs && c.r < d.r)
        .sort((a, b) => a.r - b.r)
        .map((c) => c.text as string);

    const t2Keys = section(JSON_MD, '`applications`', '###');
    const rowsText = (/Rows: ([\s\S]*?)\n\n/.exec(t2Keys)?.[1] ?? '').replace(/\s+/g, ' ').replace(/\.$/, '');
    const colsText = (/Columns: ([\s\S]*?)\n\n/.exec(t2Keys)?.[1] ?? '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');

    /** Expected [row key, label path (outer prefix → inner prefix)] of table 2 from the Rows paragraph. */
    function t2RowSpec(): Array<[string, string[]]> {
      const out: Array<[string, string[]]> = [];
      for (const item of dotList(rowsText)) {
        let m = /^`(\w+)_1` … `\w+_(\d+)` (.+?) 1–(\d+)$/.exec(item);
        if (m) {
          expect(m[2]).toBe(m[4]);
          for (let i = 1; i <= Number(m[2]); i++) out.push([`${m[1]}_${i}`, [m[3], `${i}.`]]);
          continue;
        }
        m = /^`(\w+)` (.+?) \(2019\) or `(\w+)_1` … `\w+_(\d+)` \(2021\)$/.exec(item);
        if (m) {
          if (format === '2019') out.push([m[1], [m[2]]]);
          else for (let i = 1; i <= Number(m[4]); i++) out.push([`${m[3]}_${i}`, [m[2], `${i}.`]]);
          continue;
        }
        m = /^`(\w+)` (.+)$/.exec(item);
        if (!m) throw new Error(`report-json: cannot read "${item}"`);
        out.push([m[1], [m[2]]]);
      }
      return out;
    }

    it('table 2 row keys: every data cell sits beside the labels the spec gives, in the spec order', () => {
      const spec = t2RowSpec();
      expect(apps.rowKeys).toEqual(spec.map(([k]) => k));
      for (const [rk, path] of spec) {
        const cells = apps.data.filter((c) => c.rowKey === rk);
        expect(cells.length).toBe(7);
        for (const d of cells) {
          const labels = rowLabels(apps, d);
          // the innermost label starts with the last path element; an outer one with the group
          expect([rk, labels[labels.length - 1].startsWith(path[path.length - 1])]).toEqual([rk, true]);
          if (path.length === 2) expect([rk, labels[labels.length - 2]]).toEqual([rk, path[0]]);
          if (!['new', 'carried_over', 'carried_forward'].includes(rk)) expect(labels[0]).toBe('三、本年度办理结果');
        }
      }
    });

    it('table 2 column keys: every data cell sits under the labels the spec gives', () => {
      const spec = dotList(colsText)
        .map((s) => /^`(\w+)` (.+)$/.exec(s) as RegExpExecArray)
        .map((m) => [m[1], m[2]] as const);
      expect(spec.length).toBe(7);
      expect(apps.colKeys).toEqual(spec.map(([k]) => k));
      for (const [ck, label] of spec) {
        const cells = apps.data.filter((c) => c.colKey === ck);
        expect(cells.length).toBe(format === '2021' ? 25 : 23);
        for (const d of cells) {
          const headers = colHeaders(apps, d);
          expect([ck, headers[headers.length - 1]]).toEqual([ck, label]);
          expect(headers[0]).toBe('申请人情况');
          if (!['natural', 'total'].includes(ck)) expect(headers[1]).toBe('法人或其他组织');
          expect(d.key).toBe(`applications.${d.rowKey}.${ck}`);
        }
      }
    });

    it('table 3 row and column keys: every value sits under its column group and outcome', () => {
      const t3Keys = section(JSON_MD, '`reviews`', '###').replace(/\s+/g, ' ');
      const rows = dotList(/Rows: (.*?)\. Columns:/.exec(t3Keys)?.[1] ?? '').map((s) => /^`(\w+)` (.+)$/.exec(s) as RegExpExecArray);
      const cols = dotList(/Columns: (.*?)\.(?: |$)/.exec(t3Keys)?.[1] ?? '').map((s) => /^`(\w+)` (.+)$/.exec(s) as RegExpExecArray);
      expect(rows.length).toBe(3);
      expect(cols.length).toBe(5);
      expect(reviews.rowKeys).toEqual(rows.map((m) => m[1]));
      for (const rm of rows) {
        for (const cm of cols) {
          const d = reviews.byKey.get(`reviews.${rm[1]}.${cm[1]}`);
          expect(d).toBeDefined();
          const headers = colHeaders(reviews, d as LayoutCell);
          expect(headers).toEqual([...rm[2].split('/'), cm[2]]);
        }
      }
    });

    it('table 1 keys: every [row ← label] × [column ← label] of the spec is a data cell beside and under them', () => {
      const specs = activeKeys().filter((k) => k.format === format);
      const seen = new Set<string>();
      for (const s of specs) {
        for (const [rk, rl] of s.rows) {
          for (const [ck, cl] of s.cols) {
            const k = cellKey('active', rk, ck);
            seen.add(k);
            const d = active.byKey.get(k);
            expect([k, d !== undefined]).toEqual([k, true]);
            const label = active.cells.find((c) => c.role === 'label' && c.r === (d as LayoutCell).r);
            expect([k, label?.text]).toEqual([k, rl]);
            // the column header of the block (nearest header row above) names the column
            const header = active.cells
              .filter((c) => c.role === 'header' && c.c === (d as LayoutCell).c && c.r < (d as LayoutCell).r)
              .sort((a, b) => b.r - a.r)[0];
            const names = [header.text, ...(header.node?.aliases ?? [])];
            expect([k, names.includes(cl)]).toEqual([k, true]);
            expect(header.cs).toBe((d as LayoutCell).cs);
          }
        }
      }
      expect([...seen].sort()).toEqual(active.data.map((c) => c.key).sort());
    });

    it('has the example keys of the spec', () => {
      const examples = [...(/Examples: (.*)$/m.exec(JSON_MD)?.[1] ?? '').matchAll(/`([\w.]+)`/g)].map((m) => m[1]);
      expect(examples).toEqual(['applications.carried_forward.total', 'reviews.review.pending', 'active.fees.amount']);
      // active.fees.amount is a 2021 cell (2019 fees have prev_items and change)
      const inFormat = format === '2021' ? examples : examples.filter((k) => k !== 'active.fees.amount');
      for (const k of inFormat) expect([k, isCellKey(k) && tableLayout(format, splitKey(k).table).byKey.has(k)]).toEqual([k, true]);
      if (format === '2019') expect(tableLayout('2019', 'active').byKey.has('active.fees.amount')).toBe(false);
    });
  });

  it('counts the data cells of the spec', () => {
    const counts = (['active', 'applications', 'reviews'] as const).map((t) => tableLayout(format, t).data.length);
    expect(counts).toEqual(format === '2021' ? [10, 175, 15] : [22, 161, 15]);
    // and the counts follow from the spec's own numbers
    const blocks = activeBlocks(format);
    expect(counts[0]).toBe(blocks.reduce((n, b) => n + b.rows.length * (b.headers.length - 1), 0));
    expect(counts[2]).toBe(t3Data.rs * t3Data.cs);
    for (const l of [active, apps, reviews]) {
      expect(new Set(l.data.map((c) => c.key)).size).toBe(l.data.length);
      expect(l.byKey.size).toBe(l.data.length);
    }
  });
});

describe('format differences', () => {
  it('2021 has no （九）政府集中采购 block and no single （六） row; 2019 has no other_1..3', () => {
    expect(FMT['2021']).toMatch(/（九）政府集中采购 no longer exists/);
    const a21 = tableLayout('2021', 'active');
    expect(a21.cells.some((c) => /第（九）项|政府集中采购/.test(c.text ?? ''))).toBe(false);
    expect(a21.rowKeys).not.toContain('procurement');
    expect(tableLayout('2021', 'applications').rowKeys).not.toContain('other');
    expect(tableLayout('2019', 'applications').rowKeys.filter((k) => k.startsWith('other'))).toEqual(['other']);
  });

  it('table 3 is the same in both formats', () => {
    const strip = (l: TableLayout): unknown[] => l.cells.map((c) => [c.r, c.c, c.rs, c.cs, c.role, c.text, c.key]);
    expect(strip(tableLayout('2019', 'reviews'))).toEqual(strip(tableLayout('2021', 'reviews')));
  });
});
