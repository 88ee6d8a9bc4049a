import * as React from 'react';

/** Run one pane action at a time, with a busy flag and errors turned into a message. */
export function useAction(): {
  busy: boolean;
  run: <T>(fn: () => Promise<T>, onError: (message: string) => void) => Promise<T | undefined>;
} {
  const [busy, setBusy] = React.useState(false);
  const run = React.useCallback(async <T>(fn: () => Promise<T>, onError: (message: string) => void): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await fn();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
