import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SelfTestActions } from '../../app/actions';
import { Busy } from './Notice';
import { CELL_RULES, RELATION_RULES } from '../../report/rules';
import { CROSS_RULES } from '../../report/crossYear';
import { NARRATIVE_RULES } from '../../report/narrativeCheck';
import type { Strings } from '../i18n';
import type { RuleDoc } from '../../report/types';

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', fontSize: '15px', fontWeight: 600, padding: '2px 0' },
  h3: { margin: '10px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: 600 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The same rule may be declared once per format (or per pair of years); the help lists it once. */
const once = (rules: readonly RuleDoc[]): RuleDoc[] => rules.filter((r, i) => rules.findIndex((x) => x.id === r.id) === i);

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
  const groups: Array<[string, RuleDoc[]]> = [
    [strings.helpRelations, once(RELATION_RULES)],
    [strings.helpCells, once(CELL_RULES)],
    [strings.helpCross, once(CROSS_RULES)],
    [strings.helpNarrative, once(NARRATIVE_RULES)],
  ];
  return (
    <details className={s.details} data-testid="help">
      <summary className={s.summary}>{strings.helpSection}</summary>
      <Text as="p" size={200}>
        {strings.helpIntro}
      </Text>
      {groups.map(([title, rules]) => (
        <section key={title} aria-label={title}>
          <h3 className={s.h3}>{title}</h3>
          <ul className={s.list}>
            {rules.map((r) => (
              <li key={r.id}>
                <span className={s.id}>{r.id}</span>{' '}
                <span className={r.severity === 'error' ? s.error : r.severity === 'warning' ? s.warning : undefined}>
                  {strings.language === 'en' ? `(${strings.helpSeverity(r.severity)})` : `（${strings.helpSeverity(r.severity)}）`}
                </span>{' '}
                <span lang={strings.language === 'en' ? 'en' : 'zh-CN'}>{strings.ruleWording(r.id, r.wording)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-label={strings.selfTestSection}>
        <h3 className={s.h3}>{strings.selfTestSection}</h3>
        <Text as="p" size={200}>
          {strings.selfTestIntro}
        </Text>
        {selfTest ? (
          <React.Suspense fallback={<Busy label={strings.working} />}>
            <SelfTestPanel actions={actions} language={strings.language} version={version} />
          </React.Suspense>
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
