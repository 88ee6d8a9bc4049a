import * as React from 'react';
import { Button, Field, makeStyles, Textarea } from '@fluentui/react-components';
import { Busy, Notice, NoticeBody } from './Notice';
import type { LastYearActions, LastYearImport } from '../../app/lastYear';
import { decodeText } from '../../report/import/decode';
import type { Strings } from '../i18n';
import { useAction } from './useAction';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
});

type Msg = { intent: 'success' | 'error' | 'warning'; text: string; problems?: string[] } | null;

/** Importing from pasted text or a file, removing; what the last one said. */
function useLastYear(actions: LastYearActions, strings: Strings, defaultYear: number, clearText: () => void) {
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const fail = (m: string): void => setMsg({ intent: 'error', text: strings.message(m) });
  /** Runs an import and says how it went (a warning when it was kept with problems). */
  const importWith = async (fn: () => Promise<LastYearImport>): Promise<boolean> => {
    setMsg(null);
    const r = await run(fn, fail);
    if (!r) return false;
    const intent = r.ok ? (r.problems.length ? 'warning' : 'success') : 'error';
    setMsg({ intent, text: strings.message(r.message), problems: r.problems.map(strings.message) });
    return r.ok;
  };
  const importText = async (source: string, fileName: string): Promise<void> => {
    if (await importWith(() => actions.importText(source, fileName))) clearText();
  };
  /** A chosen file: refused with a reason when it is not one that can be read. */
  const importFile = async (file: File): Promise<void> => {
    const legacy = /\.(xls|et|ett)$/i.exec(file.name)?.[1].toLowerCase();
    if (legacy) setMsg({ intent: 'error', text: strings.lastYearLegacy(file.name, legacy === 'xls' ? 'xls' : 'et') });
    else if (!/\.(txt|html?|json|xlsx|pdf)$/i.test(file.name)) setMsg({ intent: 'error', text: strings.lastYearFileType(file.name) });
    else if (/\.xlsx$/i.test(file.name)) {
      const bytes = await file.arrayBuffer();
      await importWith(() => actions.importWorkbook(bytes, defaultYear - 1));
    } else if (/\.pdf$/i.test(file.name)) {
      const bytes = await file.arrayBuffer();
      await importWith(() => actions.importPdf(bytes, file.name));
    } else await importText(decodeText(new Uint8Array(await file.arrayBuffer())), file.name);
  };
  const remove = async (): Promise<void> => {
    const done = await run(async () => {
      await actions.remove();
      return true;
    }, fail);
    if (done) setMsg({ intent: 'success', text: strings.lastYearRemoved });
  };
  return { msg, busy, importText, importFile, remove };
}

/** 导入上年报告: paste last year's published report or open its file; kept in the workbook for the cross-year checks. */
export function LastYearPanel({
  actions,
  strings,
  defaultYear,
}: {
  actions: LastYearActions;
  strings: Strings;
  defaultYear: number;
}): React.ReactElement {
  const s = useStyles();
  const [text, setText] = React.useState('');
  const fileRef = React.useRef<HTMLInputElement>(null);
  const { msg, busy, importText, importFile, remove } = useLastYear(actions, strings, defaultYear, () => setText(''));
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    if (!file) return;
    await importFile(file);
    // the same file can be chosen again
    if (fileRef.current) fileRef.current.value = '';
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
          onClick={() => void importText(text, '')}
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
