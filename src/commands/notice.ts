/** Entry of notice.html, the dialog a ribbon button's outcome is shown in (see noticeView.ts). */
import { renderNotice } from './noticeView';

if (typeof document !== 'undefined' && document.getElementById('container')) {
  const container = document.getElementById('container') as HTMLElement;
  // the message shows at once; closing needs office.js (messageParent), which may still be starting
  void renderNotice(container, location.search, () => {
    if (typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('DialogApi', '1.1'))
      Office.context.ui.messageParent('close');
    else window.close();
  });
  if (typeof Office !== 'undefined') void Office.onReady();
}
