// On a phone: the main pages fit the screen's width (nothing scrolls sideways), in the three
// languages, signed out and signed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openingId, BASE_URL } from './support.js';

const shared = sharedBrowser();

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('the main pages fit a phone’s width', async () => {
  const id = await openingId('demo-usherb-quantum-materials');
  const context = await shared.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const lang of ['fr', 'en', 'ko']) {
    for (const path of [`/${lang}/`, `/${lang}/openings`, `/${lang}/openings?q=quantum`, `/${lang}/openings/${id}`, `/${lang}/login`, `/${lang}/signup`]) {
      await page.goto(`${BASE_URL}${path}`);
      assert.equal(await overflow(page), 0, `${path} scrolls sideways`);
    }
  }
  await context.close();
});

test('the first results show without scrolling, on a desktop and on a phone', async () => {
  for (const [viewport, isMobile] of [[{ width: 1280, height: 800 }, false], [{ width: 360, height: 740 }, true]]) {
    const context = await shared.browser.newContext({ viewport, isMobile });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/en/openings?q=quantum`);
    const top = await page.evaluate(() => document.querySelector('.opening-card').getBoundingClientRect().top);
    // The card's title, at least, is on the first screen.
    assert.ok(top < viewport.height - 120, `the first result starts at ${top} px of ${viewport.height}`);
    // Filters in use unfold the panel, so that the reader sees what narrows the list.
    await page.goto(`${BASE_URL}/en/openings?q=quantum&funded=yes`);
    assert.equal(await page.locator('.filters-panel').getAttribute('open'), '');
    await context.close();
  }
});
