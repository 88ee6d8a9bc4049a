import * as React from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Busy, Notice, NoticeBody } from './Notice';
import type { WorkbookHost } from '../../host/types';
import { headingsOf, narrativeFromWorkbook, paragraphRows, type WorkbookNarrative } from '../../app/service';
import { describeCell } from '../../report/layout';
import type { CellKey } from '../../report/types';
import { PROSE_SHEET } from '../../report/prose';
import { parseFee } from '../../report/parse';
import type { Strings } from '../i18n';
import { useAction } from './useAction';

/** Units written right after a number in the generated text. */
const UNIT = /^(?:%|件|万元|元|个|项|条|次|人)/;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  h2: { margin: 0, fontSize: '15px', fontWeight: 600 },
  h3: { margin: '4px 0 2px', fontSize: '13px', fontWeight: 600 },
  h4: { margin: '0 0 2px', fontSize: '13px', fontWeight: 600 },
  para: { margin: 0, lineHeight: '1.7', textIndent: '2em' },
  blocked: { margin: 0, lineHeight: '1.6', color: tokens.colorPaletteRedForeground1 },
  nowrap: { whiteSpace: 'nowrap' },
  num: {
    border: 'none',
    background: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    padding: '0 2px',
    font: 'inherit',
    cursor: 'pointer',
    borderRadius: '2px',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

type Msg = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

/** The speaker and the 信息处理费 the person types once: 生成文字 and 导出 both use them (state kept by App). */
export interface ProseSettings {
  who: string;
  setWho: (v: string) => void;
  feeText: string;
  setFeeText: (v: string) => void;
}

export function NarrativePanel({
  host,
  strings,
  prose,
}: {
  host: WorkbookHost;
  strings: Strings;
  prose: ProseSettings;
}): React.ReactElement {
  const s = useStyles();
  const { who, setWho, feeText, setFeeText } = prose;
  const [result, setResult] = React.useState<WorkbookNarrative | null>(null);
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const fail = (m: string): void => setMsg({ intent: 'error', text: strings.message(m) });
  const feeValid = parseFee(feeText).valid;

  const generate = async (): Promise<void> => {
    setMsg(null);
    const r = await run(() => narrativeFromWorkbook(host, { who, fee: parseFee(feeText).fee }), fail);
    if (r === undefined) return;
    if (r === null) {
      setResult(null);
      setMsg({ intent: 'info', text: strings.noTables });
      return;
    }
    setResult(r);
    if (r.paragraphs.some((p) => p.blocked)) setMsg({ intent: 'warning', text: strings.blockedNote });
  };
  const copy = async (): Promise<void> => {
    if (!result) return;
    const text = result.paragraphs
      .filter((p) => !p.blocked)
      .map((p) => `${headingsOf(p).join('\n')}\n${p.text}`)
      .join('\n\n');
    try {
      await navigator.clipboard.writeText(text);
      setMsg({ intent: 'success', text: strings.copied });
    } catch {
      setMsg({ intent: 'warning', text: strings.copyFailed });
    }
  };
  const insert = async (): Promise<void> => {
    if (!result) return;
    const sheet = await run(() => host.insertProse(PROSE_SHEET, paragraphRows(result.paragraphs)), fail);
    if (sheet)
      setMsg(
        sheet === PROSE_SHEET
          ? { intent: 'success', text: strings.proseInserted(sheet) }
          : { intent: 'warning', text: strings.proseInsertedBeside(sheet, PROSE_SHEET) },
      );
  };
  const select = (cells: CellKey[]): void => {
    const first = result?.where.get(cells[0]);
    if (first) void run(() => host.selectCells(first.tableName, [{ r: first.r, c: first.c }]), fail);
  };

  return (
    <section className={s.panel} aria-labelledby="narrative-h">
      <h2 id="narrative-h" className={s.h2}>
        {strings.narrativeSection}
      </h2>
      <div className={s.row}>
        <Field label={strings.who} hint={strings.whoHint}>
          <Input
            value={who}
            onChange={(_, d) => setWho(d.value)}
            maxLength={30}
            placeholder={result?.agency ?? strings.whoPlaceholder}
            style={{ width: '150px' }}
            data-testid="who"
          />
        </Field>
        <Field
          label={strings.fee}
          hint={strings.feeHint}
          validationState={feeValid ? 'none' : 'error'}
          validationMessage={feeValid ? undefined : strings.feeInvalid}
        >
          <Input
            value={feeText}
            onChange={(_, d) => setFeeText(d.value)}
            inputMode="decimal"
            style={{ width: '110px' }}
            data-testid="fee"
          />
        </Field>
      </div>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={!feeValid} disabledFocusable={busy} data-testid="generate">
          {result ? strings.regenerate : strings.generate}
        </Button>
        <Button onClick={() => void copy()} disabled={!result} disabledFocusable={busy} data-testid="copy">
          {strings.copy}
        </Button>
        <Button onClick={() => void insert()} disabled={!result} disabledFocusable={busy} data-testid="insert-prose">
          {strings.insertProse}
        </Button>
        {busy && <Busy label={strings.working} />}
      </div>
      {msg && (
        <Notice intent={msg.intent} data-testid="narrative-message" layout="multiline">
          <NoticeBody>{msg.text}</NoticeBody>
        </Notice>
      )}
      {result?.paragraphs.map((p) => (
        <div key={p.section} data-testid="paragraph" data-section={p.section}>
          <h3 className={s.h3}>{p.title}</h3>
          {p.part && <h4 className={s.h4}>{p.part}</h4>}
          <p className={p.blocked ? s.blocked : s.para}>
            {p.blocked
              ? strings.message(p.text)
              : p.segments.map((seg, i) => {
                  if (!seg.cells?.length) {
                    // a unit right after a number stays on its line ("5.3%", "48件")
                    const unit = i > 0 && p.segments[i - 1].cells?.length ? (UNIT.exec(seg.text)?.[0] ?? '') : '';
                    return <React.Fragment key={i}>{seg.text.slice(unit.length)}</React.Fragment>;
                  }
                  const next = p.segments[i + 1];
                  const unit = next && !next.cells?.length ? (UNIT.exec(next.text)?.[0] ?? '') : '';
                  return (
                    <span key={i} className={s.nowrap}>
                      <button
                        type="button"
                        className={s.num}
                        onClick={() => select(seg.cells as CellKey[])}
                        title={strings.numberTitle(
                          seg.cells
                            .map((k) => result.where.get(k)?.address ?? strings.cell(describeCell(result.format, k)))
                            .slice(0, 3)
                            .join(strings.language === 'en' ? ', ' : '、'),
                        )}
                        data-testid="number"
                        data-cells={seg.cells.join(' ')}
                      >
                        {seg.text}
                      </button>
                      {unit}
                    </span>
                  );
                })}
          </p>
        </div>
      ))}
    </section>
  );
}
