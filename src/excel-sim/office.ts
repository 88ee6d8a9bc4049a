/**
 * The `Office` half of the stand-in: Office.onReady, Office.context (language, platform, requirement sets), the
 * dialog API (displayDialogAsync, refusing what Office refuses) and openBrowserWindow, which Office offers on
 * Windows, Mac and iPad (OpenBrowserWindowApi 1.1) but not in Excel on the web.
 */
import { versionAtLeast } from './api';

/** A dialog opened with Office.context.ui.displayDialogAsync. */
export interface SimDialog {
  readonly url: string;
  readonly options: unknown;
  /** Closed by the page that opened it (dialog.close()) or by the person. */
  readonly closed: boolean;
  /** The person closes the dialog (its ✕): the opener gets DialogEventReceived with error 12006. */
  closeByUser(): void;
  /** The dialog page calls Office.context.ui.messageParent(message). */
  messageParent(message: string): void;
}

export interface OfficeInfo {
  host: 'Excel';
  platform: 'PC' | 'OfficeOnline' | 'Mac';
}

type DialogCallback = (result: { status: string; value: unknown; error?: unknown }) => void;

/** The parts of `Office` the simulator provides. */
export interface OfficeStandIn {
  onReady(callback?: (info: OfficeInfo) => void): Promise<OfficeInfo>;
  context: {
    displayLanguage: string;
    host: 'Excel';
    platform: OfficeInfo['platform'];
    /** Office.context.diagnostics: the version says this is the stand-in. */
    diagnostics: { host: 'Excel'; platform: OfficeInfo['platform']; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: {
      displayDialogAsync(url: string, options: unknown, callback?: DialogCallback): void;
      /** Opens the address in the person's browser; throws where OpenBrowserWindowApi 1.1 is missing. */
      openBrowserWindow(url: string): void;
    };
  };
  actions: { associate(actionId: string, fn: (...args: unknown[]) => unknown): void };
  EventType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
}

export interface OfficeSimOptions {
  apiVersion: string;
  platform: OfficeInfo['platform'];
  displayLanguage?: string;
  /** DialogApi offered; null for none. Default '1.2'. */
  dialogApi?: string | null;
  /** OpenBrowserWindowApi offered; null for none. Default '1.1', except in Excel on the web (none). */
  openBrowserWindowApi?: string | null;
}

/** What tests and the preview see of the Office UI: dialogs, browser windows, and a fault to inject. */
export interface OfficeUiRecord {
  readonly dialogs: readonly SimDialog[];
  /** Addresses opened with Office.context.ui.openBrowserWindow, oldest first. */
  readonly browserWindows: readonly string[];
  onDialog(listener: (dialog: SimDialog) => void): () => void;
  /** Makes the next displayDialogAsync fail with this error (e.g. 12009: the person chose to ignore the dialog). */
  refuseNextDialog(code: number, message: string): void;
}

const EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };

function createDialogUi(): OfficeUiRecord & { displayDialogAsync: OfficeStandIn['context']['ui']['displayDialogAsync'] } {
  const dialogs: SimDialog[] = [];
  const listeners = new Set<(d: SimDialog) => void>();
  const notify = (d: SimDialog) => {
    for (const l of [...listeners]) l(d);
  };
  let injected: { code: number; message: string } | null = null;
  function displayDialogAsync(url: string, opts: unknown, callback?: DialogCallback): void {
    const handlers = new Map<string, Array<(arg: unknown) => void>>();
    const fire = (type: string, arg: unknown) => {
      for (const h of handlers.get(type) ?? []) h(arg);
    };
    let closed = false;
    const refuse = (code: number, message: string) =>
      queueMicrotask(() => callback?.({ status: 'failed', value: undefined, error: { code, message } }));
    // Office refuses a second dialog while one is open (12007) and a start address that is not https (12003)
    const refusal =
      injected ??
      (dialogs.some((d) => !d.closed) ? { code: 12007, message: 'A dialog box is already opened from this host window.' } : null);
    injected = null;
    if (refusal) return refuse(refusal.code, refusal.message);
    if (!/^https:\/\//.test(url)) return refuse(12003, 'The dialog box was directed to a URL with the HTTP protocol. HTTPS is required.');
    const record: SimDialog = {
      url,
      options: opts,
      get closed() {
        return closed;
      },
      closeByUser() {
        if (closed) return;
        closed = true;
        notify(record);
        fire(EventType.DialogEventReceived, { error: 12006 });
      },
      messageParent(message) {
        if (!closed) fire(EventType.DialogMessageReceived, { message, origin: new URL(url).origin });
      },
    };
    const dialog = {
      addEventHandler(type: string, handler: (arg: unknown) => void) {
        handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      },
      close() {
        if (closed) return;
        closed = true;
        notify(record);
      },
    };
    dialogs.push(record);
    notify(record);
    queueMicrotask(() => callback?.({ status: 'succeeded', value: dialog }));
  }
  return {
    dialogs,
    browserWindows: [],
    displayDialogAsync,
    onDialog(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    refuseNextDialog(code, message) {
      injected = { code, message };
    },
  };
}

/** The `Office` object of a simulated Excel, and the record of the dialogs and browser windows it opened. */
export function createOfficeStandIn(
  options: OfficeSimOptions,
  actions: Map<string, (...args: unknown[]) => unknown>,
): { Office: OfficeStandIn; ui: OfficeUiRecord } {
  const { apiVersion, platform } = options;
  const info: OfficeInfo = { host: 'Excel', platform };
  const sets: Record<string, string | null> = {
    excelapi: apiVersion,
    dialogapi: options.dialogApi === undefined ? '1.2' : options.dialogApi,
    openbrowserwindowapi:
      options.openBrowserWindowApi !== undefined ? options.openBrowserWindowApi : platform === 'OfficeOnline' ? null : '1.1',
  };
  const isSetSupported = (name: string, minVersion = '1.1') => {
    const have = sets[name.toLowerCase()] ?? null;
    return have !== null && versionAtLeast(have, String(minVersion));
  };
  const ui = createDialogUi();
  const browserWindows = ui.browserWindows as string[];
  const openBrowserWindow = (url: string) => {
    if (!isSetSupported('OpenBrowserWindowApi', '1.1')) throw new Error('OpenBrowserWindowApi 1.1 is not supported on this platform.');
    browserWindows.push(url);
  };
  const Office: OfficeStandIn = {
    onReady: (callback) =>
      Promise.resolve().then(() => {
        callback?.({ ...info });
        return { ...info };
      }),
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      host: 'Excel',
      platform,
      diagnostics: { host: 'Excel', platform, version: `模拟工作簿 (stand-in, ExcelApi ${apiVersion})` },
      requirements: { isSetSupported },
      ui: { displayDialogAsync: ui.displayDialogAsync, openBrowserWindow },
    },
    actions: { associate: (id, fn) => void actions.set(id, fn) },
    EventType,
    AsyncResultStatus,
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
    HostType: {
      Word: 'Word',
      Excel: 'Excel',
      PowerPoint: 'PowerPoint',
      Outlook: 'Outlook',
      OneNote: 'OneNote',
      Project: 'Project',
      Access: 'Access',
    },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  };
  return { Office, ui };
}
