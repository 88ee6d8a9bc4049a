import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { WorkbookHost } from '../host/types';
import { App } from './components/App';
import { loadStrings, type Strings } from './i18n';
import { reportYearNow } from './year';

declare const __APP_VERSION__: string;


export function mountPane(container: HTMLElement, host: WorkbookHost, displayLanguage?: string): void {
  void loadStrings(displayLanguage).then((strings) => render(container, host, strings));
}

function render(container: HTMLElement, host: WorkbookHost, strings: Strings): void {
  document.documentElement.lang = strings.language === 'en' ? 'en' : 'zh-CN';
  const version = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} strings={strings} version={version} defaultYear={reportYearNow()} />
    </FluentProvider>,
  );
}
