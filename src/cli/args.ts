/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. */
export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[]): Args {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) options.set(key, a.slice(eq + 1));
      else if (valued.includes(key)) {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`选项 --${key} 需要一个值`);
        options.set(key, v);
        i++;
      } else options.set(key, true);
    } else positionals.push(a);
  }
  return { positionals, options };
}

export class UsageError extends Error {}

export function str(args: Args, key: string): string | undefined {
  const v = args.options.get(key);
  return typeof v === 'string' ? v : undefined;
}
