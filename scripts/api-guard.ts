/**
 * Finds calls in src/ of Excel and Office members above what the manifest promises, outside a branch that
 * checks for them first. The levels come from src/excel-sim/api-levels.json (generated from @types/office-js by
 * scripts/api-levels.ts); the minimum from manifest.xml (<Set Name="ExcelApi" MinVersion="…"/>). Every property
 * read, property write, method call and load('a,b/c') path whose declaration is in @types/office-js is checked:
 *
 *  - an Excel class member needs ExcelApi at or below the manifest's minimum, or a guard;
 *  - an Office member whose documentation names requirement sets (other than Outlook's Mailbox) needs a guard
 *    for one of them (DialogApi for displayDialogAsync…).
 *
 * A guard is an `if`, `?:` or `&&` whose condition calls `isSetSupported('ExcelApi', '1.13')` (any object's; the set
 * and a version at least the member's as string literals) or the host's helper `hasExcelApi('1.13')`, directly or
 * through a const holding such a call; the member must be in the branch taken when the check passes. An
 * `if (!check) return …;` guards the statements after it. Plain data (Excel.Interfaces, Excel interfaces such
 * as CellProperties, enums) is not a member call and is not checked.
 *
 *   npx tsx scripts/api-guard.ts        lists what is unguarded (exit 1 when anything is)
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
type Level = string | { get: string; set: string };
interface Levels {
  excel: Record<string, Record<string, Level>>;
  office: Record<string, Record<string, string[]>>;
}

export interface Unguarded {
  file: string;
  line: number;
  member: string;
  needs: string;
  text: string;
}

export function manifestMinimum(manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')): string {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(manifest);
  if (!m) throw new Error('manifest.xml declares no ExcelApi minimum');
  return m[1];
}

const cmp = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function sourceFiles(dir: string, skip: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (skip.some((s) => p.startsWith(s))) continue;
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p, skip));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The sets a guard expression checks when true: [{set, version}] (negated checks count for the other branch). */
function checksIn(
  expr: ts.Expression,
  checker: ts.TypeChecker,
  negate = false,
): Array<{ set: string; version: string; positive: boolean }> {
  const out: Array<{ set: string; version: string; positive: boolean }> = [];
  const visit = (n: ts.Node, neg: boolean): void => {
    if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) {
      visit(n.operand, !neg);
      return;
    }
    if (ts.isParenthesizedExpression(n)) {
      visit(n.expression, neg);
      return;
    }
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const lits = n.arguments.filter(ts.isStringLiteralLike).map((a) => a.text);
      if (name === 'isSetSupported' && lits.length >= 1) out.push({ set: lits[0], version: lits[1] ?? '1.1', positive: !neg });
      else if (name === 'hasExcelApi' && lits.length >= 1) out.push({ set: 'ExcelApi', version: lits[lits.length - 1], positive: !neg });
    }
    if (ts.isIdentifier(n)) {
      // a const holding a check
      const sym = checker.getSymbolAtLocation(n);
      const decl = sym?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)
        visit(decl.initializer, neg);
      return;
    }
    ts.forEachChild(n, (c) => visit(c, neg));
  };
  visit(expr, negate);
  return out;
}

const satisfies = (checks: ReturnType<typeof checksIn>, needs: Array<{ set: string; version: string }>, positive: boolean): boolean =>
  checks.some(
    (c) => c.positive === positive && needs.some((n) => n.set.toLowerCase() === c.set.toLowerCase() && cmp(c.version, n.version) >= 0),
  );

const exits = (st: ts.Statement): boolean =>
  ts.isReturnStatement(st) ||
  ts.isThrowStatement(st) ||
  (ts.isBlock(st) && st.statements.length > 0 && exits(st.statements[st.statements.length - 1]));

/** Whether `node` only runs once one of `needs` was found supported. */
function guarded(node: ts.Node, needs: Array<{ set: string; version: string }>, checker: ts.TypeChecker): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression) {
      const checks = checksIn(p.expression, checker);
      if (child === p.thenStatement && satisfies(checks, needs, true)) return true;
      if (child === p.elseStatement && satisfies(checks, needs, false)) return true;
    }
    if (ts.isConditionalExpression(p) && child !== p.condition) {
      const checks = checksIn(p.condition, checker);
      if (child === p.whenTrue && satisfies(checks, needs, true)) return true;
      if (child === p.whenFalse && satisfies(checks, needs, false)) return true;
    }
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) {
      if (satisfies(checksIn(p.left, checker), needs, true)) return true;
    }
    if ((ts.isBlock(p) || ts.isSourceFile(p)) && ts.isStatement(child)) {
      // `if (!check) return …;` before this statement
      const list = (p as ts.Block).statements;
      for (const st of list.slice(0, list.indexOf(child))) {
        if (
          ts.isIfStatement(st) &&
          !st.elseStatement &&
          exits(st.thenStatement) &&
          satisfies(checksIn(st.expression, checker), needs, false)
        )
          return true;
      }
    }
  }
  return false;
}

