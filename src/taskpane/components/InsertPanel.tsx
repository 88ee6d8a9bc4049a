import * as React from 'react';
import { Button, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Busy, Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import type { InsertActions, InsertWhere } from '../../app/insert';
import { formatForYear, reportYear, TABLE_IDS, type FormatId, type TableId } from '../../report/types';
import type { Strings } from '../i18n';
import { useAction } from './useAction';

const useStyles = makeStyles({
  check: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    '& input': { width: '16px', height: '16px', margin: 0, accentColor: tokens.colorBrandBackground },
  },
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
});

type Msg = { intent: 'success' | 'error' | 'warning'; title?: string; text: string; retryOnNewSheet?: TableId[] } | null;

/** What the person fills in before inserting. */
interface InsertForm {
  yearText: string;
  agency: string;
  formatChoice: 'auto' | FormatId;
  formulas: boolean;
  target: InsertWhere;
}

/** Inserting, and what the last insertion said (with the offer of a new sheet when the area was in use). */
function useInsert(actions: InsertActions, strings: Strings, form: InsertForm) {
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const insert = async (tables: TableId[], where: InsertWhere = form.target): Promise<void> => {
    setMsg(null);
    const options = {
      year: Number(form.yearText),
      agency: form.agency,
      format: form.formatChoice === 'auto' ? undefined : form.formatChoice,
      tables,
      formulas: form.formulas,
    };
    const outcome = await run(
      () => actions.insert(options, where),
      (m) => setMsg({ intent: 'error', title: strings.insertFailedTitle, text: strings.message(m) }),
    );
    if (!outcome) return;
    if (outcome.ok) setMsg({ intent: 'success', text: strings.inserted(outcome.address, outcome.sheet) });
    else
      setMsg({
        intent: outcome.reason === 'occupied' ? 'warning' : 'error',
        title: strings.insertFailedTitle,
        text: strings.message(outcome.message),
        retryOnNewSheet: outcome.reason === 'occupied' || outcome.reason === 'protected' ? tables : undefined,
      });
  };
  return { msg, busy, insert };
}

/** Year, 单位名称, format, where, formulas. */
function InsertFields({
  form,
  set,
  strings,
  defaultYear,
}: {
  form: InsertForm;
  set: (change: Partial<InsertForm>) => void;
  strings: Strings;
  defaultYear: number;
}): React.ReactElement {
  const s = useStyles();
  const yearValid = reportYear(form.yearText) !== null;
  const autoFormat = formatForYear(yearValid ? Number(form.yearText) : defaultYear);
  return (
    <>
      <Field
        label={strings.year}
        hint={strings.yearHint}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : strings.yearInvalid(form.yearText)}
      >
        <Input value={form.yearText} inputMode="numeric" maxLength={4} onChange={(_, d) => set({ yearText: d.value })} data-testid="year" />
      </Field>
      <Field label={strings.agency}>
        <Input
          value={form.agency}
          placeholder={strings.agencyPlaceholder}
          onChange={(_, d) => set({ agency: d.value })}
          maxLength={60}
          data-testid="agency"
        />
      </Field>
      <Field label={strings.format}>
        <RadioGroup value={form.formatChoice} onChange={(_, d) => set({ formatChoice: d.value as 'auto' | FormatId })} data-testid="format">
          <Radio value="auto" label={strings.formatAuto(autoFormat)} />
          <Radio value="2021" label={strings.format2021} />
          <Radio value="2019" label={strings.format2019} />
        </RadioGroup>
      </Field>
      <Field label={strings.target}>
        <RadioGroup value={form.target} onChange={(_, d) => set({ target: d.value as InsertWhere })} layout="horizontal">
          <Radio value="newSheet" label={strings.targetNewSheet} />
          <Radio value="selection" label={strings.targetSelection} />
        </RadioGroup>
      </Field>
      <label className={s.check}>
        <input type="checkbox" checked={form.formulas} onChange={(e) => set({ formulas: e.target.checked })} data-testid="formulas" />
        {strings.formulas}
      </label>
    </>
  );
}

/** 插入全部表格, and one button per table. */
function InsertButtons({
  strings,
  disabled,
  busy,
  insert,
}: {
  strings: Strings;
  disabled: boolean;
  busy: boolean;
  insert: (tables: TableId[]) => void;
}): React.ReactElement {
  const s = useStyles();
  return (
    <>
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={disabled}
          disabledFocusable={busy}
          onClick={() => insert([...TABLE_IDS])}
          data-testid="insert-all"
        >
          {strings.insertAll}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      <div className={s.row}>
        {TABLE_IDS.map((t) => (
          <Button key={t} size="small" disabled={disabled} disabledFocusable={busy} onClick={() => insert([t])} data-testid={`insert-${t}`}>
            {strings.insertOne(strings.tableShort(t))}
          </Button>
        ))}
      </div>
    </>
  );
}

export function InsertPanel({
  actions,
  strings,
  defaultYear,
}: {
  actions: InsertActions;
  strings: Strings;
  defaultYear: number;
}): React.ReactElement {
  const s = useStyles();
  const [form, setForm] = React.useState<InsertForm>({
    yearText: String(defaultYear),
    agency: '',
    formatChoice: 'auto',
    formulas: true,
    target: 'newSheet',
  });
  const set = (change: Partial<InsertForm>): void => setForm((f) => ({ ...f, ...change }));
  const { msg, busy, insert } = useInsert(actions, strings, form);
  return (
    <section className={s.panel} aria-labelledby="insert-h">
      <h2 id="insert-h" className={s.h2}>
        {strings.insertSection}
      </h2>
      <InsertFields form={form} set={set} strings={strings} defaultYear={defaultYear} />
      <InsertButtons strings={strings} disabled={reportYear(form.yearText) === null} busy={busy} insert={(t) => void insert(t)} />
      {msg && (
        <Notice intent={msg.intent} data-testid="insert-message" layout="multiline">
          <NoticeBody>
            {msg.title && <NoticeTitle>{msg.title}</NoticeTitle>}
            {msg.text}
          </NoticeBody>
          {msg.retryOnNewSheet && (
            <NoticeActions>
              <Button
                size="small"
                onClick={() => void insert(msg.retryOnNewSheet ?? [...TABLE_IDS], 'newSheet')}
                data-testid="retry-new-sheet"
              >
                {strings.offerNewSheet}
              </Button>
            </NoticeActions>
          )}
        </Notice>
      )}
    </section>
  );
}
