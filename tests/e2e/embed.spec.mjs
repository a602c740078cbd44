// Embedding on host pages (docs/EMBEDDING.md): a plain intranet page, a page
// with hostile CSS and two instances, a page under a strict CSP header with
// the widget served from a sub-path, and the standalone page in an iframe
// that sizes itself from the widget's height messages; two widgets that
// remember their answers side by side; height messages addressed to a named
// parent origin only; a colour scheme fixed by the host. The shared fixture
// fails every test on a CSP violation or a script error it did not declare.
import { test, expect } from './fixtures.mjs';
import { widget, ready, start, answerAll, unexpected, allowed, textsFiles } from './helpers.mjs';

async function completeAndDownload(page, root) {
  await start(root, { useCases: ['administrative'], serviceModel: 'saas' });
  await answerAll(root, (i) => (i % 4) + 1);
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  return file;
}

/**
 * Only the page's own files and the widget's were loaded, nothing after it was interactive but the
 * questionnaire's texts and then the other domains' questions (each once, when the user started), nothing kept.
 */
async function assertPrivate(page, log, context, files) {
  const origin = new URL(page.url()).origin;
  expect(unexpected(log.requests, allowed(origin, files))).toEqual([]);
  const late = log.requests.filter((r) => r.at > log.interactiveAt && !r.url.startsWith('blob:')).map((r) => new URL(r.url).pathname);
  const texts = textsFiles();
  expect(late.filter((p) => !texts.some((t) => p.endsWith(`/${t}`))), 'no request after interactive but the texts').toEqual([]);
  expect(late.length, 'the texts and the questions load once each').toBeLessThanOrEqual(2);
  expect(new Set(late).size, 'no file of words is asked for twice').toBe(late.length);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
}

const host = (name, ...own) => ({ host: [`/hosts/${name}.html`, ...own.map((f) => `/hosts/${f}`)] });

test('a plain intranet page: complete, download, nothing leaves', async ({ page, context, guard: log }) => {
  await page.goto('/hosts/plain.html');
  await ready(page, log, '#assessment');
  const root = widget(page, '#assessment');
  const file = await completeAndDownload(page, root);
  expect(file.suggestedFilename()).toMatch(/^cloudtriage-results-/);
  await assertPrivate(page, log, context, host('plain', 'plain.css'));
});

test('hostile host CSS neither breaks the widget nor is broken by it; two instances keep separate state', async ({ page, context, guard: log }) => {
  await page.goto('/hosts/hostile.html');
  await ready(page, log, '[data-instance=first]');
  await ready(page, undefined, '[data-instance=second]');
  const first = widget(page, '[data-instance=first]');
  const second = widget(page, '[data-instance=second]');

  // The widget keeps its own type and layout.
  const style = await first.locator('h1').evaluate((h) => {
    const s = getComputedStyle(h);
    return { font: s.fontFamily, transform: s.textTransform, size: parseFloat(s.fontSize) };
  });
  expect(style.font).not.toContain('Comic');
  expect(style.transform).toBe('none');
  expect(style.size).toBeGreaterThan(20);
  await expect(first.locator('.ct-logo')).toBeVisible();
  const button = await first.locator('.ct-welcome .ct-button-primary').evaluate((b) => getComputedStyle(b).fontSize);
  expect(parseFloat(button)).toBeLessThan(20);
  // The accent colour set by attribute reaches the widget.
  const accent = await first.locator('.ct-welcome .ct-button-primary').evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(accent).toBe('rgb(122, 31, 92)');
  // And the widget's styles do not leak out.
  expect(await page.locator('.host-marker').evaluate((p) => getComputedStyle(p).color)).toBe('rgb(255, 0, 255)');

  // Separate state: answering in one leaves the other untouched; the preset applies to the first only.
  await first.locator('.ct-welcome .ct-button-primary').click();
  await expect(first.locator('input[name=use_case][value=ehr]')).toBeChecked();
  await second.locator('.ct-welcome .ct-button-primary').click();
  await expect(second.locator('input[name=use_case][value=ehr]')).not.toBeChecked();
  await second.getByRole('button', { name: 'Erase everything' }).click();
  await second.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(second.locator('input[role=switch]')).toHaveCount(0);
  await first.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await first.locator('.ct-question').first().locator('input[value="3"]').check();
  await expect(first.locator('.ct-progress-text')).toContainText('1 of');
  await expect(second.locator('.ct-welcome')).toBeVisible();

  await page.screenshot({ path: 'test-results/hostile-host.png', fullPage: true });
  const file = await completeAndDownload(page, second);
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  await assertPrivate(page, log, context, host('hostile', 'hostile.css'));
});

