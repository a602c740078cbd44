// The guard of tests/e2e/fixtures.mjs can fail: it sees a CSP violation in
// the page, inside the widget's shadow root and in an iframe, and a script
// error; it rejects what was not declared and a declaration that did not
// happen; and every spec uses it.
import { test, expect, Guard } from './fixtures.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { ready } from './helpers.mjs';

/** Adds an inline <style> (which the page's CSP refuses) to the given root, from the page's own realm. */
function inlineStyle(root) {
  const style = document.createElement('style');
  style.textContent = '.never { color: red; }';
  root.append(style);
}

test('every spec uses the guarded test', async () => {
  const specs = readdirSync('tests/e2e').filter((f) => f.endsWith('.spec.mjs'));
  expect(specs.length).toBeGreaterThan(5);
  for (const spec of specs) {
    const text = readFileSync(`tests/e2e/${spec}`, 'utf8');
    expect(text, spec).toMatch(/^import \{ test, expect(, Guard)? \} from '\.\/fixtures\.mjs';$/m);
    expect(text, spec).not.toMatch(/from '@playwright\/test'/);
  }
});

test('a violation in the page, in the shadow root and in an iframe is seen; declared, it passes', async ({ page, guard }) => {
  guard.expectViolation(/^style-src-elem inline$/);
  guard.expectError(/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/);
  // The strict CSP header of a host page, which allows same-origin frames.
  await page.goto('/hosts/strict.html');
  await ready(page, guard);
  expect(guard.violations).toEqual([]);
  await page.evaluate(inlineStyle, await page.evaluateHandle(() => document.head));
  await expect.poll(() => guard.violations).toEqual(['style-src-elem inline']);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.never { color: red; }';
    document.querySelector('[data-cloudtriage]').shadowRoot.append(style);
  });
  await expect.poll(() => guard.violations).toEqual(Array(2).fill('style-src-elem inline'));
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/tools/cloud-assessment/?lang=en&storage=off';
    document.body.append(frame);
  });
  await page.frameLocator('iframe').locator('[data-cloudtriage] .ct h1').waitFor();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.never { color: red; }';
    document.head.append(style);
  });
  // The framed page has two policies, the server's header and its own meta element: each reports.
  await expect.poll(() => guard.violations).toEqual(Array(4).fill('style-src-elem inline'));
});

test('a script error in the page is seen; declared, it passes', async ({ page, guard }) => {
  guard.expectError(/^pageerror: provoked uncaught error$/);
  guard.expectError(/^console: provoked console error$/);
  await page.goto('/?lang=en');
  await ready(page, guard);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = '/hosts/provoke.js';
    document.head.append(script);
  });
  await expect.poll(() => guard.errors.length).toBe(2);
});

test('the guard rejects what was not declared, and a declaration that did not happen', async () => {
  const undeclared = new Guard();
  undeclared.violations.push('style-src-elem inline');
  expect(() => undeclared.verify()).toThrow(/no Content-Security-Policy violation beyond the declared ones/);
  const error = new Guard();
  error.errors.push('console: something broke');
  expect(() => error.verify()).toThrow(/no script or console error beyond the declared ones/);
  const missing = new Guard();
  missing.expectError(/never happens/);
  expect(() => missing.verify()).toThrow(/every declared script or console error happened/);
  const declared = new Guard();
  declared.expectViolation(/^style-src-elem inline$/);
  declared.violations.push('style-src-elem inline');
  expect(() => declared.verify()).not.toThrow();
});
