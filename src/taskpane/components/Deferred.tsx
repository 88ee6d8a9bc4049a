/** A part of the pane loaded when it is first shown: a small 正在加载… while its file comes, and a message in the
 *  pane's language, not a blank or broken pane, when the file does not come. */
import * as React from 'react';
import { Busy } from './Notice';

interface Props {
  /** 正在加载… / Loading… */
  loading: string;
  /** What to say when the part's file did not load, and why. */
  failed: (why: string) => string;
  children: React.ReactNode;
}

export class Deferred extends React.Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown): { error: string } {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render(): React.ReactNode {
    const { loading, failed, children } = this.props;
    if (this.state.error !== null)
      return (
        <p role="alert" data-testid="deferred-failed">
          {failed(this.state.error)}
        </p>
      );
    return <React.Suspense fallback={<Busy label={loading} />}>{children}</React.Suspense>;
  }
}
