import * as React from 'react';
import { Button, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Busy, Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import type { WorkbookHost } from '../../host/types';
import { defaultSheetName, insertTables } from '../../app/service';
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

export function InsertPanel({
  host,
  strings,
  defaultYear,
}: {
  host: WorkbookHost;
  strings: Strings;
  defaultYear: number;
}): React.ReactElement {
  const s = useStyles();
  const [yearText, setYearText] = React.useState(String(defaultYear));
  const [agency, setAgency] = React.useState('');
  const [formatChoice, setFormatChoice] = React.useState<'auto' | FormatId>('auto');
  const [formulas, setFormulas] = React.useState(true);
  const [target, setTarget] = React.useState<'selection' | 'newSheet'>('newSheet');
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const year = Number(yearText);
  const yearValid = reportYear(yearText) !== null;
  const autoFormat = formatForYear(yearValid ? year : defaultYear);

  const doInsert = async (tables: TableId[], where: 'selection' | 'newSheet' = target): Promise<void> => {
    setMsg(null);
    const outcome = await run(
      async () => {
        const sheetTarget =
          where === 'newSheet'
            ? { kind: 'newSheet' as const, name: defaultSheetName(year, await host.sheetNames()) }
            : { kind: 'selection' as const };
        return insertTables(host, {
          year,
          agency,
          format: formatChoice === 'auto' ? undefined : formatChoice,
          tables,
          formulas,
          target: sheetTarget,
        });
      },
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

  return (
    <section className={s.panel} aria-labelledby="insert-h">
      <h2 id="insert-h" className={s.h2}>
        {strings.insertSection}
      </h2>
      <Field
        label={strings.year}
        hint={strings.yearHint}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : strings.yearInvalid(yearText)}
      >
        <Input value={yearText} inputMode="numeric" maxLength={4} onChange={(_, d) => setYearText(d.value)} data-testid="year" />
      </Field>
      <Field label={strings.agency}>
        <Input
          value={agency}
          placeholder={strings.agencyPlaceholder}
          onChange={(_, d) => setAgency(d.value)}
          maxLength={60}
          data-testid="agency"
        />
      </Field>
      <Field label={strings.format}>
        <RadioGroup value={formatChoice} onChange={(_, d) => setFormatChoice(d.value as 'auto' | FormatId)} data-testid="format">
          <Radio value="auto" label={strings.formatAuto(autoFormat)} />
          <Radio value="2021" label={strings.format2021} />
          <Radio value="2019" label={strings.format2019} />
        </RadioGroup>
      </Field>
      <Field label={strings.target}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as 'selection' | 'newSheet')} layout="horizontal">
          <Radio value="newSheet" label={strings.targetNewSheet} />
          <Radio value="selection" label={strings.targetSelection} />
        </RadioGroup>
      </Field>
      <label className={s.check}>
        <input type="checkbox" checked={formulas} onChange={(e) => setFormulas(e.target.checked)} data-testid="formulas" />
        {strings.formulas}
      </label>
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!yearValid}
          disabledFocusable={busy}
          onClick={() => void doInsert([...TABLE_IDS])}
          data-testid="insert-all"
        >
          {strings.insertAll}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      <div className={s.row}>
        {TABLE_IDS.map((t) => (
          <Button
            key={t}
            size="small"
            disabled={!yearValid}
            disabledFocusable={busy}
            onClick={() => void doInsert([t])}
            data-testid={`insert-${t}`}
          >
            {strings.insertOne(strings.tableShort(t))}
          </Button>
        ))}
      </div>
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
                onClick={() => void doInsert(msg.retryOnNewSheet ?? [...TABLE_IDS], 'newSheet')}
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
