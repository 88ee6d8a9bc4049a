/** 帮助's list of what each check means, in the official wording the rules are declared with (src/report): loaded
 *  when 帮助 is opened, as it carries the rule tables of the checks. */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { CELL_RULES, RELATION_RULES } from '../../report/rules';
import { CROSS_RULES } from '../../report/crossYear';
import { NARRATIVE_RULES } from '../../report/narrativeCheck';
import type { Strings } from '../i18n';
import type { RuleDoc } from '../../report/types';

const useStyles = makeStyles({
  h3: { margin: '10px 0 4px', fontSize: tokens.fontSizeBase300, fontWeight: 600 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: 600 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The same rule may be declared once per format (or per pair of years); the help lists it once. */
const once = (rules: readonly RuleDoc[]): RuleDoc[] => rules.filter((r, i) => rules.findIndex((x) => x.id === r.id) === i);

export default function HelpRules({ strings }: { strings: Strings }): React.ReactElement {
  const s = useStyles();
  const groups: Array<[string, RuleDoc[]]> = [
    [strings.helpRelations, once(RELATION_RULES)],
    [strings.helpCells, once(CELL_RULES)],
    [strings.helpCross, once(CROSS_RULES)],
    [strings.helpNarrative, once(NARRATIVE_RULES)],
  ];
  return (
    <>
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
    </>
  );
}
