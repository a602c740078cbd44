// A test hook for browsers that Playwright cannot drive (Firefox ESR through
// WebDriver): a same-origin script, so the page's strict CSP allows it. It
// records, before the widget starts, every Content-Security-Policy violation
// (on the document and in every shadow root), every uncaught error or
// rejection and every console error, in window.__cloudtriageWatch, which the
// test reads. It records only; it changes nothing the widget does.
(() => {
  const watch = { violations: [], errors: [] };
  window.__cloudtriageWatch = watch;
  const seen = new WeakSet();
  const violation = (e) => {
    if (seen.has(e)) return;
    seen.add(e);
    watch.violations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`);
  };
  document.addEventListener('securitypolicyviolation', violation, true);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    root.addEventListener('securitypolicyviolation', violation, true);
    return root;
  };
  window.addEventListener('error', (e) => watch.errors.push(`error: ${e.message}`), true);
  window.addEventListener('unhandledrejection', (e) => watch.errors.push(`unhandled rejection: ${e.reason}`));
  const error = console.error;
  console.error = (...args) => {
    watch.errors.push(`console: ${args.map(String).join(' ')}`);
    error.apply(console, args);
  };
})();
