/**
 * Property: any report, written out in the official layout (tableLayout: merged cells and all) as an
 * HTML table, as | rows of the flattened grid, or as one cell per line the way a web page copies, is
 * read back cell for cell — blank cells, "/" and "—", negative 本年增/减 and decimals included — and
 * labels typed with half-width brackets and colons, "1、" numbering and stray spaces change nothing.
 */
import fc from 'fast-check';
import { importReport, type ImportKind } from '../../src/report/import';
import { tableLayout, type TableLayout } from '../../src/report/layout';
import type { FormatId, RawValue, TableId } from '../../src/report/types';

const TABLES: TableId[] = ['active', 'applications', 'reviews'];

type Values = Map<string, RawValue>;

const valueArb = (kind: string | undefined): fc.Arbitrary<RawValue> =>
  fc.oneof(
    { weight: 8, arbitrary: kind === 'signed' ? fc.integer({ min: -500, max: 500 }) : fc.integer({ min: 0, max: 999999 }) },
    { weight: kind === 'amount' ? 3 : 0, arbitrary: fc.integer({ min: 0, max: 9999999 }).map((n) => n / 100) },
    { weight: 1, arbitrary: fc.constantFrom<RawValue>(null, '/', '—') },
  );

function valuesArb(format: FormatId): fc.Arbitrary<Values> {
  const cells = TABLES.flatMap((t) => tableLayout(format, t).data);
  return fc.tuple(...cells.map((c) => valueArb(c.kind))).map((vs) => new Map(cells.map((c, i) => [c.key as string, vs[i]])));
}

/** A label as people type it: half-width brackets and colons, 1、 numbering, a stray space. */
function retype(label: string, style: number): string {
  if (style === 0) return label;
  let s = label.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
  if (style === 2) s = s.replace(/^(\d)\./, '$1、');
  if (style === 3 && s.length > 3) s = `${s.slice(0, 2)} ${s.slice(2)}`;
  return s;
}

const show = (v: RawValue): string => (v === null ? '' : String(v));
const cellText = (layout: TableLayout, c: TableLayout['cells'][number], values: Values, style: number): string =>
  c.role === 'data' ? show(values.get(c.key as string) ?? null) : retype(c.text ?? '', style);

function cellsOfRow(layout: TableLayout, r: number): TableLayout['cells'] {
  return layout.cells.filter((c) => c.r === r).sort((a, b) => a.c - b.c);
}

function asHtml(layout: TableLayout, values: Values, style: number): string {
  const rows = Array.from(
    { length: layout.rows },
    (_, r) =>
      `<tr>${cellsOfRow(layout, r)
        .map(
          (c) =>
            `<td${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs > 1 ? ` colspan="${c.cs}"` : ''}>${cellText(layout, c, values, style).replace(/&/g, '&amp;') || '&nbsp;'}</td>`,
        )
        .join('')}</tr>`,
  );
  return `<table border="1">\n${rows.join('\n')}\n</table>`;
}

function asPipe(layout: TableLayout, values: Values, style: number): string {
  const grid: string[][] = Array.from({ length: layout.rows }, () => Array<string>(layout.cols).fill(''));
  for (const c of layout.cells) grid[c.r][c.c] = cellText(layout, c, values, style);
  return grid.map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** As a web page copies: every cell of a row on its own line (a blank cell is a line of whitespace),
 *  rows separated by an empty line; cells covered by a merge above are not repeated. */
function asLines(layout: TableLayout, values: Values, style: number): string {
  return Array.from({ length: layout.rows }, (_, r) =>
    cellsOfRow(layout, r)
      .map((c) => `\t${cellText(layout, c, values, style)}`)
      .join('\n'),
  ).join('\n\n');
}

const RENDER: Record<Exclude<ImportKind, 'pdf-text'>, (l: TableLayout, v: Values, s: number) => string> = {
  html: asHtml,
  pipe: asPipe,
  text: asLines,
};

function document(format: FormatId, kind: Exclude<ImportKind, 'pdf-text'>, values: Values, style: number): string {
  const year = format === '2019' ? 2020 : 2023;
  const parts = [`测试县${year}年政府信息公开工作年度报告`, '一、总体情况', '本年度工作情况如下。'];
  TABLES.forEach((t) => {
    const layout = tableLayout(format, t);
    parts.push(layout.title, RENDER[kind](layout, values, style));
  });
  parts.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '未收取信息处理费。');
  return kind === 'html' ? parts.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('\n') : parts.join('\n\n');
}

describe.each(['2021', '2019'] as FormatId[])('format %s written out and read back', (format) => {
  it.each(['html', 'pipe', 'text'] as const)('%s', (kind) => {
    fc.assert(
      fc.property(valuesArb(format), fc.integer({ min: 0, max: 3 }), (values, style) => {
        // a table 3 with no value at all cannot be told from a header without values
        fc.pre(tableLayout(format, 'reviews').data.some((c) => values.get(c.key as string) !== null));
        const result = importReport(document(format, kind, values, style));
        expect(result.kind).toBe(kind);
        expect(result.problems).toEqual([]);
        expect(result.findings).toEqual([]);
        expect(result.report.format).toBe(format);
        const read = [...values.keys()].map((k) => {
          const [t, r, c] = k.split('.');
          return [k, (result.report.tables as Record<string, Record<string, Record<string, RawValue>>>)[t]?.[r]?.[c]];
        });
        expect(read).toEqual([...values.entries()]);
        expect(Object.keys(result.report.text ?? {})).toEqual(['1', '2', '3', '4', '5', '6']);
      }),
      { numRuns: 25 },
    );
  });
});
