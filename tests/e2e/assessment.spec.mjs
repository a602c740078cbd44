// Whole flows in the release build: a complete assessment, download and
// import, compare, erase, remember on this device, a bad import, keyboard
// only, and accessibility of every screen.
// The shared fixture fails every test here on a CSP violation or a script error.
import { test, expect } from './fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { widget, ready, start, answerAll, shownAnswers } from './helpers.mjs';

async function open(page, query = 'lang=en') {
  await page.goto(`/?${query}`);
  await ready(page);
  return widget(page);
}

async function download(page, root) {
  const [file] = await Promise.all([page.waitForEvent('download'), root.locator('.ct-toolbar .ct-button').first().click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, json: JSON.parse(readFileSync(path, 'utf8')) };
}

/** What axe-core itself does under the page's CSP while it runs. */
const AXE_OWN = { violations: [/^style-src(-elem|-attr)? inline$/], errors: [/^console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] };

function scores(root) {
  return root.locator('.ct-index-number').allTextContents();
}

test('the page runs under the strict Content-Security-Policy it declares', async ({ page }) => {
  await open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const rule of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "base-uri 'none'", "form-action 'none'"]) {
    expect(csp).toContain(rule);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('[style]').count()).toBe(0);
});

test('a complete assessment from welcome to results', async ({ page }) => {
  const root = await open(page);
  await expect(root.locator('h1')).toContainText('How ready is your organisation');
  await start(root, { useCases: ['ehr', 'medical_devices'], serviceModel: 'paas' });
  const answered = await answerAll(root, (i) => (i % 3) + 2);
  await expect(root.locator('h1')).toHaveText('Your results');
  await expect(root.locator('.ct-index')).toHaveCount(2);
  await expect(root.locator('.ct-completeness')).toContainText(`${answered} of ${answered} questions answered (100%)`);
  await expect(root.locator('svg.ct-radar')).toBeVisible();
  await expect(root.locator('.ct-table tbody tr')).not.toHaveCount(0);
  await expect(root.locator('.ct-plan-item').first()).toBeVisible();
  await expect(root.locator('.ct-unanswered')).toHaveCount(0);
  // The first ten actions show; the rest on request; printing renders them all.
  const gaps = await root.locator('.ct-plan-toggle').textContent();
  const total = Number(gaps.match(/\d+/)[0]);
  await expect(root.locator('.ct-plan-item')).toHaveCount(10);
  await root.locator('.ct-plan-toggle').click();
  await expect(root.locator('.ct-plan-item')).toHaveCount(total);
  await root.locator('.ct-plan-toggle').click();
  await expect(root.locator('.ct-plan-item')).toHaveCount(10);
  await page.evaluate(() => { window.print = () => { window.__printed = document.querySelector('[data-cloudtriage]').shadowRoot.querySelectorAll('.ct-plan-item').length; }; });
  await root.getByRole('button', { name: 'Print or save as PDF' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(total);
  // Every action names its responsibility and at least one rule.
  const first = root.locator('.ct-plan-item').first();
  await expect(first.locator('.ct-plan-facts')).toContainText(/Your organisation|Cloud provider|Shared/);
  await expect(first.locator('.ct-plan-refs')).toContainText(/GDPR|NIS2|ISO\/IEC 27001|ENISA|MDR/);
});

test('the results page stays still when the toolbar under the plan is reached', async ({ page }) => {
  // A keyboard user tabbing to the toolbar, or a click, scrolls it into view:
  // nothing above it may change height afterwards and move it away.
  const root = await open(page, 'lang=en&storage=off');
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await answerAll(root, (i) => i % 4);
  // The blocks below the first screen are laid out from the frame after the first on
  // (report.rs): the page says so, and from then on nothing moves.
  await expect(root.locator('.ct-results[data-shown]')).toHaveCount(1);
  const laidOut = await root.locator('.ct-plan-section').evaluate((e) => getComputedStyle(e).contentVisibility);
  expect(laidOut).toBe('visible');
  const tops = await root.locator('.ct-toolbar-buttons > .ct-button').first().evaluate(async (button) => {
    button.focus();
    const seen = [];
    for (let i = 0; i < 12; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      seen.push(Math.round(button.getBoundingClientRect().top));
    }
    return seen;
  });
  expect(new Set(tops).size, `the download button's top over 12 frames: ${tops.join(' ')}`).toBe(1);
  expect(tops[0]).toBeGreaterThanOrEqual(0);
  expect(tops[0]).toBeLessThan(page.viewportSize().height);
});

test('an answer moves no text: the question keeps its words in place and the next question stays', async ({ page }) => {
  // The answered mark is drawn (an inset shadow), not a wider border: the question's text does not
  // shift sideways and reflow on the first answer, and nothing below it moves.
  const root = await open(page, 'lang=en&storage=off');
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  const question = root.locator('.ct-question').first();
  // Measured from the question's own top: the click may scroll the page.
  const places = () => question.evaluate((q) => {
    const top = q.getBoundingClientRect().top;
    const boxes = [...q.querySelectorAll('.ct-question-prompt, .ct-option')].map((e) => e.getBoundingClientRect());
    const next = q.nextElementSibling.getBoundingClientRect();
    return { texts: boxes.map((b) => [b.left, b.top - top, b.width, b.height].map(Math.round)), next: Math.round(next.top - top) };
  });
  const before = await places();
  expect(before.texts.length).toBeGreaterThan(3);
  await question.locator('.ct-option').nth(2).click();
  await expect(question).toHaveClass(/ct-question-answered/);
  const mark = await question.evaluate((q) => getComputedStyle(q).boxShadow);
  expect(mark, 'the answered mark').not.toBe('none');
  expect(await places()).toEqual(before);
});

test('each option shows its badge beside the title, and a radio is named by its words alone', async ({ page }) => {
  // The badge is the label's generated content with empty alternative text: seen, not read.
  const root = await open(page, 'lang=en&storage=off');
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  const question = root.locator('.ct-question').first();
  const options = await question.locator('.ct-option').evaluateAll((labels) => labels.map((label) => {
    const badge = getComputedStyle(label, '::before');
    const title = label.querySelector('.ct-option-title').getBoundingClientRect();
    const radio = label.querySelector('input').getBoundingClientRect();
    return { content: badge.content, width: badge.width, left: Math.round(radio.right) < Math.round(title.left) };
  }));
  expect(options.map((o) => o.content)).toEqual(['"0" / ""', '"1" / ""', '"2" / ""', '"3" / ""', '"4" / ""', '"?" / ""', '"–" / ""'].slice(0, options.length));
  expect(options.length).toBeGreaterThanOrEqual(6);
  for (const o of options) {
    expect(o.width, 'the badge is drawn').not.toBe('auto');
    expect(o.left, 'the radio comes before the title').toBe(true);
  }
  const defined = question.getByRole('radio', { name: /^Defined\b/ });
  await expect(defined).toHaveCount(1);
  const name = await question.locator('.ct-option').nth(2).locator('input').evaluate((input) => input.labels[0].innerText);
  expect(name.startsWith('Defined'), 'the label starts with the title, no badge in its text').toBe(true);
  await question.locator('.ct-option').nth(2).click();
  const checked = await question.locator('.ct-option-checked').evaluate((label) => [
    getComputedStyle(label, '::before').backgroundColor, getComputedStyle(label.parentElement.querySelector('.ct-option:not(.ct-option-checked)'), '::before').backgroundColor]);
  expect(checked[0], "the checked option's badge takes the accent").not.toBe(checked[1]);
});

test('printed, an answered question is marked with the wider border: print leaves shadows out', async ({ page }) => {
  const root = await open(page, 'lang=en&storage=off');
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  const question = root.locator('.ct-question').first();
  await question.locator('.ct-option').nth(2).click();
  await expect(question).toHaveClass(/ct-question-answered/);
  const mark = () => question.evaluate((q) => {
    const s = getComputedStyle(q);
    return { width: s.borderInlineStartWidth, shadow: s.boxShadow };
  });
  const onScreen = await mark();
  expect(onScreen.width).toBe('1px');
  expect(onScreen.shadow).not.toBe('none');
  await page.emulateMedia({ media: 'print' });
  expect(await mark()).toEqual({ width: '4px', shadow: 'none' });
  const unanswered = await root.locator('.ct-question:not(.ct-question-answered)').first()
    .evaluate((q) => getComputedStyle(q).borderInlineStartWidth);
  expect(unanswered, 'an unanswered question keeps the thin border').toBe('1px');
});

test('a downloaded file imports back to identical answers and scores', async ({ page }) => {
  let root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await answerAll(root, (i) => [0, 1, 2, 3, 4, 'unknown'][i % 6]);
  const before = await scores(root);
  const answersBefore = await shownAnswers(root);
  const file = await download(page, root);
  expect(file.name).toMatch(/^cloudtriage-results-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.json.format).toBe('cloudtriage-results');
  expect(file.json.format_version).toBe(2);
  expect(file.json.context.use_cases).toEqual(['ehr']);
  expect(file.json.report.cloud_readiness.score).toBe(Number(before[0]));

  await page.reload();
  root = widget(page);
  await ready(page);
  await root.locator('[data-testid=import-input]').first().setInputFiles(file.path);
  await expect(root.locator('.ct-notice-success')).toContainText('answers restored');
  await root.locator('.ct-nav-item:last-child .ct-nav-link').click();
  expect(await scores(root)).toEqual(before);
  expect(await shownAnswers(root)).toEqual(answersBefore);
});

test('compare shows the change per index and per domain', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['administrative'], serviceModel: 'saas' });
  await answerAll(root, () => 1);
  const earlier = await download(page, root);
  // Raise the first domain to level 4.
  await root.locator('.ct-nav-item').nth(1).locator('.ct-nav-link').click();
  for (const q of await root.locator('.ct-question').all()) await q.locator('input[value="4"]').check();
  await root.locator('[data-testid=compare-input]').setInputFiles(earlier.path);
  await expect(root.locator('h1')).toHaveText('Comparison');
  await expect(root.locator('.ct-trend-improved').first()).toBeVisible();
  await expect(root.locator('.ct-compare-index').first()).toContainText('+');
  await expect(root.locator('tbody tr').filter({ has: page.locator('.ct-trend-unchanged') }).first()).toBeVisible();
  await root.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(root.locator('h1')).toHaveText('Your results');
});

