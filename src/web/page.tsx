/**
 * The web edition's page: a toolbar (新建, 打开, 下载), a switch between 编制与校验 (the read-only workbook beside the
 * same task pane as in Excel, over the file host) and 批量核查 (loaded on first use). The opened file is never
 * changed: 下载 hands over a new copy, after listing what exceljs could not keep from it.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Toolbar,
} from '@fluentui/react-components';
import { HostError } from '../host/types';
import { downloadBlob } from '../taskpane/download';
import { mountPane } from '../taskpane/mount';
import { openFileHost, type FileHost } from './fileHost';
import { WorkbookGrid } from './grid';
import type { PageStrings } from './strings';
import { downloadName, trackChanges } from './tracking';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Notice = { kind: 'info' | 'success' | 'error'; text: string } | null;

const messageOf = (e: unknown): string => (e instanceof HostError || e instanceof Error ? e.message : String(e));

interface Workbook {
  host: FileHost | null;
  dirty: boolean;
  notice: Notice;
  busy: boolean;
  open: (file?: File) => Promise<void>;
  download: () => Promise<void>;
  changed: () => void;
}

/** The opened workbook's host, whether it has changes not downloaded, and the toolbar's actions. */
function useWorkbook(strings: PageStrings): Workbook {
  const [host, setHost] = React.useState<FileHost | null>(null);
  const [dirty, setDirty] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [busy, setBusy] = React.useState(false);
  const open = React.useCallback(
    async (file?: File): Promise<void> => {
      setBusy(true);
      if (file) setNotice({ kind: 'info', text: strings.opening(file.name) });
      try {
        const bytes = file ? new Uint8Array(await file.arrayBuffer()) : undefined;
        const next = await openFileHost(file && bytes ? { name: file.name, bytes } : undefined);
        setHost(next);
        setDirty(false);
        setNotice(file ? { kind: 'success', text: strings.opened(next.fileName) } : null);
      } catch (e) {
        setNotice({ kind: 'error', text: strings.openFailed(file?.name ?? '新建工作簿.xlsx', messageOf(e)) });
      } finally {
        setBusy(false);
      }
    },
    [strings],
  );
  const download = React.useCallback(async (): Promise<void> => {
    if (!host) return;
    setBusy(true);
    setNotice({ kind: 'info', text: strings.saving });
    try {
      const name = downloadName(host.fileName);
      downloadBlob(new Blob([(await host.save()) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), name);
      setDirty(false);
      setNotice({ kind: 'success', text: strings.downloaded(name) });
    } catch (e) {
      setNotice({ kind: 'error', text: strings.saveFailed(messageOf(e)) });
    } finally {
      setBusy(false);
    }
  }, [host, strings]);
  const changed = React.useCallback(() => setDirty(true), []);
  // a new workbook to start with
  React.useEffect(() => {
    let live = true;
    openFileHost().then(
      (first) => live && setHost(first),
      (e: unknown) => live && setNotice({ kind: 'error', text: strings.openFailed('新建工作簿.xlsx', messageOf(e)) }),
    );
    return () => {
      live = false;
    };
  }, [strings]);
  return { host, dirty, notice, busy, open, download, changed };
}

/** The task pane, mounted anew over each opened workbook (its own React root, as in Excel). */
function PaneSlot({ host, changed, strings }: { host: FileHost; changed: () => void; strings: PageStrings }): React.ReactElement {
  const slot = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!slot.current) return;
    // each pane in a container of its own
    const container = slot.current.appendChild(document.createElement('div'));
    let unmount: (() => void) | null = null;
    let gone = false;
    void mountPane(container, trackChanges(host, changed), strings.language === 'en' ? 'en-US' : 'zh-CN').then((u) => {
      if (gone) u();
      else unmount = u;
    });
    return () => {
      gone = true;
      // out of the page at once; its React root is unmounted after this render (not allowed during it)
      container.remove();
      setTimeout(() => unmount?.(), 0);
    };
  }, [host, changed, strings]);
  return <div className="web-pane" ref={slot} aria-label={strings.pane} role="complementary" data-testid="web-pane" />;
}

type Pending = { kind: 'discard'; then: () => void } | { kind: 'lost'; parts: string[] } | null;

interface PendingProps {
  pending: Pending;
  fileName: string;
  strings: PageStrings;
  close: () => void;
  download: () => void;
}

