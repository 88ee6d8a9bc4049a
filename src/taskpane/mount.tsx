import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { WorkbookHost } from '../host/types';
import { App } from './components/App';
import { paneActions } from '../app/actions';
import { loadStrings, zhStrings, type Strings } from './i18n';
import { reportYearNow } from './year';

declare const __APP_VERSION__: string;

/** Mount the pane; in English once the English words and message renderer are loaded (a small separate file).
 *  Resolves to a function that unmounts it (the web page mounts a new pane over each workbook it opens). */
export function mountPane(container: HTMLElement, host: WorkbookHost, displayLanguage?: string): Promise<() => void> {
  const actions = paneActions(host);
  const render = (strings: Strings): (() => void) => {
    document.documentElement.lang = strings.language === 'en' ? 'en' : 'zh-CN';
    const version = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
    const root = createRoot(container);
    root.render(
      <FluentProvider theme={webLightTheme}>
        <App actions={actions} strings={strings} version={version} defaultYear={reportYearNow()} />
      </FluentProvider>,
    );
    return () => root.unmount();
  };
  // should the English file not load, the pane still opens, in Chinese
  return loadStrings(displayLanguage).then(render, () => render(zhStrings));
}
