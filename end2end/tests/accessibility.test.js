// WCAG 2.2 AA checks (axe-core) on every kind of page, in every language.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedBrowser, waitForHydration, openingId, BASE_URL } from './support.js';

const shared = sharedBrowser();
let id;
before(async () => { id = await openingId('demo-usherb-quantum-materials'); });

const pages = () => [
  '/en/',
  '/fr/openings',
  '/ko/openings?q=battery',
  `/ko/openings/${id}`,
  `/fr/openings/${id}`,
  '/en/openings?page=abc',
  '/de/nowhere',
];

test('no WCAG 2.2 AA violations', async () => {
  const context = await shared.browser.newContext();
  for (const path of pages()) {
    const page = await context.newPage();
    await page.goto(`${BASE_URL}${path}`);
    if (!path.startsWith('/de/')) await waitForHydration(page);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(found, [], `${path}`);
    await page.close();
  }
  await context.close();
});

test('the keyboard reaches the skip link first, and it moves focus to the content', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/openings`);
  await waitForHydration(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await context.close();
});
