/**
 * The pane's actions, bound to a host once (src/taskpane/mount.tsx): each panel is given its own and never sees the
 * host (as Microsoft's Office-Addin-TaskPane-React template hands its components the function to call).
 *
 * What the actions do (bound.ts and what it imports: the checks, the last-year importer's glue, …) is loaded with the
 * first action a person starts, not with the pane's first screen; a load that fails says so and is tried again on the
 * next click.
 */
import type { HostEnvironment, WorkbookHost } from '../host/types';
import type { BoundActions } from './bound';
import { loadChunk, loadFailure } from './load';

export { loadFailure };
import type { SelfTestReport, StepResult } from './selftest';

/** What the 自检 (under 帮助) can do: the self-test itself is loaded when it is run. */
export interface SelfTestActions {
  environment: () => HostEnvironment;
  run: (onStep: (step: StepResult) => void) => Promise<SelfTestReport>;
}

export interface PaneActions extends BoundActions {
  selfTest: SelfTestActions;
}

type Methods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/** An object of async methods each of which waits for `group()` and calls the method of that name on what it gives;
 *  `names` lists every method (the type makes sure none is left out). */
export function deferred<T extends Methods<T>>(group: () => Promise<T>, names: Record<keyof T, true>): T {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const name of Object.keys(names) as Array<keyof T>) {
    out[name] = async (...args: unknown[]) => {
      const g = await group();
      return (g[name] as unknown as (...a: unknown[]) => Promise<unknown>).apply(g, args);
    };
  }
  return out as T;
}

export function paneActions(host: WorkbookHost): PaneActions {
  let loading: Promise<BoundActions> | null = null;
  const bound = (): Promise<BoundActions> =>
    (loading ??= import(/* webpackChunkName: "actions", webpackPrefetch: true */ './bound').then(
      (m) => m.boundActions(host),
      (e: unknown) => {
        loading = null; // the next click tries again
        throw loadFailure(e);
      },
    ));
  return {
    insert: deferred(() => bound().then((b) => b.insert), { insert: true }),
    check: deferred(() => bound().then((b) => b.check), { check: true, clearMarks: true, select: true, register: true }),
    narrative: deferred(() => bound().then((b) => b.narrative), { generate: true, insertProse: true, selectCell: true }),
    lastYear: deferred(() => bound().then((b) => b.lastYear), {
      importText: true,
      importWorkbook: true,
      importPdf: true,
      remove: true,
    }),
    export: deferred(() => bound().then((b) => b.export), { export: true }),
    selfTest: {
      environment: () => host.environment(),
      run: async (onStep) => {
        const { runSelfTest } = await loadChunk(() => import(/* webpackChunkName: "selftest" */ './selftest'));
        return runSelfTest(host, onStep);
      },
    },
  };
}
