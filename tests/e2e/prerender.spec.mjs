// Something useful on screen before the module runs (docs/PERFORMANCE.md):
// the build renders the welcome screen into the pages of ours, which a reader
// without JavaScript sees in the page's language, and which the module
// replaces without a layout shift, keeping the scroll position and the focus.
// On a host page that is not ours, the loader shows a short line instead.
// The guard fails every test on a CSP violation or a console error.
import { test, expect } from './fixtures.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { widget } from './helpers.mjs';

/**
 * The interface words of a language as the build wrote them: dist/lang/<code>-<hash>.json, and those of
 * the pages past the welcome page, which come with the questionnaire's texts (<code>.texts-<hash>.json).
 */
function words(code) {
  const read = (pattern) => {
    const file = readdirSync('dist/lang').find((f) => pattern.test(f));
    return JSON.parse(readFileSync(`dist/lang/${file}`, 'utf8')).ui;
  };
  return { ...read(new RegExp(`^${code}-[0-9a-f]+\\.json$`)), ...read(new RegExp(`^${code}\\.texts-[0-9a-f]+\\.json$`)) };
}

const PAGES = [
  { name: 'the standalone page', path: '/', file: 'dist/index.html', code: 'en' },
  { name: 'the example page that names German', path: '/embed/example.de.html', file: 'dist/embed/example.de.html', code: 'de' },
];

/** Holds the WebAssembly module back until the returned function is called. */
async function holdModule(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/cloudtriage-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** Whether the module has replaced the prerendered screen with the widget. */
const takenOver = () => {
  const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
  return Boolean(shadow && !shadow.querySelector('[data-prerendered]') && shadow.querySelector('.ct-mount > .ct .ct-welcome'));
};

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { name, path, code } of PAGES) {
    test(`${name} shows the welcome text and the privacy promise (${code})`, async ({ page }) => {
      const w = words(code).welcome;
      await page.goto(path);
      const screen = page.locator('[data-cloudtriage] .ct-mount[data-prerendered]');
      await expect(screen.locator('h1')).toHaveText(w.title);
      await expect(screen.locator('.ct-lead')).toHaveText(w.lead);
      await expect(screen.locator('#ct-privacy-title')).toHaveText(w.privacy_title);
      await expect(screen.locator('.ct-privacy-list li')).toHaveText([w.privacy_1, w.privacy_2, w.privacy_3]);
      await expect(screen.locator('.ct')).toHaveAttribute('lang', code);
      // Nothing pretends to work: every control is disabled, and a line says why.
      // (Playwright's text search skips noscript elements: a CSS locator finds it.)
      await expect(screen.locator('noscript .ct-notice-text')).toHaveText(w.needs_javascript);
      await expect(screen.locator('noscript .ct-notice-text')).toBeVisible();
      await expect(screen.getByRole('button', { name: w.start })).toBeDisabled();
      const controls = screen.locator('button, select, input');
      expect(await controls.count()).toBeGreaterThan(5);
      for (const control of await controls.all()) await expect(control).toBeDisabled();
      // The widget's own stylesheet lays it out, as the module will.
      await expect(screen.locator('.ct-welcome .ct-button-primary')).toHaveCSS('border-radius', '999px');
    });
  }
});

for (const { name, file } of PAGES) {
  test(`${name} has no inline script, no style attribute and no embedded words in its file`, async () => {
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<template shadowrootmode="open">');
    expect(html.match(/<script\b[^>]*>/g).filter((tag) => !/\bsrc=/.test(tag))).toEqual([]);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toContain('application/json');
  });
}