test('under a strict CSP header, served from a sub-path', async ({ page, context, guard: log }) => {
  const response = await page.goto('/hosts/strict.html');
  expect(response.headers()['content-security-policy']).toContain("style-src 'self'");
  expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await ready(page, log);
  const root = widget(page);
  await completeAndDownload(page, root);
  // Every file of the widget from its folder, none from the root.
  await assertPrivate(page, log, context, { ...host('strict'), folder: '/tools/cloud-assessment/' });
});

test('the standalone page works under a sub-path with the strict CSP header', async ({ page, context, guard: log }) => {
  await page.goto('/tools/cloud-assessment/?lang=en');
  await ready(page, log);
  await completeAndDownload(page, widget(page));
  await assertPrivate(page, log, context, { folder: '/tools/cloud-assessment/', standalone: true });
});

test('in an iframe, the height messages arrive and size the frame', async ({ page, guard: log }) => {
  const messages = [];
  await page.exposeFunction('__heightMessage', (m) => messages.push(m));
  await page.addInitScript(() => {
    window.addEventListener('message', (e) => window.__heightMessage({ data: e.data, origin: e.origin }));
  });
  await page.goto('/hosts/frame.html');
  const frame = page.frameLocator('iframe[data-cloudtriage-frame]');
  await expect(frame.locator('[data-cloudtriage] .ct h1')).toBeVisible();
  await expect.poll(() => messages.length).toBeGreaterThan(0);
  const first = messages.at(-1);
  expect(first.data.type).toBe('cloudtriage:height');
  expect(first.data.instance).toBe('standalone');
  expect(first.origin).toBe(new URL(page.url()).origin);
  await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(600);
  const welcomeHeight = (await page.locator('iframe').boundingBox()).height;
  // A taller page (the context step) grows the frame.
  await frame.locator('.ct-welcome .ct-button-primary').click();
  await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(welcomeHeight);
  // The frame shows the whole widget without an inner scroll bar.
  await expect.poll(() => frame.locator('html').evaluate((h) => h.scrollHeight - h.clientHeight)).toBeLessThanOrEqual(1);
  const origin = new URL(page.url()).origin;
  expect(unexpected(log.requests, allowed(origin, { ...host('frame', 'frame.css'), standalone: true }), allowed(origin, { host: ['/embed/cloudtriage-frame.js'] }))).toEqual([]);
});

test('no height message is sent unless the page asks for it', async ({ page }) => {
  const messages = [];
  await page.exposeFunction('__anyMessage', (m) => messages.push(m));
  await page.addInitScript(() => window.addEventListener('message', (e) => window.__anyMessage(e.data)));
  await page.goto('/hosts/plain.html');
  await ready(page, undefined, '#assessment');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/?lang=en&storage=off';
    document.body.append(frame);
  });
  await expect(page.frameLocator('iframe').locator('[data-cloudtriage] .ct h1')).toBeVisible();
  await page.frameLocator('iframe').locator('.ct-welcome .ct-button-primary').click();
  await expect(page.frameLocator('iframe').locator('.ct-context')).toBeVisible();
  expect(messages).toEqual([]);
});

