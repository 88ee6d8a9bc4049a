/** A part of the pane loaded when first shown: 正在加载… (Loading…) while its file comes, then the part; a message,
 *  not a blank or broken pane, when the file does not come. */
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { Deferred } from '../../src/taskpane/components/Deferred';
import { zhStrings } from '../../src/taskpane/i18n';
import { en } from '../../src/taskpane/i18n-en';
import type { Strings } from '../../src/taskpane/i18n';

/** A lazy part whose file arrives (or fails) when the test says. */
function controlled() {
  let settle: { resolve: () => void; reject: (e: Error) => void } = { resolve: () => {}, reject: () => {} };
  const Part = React.lazy(
    () =>
      new Promise<{ default: React.ComponentType }>((resolve, reject) => {
        settle = { resolve: () => resolve({ default: () => <p>规则清单</p> }), reject };
      }),
  );
  return { Part, settle: () => settle };
}

const show = (strings: Strings, Part: React.ComponentType) =>
  render(
    <div>
      <p>不变的部分</p>
      <Deferred loading={strings.loading} failed={strings.loadFailed}>
        <Part />
      </Deferred>
    </div>,
  );

test('shows 正在加载… until the part has come, then the part', async () => {
  const { Part, settle } = controlled();
  show(zhStrings, Part);
  expect(screen.getByRole('status').textContent).toBe('正在加载…');
  await act(async () => settle().resolve());
  expect(screen.queryByRole('status')).toBeNull();
  expect(screen.getByText('规则清单')).not.toBeNull();
});

test('a part that does not load says so, with the cause, and the rest of the pane stays', async () => {
  const { Part, settle } = controlled();
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  show(zhStrings, Part);
  await act(async () => settle().reject(new Error('Loading chunk 5 failed.')));
  quiet.mockRestore();
  expect(screen.getByRole('alert').textContent).toBe(
    '这一部分未能载入（Loading chunk 5 failed.），可能是网络中断。请关闭并重新打开任务窗格再试。',
  );
  expect(screen.getByText('不变的部分')).not.toBeNull();
});

test('in English when the pane is English', async () => {
  const { Part, settle } = controlled();
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  show(en, Part);
  expect(screen.getByRole('status').textContent).toBe('Loading…');
  await act(async () => settle().reject(new Error('Loading chunk 5 failed.')));
  quiet.mockRestore();
  expect(screen.getByRole('alert').textContent).toBe(
    'This part could not be loaded (Loading chunk 5 failed.); the network may be down. Close and reopen the task pane, then try again.',
  );
});
