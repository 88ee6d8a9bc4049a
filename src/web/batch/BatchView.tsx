/**
 * 批量核查 for reviewers: choose or drop many report files → progress while they are read → a table of reports
 * (文件, 单位, 年度, 错误, 提示, or 无法读取 with the reason), each row opening its findings → 下载汇总 (the workbook
 * `ogi-report check --summary xlsx` writes, or the CSV). Default export, to be imported lazily by the page.
 */
import * as React from 'react';
import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Finding } from '../../report/types';
import type { FileResult, PdfTextReader } from '../../file/input';
import { findingPlace } from '../../file/summary';
import { downloadBlob } from '../../taskpane/download';
import { checkBatch, summaryCsvText, summaryWorkbookBytes, type BatchFile, type BatchOutcome, type BatchProgress } from './batch';
import { chosenFiles, droppedFiles } from './files';
import { loadBatchStrings, zh, type BatchStrings } from './strings';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', maxWidth: '1100px' },
  h2: { margin: 0, fontSize: '18px', fontWeight: 600 },
  drop: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '16px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  num: { textAlign: 'right', width: '64px' },
  year: { width: '72px' },
  unreadable: { color: tokens.colorPaletteRedForeground1 },
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
  list: { listStyle: 'none', margin: '4px 0', padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    gap: '6px',
    alignItems: 'flex-start',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { borderLeft: '4px solid #C00000' },
  warning: { borderLeft: '4px solid #BF8F00' },
  msg: { flex: 1, lineHeight: '1.45' },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: '11px', color: tokens.colorNeutralForeground3 },
});

export interface BatchViewProps {
  /** The page's language ('zh', 'zh-CN', 'en', 'en-US' …): Chinese unless it is English. */
  lang?: string;
  /** Reads a PDF's text layer (default: src/pdf/browser.ts, loaded on the first PDF, pdf.js from the site's pdfjs/). */
  readPdf?: PdfTextReader;
}

const browserPdf: PdfTextReader = async (data) => (await import(/* webpackChunkName: "pdf" */ '../../pdf/browser')).readPdfText(data);

const shown = (v: Finding['expected']): string => (v === null || v === undefined ? '' : String(v));

function FindingItem({ f, result, strings }: { f: Finding; result: FileResult; strings: BatchStrings }): React.ReactElement {
  const s = useStyles();
  const { table, cell } = findingPlace(result.format, f);
  const place = strings.place(table && strings.table(table), cell && strings.cell(cell));
  const hasValues = shown(f.expected) !== '' || shown(f.actual) !== '';
  // a side the finding does not give is a blank cell (BLANK: expected 0, found nothing)
  const side = (v: Finding['expected']): string => shown(v) || strings.blank;
  return (
    <li className={mergeClasses(s.item, f.severity === 'error' ? s.error : s.warning)} data-testid="batch-finding" data-rule={f.rule}>
      <span className={mergeClasses(s.badge, f.severity === 'error' ? s.badgeError : s.badgeWarning)}>
        {f.severity === 'error' ? strings.error : strings.warning}
      </span>
      <span className={s.msg}>
        {strings.message(f.message)}
        {place || hasValues ? (
          <>
            <br />
            <span className={s.detail}>
              {[place, hasValues ? strings.expectedFound(side(f.expected), side(f.actual)) : ''].filter(Boolean).join(' · ')}
            </span>
          </>
        ) : null}
        <br />
        <span className={s.rule}>{strings.rule(f.rule)}</span>
      </span>
    </li>
  );
}