for (const { name, path, code } of PAGES) {
  test(`on ${name} the module takes over without a shift, keeping scroll and focus (${code})`, async ({ page }) => {
    const w = words(code).welcome;
    await page.setViewportSize({ width: 800, height: 420 });
    const release = await holdModule(page);
    await page.goto(path);
    const prerendered = page.locator('[data-cloudtriage] .ct-mount[data-prerendered] h1');
    await expect(prerendered).toHaveText(w.title);
    // The reader has scrolled and focused the heading before the module arrives.
    await prerendered.focus();
    await page.evaluate(() => window.scrollTo(0, 150));
    expect(await page.evaluate(() => window.scrollY)).toBe(150);
    release();
    await page.waitForFunction(takenOver);
    const heading = widget(page).locator('h1');
    await expect(heading).toHaveText(w.title);
    expect(await page.evaluate(() => window.scrollY), 'the scroll position is kept').toBe(150);
    const focused = await page.evaluate(() => {
      const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
      return { id: shadow.activeElement && shadow.activeElement.id, live: Boolean(shadow.activeElement && shadow.activeElement.closest('.ct-mount:not([data-prerendered])')) };
    });
    expect(focused, 'the focus moved to the same heading in the widget').toEqual({ id: 'ct-page-title', live: true });
    const shifts = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.value)));
      observer.observe({ type: 'layout-shift', buffered: true });
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => { observer.disconnect(); resolve(seen); }, 200)));
    }));
    expect(shifts.filter((v) => v > 0), 'no layout shift').toEqual([]);
    // One stylesheet link, and the welcome page works: Start leads on.
    expect(await page.evaluate(() => document.querySelector('[data-cloudtriage]').shadowRoot.querySelectorAll('link[rel=stylesheet]').length)).toBe(1);
    await widget(page).locator('.ct-welcome .ct-button-primary').click();
    await expect(widget(page).locator('.ct-context h1')).toHaveText(words(code).context.title);
  });
}

test('a host page that is not ours shows a line in the interface words while the module loads', async ({ page }) => {
  const release = await holdModule(page);
  await page.goto('/hosts/plain.html');
  const line = page.locator('#assessment > p.cloudtriage-loading');
  await expect(line).toHaveText(words('en').app.starting);
  await expect(line).toHaveAttribute('role', 'status');
  expect(await line.getAttribute('style')).toBeNull();
  release();
  await expect(widget(page, '#assessment').locator('h1')).toHaveText(words('en').welcome.title);
  await expect(line).toBeHidden();
});

test('the module and the words are asked for only once the first frame is drawn', async ({ page }) => {
  // The first frame's callbacks run just before it is painted; the loader's requests must come after them,
  // so that on a slow line the module's bytes do not compete with the first screen.
  await page.addInitScript(() => requestAnimationFrame(() => { window.__firstFrame = performance.now(); }));
  await page.goto('/');
  await page.waitForFunction(takenOver);
  const { frame, requests } = await page.evaluate(() => ({
    frame: window.__firstFrame,
    requests: performance.getEntriesByType('resource')
      .filter((r) => /_bg\.wasm$|\/lang\/[a-z]{2}-[0-9a-f]+\.json$/.test(r.name))
      .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime })),
  }));
  expect(typeof frame).toBe('number');
  expect(requests.map((r) => r.name.replace(/-[0-9a-f]+/, '')).sort()).toEqual(['cloudtriage_bg.wasm', 'en.json']);
  for (const r of requests) expect(r.start, r.name).toBeGreaterThanOrEqual(frame);
});

test('a page that draws no frame for now (a hidden or off-screen iframe) starts the widget within a second', async ({ page }) => {
  // As a browser does for a frame it does not draw: no frame callbacks and no paint yet.
  await page.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
    const entries = performance.getEntriesByType.bind(performance);
    performance.getEntriesByType = (type) => (type === 'paint' ? [] : entries(type));
  });
  await page.goto('/');
  await page.waitForFunction(takenOver, null, { timeout: 5000, polling: 100 });
  const start = await page.evaluate(() => performance.getEntriesByType('resource').find((r) => /_bg\.wasm$/.test(r.name)).startTime);
  // Asked for after the wait of one second, not at once and not never.
  expect(start).toBeGreaterThanOrEqual(1000);
  await widget(page).locator('.ct-welcome .ct-button-primary').click();
  await expect(widget(page).locator('.ct-context h1')).toBeVisible();
});

