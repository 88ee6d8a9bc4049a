import * as React from 'react';
import { Button, Field, Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { PROSE_SHEET } from '../../report/prose';
import { Busy, Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import type { CheckActions, CheckedSet, CheckResult, LocatedFinding } from '../../app/check';
import type { TableId } from '../../report/types';
import type { Strings } from '../i18n';
import { useAction } from './useAction';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
  h3: { margin: '6px 0 2px', fontSize: '13px', fontWeight: 600 },
  badge: {
    flexShrink: 0,
    padding: '0 6px',
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase100,
    lineHeight: '16px',
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  badgeError: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  badgeWarning: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    gap: '6px',
    alignItems: 'flex-start',
    width: '100%',
    textAlign: 'left',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeft: '4px solid #C00000' },
  warning: { borderLeft: '4px solid #BF8F00' },
  msg: { flex: 1, lineHeight: '1.45' },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: '11px', color: tokens.colorNeutralForeground3 },
});

type Msg = { intent: 'success' | 'error' | 'warning' | 'info'; title?: string; text: string } | null;

function FindingItem({
  f,
  strings,
  onSelect,
}: {
  f: LocatedFinding;
  strings: Strings;
  onSelect: (f: LocatedFinding) => void;
}): React.ReactElement {
  const s = useStyles();
  const where = f.locations[0]?.address;
  return (
    <li>
      <button
        type="button"
        className={`${s.item} ${f.severity === 'error' ? s.error : s.warning}`}
        onClick={() => onSelect(f)}
        title={strings.clickToSelect}
        data-testid="finding"
        data-rule={f.rule}
        data-severity={f.severity}
        aria-label={`${f.severity === 'error' ? strings.error : strings.warning} ${f.rule}${strings.language === 'en' ? ': ' : '：'}${strings.message(f.message)}${where ? (strings.language === 'en' ? ` (${where})` : `（${where}）`) : ''}`}
      >
        <span className={mergeClasses(s.badge, f.severity === 'error' ? s.badgeError : s.badgeWarning)}>
          {f.severity === 'error' ? strings.error : strings.warning}
        </span>
        <span className={s.msg}>
          {strings.message(f.message)}
          <br />
          <span className={s.rule}>
            {f.rule}
            {where ? ` · ${where}` : ''}
          </span>
        </span>
      </button>
    </li>
  );
}

/** 校验, 清除标记, selecting a finding's cells, registering tables found by their labels; what the last one said. */
function useCheck(actions: CheckActions, strings: Strings, defaultYear: number, proseSheet: string) {
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const fail = (m: string): void => setMsg({ intent: 'error', text: strings.message(m) });

  const check = async (): Promise<void> => {
    setMsg(null);
    const r = await run(() => actions.check({ proseSheet: proseSheet.trim() || PROSE_SHEET }), fail);
    if (!r) return;
    setResult(r);
    if (!r.sets.length && !r.lost.length) setMsg({ intent: 'info', text: strings.noTables });
    else if (r.errors + r.warnings === 0 && !r.lost.length)
      setMsg({ intent: 'success', text: r.sets.map((x) => strings.allGood(strings.setTitle(x.title))).join(' ') });
    else setMsg({ intent: r.errors ? 'error' : 'warning', text: strings.summary(r.errors, r.warnings) });
  };
  const clear = async (): Promise<void> => {
    const n = await run(() => actions.clearMarks(), fail);
    if (n === undefined) return;
    setResult(null);
    setMsg({ intent: 'info', text: strings.cleared(n) });
  };
  const select = (f: LocatedFinding): void => void run(() => actions.select(f), fail);
  const register = async (): Promise<void> => {
    if (!result?.unregistered.length) return;
    const refs = await run(() => actions.register(result.unregistered, defaultYear), fail);
    if (!refs) return;
    await check();
    setMsg({ intent: 'success', text: strings.registered(refs.length) });
  };
  return { result, msg, busy, check, clear, select, register };
}

