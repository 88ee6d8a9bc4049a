/** 自检 (under 帮助) is loaded when it is run: when its file does not come, the pane says so in its language and the
 *  rest of 帮助 stays, instead of the whole pane going blank. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { HelpPanel } from '../../src/taskpane/components/HelpPanel';
import { zhStrings } from '../../src/taskpane/i18n';
import type { SelfTestActions } from '../../src/app/actions';

jest.mock('../../src/taskpane/components/SelfTestPanel', () => {
  throw new Error('Loading chunk selftest failed.');
});

const actions: SelfTestActions = {
  environment: () => ({ application: 'Excel', version: '16.0', platform: 'PC', api: 'ExcelApi 1.17' }),
  run: () => Promise.reject(new Error('not to be run')),
};

test('自检 whose file does not load: a message in Chinese with the cause, 帮助 still there', async () => {
  render(<HelpPanel strings={zhStrings} version="0.1.0" selfTest={actions} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId('selftest-run'));
    await Promise.resolve();
  });
  const alert = await screen.findByTestId('deferred-failed');
  expect(alert.textContent).toBe(zhStrings.loadFailed('Loading chunk selftest failed.'));
  expect(alert.textContent).toContain('Loading chunk selftest failed.');
  expect(screen.getByRole('region', { name: zhStrings.selfTestSection }).textContent).toContain(zhStrings.selfTestIntro);
});