test('remember on this device survives a reload, and nothing is stored when it is off', async ({ page }) => {
  let root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await root.locator('.ct-question').first().locator('input[value="3"]').check();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('.ct-welcome')).toBeVisible();
  await expect(root.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);

  await start(root, { useCases: ['ehr'], serviceModel: 'iaas' });
  await root.locator('.ct-question').first().locator('input[value="3"]').check();
  await root.locator('input[role=switch]').check();
  await expect(root.locator('#ct-remember-hint')).toHaveText('Your answers are remembered on this device.');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['cloudtriage:v1:standalone']);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('input[role=switch]')).toBeChecked();
  await expect(root.locator('.ct-question').first().locator('input[value="3"]')).toBeChecked();

  await root.locator('input[role=switch]').uncheck();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  root = widget(page);
  await ready(page);
  await expect(root.locator('.ct-welcome')).toBeVisible();
});

test('erase everything clears the answers and the stored copy', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="2"]').check();
  await root.locator('input[role=switch]').check();
  expect(await page.evaluate(() => localStorage.length)).toBe(1);
  await root.getByRole('button', { name: 'Erase everything' }).click();
  await expect(root.getByRole('alertdialog')).toBeVisible();
  await root.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(root.locator('.ct-welcome')).toBeVisible();
  await expect(root.locator('.ct-notice-success')).toContainText('Everything was erased');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await expect(root.locator('.ct-question input:checked')).toHaveCount(0);
});