/** What the read says beside the findings: its notes, tables found by their labels (offered to be registered), lost tables. */
function ReadNotices({
  result,
  strings,
  busy,
  register,
}: {
  result: CheckResult;
  strings: Strings;
  busy: boolean;
  register: () => void;
}): React.ReactElement {
  const list = (items: string[], en: string, zh: string): string => items.join(strings.language === 'en' ? en : zh);
  return (
    <>
      {result.notes.map((n) => (
        <Notice key={n} intent="info" layout="multiline" data-testid="check-note">
          <NoticeBody>{n}</NoticeBody>
        </Notice>
      ))}
      {result.unregistered.length ? (
        <Notice intent="info" layout="multiline" data-testid="unregistered">
          <NoticeBody>
            {strings.recognised(
              result.unregistered[0].sheet,
              list(
                result.unregistered.map((t) => strings.tableShort(t.table)),
                ', ',
                '、',
              ),
            )}
          </NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={register} disabledFocusable={busy} data-testid="register">
              {strings.register}
            </Button>
          </NoticeActions>
        </Notice>
      ) : null}
      {result.lost.length ? (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>
            {strings.lostTables}{' '}
            {list(
              result.lost.map((l) => strings.message(l.reason)),
              '; ',
              '；',
            )}
          </NoticeBody>
        </Notice>
      ) : null}
    </>
  );
}

/** One set's findings, table by table, then those of the prose. */
function SetFindings({
  set,
  titled,
  strings,
  onSelect,
}: {
  set: CheckedSet;
  titled: boolean;
  strings: Strings;
  onSelect: (f: LocatedFinding) => void;
}): React.ReactElement {
  const s = useStyles();
  return (
    <div aria-label={strings.setTitle(set.title)}>
      {titled && <Text weight="semibold">{strings.setTitle(set.title)}</Text>}
      {[...set.tables, 'text' as const].map((t: TableId | 'text') => {
        const fs = set.findings.filter((f) => f.table === t);
        if (!fs.length) return null;
        const e = fs.filter((f) => f.severity === 'error').length;
        return (
          <div key={t}>
            <h3 className={s.h3}>
              {t === 'text' ? strings.proseFindings : strings.tableName(t)}
              {strings.counts(e, fs.length - e)}
            </h3>
            <ul className={s.list}>
              {fs.map((f) => (
                <FindingItem key={f.id} f={f} strings={strings} onSelect={onSelect} />
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export function CheckPanel({
  actions,
  strings,
  defaultYear,
  proseSheet,
  setProseSheet,
}: {
  actions: CheckActions;
  strings: Strings;
  defaultYear: number;
  proseSheet: string;
  setProseSheet: (v: string) => void;
}): React.ReactElement {
  const s = useStyles();
  const { result, msg, busy, check, clear, select, register } = useCheck(actions, strings, defaultYear, proseSheet);
  return (
    <section className={s.panel} aria-labelledby="check-h">
      <h2 id="check-h" className={s.h2}>
        {strings.checkSection}
      </h2>
      <Field label={strings.proseSheet} hint={strings.proseSheetHint}>
        <Input value={proseSheet} onChange={(_, d) => setProseSheet(d.value)} maxLength={31} data-testid="prose-sheet" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void check()} disabledFocusable={busy} data-testid="check">
          {strings.check}
        </Button>
        <Button onClick={() => void clear()} disabledFocusable={busy} data-testid="clear">
          {strings.clear}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      {msg && (
        <Notice intent={msg.intent} data-testid="check-message" layout="multiline">
          <NoticeBody>
            {msg.title && <NoticeTitle>{msg.title}</NoticeTitle>}
            {msg.text}
          </NoticeBody>
        </Notice>
      )}
      {result && <ReadNotices result={result} strings={strings} busy={busy} register={() => void register()} />}
      {result?.sets.map((set) => (
        <SetFindings key={set.title} set={set} titled={result.sets.length > 1} strings={strings} onSelect={select} />
      ))}
    </section>
  );
}