test('a mount element added later starts with the loader’s mount()', async ({ page, guard: log }) => {
  await page.goto('/hosts/plain.html');
  await ready(page, log, '#assessment');
  await page.evaluate(async () => {
    const late = document.createElement('div');
    late.id = 'late';
    late.dataset.cloudtriage = '';
    late.dataset.instance = 'late';
    late.dataset.lang = 'en';
    document.body.append(late);
    const { mount } = await import('/cloudtriage.js');
    await mount();
  });
  await ready(page, undefined, '#late');
  await expect(page.locator('[data-cloudtriage-mounted]')).toHaveCount(2);
});

/** The stored copies of every widget on the page, by key, as the answers they hold. */
function stored(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, JSON.parse(localStorage.getItem(k)).answers])));
}

for (const [page_, keys] of [['wards', ['cloudtriage:v1:ward-a', 'cloudtriage:v1:ward-b']], ['unnamed', ['cloudtriage:v1:default', 'cloudtriage:v1:default-1']]]) {
  test(`two widgets that remember their answers keep them apart across a reload (${page_} page)`, async ({ page, guard: log }) => {
    await page.goto(`/hosts/${page_}.html`);
    const [a, b] = [0, 1].map((i) => page.locator('[data-cloudtriage]').nth(i).locator('.ct'));
    await expect(a.locator('h1')).toBeVisible();
    await expect(b.locator('h1')).toBeVisible();
    log.interactiveAt = Date.now();
    await start(a, { useCases: ['ehr'], serviceModel: 'saas' });
    await a.locator('.ct-question').nth(0).locator('input[value="3"]').check();
    await a.locator('input[role=switch]').check();
    await start(b, { useCases: ['administrative'], serviceModel: 'iaas' });
    await b.locator('.ct-question').nth(0).locator('input[value="1"]').check();
    await b.locator('.ct-question').nth(1).locator('input[value="4"]').check();
    await b.locator('input[role=switch]').check();
    const ids = {
      a: (await a.locator('.ct-question').nth(0).getAttribute('id')).replace('question-', ''),
      b0: (await b.locator('.ct-question').nth(0).getAttribute('id')).replace('question-', ''),
      b1: (await b.locator('.ct-question').nth(1).getAttribute('id')).replace('question-', ''),
    };
    // One key each; each holds its own widget's answers only.
    const both = await stored(page);
    expect(Object.keys(both)).toEqual(keys);
    expect(Object.keys(both[keys[0]])).toEqual([ids.a]);
    expect(Object.keys(both[keys[1]]).sort()).toEqual([ids.b0, ids.b1].sort());

    await page.reload();
    await expect(a.locator('input[role=switch]')).toBeChecked();
    await expect(b.locator('input[role=switch]')).toBeChecked();
    await a.locator('.ct-nav-item').nth(1).locator('.ct-nav-link').click();
    await b.locator('.ct-nav-item').nth(1).locator('.ct-nav-link').click();
    await expect(a.locator(`#question-${ids.a} input[value="3"]`)).toBeChecked();
    await expect(a.locator('.ct-question input:checked')).toHaveCount(1);
    await expect(b.locator(`#question-${ids.b0} input[value="1"]`)).toBeChecked();
    await expect(b.locator(`#question-${ids.b1} input[value="4"]`)).toBeChecked();
    await expect(b.locator('.ct-question input:checked')).toHaveCount(2);
    expect(await stored(page)).toEqual(both);

    // Forgetting in one leaves the other's copy alone, across another reload.
    await a.locator('input[role=switch]').uncheck();
    expect(Object.keys(await stored(page))).toEqual([keys[1]]);
    await page.reload();
    await expect(a.locator('.ct-welcome')).toBeVisible();
    await expect(b.locator('input[role=switch]')).toBeChecked();
    expect(await stored(page)).toEqual({ [keys[1]]: both[keys[1]] });
    const origin = new URL(page.url()).origin;
    expect(unexpected(log.requests, allowed(origin, host(page_, 'plain.css')))).toEqual([]);
  });
}

/** The other loopback name of the test server: a different origin, as a tools server beside the intranet would be. */
function otherOrigin(page) {
  const url = new URL(page.url());
  return `http://localhost:${url.port}`;
}