test('a bad file is refused with a clear message and the answers are kept', async ({ page }) => {
  const root = await open(page);
  await start(root, { useCases: ['ehr'], serviceModel: 'saas' });
  await root.locator('.ct-question').first().locator('input[value="4"]').check();
  await root.locator('[data-testid=import-input]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "cloudtriage-results", ') });
  await expect(root.locator('.ct-notice-error[role=alert]')).toContainText('ends too early');
  await expect(root.locator('.ct-notice-error')).toContainText('Your current answers are unchanged');
  await expect(root.locator('.ct-question').first().locator('input[value="4"]')).toBeChecked();
});

test('a keyboard alone completes the assessment', async ({ page }) => {
  const root = await open(page, 'lang=en&use_case=administrative&service_model=saas');
  const active = () => page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a.tagName, type: a.type || '', checked: !!a.checked, text: (a.textContent || '').trim(), name: a.name || '' };
  });
  // Welcome: Tab to the start button.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if ((await active()).text === 'Start the assessment') break;
  }
  await page.keyboard.press('Enter');
  await expect(root.locator('h1')).toHaveText('Your context');
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await active()).text === 'Continue to the questions') break;
  }
  await page.keyboard.press('Enter');
  await expect(root.locator('.ct-domain')).toBeVisible();
  const answered = new Set();
  for (let presses = 0; presses < 4000; presses++) {
    if (await root.locator('.ct-results').count()) break;
    await page.keyboard.press('Tab');
    const a = await active();
    if (a.type === 'radio' && a.name.startsWith('q-') && !answered.has(a.name)) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      answered.add(a.name);
    } else if (a.text === 'Next' || a.text === 'See results') {
      await page.keyboard.press('Enter');
    }
  }
  await expect(root.locator('h1')).toHaveText('Your results');
  const total = await root.locator('.ct-completeness').textContent();
  expect(total).toContain(`${answered.size} of ${answered.size} questions answered`);
});

