// An agency's files for the end-to-end tests and the screenshots: twelve
// hospitals' results files (EHR on SaaS, answers drawn by a fixed generator),
// the benchmark `cloudtriage aggregate` makes of them, and a target profile
// from `cloudtriage profile --template` with governance expected at level 4.
// serve.py publishes target/e2e-agency/ next to the widget under /agency/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = 'target/debug/cloudtriage';
export const AGENCY = 'target/e2e-agency';
export const PROFILE = join(AGENCY, 'profile.json');
export const BENCHMARK = join(AGENCY, 'benchmark.json');

export function cli(...args) {
  return execFileSync(CLI, args, { encoding: 'utf8' });
}

/** A small deterministic generator, so the published files are the same on every run. */
function generator(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Writes the hospitals' files, the benchmark and the profile into target/e2e-agency/. */
export function publish() {
  rmSync(AGENCY, { recursive: true, force: true });
  const submitted = join(AGENCY, 'submitted');
  mkdirSync(submitted, { recursive: true });
  const next = generator(14);
  for (let i = 0; i < 12; i++) {
    const file = JSON.parse(cli('template', '--use-case', 'ehr', '--service-model', 'saas'));
    file.created = `2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`;
    for (const id of Object.keys(file.answers)) file.answers[id] = { value: next(5) };
    writeFileSync(join(submitted, `hospital-${i}.json`), JSON.stringify(file));
  }
  cli('aggregate', submitted, '--out', BENCHMARK, '--by', 'service_model');
  const profile = JSON.parse(cli('profile', '--template', '--name', 'National cloud baseline', '--issuer', 'Health Agency'));
  profile.domains.governance = 4;
  for (const id of Object.keys(profile.questions || {})) if (id.startsWith('GOV-')) delete profile.questions[id];
  profile.variants = (profile.variants || []).filter((v) => !Object.keys(v.questions || {}).some((id) => id.startsWith('GOV-')));
  writeFileSync(PROFILE, JSON.stringify(profile, null, 2));
}
