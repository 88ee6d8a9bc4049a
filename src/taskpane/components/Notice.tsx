import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/**
 * A message in the pane (the result of an action): coloured by intent, read out by screen readers (errors as
 * alerts, the rest as status), its meaning in words, never by colour alone. Light on purpose: the pane's first
 * screen stays small (Fluent's MessageBar brings animation and icon packages with it).
 */
export type Intent = 'success' | 'error' | 'warning' | 'info';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: '6px 8px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    '::before': { fontWeight: 700, width: '16px', textAlign: 'center', flexShrink: 0 },
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    border: `1px solid ${tokens.colorPaletteGreenBorder1}`,
    '::before': { content: '"✓"', color: tokens.colorPaletteGreenForeground1 },
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    border: `1px solid ${tokens.colorPaletteRedBorder1}`,
    '::before': { content: '"✕"', color: tokens.colorPaletteRedForeground1 },
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `1px solid ${tokens.colorPaletteYellowBorder1}`,
    '::before': { content: '"!"', color: tokens.colorPaletteDarkOrangeForeground1 },
  },
  info: { backgroundColor: tokens.colorNeutralBackground3, '::before': { content: '"i"', color: tokens.colorNeutralForeground2 } },
  body: { flex: '1 1 200px', minWidth: 0, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold, marginRight: '6px' },
  actions: { display: 'flex', gap: '6px', flexBasis: '100%', paddingLeft: '24px' },
});

export function Notice({
  intent,
  children,
  ...rest
}: {
  intent: Intent;
  children: React.ReactNode;
  'data-testid'?: string;
  layout?: 'multiline';
}): React.ReactElement {
  const s = useStyles();
  const { layout: _layout, ...attrs } = rest;
  return (
    <div role={intent === 'error' ? 'alert' : 'status'} className={mergeClasses(s.root, s[intent])} data-intent={intent} {...attrs}>
      {children}
    </div>
  );
}

export function NoticeBody({ children }: { children: React.ReactNode }): React.ReactElement {
  return <div className={useStyles().body}>{children}</div>;
}

export function NoticeTitle({ children }: { children: React.ReactNode }): React.ReactElement {
  return <span className={useStyles().title}>{children}</span>;
}

export function NoticeActions({ children }: { children: React.ReactNode }): React.ReactElement {
  return <div className={useStyles().actions}>{children}</div>;
}

const useBusyStyles = makeStyles({
  busy: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '6px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  ring: {
    width: '12px',
    height: '12px',
    borderRadius: '50%',
    boxSizing: 'border-box',
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '0.8s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
});

/** "Working…" while an action runs: a small ring and the words, announced politely. */
export function Busy({ label }: { label: string }): React.ReactElement {
  const s = useBusyStyles();
  return (
    <span role="status" className={s.busy}>
      <span className={s.ring} aria-hidden="true" />
      {label}
    </span>
  );
}
