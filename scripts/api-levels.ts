/**
 * The requirement set of every Excel and Office member, read from Microsoft's own type definitions
 * (node_modules/@types/office-js/index.d.ts, whose doc comments carry `[Api set: ExcelApi 1.x]` for Excel and
 * `**Requirement set**: {@link … | DialogApi 1.2}` for the common Office API), written to
 * src/excel-sim/api-levels.json. The in-browser stand-in refuses a member above its configured ExcelApi level
 * with ApiNotFound, as Excel does, and test/excel/api-guard.test.ts fails when src/ calls a member above the
 * manifest's minimum outside an isSetSupported branch; both read that file.
 *
 *   npx tsx scripts/api-levels.ts           regenerate src/excel-sim/api-levels.json
 *   npx tsx scripts/api-levels.ts --check   exit 1 when the file is not what @types/office-js says
 *
 * Shape of the file:
 *   excel[Class] = { $: '1.6', $kind?: 'interface' | 'enum' | 'namespace', member: '1.9' | { get: '1.1', set: '1.8' } }
 *     versions of ExcelApi are bare ('1.13'); other sets are named ('ExcelApiOnline 1.1'). A member without its own
 *     annotation has its class's level; a client-side member (load, set, toJSON, context, items…) has none.
 *   office[Interface or 'Office'] = { member: ['DialogApi 1.1', 'Mailbox 1.4'] } — the sets its doc lists (empty: none).
 *   notes['Class.member'] = the annotation as written, when it says more than one version.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const DTS = path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
const OUT = path.join(ROOT, 'src', 'excel-sim', 'api-levels.json');

type Level = string | { get: string; set: string };
export interface ApiLevels {
  source: string;
  newestExcelApi: string;
  excel: Record<string, Record<string, Level>>;
  office: Record<string, Record<string, string[]>>;
  notes: Record<string, string>;
}

/** The doc comment right before a declaration (the last /** … *\/ block of its leading trivia). */
function docOf(text: string, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const doc = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  return doc ? text.slice(doc.pos, doc.end) : '';
}

const cmp = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** `[Api set: ExcelApi 1.1 for get, 1.8 for set]` and its variants → a level; null when there is no annotation. */
function excelLevel(doc: string, fallback: string | null, classLevel: string | null = null): { level: Level | null; note?: string } {
  const m = /\[Api set:\s*([^\]]*)\]/.exec(doc);
  if (!m) return { level: fallback };
  const raw = m[1].replace(/\s+/g, ' ').trim();
  const named = /^(ExcelApi\w*)\s+(\d+\.\d+)/.exec(raw);
  if (!named) {
    // e.g. "ExcelApi 1.7 for password" on a member whose base level is its class's
    const onlyPart = /^ExcelApi (\d+\.\d+) for /.exec(raw);
    return { level: classLevel ?? fallback ?? (onlyPart ? onlyPart[1] : null), note: raw };
  }
  const [, set, version] = named;
  const tag = (v: string): string => (set === 'ExcelApi' ? v : `${set} ${v}`);
  const rest = raw.slice(named[0].length).trim();
  if (!rest) return { level: tag(version) };
  const getSet = /^for (?:get|getting|reading)[^,;]*[,;] (\d+\.\d+) for (?:set|setting)/.exec(rest);
  if (getSet) return { level: { get: tag(version), set: tag(getSet[1]) }, note: raw };
  if (/^for password$/.test(rest) && classLevel) return { level: classLevel, note: raw };
  return { level: tag(version), note: raw };
}

/** The requirement sets named under a doc comment's `**Requirement set(s)**:` remark, as
 *  `{@link https://learn.microsoft.com/javascript/api/requirement-sets/… | DialogApi 1.2}` → ['DialogApi 1.2'].
 *  Links elsewhere (a parameter's description) and conditional items ("If the … parameter is used, … is also
 *  required") are not what the member needs. */
function officeSets(doc: string): string[] {
  const out = new Set<string>();
  const lines = doc.split('\n').map((l) => l.replace(/^\s*\*\s?/, ''));
  const start = lines.findIndex((l) => /\*\*Requirement sets?\*\*/.test(l));
  if (start < 0) return [];
  const section: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (i > start && (/^@\w/.test(l) || /^\*\*[^*]+\*\*/.test(l) || (l.trim() !== '' && !/^-\s/.test(l.trim()) && !/\{@link/.test(l))))
      break;
    if (/\bif\b/i.test(l)) continue;
    section.push(l);
  }
  for (const m of section
    .join('\n')
    .matchAll(
      /\{@link\s+https:\/\/learn\.microsoft\.com\/javascript\/api\/requirement-sets\/[^\s|}]*\s*\|\s*([A-Za-z]+)(?:\s+(\d+\.\d+))?\s*\}/g,
    )) {
    out.add(`${m[1]} ${m[2] ?? '1.1'}`);
  }
  return [...out].sort();
}

const memberName = (m: ts.Node): string | null => {
  const name = (m as { name?: ts.PropertyName }).name;
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return null;
};

