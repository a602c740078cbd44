// Side-by-side benchmark of cloudtriage and a SurveyJS page rendering the same
// questionnaire, in the same headless Chromium, with the same harness.
// Prints a table; with --write, also records it in docs/PERFORMANCE.md.
// Run with `make bench` (it builds both pages first).
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { PROFILES, brotli, gzip, serve, throttle } from './serve.mjs';

const LOADS = Number(process.env.BENCH_LOADS || 15);
const CLICKS = Number(process.env.BENCH_CLICKS || 200);
const CHANGES = Number(process.env.BENCH_CHANGES || 2000);
const sizes = (data) => ({
  raw: data.length,
  gzip: gzip(data).length,
  brotli: brotli(data).length,
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** The pages under test: how to reach the first question page and how to read state. */
const PAGES = {
  cloudtriage: {
    url: (base) => `${base}/ct/?lang=en&storage=off&use_case=ehr&service_model=saas`,
    async toFirstQuestions(page) {
      await page.locator('[data-cloudtriage] .ct-welcome .ct-button-primary').click();
      await page.locator('[data-cloudtriage] .ct-context .ct-actions-row .ct-button-primary').click();
      await page.locator('[data-cloudtriage] .ct-question input').first().waitFor();
    },
    firstQuestionsSelector: '[data-cloudtriage] .ct-question input',
  },
  surveyjs: {
    url: (base) => `${base}/surveyjs/`,
    async toFirstQuestions(page) {
      await page.locator('.sd-question input').first().waitFor({ state: 'attached' });
    },
    firstQuestionsSelector: '.sd-question input',
  },
};

/**
 * Installed before the page loads: drives the page to its first questions as
 * fast as the page allows (cloudtriage: the welcome and context buttons, with
 * the context preset by URL) and records when the first radio button exists.
 * In-page clicks leave the harness's own latency out of both figures.
 */
function driver(name) {
  const find = (selector) => {
    const host = document.querySelector('[data-cloudtriage]');
    // cloudtriage: the welcome screen's Start as soon as it can be clicked (the prerendered screen's, once the
    // loader has enabled it, or the widget's), the later steps in the widget.
    const scope = step === 0 ? '.ct-mount' : '.ct-mount:not([data-prerendered])';
    return name === 'cloudtriage'
      ? host && host.shadowRoot && host.shadowRoot.querySelector(`${scope} ${selector}:not(:disabled)`)
      : document.querySelector(selector);
  };
  const steps = name === 'cloudtriage'
    ? ['.ct-welcome .ct-button-primary', '.ct-context .ct-actions-row .ct-button-primary', '.ct-question input']
    : ['.sd-question input'];
  let step = 0;
  const poll = () => {
    const element = find(steps[step]);
    if (element) {
      if (step === steps.length - 1) {
        window.__usable = performance.now();
        return;
      }
      element.click();
      step++;
    }
    setTimeout(poll, 1);
  };
  poll();
}

/**
 * The profiles both pages run in: this machine as it is, and a thin client
 * (Lighthouse's mobile profile: the CPU throttled 4x, a network of 150 ms
 * round trip and 1.6 Mbit/s down, 750 kbit/s up), set through the DevTools protocol.
 */

/** A fresh context and page in a profile. */
async function newPage(browser, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (profile) await throttle(await context.newCDPSession(page), profile);
  return { context, page };
}

async function firstLoad(browser, base, name, profile) {
  const times = [];
  const loaded = new Map();
  // The files of the first load: the page and every file received before the first questions were usable
  // (a file asked for after them, such as cloudtriage's later domains' questions, is not counted).
  let before = null;
  for (let i = 0; i < LOADS; i++) {
    const { context, page } = await newPage(browser, profile);
    await page.addInitScript(driver, name);
    page.on('response', async (r) => {
      if (i === 0 && r.status() === 200) loaded.set(new URL(r.url()).pathname, await r.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(PAGES[name].url(base), { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => window.__usable));
    if (i === 0) {
      before = new Set(await page.evaluate(() => [location.pathname, ...performance.getEntriesByType('resource')
        .filter((e) => e.responseEnd > 0 && e.responseEnd <= window.__usable).map((e) => new URL(e.name).pathname)]));
    }
    await context.close();
  }
  const files = [...loaded.entries()].filter(([path]) => before.has(path)).map(([path, body]) => ({ path, ...sizes(body) }));
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total, usable: { median: median(times), p95: p95(times) } };
}

/** Clicks answers across all pages and measures click → updated DOM, in the page. */
async function interaction(browser, base, name, profile) {
  const { context, page } = await newPage(browser, profile);
  await page.goto(PAGES[name].url(base));
  await PAGES[name].toFirstQuestions(page);
  const result = await page.evaluate(async ({ name, clicks, changes }) => {
    const root = name === 'cloudtriage' ? document.querySelector('[data-cloudtriage]').shadowRoot : document;
    const settle = () => new Promise((r) => setTimeout(r, 0));
    // Waits for the DOM to show the answer: the option marked checked.
    const clickAndWait = (input, checkedSelector) => new Promise((resolve) => {
      const item = name === 'cloudtriage' ? input.closest('.ct-option') : input.closest('.sd-item');
      const t0 = performance.now();
      const done = () => item.matches(checkedSelector);
      const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(performance.now() - t0); } });
      observer.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
      input.click();
      if (done()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    const checked = name === 'cloudtriage' ? '.ct-option-checked' : '.sd-item--checked';
    const pages = name === 'cloudtriage'
      ? [...root.querySelectorAll('.ct-nav-item .ct-nav-link')].slice(1, -1)
      : window.survey.visiblePages;
    const goTo = async (i) => {
      if (name === 'cloudtriage') root.querySelectorAll('.ct-nav-item .ct-nav-link')[i + 1].click();
      else window.survey.currentPageNo = i;
      await settle(); await settle();
      // A page whose words are still on their way (cloudtriage's later domains, just after the first
      // questions on a slow line) shows a loading line first: the clicks start once its questions show.
      while (name === 'cloudtriage' && !root.querySelector('.ct-domain .ct-question, .ct-texts-failed')) await settle();
    };
    const radios = () => [...root.querySelectorAll(name === 'cloudtriage' ? '.ct-question input[type=radio]' : '.sd-question input[type=radio]')];
    const times = [];
    let n = 0;
    for (let round = 0; times.length < clicks && round < 20; round++) {
      for (let p = 0; p < pages.length && times.length < clicks; p++) {
        await goTo(p);
        const inputs = radios().filter((r) => !r.checked);
        // One answer per question: the level cycles with the click count.
        const byQuestion = new Map();
        for (const r of inputs) if (!byQuestion.has(r.name)) byQuestion.set(r.name, []);
        for (const r of inputs) byQuestion.get(r.name).push(r);
        for (const options of byQuestion.values()) {
          if (times.length >= clicks) break;
          times.push(await clickAndWait(options[(n++ + round) % Math.min(5, options.length)], checked));
        }
      }
    }
    // Answer everything, then measure the results / completion render.
    for (let p = 0; p < pages.length; p++) {
      await goTo(p);
      for (const group of new Set(radios().map((r) => r.name))) {
        const first = radios().find((r) => r.name === group && r.value === '3');
        if (first && !first.checked) first.click();
      }
      await settle();
    }
    const resultsMs = await new Promise((resolve) => {
      const selector = name === 'cloudtriage' ? '.ct-results .ct-plan' : '.sd-completedpage';
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (root.querySelector(selector)) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(root, { subtree: true, childList: true });
      if (name === 'cloudtriage') {
        const links = root.querySelectorAll('.ct-nav-item .ct-nav-link');
        links[links.length - 1].click();
      } else {
        window.survey.doComplete();
      }
    });
    return { times, resultsMs, pages: pages.length };
  }, { name, clicks: CLICKS, changes: CHANGES });
  const memory = async () => {
    await page.evaluate(() => window.gc && window.gc());
    return page.evaluate(async (name) => {
      const heap = performance.memory.usedJSHeapSize;
      let wasm = 0;
      if (name === 'cloudtriage') wasm = (await import('/ct/cloudtriage.js')).memory_bytes();
      return { heap, wasm };
    }, name);
  };
  const afterComplete = await memory();
  // 2,000 answer changes on one page, back and forth.
  await page.evaluate(async ({ name, changes }) => {
    const root = name === 'cloudtriage' ? document.querySelector('[data-cloudtriage]').shadowRoot : document;
    if (name === 'cloudtriage') {
      root.querySelectorAll('.ct-nav-item .ct-nav-link')[1].click();
    } else {
      window.survey.clear(false, true);
    }
    await new Promise((r) => setTimeout(r, 50));
    const radios = [...root.querySelectorAll(name === 'cloudtriage' ? '.ct-question input[type=radio]' : '.sd-question input[type=radio]')];
    for (let i = 0; i < changes; i++) {
      radios[(i * 7) % radios.length].click();
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 100));
  }, { name, changes: CHANGES });
  const afterChanges = await memory();
  await context.close();
  return { clicks: { median: median(result.times), p95: p95(result.times), count: result.times.length }, resultsMs: result.resultsMs, afterComplete, afterChanges };
}

function hostScore() {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'score_time'], { encoding: 'utf8' });
  return out.trim();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');

// Both pages are served compressed, as a real server would (brotli when the browser accepts it).
const server = await serve({ '/ct/': 'dist', '/surveyjs/': 'bench/out/surveyjs', '/': 'dist' }, { encodings: ['br'] });
const base = server.base;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const byProfile = {};
try {
  for (const [profileName, profile] of Object.entries(PROFILES)) {
    const results = {};
    for (const name of ['cloudtriage', 'surveyjs']) {
      results[name] = { ...(await firstLoad(browser, base, name, profile)), ...(await interaction(browser, base, name, profile)) };
    }
    byProfile[profileName] = results;
  }
} finally {
  await browser.close();
  server.close();
}

/** The side-by-side table of one profile. */
function tableOf(results) {
  const c = results.cloudtriage;
  const s = results.surveyjs;
  const rows = [
    ['First load, raw', kb(c.total.raw), kb(s.total.raw), ratio(c.total.raw, s.total.raw), ''],
    ['First load, gzip', kb(c.total.gzip), kb(s.total.gzip), ratio(c.total.gzip, s.total.gzip), ''],
    ['First load, brotli', kb(c.total.brotli), kb(s.total.brotli), ratio(c.total.brotli, s.total.brotli), '≤ 150 KB and ≤ 0.5×'],
    [`Navigation to first questions usable, median of ${LOADS}`, ms(c.usable.median), ms(s.usable.median), ratio(c.usable.median, s.usable.median), '≤ 0.5×'],
    [`Navigation to first questions usable, p95 of ${LOADS}`, ms(c.usable.p95), ms(s.usable.p95), ratio(c.usable.p95, s.usable.p95), ''],
    [`Answer click to updated DOM, median of ${c.clicks.count}`, ms(c.clicks.median), ms(s.clicks.median), ratio(c.clicks.median, s.clicks.median), ''],
    [`Answer click to updated DOM, p95 of ${c.clicks.count}`, ms(c.clicks.p95), ms(s.clicks.p95), ratio(c.clicks.p95, s.clicks.p95), '< 4 ms'],
    ['Results page render, all answered (SurveyJS: completion page)', ms(c.resultsMs), ms(s.resultsMs), ratio(c.resultsMs, s.resultsMs), '< 16 ms'],
    ['Memory after a complete assessment (JS heap + wasm)', mb(c.afterComplete.heap + c.afterComplete.wasm), mb(s.afterComplete.heap), ratio(c.afterComplete.heap + c.afterComplete.wasm, s.afterComplete.heap), ''],
    [`Memory after ${CHANGES} more answer changes`, mb(c.afterChanges.heap + c.afterChanges.wasm), mb(s.afterChanges.heap), ratio(c.afterChanges.heap + c.afterChanges.wasm, s.afterChanges.heap), 'no unbounded growth'],
  ];
  return [
    '| measure | cloudtriage | SurveyJS | ratio | target |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
const table = Object.entries(byProfile)
  .map(([profileName, results]) => `Profile: ${profileName}${PROFILES[profileName] ? ' (CPU 4x slower, 150 ms round trip, 1.6 Mbit/s)' : ''}\n\n${tableOf(results)}`)
  .join('\n\n');
const results = byProfile.plain;
const files = (name) => results[name].files.map((f) => `| ${name} | \`${f.path}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join('\n');
const fileTable = ['| page | file | raw | gzip | brotli |', '| --- | --- | ---: | ---: | ---: |', files('cloudtriage'), files('surveyjs')].join('\n');
const host = hostScore();
const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Chromium ${(execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).match(/\d+\.\d+\.\d+\.\d+/) || ['?'])[0]} headless; ${new Date().toISOString().slice(0, 10)}`;

console.log(`\n${table}\n\n${fileTable}\n\nHost: ${host}\nMachine: ${machine}\n`);
if (process.argv.includes('--write')) {
  const doc = readFileSync('docs/PERFORMANCE.md', 'utf8');
  const block = `<!-- bench:start -->\nMeasured on ${machine}.\n\n${table}\n\n${fileTable}\n\n${host}\n<!-- bench:end -->`;
  writeFileSync('docs/PERFORMANCE.md', doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log('recorded in docs/PERFORMANCE.md');
}
