// The one `test` every spec uses. Its automatic `guard` fixture records what
// docs/PRIVACY.md and the CSP promise forbid, in every frame of the page:
// Content-Security-Policy violations (seen on the document, in every shadow
// root and in iframes, and kept across reloads), uncaught script errors and
// console errors. Any test that saw one fails, unless it declared exactly that
// error beforehand with `guard.expectError(pattern)` or
// `guard.expectViolation(pattern)`; a declared one that never happened fails
// the test too. It also records every request, for the allowlist in helpers.mjs.
import { test as base, expect } from '@playwright/test';

/** What one page did, and what the test said it expects. */
export class Guard {
  constructor() {
    this.requests = [];
    this.violations = [];
    this.errors = [];
    this.expected = { violations: [], errors: [] };
    this.excused = { violations: [], errors: [] };
    this.interactiveAt = null;
  }

  /** Declares one kind of script or console error the test provokes on purpose. */
  expectError(pattern) {
    this.expected.errors.push(pattern);
  }

  /** Declares one kind of CSP violation the test provokes on purpose. */
  expectViolation(pattern) {
    this.expected.violations.push(pattern);
  }

  /**
   * Runs a third-party step (axe-core) that breaks the page's rules itself;
   * only what matches the given patterns while it runs is set aside.
   */
  async excusing({ violations = [], errors = [] }, step) {
    const from = { violations: this.violations.length, errors: this.errors.length };
    const result = await step();
    for (const kind of ['violations', 'errors']) {
      const patterns = kind === 'violations' ? violations : errors;
      const during = this[kind].splice(from[kind]);
      this.excused[kind].push(...during.filter((e) => patterns.some((p) => p.test(e))));
      this[kind].push(...during.filter((e) => !patterns.some((p) => p.test(e))));
    }
    return result;
  }

  /** Fails on anything not declared, and on anything declared that did not happen. */
  verify() {
    for (const kind of ['violations', 'errors']) {
      const seen = this[kind];
      const expected = this.expected[kind];
      const unexpected = seen.filter((e) => !expected.some((p) => p.test(e)));
      const label = kind === 'violations' ? 'Content-Security-Policy violation' : 'script or console error';
      expect(unexpected, `no ${label} beyond the declared ones`).toEqual([]);
      const missing = expected.filter((p) => !seen.some((e) => p.test(e))).map(String);
      expect(missing, `every declared ${label} happened`).toEqual([]);
    }
  }
}

/** Registers in every frame, before any page script: the violation listeners and the report binding. */
function listen() {
  // Once per document, should the script be run in it again.
  if (window.__ctGuardListening) return;
  window.__ctGuardListening = true;
  const seen = new WeakSet();
  const record = (e) => {
    if (seen.has(e)) return;
    seen.add(e);
    window.__ctGuard(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`);
  };
  document.addEventListener('securitypolicyviolation', record, true);
  // Violations are composed events, but a shadow root's own listener does not depend on it.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    root.addEventListener('securitypolicyviolation', record, true);
    return root;
  };
}

/** Starts guarding a page; `test` does it for the default page, a test that opens another page calls it itself. */
export async function guardPage(page, guard = new Guard()) {
  await page.exposeBinding('__ctGuard', (_source, text) => { guard.violations.push(text); });
  await page.addInitScript(listen);
  page.on('request', (r) => guard.requests.push({ url: r.url(), at: Date.now(), type: r.resourceType(), frame: r.frame()?.url() }));
  page.on('pageerror', (e) => guard.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') guard.errors.push(`console: ${m.text()}`);
  });
  return guard;
}

export const test = base.extend({
  guard: [async ({ page }, use) => {
    const guard = await guardPage(page);
    await use(guard);
    // Reports travel through the same channel as this call: it returns only after they have arrived.
    if (!page.isClosed()) await page.evaluate(() => 0).catch(() => {});
    guard.verify();
  }, { auto: true }],
});

export { expect };
