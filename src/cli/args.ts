/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. Only the options a
 *  command declares are accepted: anything else is a mistake named back to the person (never ignored,
 *  never taken for a file name). */
export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

export interface OptionSpec {
  /** Options that take a value (`--out x.xlsx`). */
  valued: readonly string[];
  /** Options that are switches (`--json`). */
  flags?: readonly string[];
}

export class UsageError extends Error {}

/** Edit distance (insertions, deletions, substitutions, swaps of two neighbours). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate nearest to `typed` when it is near enough to be what was meant, else undefined. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dd = c.startsWith(typed) || typed.startsWith(c) ? Math.min(distance(typed, c), 1) : distance(typed, c);
    if (dd < bestD) [best, bestD] = [c, dd];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(typed.length / 3)) ? best : undefined;
}

function unknownOption(typed: string, spec: OptionSpec): UsageError {
  const all = [...(spec.flags ?? []), ...spec.valued];
  const near = nearest(typed, all);
  const hint = near ? `，是否要用 --${near}？` : all.length ? `；可用的选项：${all.map((o) => `--${o}`).join(' ')}` : '；此命令没有选项';
  return new UsageError(`未知的选项 --${typed}${hint}`);
}

export function parseArgs(argv: string[], spec: OptionSpec): Args {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const flags = spec.flags ?? [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (key === 'help') {
        options.set('help', true);
        continue;
      }
      if (spec.valued.includes(key)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[i + 1];
        if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`选项 --${key} 需要一个值`);
        options.set(key, v);
        if (eq < 0) i++;
      } else if (flags.includes(key)) {
        if (eq > 0) throw new UsageError(`选项 --${key} 不带值（去掉“=${a.slice(eq + 1)}”）`);
        options.set(key, true);
      } else throw unknownOption(key, spec);
    } else if (a === '-h') options.set('help', true);
    else if (/^-[^\d]/.test(a)) throw new UsageError(`未知的选项 ${a}（选项以两个减号开头，如 --out）`);
    else positionals.push(a);
  }
  return { positionals, options };
}

export function str(args: Args, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}
