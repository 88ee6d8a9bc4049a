import * as React from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Busy, Notice, NoticeBody } from './Notice';
import type { NarrativeActions, WorkbookNarrative } from '../../app/narrative';
import { paragraphsText } from '../../app/paragraphs';
import type { Paragraph } from '../../report/narrative';
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

/** 生成文字, 复制, 插入到工作表, selecting the cell a number was read from; what the last one said. */
function useNarrative(actions: NarrativeActions, strings: Strings, prose: ProseSettings) {
  const [result, setResult] = React.useState<WorkbookNarrative | null>(null);
  const [msg, setMsg] = React.useState<Msg>(null);
  const { busy, run } = useAction();
  const fail = (m: string): void => setMsg({ intent: 'error', text: strings.message(m) });

  const generate = async (): Promise<void> => {
    setMsg(null);
    const r = await run(() => actions.generate({ who: prose.who, fee: parseFee(prose.feeText).fee }), fail);
    if (r === undefined) return;
    setResult(r);
    if (r === null) setMsg({ intent: 'info', text: strings.noTables });
    else if (r.paragraphs.some((p) => p.blocked)) setMsg({ intent: 'warning', text: strings.blockedNote });
  };
  const copy = async (): Promise<void> => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(paragraphsText(result.paragraphs));
      setMsg({ intent: 'success', text: strings.copied });
    } catch {
      setMsg({ intent: 'warning', text: strings.copyFailed });
    }
  };
  const insert = async (): Promise<void> => {
    if (!result) return;
    const sheet = await run(() => actions.insertProse(result.paragraphs), fail);
    if (sheet)
      setMsg(
        sheet === PROSE_SHEET
          ? { intent: 'success', text: strings.proseInserted(sheet) }
          : { intent: 'warning', text: strings.proseInsertedBeside(sheet, PROSE_SHEET) },
      );
  };
  const select = (cells: CellKey[]): void => {
    const first = result?.where.get(cells[0]);
    if (first) void run(() => actions.selectCell(first), fail);
  };
  return { result, msg, busy, generate, copy, insert, select };
}

/** Who the text speaks as, and the 信息处理费. */
function ProseFields({ prose, strings, agency }: { prose: ProseSettings; strings: Strings; agency?: string }): React.ReactElement {
  const s = useStyles();
  const feeValid = parseFee(prose.feeText).valid;
  return (
    <div className={s.row}>
      <Field label={strings.who} hint={strings.whoHint}>
        <Input
          value={prose.who}
          onChange={(_, d) => prose.setWho(d.value)}
          maxLength={30}
          placeholder={agency ?? strings.whoPlaceholder}
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
          value={prose.feeText}
          onChange={(_, d) => prose.setFeeText(d.value)}
          inputMode="decimal"
          style={{ width: '110px' }}
          data-testid="fee"
        />
      </Field>
    </div>
  );
}

/** A paragraph's text, its numbers buttons that select the cells they were read from. */
function ParagraphText({
  p,
  narrative,
  strings,
  select,
}: {
  p: Paragraph;
  narrative: WorkbookNarrative;
  strings: Strings;
  select: (cells: CellKey[]) => void;
}): React.ReactElement {
  const s = useStyles();
  if (p.blocked) return <p className={s.blocked}>{strings.message(p.text)}</p>;
  const where = (k: CellKey): string => narrative.where.get(k)?.address ?? strings.cell(describeCell(narrative.format, k));
  return (
    <p className={s.para}>
      {p.segments.map((seg, i) => {
        if (!seg.cells?.length) {
          // a unit right after a number stays on its line ("5.3%", "48件")
          const unit = i > 0 && p.segments[i - 1].cells?.length ? (UNIT.exec(seg.text)?.[0] ?? '') : '';
          return <React.Fragment key={i}>{seg.text.slice(unit.length)}</React.Fragment>;
        }
        const next = p.segments[i + 1];
        const unit = next && !next.cells?.length ? (UNIT.exec(next.text)?.[0] ?? '') : '';
        const cells = seg.cells;
        return (
          <span key={i} className={s.nowrap}>
            <button
              type="button"
              className={s.num}
              onClick={() => select(cells)}
              title={strings.numberTitle(
                cells
                  .map(where)
                  .slice(0, 3)
                  .join(strings.language === 'en' ? ', ' : '、'),
              )}
              data-testid="number"
              data-cells={cells.join(' ')}
            >
              {seg.text}
            </button>
            {unit}
          </span>
        );
      })}
    </p>
  );
}

export function NarrativePanel({
  actions,
  strings,
  prose,
}: {
  actions: NarrativeActions;
  strings: Strings;
  prose: ProseSettings;
}): React.ReactElement {
  const s = useStyles();
  const { result, msg, busy, generate, copy, insert, select } = useNarrative(actions, strings, prose);
  return (
    <section className={s.panel} aria-labelledby="narrative-h">
      <h2 id="narrative-h" className={s.h2}>
        {strings.narrativeSection}
      </h2>
      <ProseFields prose={prose} strings={strings} agency={result?.agency} />
      <div className={s.row}>
        <Button
          appearance="primary"
          onClick={() => void generate()}
          disabled={!parseFee(prose.feeText).valid}
          disabledFocusable={busy}
          data-testid="generate"
        >
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
          <ParagraphText p={p} narrative={result} strings={strings} select={select} />
        </div>
      ))}
    </section>
  );
}