function ReportRows({
  result,
  index,
  open,
  onToggle,
  strings,
}: {
  result: FileResult;
  index: number;
  open: boolean;
  onToggle: (i: number) => void;
  strings: BatchStrings;
}): React.ReactElement {
  const s = useStyles();
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const listId = `batch-findings-${index}`;
  return (
    <>
      <TableRow data-testid="batch-row">
        <TableCell>{result.file}</TableCell>
        <TableCell>{result.agency ?? strings.agencyUnknown}</TableCell>
        <TableCell>{result.year ?? strings.yearUnknown}</TableCell>
        <TableCell className={s.num}>{errors}</TableCell>
        <TableCell className={s.num}>{result.findings.length - errors}</TableCell>
        <TableCell>
          {result.findings.length ? (
            <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={listId} onClick={() => onToggle(index)}>
              {open ? strings.hideFindings : strings.showFindings(result.findings.length)}
            </Button>
          ) : (
            strings.noFindings
          )}
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow>
          <TableCell colSpan={6}>
            <ul className={s.list} id={listId} aria-label={strings.findingsOf(result.file, result.year)}>
              {result.findings.map((f, j) => (
                <FindingItem key={j} f={f} result={result} strings={strings} />
              ))}
            </ul>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/** The batch's state: the strings, progress, the outcome, which reports are open, a notice. */
function useBatch(lang: string | undefined, readPdf: PdfTextReader) {
  const english = !!lang && /^en\b/i.test(lang);
  const [strings, setStrings] = React.useState<BatchStrings | null>(english ? null : zh);
  const [progress, setProgress] = React.useState<BatchProgress | null>(null);
  const [outcome, setOutcome] = React.useState<BatchOutcome | null>(null);
  const [open, setOpen] = React.useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = React.useState<string | null>(null);
  const running = progress !== null && progress.done < progress.total;

  React.useEffect(() => {
    let live = true;
    loadBatchStrings(lang).then(
      (x) => live && setStrings(x),
      () => live && setStrings(zh),
    );
    return () => {
      live = false;
    };
  }, [lang]);

  const fail = React.useCallback(
    (e: unknown) => setNotice(`${(strings ?? zh).unexpected}${e instanceof Error ? e.message : String(e)}`),
    [strings],
  );
  const start = React.useCallback(
    async (files: BatchFile[], folder: boolean): Promise<void> => {
      setNotice(null);
      setOpen(new Set());
      setOutcome(null);
      if (!files.length) {
        if (folder) setNotice((strings ?? zh).noReportFiles);
        setProgress(null);
        return;
      }
      try {
        setOutcome(await checkBatch(files, { readPdf, concurrency: 2, onProgress: setProgress }));
      } catch (e) {
        setProgress(null);
        fail(e);
      }
    },
    [readPdf, strings, fail],
  );
  const toggle = React.useCallback(
    (i: number) =>
      setOpen((was) => {
        const next = new Set(was);
        if (next.has(i)) next.delete(i);
        else next.add(i);
        return next;
      }),
    [],
  );
  return { strings, progress, outcome, open, notice, running, start, toggle, fail };
}

/** Where files are chosen (files or a folder) or dropped. */
function DropZone({
  strings,
  running,
  start,
  fail,
}: {
  strings: BatchStrings;
  running: boolean;
  start: (files: BatchFile[], folder: boolean) => Promise<void>;
  fail: (e: unknown) => void;
}): React.ReactElement {
  const s = useStyles();
  const [dragging, setDragging] = React.useState(false);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const onChosen = (e: React.ChangeEvent<HTMLInputElement>, folder: boolean): void => {
    const files = e.target.files ? chosenFiles(e.target.files, folder) : [];
    e.target.value = ''; // the same files can be chosen again
    void start(files, folder);
  };
  const onDrop = (e: React.DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    if (running) return;
    droppedFiles(e.dataTransfer).then((files) => start(files, false), fail);
  };
  return (
    <div
      className={mergeClasses(s.drop, dragging && s.dropActive)}
      data-testid="batch-drop"
      onDragOver={(e) => {
        e.preventDefault();
        if (!running) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Button appearance="primary" disabled={running} onClick={() => filesInput.current?.click()}>
        {strings.chooseFiles}
      </Button>
      <Button disabled={running} onClick={() => folderInput.current?.click()}>
        {strings.chooseFolder}
      </Button>
      <Text>{dragging ? strings.dropActive : strings.dropHere}</Text>
      <input
        ref={filesInput}
        className={s.hidden}
        type="file"
        multiple
        accept=".xlsx,.xlsm,.json,.txt,.html,.htm,.pdf,.xls,.et,.ett"
        data-testid="batch-files"
        onChange={(e) => onChosen(e, false)}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          // not in React's typings: choosing a folder gives its files, each with its path inside it
          el?.setAttribute('webkitdirectory', '');
        }}
        className={s.hidden}
        type="file"
        multiple
        data-testid="batch-folder"
        onChange={(e) => onChosen(e, true)}
      />
    </div>
  );
}

/** 下载汇总表 (.xlsx, as `ogi-report check --summary xlsx` writes it) and the CSV. */
function Downloads({
  outcome,
  strings,
  fail,
}: {
  outcome: BatchOutcome;
  strings: BatchStrings;
  fail: (e: unknown) => void;
}): React.ReactElement {
  const s = useStyles();
  const xlsx = (): void => {
    summaryWorkbookBytes(outcome).then(
      (bytes) =>
        downloadBlob(
          new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
          `${strings.summaryFileName}.xlsx`,
        ),
      fail,
    );
  };
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" onClick={xlsx}>
          {strings.downloadXlsx}
        </Button>
        <Button
          onClick={() =>
            downloadBlob(new Blob([summaryCsvText(outcome)], { type: 'text/csv;charset=utf-8' }), `${strings.summaryFileName}.csv`)
          }
        >
          {strings.downloadCsv}
        </Button>
      </div>
      <Text size={200}>{strings.downloadHint}</Text>
    </>
  );
}

/** One row per report (each opening its findings) and per unreadable file, with the reason. */
function Results({
  outcome,
  strings,
  open,
  toggle,
}: {
  outcome: BatchOutcome;
  strings: BatchStrings;
  open: ReadonlySet<number>;
  toggle: (i: number) => void;
}): React.ReactElement {
  const s = useStyles();
  let reportIndex = 0;
  return (
    <Table aria-label={strings.title} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.colFile}</TableHeaderCell>
          <TableHeaderCell>{strings.colAgency}</TableHeaderCell>
          <TableHeaderCell className={s.year}>{strings.colYear}</TableHeaderCell>
          <TableHeaderCell className={s.num}>{strings.colErrors}</TableHeaderCell>
          <TableHeaderCell className={s.num}>{strings.colWarnings}</TableHeaderCell>
          <TableHeaderCell>{strings.colFindings}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {outcome.rows.map((row) => {
          if (row.kind === 'unreadable') {
            return (
              <TableRow key={`u-${row.file}`} data-testid="batch-unreadable">
                <TableCell>{row.file}</TableCell>
                <TableCell colSpan={5} className={s.unreadable}>
                  {`${strings.unreadable}${strings.language === 'en' ? ': ' : '：'}${strings.reason(row.reason)}`}
                </TableCell>
              </TableRow>
            );
          }
          const i = reportIndex++;
          return <ReportRows key={`r-${i}`} result={row.result} index={i} open={open.has(i)} onToggle={toggle} strings={strings} />;
        })}
      </TableBody>
    </Table>
  );
}

