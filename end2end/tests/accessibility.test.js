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
  '/fr/login?reset=sent',
  '/ko/signup',
  '/en/forgot',
  '/de/nowhere',
];

async function violations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no WCAG 2.2 AA violations', async () => {
  const context = await shared.browser.newContext();
  for (const path of pages()) {
    const page = await context.newPage();
    await page.goto(`${BASE_URL}${path}`);
    if (!path.startsWith('/de/')) await waitForHydration(page);
    assert.deepEqual(await violations(page), [], `${path}`);
    await page.close();
  }
  await context.close();
});

test('the open suggestion list, with an option chosen, has no violations either', async () => {
  const context = await shared.browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/ko/openings?q=%EB%B0%B0%ED%84%B0%EB%A6%AC`);
  await waitForHydration(page);
  const box = page.locator('#search-q');
  await box.fill('');
  await box.pressSequentially('양자', { delay: 40 });
  await page.locator('#search-suggestions').waitFor({ state: 'visible' });
  await box.press('ArrowDown');
  assert.deepEqual(await violations(page), []);
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