for (const { name, path, code } of PAGES) {
  test(`on ${name} Start answers before the module runs: the texts load beside it, the widget opens on the context page (${code})`, async ({ page }) => {
    const w = words(code);
    const texts = [];
    page.on('request', (r) => { if (/\/lang\/[a-z]{2}\.texts-[0-9a-f]+\.json$/.test(r.url())) texts.push(r.url()); });
    const release = await holdModule(page);
    await page.goto(path);
    const screen = page.locator('[data-cloudtriage] .ct-mount[data-prerendered]');
    const start = screen.getByRole('button', { name: w.welcome.start });
    // The loader enables Start alone: nothing else can work before the module.
    await expect(start).toBeEnabled();
    await expect(screen.locator(':is(button, select, input):not([disabled])')).toHaveCount(1);
    expect(texts, 'nothing of the questionnaire is asked for before the reader does').toEqual([]);
    await start.click();
    await expect.poll(() => texts.length, 'the texts are asked for at once, with the module still on its way').toBe(1);
    expect(texts[0]).toContain(`/lang/${code}.texts-`);
    // The button says it is busy and a line says why, in the interface words.
    await expect(start).toHaveAttribute('aria-disabled', 'true');
    const line = screen.locator('.ct-early-status');
    await expect(line).toHaveText(w.texts.loading);
    await expect(line).toHaveAttribute('role', 'status');
    // A second click (Playwright would wait for a busy button to be enabled) asks for nothing more.
    await start.dispatchEvent('click');
    release();
    // The widget opens where Start leads, with the texts already in, the focus on the new page's heading.
    await expect(widget(page).locator('.ct-context h1')).toHaveText(w.context.title);
    await expect(screen).toHaveCount(0);
    const focused = await page.evaluate(() => {
      const active = document.querySelector('[data-cloudtriage]').shadowRoot.activeElement;
      return { id: active && active.id, live: Boolean(active && active.closest('.ct-mount:not([data-prerendered])')) };
    });
    expect(focused).toEqual({ id: 'ct-page-title', live: true });
    await expect(widget(page).locator('.ct-loading')).toHaveCount(0);
    // The questionnaire works on from there, and its texts were fetched once (a second click asked for nothing).
    await widget(page).locator('input[name=use_case][value=ehr]').check();
    await widget(page).locator('input[name=service_model][value=saas]').check();
    await widget(page).locator('.ct-context .ct-actions-row .ct-button-primary').click();
    await expect(widget(page).locator('.ct-domain .ct-question').first()).toBeVisible();
    expect(texts).toHaveLength(1);
  });
}

test('Start clicked before the module runs, with the texts refused: the widget says so and loads them again on request', async ({ page, guard }) => {
  // The loader's request and the widget's own are refused (the file fails its digest), the third is served whole.
  const file = /\/lang\/en\.texts-[0-9a-f]+\.json$/;
  guard.expectError(/^console: Failed to find a valid digest in the 'integrity' attribute for resource '[^']+\/lang\/en\.texts-[0-9a-f]+\.json' with computed SHA-384 integrity '[^']+'\. The resource has been blocked\.$/);
  guard.expectError(/^console: Fetch API cannot load [^ ]+\/lang\/en\.texts-[0-9a-f]+\.json\. SRI's integrity checks failed\.$/);
  guard.expectError(/^console: cloudtriage: the words for en could not be loaded/);
  let served = 0;
  await page.route(file, async (route) => {
    served++;
    const response = await route.fetch();
    const body = await response.body();
    if (served <= 2) body[body.length - 1] ^= 0x01;
    return route.fulfill({ response, body });
  });
  const release = await holdModule(page);
  await page.goto('/');
  await page.locator('[data-cloudtriage] .ct-mount[data-prerendered] .ct-welcome .ct-button-primary').click();
  await expect.poll(() => served).toBe(1);
  release();
  const failed = widget(page).locator('.ct-texts-failed');
  await expect(failed.locator('h1')).toHaveText(words('en').texts.failed_title);
  expect(served).toBe(2);
  await failed.getByRole('button', { name: words('en').texts.retry }).click();
  await expect(widget(page).locator('.ct-context h1')).toHaveText(words('en').context.title);
  expect(served).toBe(3);
});

test('Start clicked before the module runs on a respondent\'s link: the whole widget, which starts at once there, opens on the context page', async ({ page }) => {
  const texts = [];
  page.on('request', (r) => { if (/\/lang\/en\.texts-[0-9a-f]+\.json$/.test(r.url())) texts.push(r.url()); });
  const release = await holdModule(page);
  await page.goto('/?lang=en&respondent=DPO&domains=governance');
  await page.locator('[data-cloudtriage] .ct-mount[data-prerendered] .ct-welcome .ct-button-primary').click();
  await expect.poll(() => texts.length).toBe(1);
  release();
  await expect(widget(page).locator('.ct-context h1')).toHaveText(words('en').context.title);
  // The whole widget shows it: the respondent's domain comes first.
  await widget(page).locator('input[name=use_case][value=ehr]').check();
  await widget(page).locator('input[name=service_model][value=saas]').check();
  await widget(page).locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await expect(widget(page).locator('.ct-domain h1')).toHaveText('Governance');
  expect(texts).toHaveLength(1);
});
