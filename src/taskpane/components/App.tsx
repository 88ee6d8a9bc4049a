import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PaneActions } from '../../app/actions';
import type { Strings } from '../i18n';
import { InsertPanel } from './InsertPanel';
import { CheckPanel } from './CheckPanel';
import { NarrativePanel } from './NarrativePanel';
import { parseFee } from '../../report/parse';
import { LastYearPanel } from './LastYearPanel';
import { ExportPanel } from './ExportPanel';
import { HelpPanel } from './HelpPanel';
import { PROSE_SHEET } from '../../report/prose';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px 14px', boxSizing: 'border-box', minWidth: '280px' },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    borderBottom: `3px solid ${tokens.colorPaletteRedBorderActive}`,
    paddingBottom: '8px',
  },
  rule: { width: '100%', margin: 0, border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

export interface AppProps {
  /** What the panels do, bound to the workbook (paneActions): the panels never see the host. */
  actions: PaneActions;
  strings: Strings;
  version: string;
  /** The report year the pane starts with (the year just ended, in January). */
  defaultYear: number;
}

export function App({ actions, strings, version, defaultYear }: AppProps): React.ReactElement {
  const s = useStyles();
  // empty: the text speaks as the 单位名称 given when the tables were inserted (else 本机关)
  const [who, setWho] = React.useState('');
  const [feeText, setFeeText] = React.useState('');
  const prose = { who, setWho, feeText, setFeeText };
  const [proseSheet, setProseSheet] = React.useState(PROSE_SHEET);
  return (
    <div className={s.root} lang={strings.language === 'en' ? 'en' : 'zh-CN'}>
      <header className={s.header}>
        <Text as="h1" className={s.title}>
          {strings.appTitle}
        </Text>
        <Text size={200}>
          {strings.appSubtitle} · v{version}
        </Text>
      </header>
      <InsertPanel actions={actions.insert} strings={strings} defaultYear={defaultYear} />
      <hr className={s.rule} />
      <CheckPanel
        actions={actions.check}
        strings={strings}
        defaultYear={defaultYear}
        proseSheet={proseSheet}
        setProseSheet={setProseSheet}
      />
      <hr className={s.rule} />
      <NarrativePanel actions={actions.narrative} strings={strings} prose={prose} />
      <hr className={s.rule} />
      <ExportPanel
        actions={actions.export}
        strings={strings}
        who={who}
        fee={parseFee(feeText).fee}
        proseSheet={proseSheet.trim() || PROSE_SHEET}
      />
      <hr className={s.rule} />
      <LastYearPanel actions={actions.lastYear} strings={strings} defaultYear={defaultYear} />
      <hr className={s.rule} />
      <HelpPanel strings={strings} version={version} selfTest={actions.selfTest} />
    </div>
  );
}
