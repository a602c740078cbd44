// Shared steps for the end-to-end tests and the screenshot script. Locators
// pierce the widget's open shadow root, as Playwright's CSS engine does.
import { expect } from '@playwright/test';

/** Records what a page does that the privacy and CSP promises forbid. */
export async function watch(page) {
  const log = { requests: [], violations: [], errors: [], interactiveAt: null };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    }, true);
  });
  page.on('request', (r) => log.requests.push({ url: r.url(), at: Date.now(), type: r.resourceType() }));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  return log;
}

/** The widget's root inside its shadow root. */
export function widget(page, host = '[data-cloudtriage]') {
  return page.locator(`${host} .ct`).first();
}

/** Waits until the widget has rendered and records the moment. */
export async function ready(page, log, host) {
  await expect(widget(page, host).locator('h1')).toBeVisible();
  if (log) log.interactiveAt = Date.now();
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

/** Welcome → context (with the given use cases and service model) → first domain. */
export async function start(root, { useCases = ['ehr'], serviceModel = 'saas', startLabel = /start/i } = {}) {
  await root.locator('.ct-welcome .ct-button-primary').click();
  for (const u of useCases) await root.locator(`input[name=use_case][value=${u}]`).check();
  await root.locator(`input[name=service_model][value=${serviceModel}]`).check();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await expect(root.locator('.ct-domain')).toBeVisible();
}

/** Answers every question on every domain page, by level per question index, then opens the results. */
export async function answerAll(root, pick = (i) => i % 5) {
  let n = 0;
  for (;;) {
    const questions = root.locator('.ct-question');
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const value = pick(n++);
      await questions.nth(i).locator(`input[type=radio][value="${value}"]`).check();
    }
    const next = root.locator('.ct-pager .ct-button-primary');
    const last = (await root.locator('.ct-nav-current + .ct-nav-item .ct-nav-label').textContent()) ===
      (await root.locator('.ct-nav-item:last-child .ct-nav-label').textContent());
    await next.click();
    if (last) break;
  }
  await expect(root.locator('.ct-results')).toBeVisible();
  return n;
}

/** The answers shown, as `{ id: value }`, by visiting every domain page. */
export async function shownAnswers(root) {
  const answers = {};
  const links = root.locator('.ct-nav-item .ct-nav-link');
  const count = await links.count();
  for (let i = 1; i < count - 1; i++) {
    await links.nth(i).click();
    const questions = root.locator('.ct-question');
    const n = await questions.count();
    for (let q = 0; q < n; q++) {
      const id = (await questions.nth(q).getAttribute('id')).replace('question-', '');
      const checked = questions.nth(q).locator('input[type=radio]:checked');
      answers[id] = (await checked.count()) ? await checked.getAttribute('value') : null;
    }
  }
  return answers;
}

/** The only files the page may load: the page, its stylesheet, the loader, the module, the widget stylesheet and language words. */
export const ALLOWED = [
  /\/(index\.html)?(\?.*)?$/,
  /\/page-[0-9a-f]{16}\.css$/,
  /\/cloudtriage\.js$/,
  /\/cloudtriage-[0-9a-f]{16}_bg\.wasm$/,
  /\/widget-[0-9a-f]{16}\.css$/,
  /\/lang\/[a-z]{2}-[0-9a-f]{16}\.json$/,
];

export function unexpected(requests, origin, extra = []) {
  return requests
    .map((r) => r.url)
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))
    .filter((url) => new URL(url).origin !== origin || ![...ALLOWED, ...extra].some((re) => re.test(new URL(url).pathname + new URL(url).search)));
}
