// Shared by the browser tests: Debian's Chromium, headless, and the server under test.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE_URL = process.env.PASSERELLE_BASE_URL ?? 'http://127.0.0.1:3000';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Waits until the WebAssembly bundle has taken over the page. */
export async function waitForHydration(page) {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 20_000 });
}

/** Finds a demo opening's id by its external id through the JSON API. */
export async function openingId(externalId) {
  const response = await fetch(`${BASE_URL}/api/v1/openings?per_page=100`);
  const body = await response.json();
  const hit = body.hits.find((h) => h.external_id === externalId);
  if (!hit) throw new Error(`demo opening ${externalId} not found`);
  return hit.id;
}

/**
 * One browser for a test file, launched before its tests and closed after them. The returned
 * object's `browser` is set once the tests run.
 */
export function sharedBrowser() {
  const shared = { browser: null };
  before(async () => { shared.browser = await launch(); });
  after(() => shared.browser?.close());
  return shared;
}

const PASSERELLE = process.env.PASSERELLE_BIN ?? '../target/debug/passerelle';
export const ADMIN = { email: 'e2e-admin@passerelle.example', password: 'an admin passphrase for tests' };
/** The demo accounts `passerelle seed demo` made (scripts/test.sh sets their password). */
export const DEMO_PASSWORD = process.env.PASSERELLE_DEMO_PASSWORD ?? 'a demo passphrase for tests';
export const DEMO = {
  researcher: 'minji.kim@demo.passerelle.example',
  researcherFr: 'lea.tremblay@demo.passerelle.example',
  sherbrooke: 'sherbrooke.coordination@demo.passerelle.example',
  kaist: 'kaist.coordinator@demo.passerelle.example',
};

/** Runs the `passerelle` CLI on the server's data directory; returns its standard output. */
export function passerelle(args, env = {}) {
  return execFileSync(PASSERELLE, args, { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** Makes the test platform admin (again: an existing account stays as it is). */
export function ensureAdmin() {
  passerelle(['admin', 'create', ADMIN.email, '--name', 'E2E Admin'], { PASSERELLE_ADMIN_PASSWORD: ADMIN.password });
}

/** Signs in over plain HTTP, as a browser without JavaScript would; returns a Cookie header. */
export async function signInCookies(email, password) {
  const jar = new Map();
  const keep = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair.split('=');
      if (value) jar.set(name, value); else jar.delete(name);
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${BASE_URL}/en/login`));
  const body = new URLSearchParams({ csrf: jar.get('passerelle_csrf'), email, password });
  const response = await fetch(`${BASE_URL}/en/login`, {
    method: 'POST', body, redirect: 'manual', headers: { cookie: header() },
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  keep(response);
  return header();
}

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** What the Nu Html Checker says of each page (fetched with `headers`); empty when all pass. */
export async function problemsIn(paths, headers) {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-html-'));
  try {
    const files = [];
    for (const [i, path] of paths.entries()) {
      const response = await fetch(`${BASE_URL}${path}`, { headers });
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, await response.text());
      files.push(file);
    }
    const run = spawnSync('java', ['-jar', vnu, '--format', 'json', '--exit-zero-always', ...files], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`vnu did not run: ${run.error ?? run.stderr}`);
    // vnu writes its JSON report on stderr.
    const { messages } = JSON.parse(run.stderr);
    return messages.map((m) => `${paths[Number(/page-(\d+)/.exec(m.url)?.[1])]}: ${m.type} ${m.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page's WCAG 2.2 AA violations, as axe finds them: one line each; empty when it passes. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in with the form, in a new page of `context`; returns the page (on the account page). */
export async function signIn(context, lang, email, password) {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/${lang}/login`);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('form.stacked-form button[type=submit]').click();
  await page.waitForURL(/\/account/);
  return page;
}

/** The newest e-mail to `address`, as `passerelle outbox` prints it. */
export const newestMail = (address) => passerelle(['outbox', '--to', address, '--limit', '1']);

/** Posts a form as a browser without JavaScript would, with the session `cookie` (from
 * `signInCookies`) and its CSRF token; returns the response (redirects not followed). */
export async function postForm(path, fields, cookie) {
  const csrf = /passerelle_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const body = new URLSearchParams({ csrf, ...fields });
  return fetch(`${BASE_URL}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie } });
}