export function generate(dtsText = readFileSync(DTS, 'utf8')): ApiLevels {
  const sf = ts.createSourceFile(DTS, dtsText, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const version = (JSON.parse(readFileSync(path.join(path.dirname(DTS), 'package.json'), 'utf8')) as { version: string }).version;
  const out: ApiLevels = { source: `@types/office-js ${version}`, newestExcelApi: '1.1', excel: {}, office: {}, notes: {} };
  let newest = '1.1';
  const seeVersion = (l: Level | null): void => {
    for (const v of l === null ? [] : typeof l === 'string' ? [l] : [l.get, l.set]) if (/^\d/.test(v) && cmp(v, newest) > 0) newest = v;
  };

  const excelMembers = (cls: ts.ClassDeclaration | ts.InterfaceDeclaration, name: string, kind?: string): void => {
    const own = excelLevel(docOf(dtsText, cls), null).level as string | null;
    const entry: Record<string, Level> = (out.excel[name] ??= {});
    if (own) entry.$ = own;
    if (kind) entry.$kind = kind;
    seeVersion(own);
    for (const m of cls.members) {
      const n = memberName(m);
      if (!n || ts.isConstructorDeclaration(m)) continue;
      const { level, note } = excelLevel(docOf(dtsText, m), null, own);
      if (!level) continue; // client-side (load, set, toJSON, context, items, track…) or undocumented
      seeVersion(level);
      const prev = entry[n];
      // overloads (string-literal variants of the same method) carry the same annotation; keep the lowest
      if (prev === undefined || (typeof prev === 'string' && typeof level === 'string' && cmp(level, prev) < 0)) entry[n] = level;
      if (note) out.notes[`${name}.${n}`] = note;
    }
    if (!Object.keys(entry).length) delete out.excel[name];
  };

  const officeMembers = (node: ts.ModuleDeclaration, prefix: string): void => {
    const body = node.body;
    if (!body || !ts.isModuleBlock(body)) return;
    const top: Record<string, string[]> = {};
    for (const st of body.statements) {
      if (ts.isModuleDeclaration(st)) {
        officeMembers(st, `${prefix}${st.name.getText(sf)}.`);
        continue;
      }
      if (ts.isInterfaceDeclaration(st) || ts.isClassDeclaration(st)) {
        const name = `${prefix}${st.name?.text}`;
        const entry: Record<string, string[]> = {};
        for (const m of st.members) {
          const n = memberName(m);
          if (!n) continue;
          const sets = officeSets(docOf(dtsText, m));
          entry[n] = entry[n] ? [...new Set([...entry[n], ...sets])].sort() : sets;
        }
        out.office[name] = { ...(out.office[name] ?? {}), ...entry };
      } else if (ts.isFunctionDeclaration(st) && st.name) {
        top[st.name.text] = officeSets(docOf(dtsText, st));
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) top[d.name.text] = officeSets(docOf(dtsText, st));
      }
    }
    if (Object.keys(top).length)
      out.office[prefix ? prefix.slice(0, -1) : 'Office'] = { ...(out.office[prefix ? prefix.slice(0, -1) : 'Office'] ?? {}), ...top };
  };

  for (const st of sf.statements) {
    if (!ts.isModuleDeclaration(st) || !st.body || !ts.isModuleBlock(st.body)) continue;
    const ns = st.name.getText(sf);
    if (ns === 'Excel') {
      const fns: Record<string, Level> = {};
      for (const s of st.body.statements) {
        if (ts.isClassDeclaration(s) && s.name) excelMembers(s, s.name.text);
        else if (ts.isInterfaceDeclaration(s)) excelMembers(s, s.name.text, 'interface');
        else if (ts.isEnumDeclaration(s)) {
          const l = excelLevel(docOf(dtsText, s), null).level;
          if (l) out.excel[s.name.text] = { $: l, $kind: 'enum' };
        } else if (ts.isFunctionDeclaration(s) && s.name) {
          const l = excelLevel(docOf(dtsText, s), '1.1').level;
          if (l) fns[s.name.text] = l;
        }
        // namespace Excel.Interfaces only describes the shapes of load/set/toJSON data: not members of the API
      }
      if (Object.keys(fns).length) out.excel.Excel = { ...(out.excel.Excel ?? {}), $kind: 'namespace', ...fns };
    } else if (ns === 'Office') {
      officeMembers(st, '');
    }
  }
  out.newestExcelApi = newest;
  // stable order, so that the file only changes when the definitions do
  const sortObj = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  out.excel = sortObj(Object.fromEntries(Object.entries(out.excel).map(([k, v]) => [k, sortObj(v)])));
  out.office = sortObj(Object.fromEntries(Object.entries(out.office).map(([k, v]) => [k, sortObj(v)])));
  out.notes = sortObj(out.notes);
  return out;
}

export const serialise = (levels: ApiLevels): string => `${JSON.stringify(levels, null, 0).replace(/\},"/g, '},\n"')}\n`;

if (require.main === module) {
  const text = serialise(generate());
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(OUT, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUT)} is not what @types/office-js says: run npx tsx scripts/api-levels.ts`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT)} is up to date`);
  } else {
    writeFileSync(OUT, text);
    const levels = JSON.parse(text) as ApiLevels;
    console.log(
      `wrote ${path.relative(ROOT, OUT)}: ${Object.keys(levels.excel).length} Excel classes, ${Object.keys(levels.office).length} Office interfaces, newest ExcelApi ${levels.newestExcelApi}`,
    );
  }
}
