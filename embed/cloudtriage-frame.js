// cloudtriage: sizes iframes that show the widget to the height of their
// content. Include it on the host page (no inline script needed):
//   <script src="/tools/cloud-assessment/embed/cloudtriage-frame.js" defer></script>
//   <iframe data-cloudtriage-frame title="Cloud readiness self-assessment"
//           src="/tools/cloud-assessment/?resize=parent"></iframe>
// The widget posts {type: "cloudtriage:height", height, instance} to its parent
// only when the frame's URL has resize=parent. Messages from anywhere other
// than the frame itself are ignored. Nothing here sends anything.
(() => {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'cloudtriage:height' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-cloudtriage-frame]')) {
      const origin = new URL(frame.src, window.location.href).origin;
      if (frame.contentWindow === event.source && event.origin === origin) {
        // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
        frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 240), 200000)}px`;
      }
    }
  });
})();
