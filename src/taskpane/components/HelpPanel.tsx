import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SelfTestActions } from '../../app/actions';
import { Deferred } from './Deferred';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', fontSize: '15px', fontWeight: 600, padding: '2px 0' },
  h3: { margin: '10px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: 600 },
});

/** What each check means: loaded the first time 帮助 is opened (a closed 帮助 shows none of it). */
const HelpRules = React.lazy(() => import(/* webpackChunkName: "help" */ './HelpRules'));

/** The self-test, loaded when it is asked for (not on the pane's first screen). */
const SelfTestPanel = React.lazy(() => import(/* webpackChunkName: "selftest" */ './SelfTestPanel'));

/** What each check means, in the official wording the rules are declared with (src/report), the self-test for IT,
 *  and the version. */
export function HelpPanel({
  strings,
  version,
  selfTest: actions,
}: {
  strings: Strings;
  version: string;
  selfTest: SelfTestActions;
}): React.ReactElement {
  const s = useStyles();
  const [selfTest, setSelfTest] = React.useState(false);
  // once opened, the list stays (closing and opening again shows it at once)
  const [opened, setOpened] = React.useState(false);
  return (
    <details className={s.details} data-testid="help" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={s.summary}>{strings.helpSection}</summary>
      <Text as="p" size={200}>
        {strings.helpIntro}
      </Text>
      {opened ? (
        <Deferred loading={strings.loading} failed={strings.loadFailed}>
          <HelpRules strings={strings} />
        </Deferred>
      ) : null}
      <section aria-label={strings.selfTestSection}>
        <h3 className={s.h3}>{strings.selfTestSection}</h3>
        <Text as="p" size={200}>
          {strings.selfTestIntro}
        </Text>
        {selfTest ? (
          <Deferred loading={strings.working} failed={strings.loadFailed}>
            <SelfTestPanel actions={actions} language={strings.language} version={version} />
          </Deferred>
        ) : (
          <Button size="small" onClick={() => setSelfTest(true)} data-testid="selftest-run">
            {strings.selfTestRun}
          </Button>
        )}
      </section>
      <Text as="p" size={200} data-testid="version">
        {strings.helpVersion(version)}
      </Text>
    </details>
  );
}
