// Embedding on host pages (docs/EMBEDDING.md): a plain intranet page, a page
// with hostile CSS and two instances, a page under a strict CSP header with
// the widget served from a sub-path, and the standalone page in an iframe
// that sizes itself from the widget's height messages.
import { test, expect } from '@playwright/test';
import { watch, widget, ready, start, answerAll, cspViolations, unexpected } from './helpers.mjs';

async function completeAndDownload(page, root) {
  await start(root, { useCases: ['administrative'], serviceModel: 'saas' });
  await answerAll(root, (i) => (i % 4) + 1);
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  return file;
}

async function assertPrivate(page, log, context, extra = []) {
  const origin = new URL(page.url()).origin;
  expect(unexpected(log.requests, origin, extra)).toEqual([]);
  const late = log.requests.filter((r) => r.at > log.interactiveAt && !r.url.startsWith('blob:'));
  expect(late.map((r) => r.url), 'no request after interactive').toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  expect(await cspViolations(page)).toEqual([]);
  expect(log.errors).toEqual([]);
}

const HOSTS = [/^\/hosts\/[a-z]+\.(html|css)$/];

test('a plain intranet page: complete, download, nothing leaves', async ({ page, context }) => {
  const log = await watch(page);
  await page.goto('/hosts/plain.html');
  await ready(page, log, '#assessment');
  const root = widget(page, '#assessment');
  const file = await completeAndDownload(page, root);
  expect(file.suggestedFilename()).toMatch(/^cloudtriage-results-/);
  await assertPrivate(page, log, context, HOSTS);
});

test('hostile host CSS neither breaks the widget nor is broken by it; two instances keep separate state', async ({ page, context }) => {
  const log = await watch(page);
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
  await assertPrivate(page, log, context, HOSTS);
});

test('under a strict CSP header, served from a sub-path', async ({ page, context }) => {
  const log = await watch(page);
  const response = await page.goto('/hosts/strict.html');
  expect(response.headers()['content-security-policy']).toContain("style-src 'self'");
  expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await ready(page, log);
  const root = widget(page);
  await completeAndDownload(page, root);
  expect(log.requests.filter((r) => /cloudtriage|widget|lang\//.test(r.url)).every((r) => r.url.includes('/tools/cloud-assessment/'))).toBe(true);
  await assertPrivate(page, log, context, [...HOSTS, /^\/tools\/cloud-assessment\//]);
});

test('the standalone page works under a sub-path with the strict CSP header', async ({ page, context }) => {
  const log = await watch(page);
  await page.goto('/tools/cloud-assessment/?lang=en');
  await ready(page, log);
  await completeAndDownload(page, widget(page));
  await assertPrivate(page, log, context, [/^\/tools\/cloud-assessment\//]);
});

test('in an iframe, the height messages arrive and size the frame', async ({ page }) => {
  const log = await watch(page);
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
  expect(log.errors).toEqual([]);
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

test('a mount element added later starts with the loader’s mount()', async ({ page }) => {
  const log = await watch(page);
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
  expect(log.errors).toEqual([]);
});
