/**
 * The pane's actions, bound to a host once (src/taskpane/mount.tsx): each panel is given its own and never sees the
 * host (as Microsoft's Office-Addin-TaskPane-React template hands its components the function to call).
 */
import type { HostEnvironment, WorkbookHost } from '../host/types';
import { checkActions, type CheckActions } from './check';
import { exportActions, type ExportActions } from './export';
import { insertActions, type InsertActions } from './insert';
import { lastYearActions, type LastYearActions } from './lastYear';
import { narrativeActions, type NarrativeActions } from './narrative';
import type { SelfTestReport, StepResult } from './selftest';

/** What the 自检 (under 帮助) can do: the self-test itself is loaded when it is run. */
export interface SelfTestActions {
  environment: () => HostEnvironment;
  run: (onStep: (step: StepResult) => void) => Promise<SelfTestReport>;
}

export interface PaneActions {
  insert: InsertActions;
  check: CheckActions;
  narrative: NarrativeActions;
  lastYear: LastYearActions;
  export: ExportActions;
  selfTest: SelfTestActions;
}

export function paneActions(host: WorkbookHost): PaneActions {
  return {
    insert: insertActions(host),
    check: checkActions(host),
    narrative: narrativeActions(host),
    lastYear: lastYearActions(host),
    export: exportActions(host),
    selfTest: {
      environment: () => host.environment(),
      run: async (onStep) => {
        const { runSelfTest } = await import(/* webpackChunkName: "selftest" */ './selftest');
        return runSelfTest(host, onStep);
      },
    },
  };
}
