// Shared by the browser tests: Debian's Chromium, headless, and the server under test.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

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
