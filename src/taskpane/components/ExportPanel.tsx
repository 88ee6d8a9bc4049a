import * as React from 'react';
import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { Busy, Notice, NoticeBody } from './Notice';
import type { ExportActions, ExportKind } from '../../app/export';
import type { Strings } from '../i18n';
import { useAction } from './useAction';
import { downloadBlob } from '../download';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
});

type Msg = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

export function ExportPanel({
  actions,
  strings,
  who,
  fee,
  proseSheet,
}: {
  actions: ExportActions;
  strings: Strings;
  who?: string;
  fee?: number | null;
  proseSheet?: string;
}): React.ReactElement {
  const s = useStyles();
  const [agency, setAgency] = React.useState('');
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();

  const doExport = async (kind: ExportKind): Promise<void> => {
    setMsg(null);
    const r = await run(
      () => actions.export(kind, { agency, who, fee, proseSheet }),
      (m) => setMsg({ intent: 'error', text: strings.message(m) }),
    );
    if (r === undefined) return;
    if (r === null) {
      setMsg({ intent: 'info', text: strings.noTables });
      return;
    }
    downloadBlob(r.blob, r.fileName);
    setMsg(
      r.errors
        ? { intent: 'warning', text: strings.exportedWithErrors(r.fileName, r.errors) }
        : { intent: 'success', text: strings.exported(r.fileName) },
    );
  };

  return (
    <section className={s.panel} aria-labelledby="export-h">
      <h2 id="export-h" className={s.h2}>
        {strings.exportSection}
      </h2>
      <Field label={strings.agency} hint={strings.exportAgencyHint}>
        <Input
          value={agency}
          onChange={(_, d) => setAgency(d.value)}
          placeholder={strings.agencyPlaceholder}
          maxLength={60}
          data-testid="export-agency"
        />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabledFocusable={busy} onClick={() => void doExport('docx')} data-testid="export-docx">
          {strings.exportWord}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void doExport('html')} data-testid="export-html">
          {strings.exportHtml}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      {msg && (
        <Notice intent={msg.intent} layout="multiline" data-testid="export-message">
          <NoticeBody>{msg.text}</NoticeBody>
        </Notice>
      )}
    </section>
  );
}
