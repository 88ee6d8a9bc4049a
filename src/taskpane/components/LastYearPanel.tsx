import * as React from 'react';
import { Button, Field, makeStyles, Textarea } from '@fluentui/react-components';
import { Busy, Notice, NoticeBody } from './Notice';
import type { WorkbookHost } from '../../host/types';
import { importLastYear, importLastYearPdf, importLastYearWorkbook } from '../../app/service';
import { decodeText } from '../../report/import/decode';
import type { Strings } from '../i18n';
import { useAction } from './useAction';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
});

type Msg = { intent: 'success' | 'error' | 'warning'; text: string; problems?: string[] } | null;

/** 导入上年报告: paste last year's published report or open its file; kept in the workbook for the cross-year checks. */
export function LastYearPanel({
  host,
  strings,
  defaultYear,
}: {
  host: WorkbookHost;
  strings: Strings;
  defaultYear: number;
}): React.ReactElement {
  const s = useStyles();
  const [text, setText] = React.useState('');
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const fileRef = React.useRef<HTMLInputElement>(null);
  const fail = (m: string): void => setMsg({ intent: 'error', text: strings.message(m) });

  const importFrom = async (source: string, fileName: string): Promise<void> => {
    setMsg(null);
    const r = await run(() => importLastYear(host, source, fileName), fail);
    if (!r) return;
    setMsg({
      intent: r.ok ? (r.problems.length ? 'warning' : 'success') : 'error',
      text: strings.message(r.message),
      problems: r.problems.map(strings.message),
    });
    if (r.ok) setText('');
  };
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    if (!file) return;
    const legacy = /\.(xls|et|ett)$/i.exec(file.name)?.[1].toLowerCase();
    if (legacy) {
      setMsg({ intent: 'error', text: strings.lastYearLegacy(file.name, legacy === 'xls' ? 'xls' : 'et') });
      if (fileRef.current) fileRef.current.value = '';
      return;
    }
    if (!/\.(txt|html?|json|xlsx|pdf)$/i.test(file.name)) {
      setMsg({ intent: 'error', text: strings.lastYearFileType(file.name) });
      return;
    }
    if (/\.xlsx$/i.test(file.name)) {
      setMsg(null);
      const bytes = await file.arrayBuffer();
      const r = await run(() => importLastYearWorkbook(host, bytes, defaultYear - 1), fail);
      if (r) setMsg({ intent: r.ok ? 'success' : 'error', text: strings.message(r.message), problems: r.problems.map(strings.message) });
    } else if (/\.pdf$/i.test(file.name)) {
      setMsg(null);
      const bytes = await file.arrayBuffer();
      const r = await run(() => importLastYearPdf(host, bytes, file.name), fail);
      if (r)
        setMsg({
          intent: r.ok ? (r.problems.length ? 'warning' : 'success') : 'error',
          text: strings.message(r.message),
          problems: r.problems.map(strings.message),
        });
    } else await importFrom(decodeText(new Uint8Array(await file.arrayBuffer())), file.name);
    if (fileRef.current) fileRef.current.value = '';
  };
  const remove = async (): Promise<void> => {
    const done = await run(async () => {
      await host.storeLastYear(null);
      return true;
    }, fail);
    if (done) setMsg({ intent: 'success', text: strings.lastYearRemoved });
  };

  return (
    <section className={s.panel} aria-labelledby="last-year-h">
      <h2 id="last-year-h" className={s.h2}>
        {strings.lastYearSection}
      </h2>
      <Field label={strings.lastYearPaste} hint={strings.lastYearHint}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={3} data-testid="last-year-text" />
      </Field>
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={!text.trim()}
          disabledFocusable={busy}
          onClick={() => void importFrom(text, '')}
          data-testid="last-year-import"
        >
          {strings.lastYearImport}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void remove()} data-testid="last-year-remove">
          {strings.lastYearRemove}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      <div className={s.row}>
        <input
          ref={fileRef}
          id="last-year-file"
          type="file"
          accept=".txt,.html,.htm,.json,.xlsx,.pdf,.xls,.et"
          hidden
          onChange={(e) => void onFile(e)}
          data-testid="last-year-file"
        />
        <Button disabledFocusable={busy} onClick={() => fileRef.current?.click()} data-testid="last-year-open">
          {strings.lastYearFile}
        </Button>
      </div>
      {msg && (
        <Notice intent={msg.intent} layout="multiline" data-testid="last-year-message">
          <NoticeBody>
            {msg.text}
            {msg.problems?.length ? (
              <ul>
                {msg.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </NoticeBody>
        </Notice>
      )}
    </section>
  );
}