test('every screen passes axe-core accessibility checks', async ({ page, guard }) => {
  // Full axe-core analyses of every screen, twenty domains among them, take minutes on two shared cores.
  test.setTimeout(240_000);
  const root = await open(page);
  const check = async (screen) => {
    // axe-core injects styles of its own while it runs; those, and only those, are not the widget's violations.
    const result = await guard.excusing(AXE_OWN, () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze());
    expect(result.violations.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(', ')}`)).toEqual([]);
  };
  await check('welcome');
  await root.locator('.ct-welcome .ct-button-primary').click();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await check('context with error');
  await root.locator('input[name=use_case][value=ehr]').check();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await root.locator('.ct-question').first().locator('summary').first().click();
  await root.locator('.ct-question').first().locator('input[value="2"]').check();
  await check('domain');
  await answerAll(root, (i) => i % 5);
  await check('results');
  await root.getByRole('button', { name: 'Erase everything' }).click();
  await check('erase confirmation');
  await root.getByRole('button', { name: 'Cancel' }).click();
  const earlier = await download(page, root);
  await root.locator('[data-testid=compare-input]').setInputFiles(earlier.path);
  await check('compare');
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await check('compare, dark');
});

/** Horizontal overflow of the document and of the widget's containers: [] when everything fits. */
function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const el of [document.documentElement, document.body]) {
      if (el.scrollWidth > el.clientWidth) found.push(`${el.tagName} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const shadow = document.querySelector('[data-cloudtriage]').shadowRoot;
    for (const el of shadow.querySelectorAll('.ct, .ct > *, .ct-layout > *, .ct-page > *, section, form, fieldset, .ct-table-wrap, .ct-plan-item, .ct-question, .ct-toolbar')) {
      // A data table may scroll inside its own wrapper; nothing else may be wider than its box or the viewport.
      const scrollable = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      const rect = el.getBoundingClientRect();
      if (!scrollable && el.scrollWidth > el.clientWidth + 1) found.push(`${el.className || el.tagName} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
      if (rect.right > width + 1 || rect.left < -1) {
        let inside = el.parentElement;
        while (inside && !['auto', 'scroll'].includes(getComputedStyle(inside).overflowX)) inside = inside.parentElement;
        if (!inside) found.push(`${el.className || el.tagName} sticks out: ${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}`);
      }
    }
    return found;
  });
}

/** Every screen of a whole flow, each checked for horizontal overflow. */
async function flowFits(page) {
  const root = await open(page);
  expect(await overflowing(page), 'welcome').toEqual([]);
  await root.locator('.ct-welcome .ct-button-primary').click();
  await expect(root.locator('.ct-context')).toBeVisible();
  expect(await overflowing(page), 'context').toEqual([]);
  await root.locator('input[name=use_case][value=ehr]').check();
  await root.locator('input[name=service_model][value=saas]').check();
  await root.locator('.ct-context .ct-actions-row .ct-button-primary').click();
  await expect(root.locator('.ct-domain')).toBeVisible();
  await root.locator('.ct-question').first().locator('summary').first().click();
  expect(await overflowing(page), 'domain').toEqual([]);
  const answered = await answerAll(root, (i) => (i % 4) + 1);
  await expect(root.locator('.ct-completeness')).toContainText(`${answered} of ${answered}`);
  await expect(root.locator('.ct-index').first()).toBeVisible();
  await root.locator('.ct-plan-toggle').click();
  expect(await overflowing(page), 'results').toEqual([]);
  const earlier = await download(page, root);
  await root.locator('[data-testid=compare-input]').setInputFiles(earlier.path);
  await expect(root.locator('h1')).toHaveText('Comparison');
  expect(await overflowing(page), 'comparison').toEqual([]);
}

test.describe('at 200 % zoom: 1280 × 900 device pixels at a device pixel ratio of 2', () => {
  test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  test('every screen fits the width and the flow works', async ({ page }) => {
    expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([640, 2]);
    await flowFits(page);
  });
});

test.describe('at 400 % zoom: 320 CSS pixels wide (WCAG 1.4.10 reflow)', () => {
  test.use({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 4 });
  test('every screen fits the width and the flow works', async ({ page }) => {
    expect(await page.evaluate(() => [window.innerWidth, window.devicePixelRatio])).toEqual([320, 4]);
    await flowFits(page);
  });
});

test('the overflow check sees a widget that is too wide', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 450 });
  await open(page);
  expect(await overflowing(page)).toEqual([]);
  // CSSOM, so the page's CSP allows it: a fixed width wider than the viewport.
  await page.evaluate(() => { document.querySelector('[data-cloudtriage]').shadowRoot.querySelector('.ct').style.minWidth = '900px'; });
  expect((await overflowing(page)).length).toBeGreaterThan(0);
});
