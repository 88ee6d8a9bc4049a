/*
 * Loaded before the add-in's bundles, written in ES5 on purpose: Office builds that still host add-ins in
 * Internet Explorer 11 or the old Edge (EdgeHTML) engine cannot run the pane's modern JavaScript, and the
 * pane would stay blank. A script error before the pane has mounted shows a message saying why instead.
 * (A file, not an inline script: the page's Content-Security-Policy allows only its own files.)
 */
(function () {
  var shown = false;
  function show() {
    if (shown || window.__ogiMounted) return;
    var container = document.getElementById('container');
    if (!container) return;
    shown = true;
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText = 'padding:16px;color:#a4262c;font:14px/1.6 sans-serif';
    p.appendChild(
      document.createTextNode(
        '本加载项无法在当前 Office 中运行：Office 使用的浏览器内核过旧（Internet Explorer 或旧版 Edge）。' +
          '请升级到 Microsoft 365 或 Office 2021 及以上版本，或安装 Microsoft Edge WebView2 运行时后重新打开。' +
          '(This Office hosts add-ins in an outdated browser engine; update Office or install WebView2.)',
      ),
    );
    while (container.firstChild) container.removeChild(container.firstChild);
    container.appendChild(p);
  }
  var modern =
    typeof Promise !== 'undefined' &&
    typeof Symbol !== 'undefined' &&
    typeof Object.assign === 'function' &&
    typeof window.fetch === 'function' &&
    'noModule' in document.createElement('script');
  if (!modern) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  window.addEventListener('error', function (e) {
    // a bundle that cannot even be parsed (syntax the engine does not know) fails before the pane mounts
    if (!window.__ogiMounted && e && /SyntaxError|Syntax error|Expected|Unexpected/i.test(String(e.message))) show();
  });
})();
