/** Web page entry (web.html): the web edition in the page's language, Chinese unless ?lang=en or an English browser. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { WebPage } from './page';
import { pageLanguage, pageStrings } from './strings';

const strings = pageStrings(pageLanguage(location.search, navigator.language));
document.documentElement.lang = strings.language === 'en' ? 'en' : 'zh-CN';
document.title = strings.title;
createRoot(document.getElementById('web-root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
    <WebPage strings={strings} />
  </FluentProvider>,
);