function PendingDialog({ pending, fileName, strings, close, download }: PendingProps): React.ReactElement {
  const lost = pending?.kind === 'lost';
  const go = (): void => {
    close();
    if (pending?.kind === 'discard') pending.then();
    else download();
  };
  return (
    <Dialog open={pending !== null} onOpenChange={(_, d) => (d.open ? undefined : close())} modalType="alert">
      <DialogSurface data-testid={lost ? 'lost-dialog' : 'discard-dialog'}>
        <DialogBody>
          <DialogTitle>{lost ? strings.lostTitle : strings.unsavedTitle}</DialogTitle>
          <DialogContent>
            {pending?.kind === 'lost' ? (
              <>
                <p>{strings.lostBody}</p>
                <ul data-testid="lost-parts">
                  {pending.parts.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{strings.unsavedBody(fileName)}</p>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={go}>
              {lost ? strings.downloadAnyway : strings.discard}
            </Button>
            <Button onClick={close}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PageToolbar({ wb, strings, ask }: { wb: Workbook; strings: PageStrings; ask: (p: Pending) => void }): React.ReactElement {
  const input = React.useRef<HTMLInputElement>(null);
  const guarded = (then: () => void): void => (wb.dirty ? ask({ kind: 'discard', then }) : then());
  const download = (): void => {
    const parts = wb.host?.lostParts() ?? [];
    if (parts.length > 0) ask({ kind: 'lost', parts });
    else void wb.download();
  };
  const chosen = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void wb.open(file);
  };
  return (
    <Toolbar aria-label={strings.toolbar} className="web-toolbar">
      <Button data-testid="web-new" disabled={wb.busy} onClick={() => guarded(() => void wb.open())}>
        {strings.newWorkbook}
      </Button>
      <Button data-testid="web-open" disabled={wb.busy} onClick={() => guarded(() => input.current?.click())}>
        {strings.open}
      </Button>
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="web-file" onChange={chosen} />
      <Button data-testid="web-download" appearance="primary" disabled={wb.busy || !wb.host} onClick={download}>
        {strings.download}
      </Button>
      <span className="web-file-name" data-testid="web-file-name">
        {wb.host ? `${wb.host.fileName}${wb.dirty ? ' *' : ''}` : ''}
      </span>
    </Toolbar>
  );
}

type BatchModule = typeof import('./batch/BatchView');

/** 批量核查, loaded on first use (its code stays off the first screen). */
function BatchSlot({ strings }: { strings: PageStrings }): React.ReactElement {
  const [loaded, setLoaded] = React.useState<BatchModule | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);
  React.useEffect(() => {
    import(/* webpackChunkName: "batch" */ './batch/BatchView').then(setLoaded, (e: unknown) => setFailed(messageOf(e)));
  }, []);
  if (failed) return <p role="alert">{strings.batchFailed(failed)}</p>;
  if (!loaded) return <p role="status">{strings.loadingBatch}</p>;
  const View = loaded.default;
  return <View lang={strings.language === 'en' ? 'en' : 'zh-CN'} />;
}

export function WebPage({ strings }: { strings: PageStrings }): React.ReactElement {
  const wb = useWorkbook(strings);
  const [tab, setTab] = React.useState<'compile' | 'batch'>('compile');
  const [batchSeen, setBatchSeen] = React.useState(false);
  const [pending, setPending] = React.useState<Pending>(null);
  return (
    <div className="web-page">
      <header className="web-header">
        <h1>{strings.title}</h1>
        <TabList
          selectedValue={tab}
          aria-label={strings.tabs}
          onTabSelect={(_, d) => {
            setTab(d.value as 'compile' | 'batch');
            if (d.value === 'batch') setBatchSeen(true);
          }}
        >
          <Tab value="compile" data-testid="tab-compile">
            {strings.tabCompile}
          </Tab>
          <Tab value="batch" data-testid="tab-batch">
            {strings.tabBatch}
          </Tab>
        </TabList>
      </header>
      <div className="web-compile" hidden={tab !== 'compile'}>
        <PageToolbar wb={wb} strings={strings} ask={setPending} />
        {wb.notice ? (
          <MessageBar intent={wb.notice.kind} data-testid="web-notice">
            <MessageBarBody>{wb.notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        <p className="web-about">
          {strings.offline} {strings.liveColouring}
        </p>
        <main className="web-main">
          {wb.host ? <WorkbookGrid host={wb.host} strings={strings} /> : null}
          {wb.host ? <PaneSlot host={wb.host} changed={wb.changed} strings={strings} /> : null}
        </main>
      </div>
      <div className="web-batch" hidden={tab !== 'batch'}>
        {batchSeen ? <BatchSlot strings={strings} /> : null}
      </div>
      <PendingDialog
        pending={pending}
        fileName={wb.host?.fileName ?? ''}
        strings={strings}
        close={() => setPending(null)}
        download={() => void wb.download()}
      />
    </div>
  );
}
