// Shared steps for the end-to-end tests and the screenshot script. Locators
// pierce the widget's open shadow root, as Playwright's CSS engine does.
import { expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The widget's root inside its shadow root, once the module renders it (not the build's prerendered screen). */
export function widget(page, host = '[data-cloudtriage]') {
  return page.locator(`${host} .ct-mount:not([data-prerendered]) > .ct`).first();
}

/** Waits until the widget has rendered and records the moment. */
export async function ready(page, log, host) {
  await expect(widget(page, host).locator('h1')).toBeVisible();
  if (log) log.interactiveAt = Date.now();
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

/**
 * Exports in a format from the Export menu and returns the download. The end
 * of an export closes the menu, a moment after its download has started: the
 * next export waits for that to settle (no format disabled), opens the menu
 * and clicks the format once it is enabled. Clicking at once could hit the
 * format of a menu about to close, and no download would ever come.
 */
export async function exportAs(page, root, format) {
  const toggle = root.locator('.ct-export > .ct-button');
  const item = root.locator(`.ct-export-item[data-format=${format}]`);
  await expect(root.locator('.ct-export-item[disabled]')).toHaveCount(0, { timeout: 60_000 });
  await expect(async () => {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(item).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return download;
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

/**
 * The widget's files as the built loader names them: the module, its
 * stylesheet and every language's words, each checked to exist in dist/.
 */
export function widgetFiles(dist = 'dist') {
  const loader = readFileSync(join(dist, 'cloudtriage.js'), 'utf8');
  const assets = loader.match(/const CLOUDTRIAGE_ASSETS = \{\s*wasm: "([^"]+)",[^}]*?css: "([^"]+)",[^}]*?languages: (\{.*\}),\s*\};/s);
  if (!assets) throw new Error(`${dist}/cloudtriage.js does not name its assets`);
  const files = ['cloudtriage.js', assets[1], assets[2], ...Object.values(JSON.parse(assets[3])).flatMap((l) => [l.file, l.texts, l.questions]), ...fullFiles(dist)];
  for (const f of files) if (!existsSync(join(dist, f))) throw new Error(`${dist}/${f} is named by the loader but missing`);
  return files;
}

/**
 * The whole widget's module and its WebAssembly (src/web/upgrade.rs), as the
 * loader and that module name them: requested only when a widget asks for the
 * team's screens or an agency's profile.
 */
export function fullFiles(dist = 'dist') {
  const loader = readFileSync(join(dist, 'cloudtriage.js'), 'utf8');
  const module = loader.match(/\bfull: "(full-[0-9a-f]{16}\.js)"/);
  if (!module) throw new Error(`${dist}/cloudtriage.js does not name the whole widget`);
  const wasm = readFileSync(join(dist, module[1]), 'utf8').match(/file: "(full-[0-9a-f]{16}_bg\.wasm)"/);
  if (!wasm) throw new Error(`${dist}/${module[1]} does not name its WebAssembly`);
  return [module[1], wasm[1]];
}

/**
 * The questionnaire's texts of each language and the other domains' questions, as the loader names them:
 * loaded only when the user leaves the welcome page, the questions once the texts are in.
 */
export function textsFiles(dist = 'dist') {
  return widgetFiles(dist).filter((f) => /^lang\/[a-z]{2}\.(texts|questions)-[0-9a-f]{16}\.json$/.test(f));
}

/** The standalone page's own stylesheet, as dist/index.html links it. */
export function pageStylesheet(dist = 'dist') {
  const css = readFileSync(join(dist, 'index.html'), 'utf8').match(/<link rel="stylesheet" href="([^"]+)"/);
  if (!css) throw new Error(`${dist}/index.html links no stylesheet`);
  return css[1].replace(/^\.?\//, '');
}

/**
 * Every URL a page may request, exactly: the host page itself (with any query),
 * the host's own files, and the widget's files under the folder it is served
 * from (`folder`). `standalone` adds the standalone page (index.html or the
 * bare folder, with any query) and its stylesheet.
 */
export function allowed(origin, { folder = '/', host = [], standalone = false } = {}) {
  const exact = new Set([...host, ...widgetFiles().map((f) => folder + f)].map((path) => origin + path));
  const pages = new Set(host.filter((h) => h.endsWith('.html')).map((path) => origin + path));
  if (standalone) {
    exact.add(origin + folder + pageStylesheet());
    for (const page of [folder, folder + 'index.html']) pages.add(origin + page);
  }
  return (url) => {
    const u = new URL(url);
    const file = u.origin + u.pathname;
    return pages.has(file) || (exact.has(file) && u.search === '' && u.hash === '');
  };
}

/** The requests that are not on a page's allowlist (data: and blob: URLs are not requests to anywhere). */
export function unexpected(requests, ...lists) {
  return requests
    .map((r) => r.url)
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))
    .filter((url) => !lists.some((ok) => ok(url)));
}