/** Frames the standalone page from the other origin with the given query and collects what reaches the host page. */
async function frameFromElsewhere(page, query = () => '') {
  const messages = [];
  await page.exposeFunction('__hostMessage', (m) => messages.push(m));
  await page.addInitScript(() => window.addEventListener('message', (e) => window.__hostMessage({ data: e.data, origin: e.origin })));
  await page.goto('/hosts/crossorigin.html');
  const tools = otherOrigin(page);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.dataset.cloudtriageFrame = '';
    frame.title = 'Cloud readiness self-assessment';
    frame.src = src;
    document.body.append(frame);
  }, `${tools}/?resize=parent&lang=en&storage=off${query(new URL(page.url()).origin)}`);
  const frame = page.frameLocator('iframe[data-cloudtriage-frame]');
  // The widget, not the prerendered screen (whose Start would open the widget on the next page at once).
  await expect(frame.locator('[data-cloudtriage] .ct-mount:not([data-prerendered]) .ct h1')).toBeVisible();
  // A taller page: the widget posts its new height.
  await frame.locator('.ct-welcome .ct-button-primary').click();
  await expect(frame.locator('.ct-context')).toBeVisible();
  return { messages, tools, frame };
}

test('in an iframe from another origin, height messages go to the named parent_origin', async ({ page, guard: log }) => {
  const { messages, tools } = await frameFromElsewhere(page, (origin) => `&parent_origin=${encodeURIComponent(origin)}`);
  const origin = new URL(page.url()).origin;
  await expect.poll(() => messages.length).toBeGreaterThan(1);
  for (const m of messages) {
    expect(m.origin).toBe(tools);
    expect(m.data).toEqual({ type: 'cloudtriage:height', height: expect.any(Number), instance: 'standalone' });
  }
  // The host's frame script accepted them: the frame grew to the widget's height.
  await expect.poll(async () => (await page.locator('iframe').boundingBox()).height).toBeGreaterThan(600);
  expect(unexpected(log.requests, allowed(origin, { ...host('crossorigin', 'frame.css') }), allowed(origin, { host: ['/embed/cloudtriage-frame.js'] }), allowed(tools, { standalone: true }))).toEqual([]);
});

// With the test above, which differs only in parent_origin: the widget posts, and the browser delivers only to the origin named.
test('in an iframe from another origin, height messages named for a different parent never reach this one', async ({ page }) => {
  const { messages } = await frameFromElsewhere(page, () => '&parent_origin=https://intranet.example.org');
  await page.waitForTimeout(500);
  expect(messages).toEqual([]);
  expect((await page.locator('iframe').boundingBox()).height).toBeLessThan(400);
});

test('in an iframe from another origin, without parent_origin the messages stay with the page’s own origin', async ({ page }) => {
  const { messages } = await frameFromElsewhere(page);
  await page.waitForTimeout(500);
  expect(messages).toEqual([]);
  expect((await page.locator('iframe').boundingBox()).height).toBeLessThan(400);
});

/** The resolved background of each widget on the themes page. */
function backgrounds(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-cloudtriage]')].map((el) => {
    const ct = el.shadowRoot.querySelector('.ct');
    return [el.dataset.instance, `${getComputedStyle(ct).colorScheme} ${getComputedStyle(ct).backgroundColor}`];
  })));
}

for (const system of ['light', 'dark']) {
  test(`data-theme fixes the colour scheme whatever the system prefers (${system})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: system });
    await page.goto('/hosts/themes.html');
    for (const name of ['dark', 'light', 'auto']) await ready(page, undefined, `[data-instance=${name}]`);
    const auto = system === 'dark' ? 'light dark rgb(16, 22, 29)' : 'light dark rgb(255, 255, 255)';
    expect(await backgrounds(page)).toEqual({ dark: 'dark rgb(16, 22, 29)', light: 'light rgb(255, 255, 255)', auto });
    // The text follows the scheme too.
    const text = await widget(page, '[data-instance=dark]').locator('h1').evaluate((h) => getComputedStyle(h).color);
    expect(text).toBe('rgb(231, 236, 241)');
  });
}
