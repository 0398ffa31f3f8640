// What only a browser shows: the page's islands come alive, and the page still works without them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, waitForHydration, openingId, BASE_URL } from './support.js';

const shared = sharedBrowser();
let id;
before(async () => { id = await openingId('demo-kaist-llm-korean'); });

test('once hydrated, switching the text language replaces the text without reloading the page', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${BASE_URL}/en/openings/${id}`);
  await waitForHydration(page);
  assert.match(await page.locator('h1').innerText(), /large language models for Korean/);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.locator('.text-langs a[lang="ko"]').click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('한국어 대규모 언어 모델'));
  assert.equal(await page.locator('.opening__text').getAttribute('lang'), 'ko');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
  assert.equal(new URL(page.url()).search, '', 'the switch went through the server');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a result opens its page, titled, with the way back to the search', async () => {
  const context = await shared.browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/fr/openings?q=quantique`);
  await waitForHydration(page);
  const first = page.locator('.opening-card__title a').first();
  const title = (await first.innerText()).trim();
  await first.click();
  await page.waitForURL(/\/fr\/openings\/\d+\?back=/);
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.trim() === t, title);
  assert.equal(await page.title(), `${title} – Passerelle`);
  // The way back keeps the search.
  assert.equal(await page.locator('.opening__back a').getAttribute('href'), '/fr/openings?q=quantique');
  await context.close();
});

test('"Copy the link" puts the opening\'s address on the clipboard and says so', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/openings/${id}`);
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await page.waitForFunction(() => document.querySelector('.opening__copied')?.textContent === 'The link is copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, new RegExp(`/en/openings/${id}$`));
  await context.close();
});

test('without JavaScript the same switch is a link that the server answers', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/openings/${id}`);
  await page.locator('.text-langs a[lang="fr"]').click();
  await page.waitForURL(/\?text=fr$/);
  assert.match(await page.locator('h1').innerText(), /grands modèles de langue/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await context.close();
});

test('pages hydrate under their Content-Security-Policy without a single violation', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  for (const path of ['/en/', `/en/openings/${id}`, '/en/openings?q=quantum', '/en/login']) {
    const response = await page.goto(`${BASE_URL}${path}`);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'nonce-/, path);
    await waitForHydration(page);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
  }
  await context.close();
});

test('the bundle is named by its content, sent brotli-compressed as built, and kept for a year', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const bundle = [];
  page.on('response', (response) => {
    if (response.url().includes('/pkg/')) bundle.push(response);
  });
  await page.goto(`${BASE_URL}/en/`);
  await waitForHydration(page);
  const wasm = bundle.find((r) => r.url().endsWith('_bg.wasm'));
  assert.ok(wasm, 'the page loaded no wasm');
  assert.match(new URL(wasm.url()).pathname, /^\/pkg\/passerelle-[0-9a-f]{16}_bg\.wasm$/);
  const headers = await wasm.allHeaders();
  assert.equal(headers['content-encoding'], 'br');
  assert.match(headers['cache-control'] ?? '', /max-age=31536000, immutable/);
  await context.close();
});
