/**
 * 自检 in the pane (loaded on demand, under 帮助): runs the self-test of src/app/selftest.ts at once, shows each step
 * passed / failed / not run as it ends, Excel's version, platform and highest ExcelApi level, and the report as
 * text to copy and send back.
 */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { HostEnvironment } from '../../host/types';
import type { SelfTestActions } from '../../app/actions';
import { reportText, STEP_IDS, type SelfTestReport, type StepResult } from '../../app/selftest';
import { Busy, Notice, NoticeBody } from './Notice';
import { selfTestStrings } from './selfTestStrings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '6px' },
  env: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 10px', fontSize: tokens.fontSizeBase200 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase200 },
  status: { fontWeight: tokens.fontWeightSemibold, marginRight: '4px' },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  notRun: { color: tokens.colorNeutralForeground3 },
  detail: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  report: { width: '100%', boxSizing: 'border-box', minHeight: '9em', fontFamily: tokens.fontFamilyMonospace, fontSize: '11px' },
});

type Words = ReturnType<typeof selfTestStrings>;

/** The self-test, run once when the panel opens and again when asked: each step as it ends, then the report. */
function useSelfTest(actions: SelfTestActions) {
  const [steps, setSteps] = React.useState<StepResult[]>([]);
  const [report, setReport] = React.useState<SelfTestReport | null>(null);
  const [running, setRunning] = React.useState(true);
  /** Runs it; what it hears is shown while `live()` (the panel is still open). */
  const run = React.useCallback(
    (live: () => boolean) =>
      actions
        .run((step) => {
          if (live()) setSteps((prev) => [...prev, step]);
        })
        .then((r) => {
          if (!live()) return;
          setReport(r);
          setRunning(false);
        }),
    [actions],
  );
  React.useEffect(() => {
    let open = true;
    void run(() => open);
    return () => {
      open = false;
    };
  }, [run]);
  const again = (): void => {
    setRunning(true);
    setSteps([]);
    setReport(null);
    void run(() => true);
  };
  return { steps, report, running, again };
}

/** Excel's version, platform and highest ExcelApi level. */
function Environment({ env, t }: { env: HostEnvironment; t: Words }): React.ReactElement {
  const s = useStyles();
  return (
    <dl className={s.env} aria-label={t.environment}>
      <dt className={s.dt}>{t.version}</dt>
      <dd className={s.dd} data-testid="selftest-version">
        {env.application} {env.version}
      </dd>
      <dt className={s.dt}>{t.platform}</dt>
      <dd className={s.dd}>{env.platform}</dd>
      <dt className={s.dt}>{t.api}</dt>
      <dd className={s.dd} data-testid="selftest-api">
        {env.api}
      </dd>
    </dl>
  );
}

/** Every step: passed, failed, not run, or still to come. */
function Steps({ steps, running, t }: { steps: StepResult[]; running: boolean; t: Words }): React.ReactElement {
  const s = useStyles();
  const cls = (st: StepResult['status']): string => (st === 'passed' ? s.passed : st === 'failed' ? s.failed : s.notRun);
  return (
    <ol className={s.steps} aria-label={t.steps}>
      {STEP_IDS.map((id) => {
        const done = steps.find((x) => x.id === id);
        return (
          <li key={id} data-testid="selftest-step" data-step={id} data-status={done?.status ?? 'pending'}>
            <span className={`${s.status} ${done ? cls(done.status) : s.notRun}`}>
              {done ? t.status[done.status] : running ? t.running : t.status['not-run']}
            </span>
            {t.step[id]}
            {done?.ms ? `（${done.ms} ${t.ms}）` : ''}
            {done && <span className={s.detail}>{done.detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The report as text to copy and send back, and 再运行. */
function ReportText({ text, t, running, again }: { text: string; t: Words; running: boolean; again: () => void }): React.ReactElement {
  const s = useStyles();
  const [copied, setCopied] = React.useState<string | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t.copied);
    } catch {
      setCopied(t.copyFailed);
    }
  };
  return (
    <>
      <label htmlFor="selftest-report">{t.reportLabel}</label>
      <textarea
        id="selftest-report"
        className={s.report}
        readOnly
        value={text}
        data-testid="selftest-report"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className={s.row}>
        <Button size="small" onClick={() => void copy()} data-testid="selftest-copy">
          {t.copy}
        </Button>
        <Button size="small" onClick={again} disabledFocusable={running} data-testid="selftest-again">
          {t.again}
        </Button>
        {copied && <span role="status">{copied}</span>}
      </div>
    </>
  );
}

export default function SelfTestPanel({
  actions,
  language,
  version,
}: {
  actions: SelfTestActions;
  language: string;
  version: string;
}): React.ReactElement {
  const s = useStyles();
  const t = selfTestStrings(language);
  const { steps, report, running, again } = useSelfTest(actions);
  return (
    <div className={s.root} data-testid="selftest">
      <Environment env={actions.environment()} t={t} />
      <Steps steps={steps} running={running} t={t} />
      {running && <Busy label={t.running} />}
      {report && (
        <Notice intent={report.passed ? 'success' : 'error'} data-testid="selftest-summary">
          <NoticeBody>{report.passed ? t.allPassed : t.someFailed}</NoticeBody>
        </Notice>
      )}
      {report && <ReportText key={report.at} text={reportText(report, version)} t={t} running={running} again={again} />}
    </div>
  );
}