export function BatchView({ lang, readPdf = browserPdf }: BatchViewProps): React.ReactElement | null {
  const s = useStyles();
  const { strings, progress, outcome, open, notice, running, start, toggle, fail } = useBatch(lang, readPdf);
  if (!strings) return null;
  const all = outcome?.results.flatMap((r) => r.findings) ?? [];
  const errors = all.filter((f) => f.severity === 'error').length;
  const done = outcome && !running ? outcome : null;
  return (
    <section className={s.view} aria-labelledby="batch-title" lang={strings.language === 'en' ? 'en' : 'zh-CN'}>
      <h2 id="batch-title" className={s.h2}>
        {strings.title}
      </h2>
      <Text>{strings.intro}</Text>
      <DropZone strings={strings} running={running} start={start} fail={fail} />
      {running && progress ? (
        <Field validationMessage={strings.reading(progress.done, progress.total, progress.current)} validationState="none">
          <ProgressBar value={progress.done} max={progress.total} aria-label={strings.reading(progress.done, progress.total, undefined)} />
        </Field>
      ) : null}
      <div role="status" data-testid="batch-status">
        {notice ??
          (done ? strings.finished(progress?.total ?? 0, done.results.length, done.unreadable.length, errors, all.length - errors) : '')}
      </div>
      {done ? (
        <>
          <Downloads outcome={done} strings={strings} fail={fail} />
          <Results outcome={done} strings={strings} open={open} toggle={toggle} />
        </>
      ) : null}
    </section>
  );
}

export default BatchView;
