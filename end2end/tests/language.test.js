// Landing in one's language, switching it, and being remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { sharedBrowser, waitForHydration, BASE_URL } from './support.js';

const shared = sharedBrowser();

test('the browser language picks the landing page', async () => {
  const context = await shared.browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/`);
  assert.equal(new URL(page.url()).pathname, '/ko/');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  await context.close();
});

test('the switcher keeps the page and the search, and the choice is remembered', async () => {
  const context = await shared.browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/fr/openings?q=batterie`);
  await waitForHydration(page);
  assert.equal(await page.locator('h1').innerText(), 'Offres de recherche');
  await page.locator('.lang-switch a[lang="en"]').click();
  await page.waitForURL(/\/en\/openings\?q=batterie$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Research openings');
  assert.equal(await page.locator('#search-q').inputValue(), 'batterie');
  // The browser still says French, but the reader chose English.
  await page.goto(`${BASE_URL}/`);
  assert.equal(new URL(page.url()).pathname, '/en/');
  await context.close();
});

test('a Korean page renders Hangul with a real font (screenshot)', async () => {
  const context = await shared.browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/ko/`);
  await waitForHydration(page);
  await page.evaluate(() => document.fonts.ready);
  const hasHangulFont = await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK KR"'));
  assert.ok(hasHangulFont, 'no font covering Hangul: install fonts-noto-cjk');
  // A glyph from a real font is wider than the empty box of a missing one, and differs from it.
  const widths = await page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.font = '32px system-ui, "Noto Sans CJK KR", sans-serif';
    return [canvas.measureText('한국어').width, canvas.measureText('\u{10FFFD}\u{10FFFD}\u{10FFFD}').width];
  });
  assert.notEqual(widths[0], widths[1]);
  mkdirSync('artifacts', { recursive: true });
  await page.screenshot({ path: 'artifacts/ko-home.png', fullPage: false });
  await context.close();
});