/** Namespace path and owner of a declaration in @types/office-js: ['Excel'], 'Range' · ['Office', 'AddinCommands'], 'Event'. */
function ownerOf(decl: ts.Declaration): { ns: string[]; owner: string | null; kind: 'class' | 'interface' | 'enum' | 'namespace' } | null {
  let p: ts.Node = decl.parent;
  let owner: string | null = null;
  let kind: 'class' | 'interface' | 'enum' | 'namespace' = 'namespace';
  if (ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isEnumDeclaration(p)) {
    owner = p.name?.text ?? null;
    kind = ts.isClassDeclaration(p) ? 'class' : ts.isInterfaceDeclaration(p) ? 'interface' : 'enum';
    p = p.parent;
  } else if (ts.isVariableDeclarationList(p)) {
    p = p.parent.parent;
  }
  const ns: string[] = [];
  for (let q: ts.Node | undefined = p; q; q = q.parent) if (ts.isModuleDeclaration(q)) ns.unshift(q.name.getText());
  if (!ns.length) return null;
  return { ns, owner, kind };
}

export function findUnguarded(options: { files?: string[]; minimum?: string; levels?: Levels } = {}): Unguarded[] {
  const levels = options.levels ?? (JSON.parse(readFileSync(path.join(ROOT, 'src', 'excel-sim', 'api-levels.json'), 'utf8')) as Levels);
  const minimum = options.minimum ?? manifestMinimum();
  // src/excel-sim implements the API rather than calling it
  const files = options.files ?? sourceFiles(path.join(ROOT, 'src'), [path.join(ROOT, 'src', 'excel-sim')]);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    allowJs: false,
    types: ['office-js', 'node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    lib: ['lib.es2021.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  });
  const checker = program.getTypeChecker();
  const out: Unguarded[] = [];
  const isOfficeDts = (d: ts.Declaration): boolean => /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/.test(d.getSourceFile().fileName);

  /** What a member needs beyond the minimum ([] for nothing), from its declaration. */
  const needsOf = (decl: ts.Declaration, name: string, access: 'get' | 'set'): Array<{ set: string; version: string }> => {
    const o = ownerOf(decl);
    if (!o) return [];
    if (o.ns[0] === 'Excel') {
      if (o.ns.length > 1 || o.kind === 'interface' || o.kind === 'enum') return []; // data shapes and enum values
      const entry = levels.excel[o.owner ?? 'Excel'];
      const raw = entry?.[name] ?? (o.kind === 'class' ? undefined : undefined);
      if (raw === undefined) return [];
      const level = typeof raw === 'string' ? raw : access === 'set' ? raw.set : raw.get;
      const [set, version] = /^\d/.test(level) ? ['ExcelApi', level] : level.split(' ');
      if (set === 'ExcelApi' && cmp(version, minimum) <= 0) return [];
      return [{ set, version }];
    }
    if (o.ns[0] === 'Office') {
      const key = [...o.ns.slice(1), o.owner].filter(Boolean).join('.') || 'Office';
      const sets = (levels.office[o.owner ? key : o.ns.length > 1 ? o.ns.slice(1).join('.') : 'Office']?.[name] ?? []).filter(
        (s) => !/^Mailbox /.test(s),
      );
      return sets.map((s) => {
        const [set, version] = s.split(' ');
        return { set, version };
      });
    }
    return [];
  };

  const report = (sf: ts.SourceFile, node: ts.Node, member: string, needs: Array<{ set: string; version: string }>): void => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({
      file: path.relative(ROOT, sf.fileName),
      line: line + 1,
      member,
      needs: needs.map((n) => `${n.set} ${n.version}`).join(' or '),
      text: node.getText(sf).slice(0, 120),
    });
  };

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName) && !files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        const decl = sym?.declarations?.find(isOfficeDts);
        if (decl) {
          const parent = node.parent;
          const access =
            ts.isBinaryExpression(parent) &&
            parent.left === node &&
            parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
            parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
              ? 'set'
              : 'get';
          const needs = needsOf(decl, node.name.text, access);
          const o = ownerOf(decl);
          if (needs.length && !guarded(node, needs, checker))
            report(sf, node, `${o?.owner ?? o?.ns.join('.')}.${node.name.text}${access === 'set' ? ' (set)' : ''}`, needs);
        }
      }
      // load('a,b/c') and load(['a', 'b']): each path is a property read
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'load') {
        const args = node.arguments.flatMap((a) =>
          ts.isStringLiteralLike(a)
            ? [a.text]
            : ts.isArrayLiteralExpression(a)
              ? a.elements.filter(ts.isStringLiteralLike).map((e) => e.text)
              : [],
        );
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        for (const spec of args.flatMap((a) => a.split(','))) {
          let type: ts.Type | undefined = receiver;
          for (const seg of spec
            .split('/')
            .map((x) => x.trim())
            .filter(Boolean)) {
            if (!type) break;
            const prop: ts.Symbol | undefined = type.getNonNullableType().getProperty(seg);
            const decl = prop?.declarations?.find(isOfficeDts);
            if (!prop || !decl) {
              type = undefined;
              break;
            }
            const needs = needsOf(decl, seg, 'get');
            const o = ownerOf(decl);
            if (needs.length && !guarded(node, needs, checker)) report(sf, node, `${o?.owner}.${seg} (load '${spec}')`, needs);
            let next = checker.getTypeOfSymbolAtLocation(prop, node);
            if (seg === 'items') next = checker.getIndexTypeOfType(next, ts.IndexKind.Number) ?? next;
            type = next;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

if (require.main === module) {
  const found = findUnguarded();
  for (const u of found) console.log(`${u.file}:${u.line}  ${u.member} needs ${u.needs}  — ${u.text}`);
  console.log(found.length ? `${found.length} unguarded` : `no member above ExcelApi ${manifestMinimum()} is called unguarded`);
  process.exitCode = found.length ? 1 : 0;
}
