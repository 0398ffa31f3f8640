// Searching in the browser: results follow the typing, suggestions answer the keyboard, filters
// apply at once, the URL keeps the whole search, and the same form works without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, waitForHydration, BASE_URL } from './support.js';

const shared = sharedBrowser();

async function hydratedPage(path, locale) {
  const context = await shared.browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${BASE_URL}${path}`);
  await waitForHydration(page);
  return { context, page, errors };
}

test('results follow the typing without a reload, and the URL keeps the query', async () => {
  const { context, page, errors } = await hydratedPage('/ko/openings', 'ko-KR');
  await page.evaluate(() => { window.__sameDocument = true; });
  const box = page.locator('#search-q');
  await box.click();
  await box.pressSequentially('배터리를', { delay: 40 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '배터리를');
  await page.waitForSelector('.opening-card mark');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'typing kept the focus');
  assert.equal(await box.inputValue(), '배터리를');
  const marks = await page.locator('.opening-card mark').allInnerTexts();
  assert.ok(marks.includes('배터리'), `marked words: ${marks}`);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page reloaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a word half typed already lists the openings it begins', async () => {
  const { context, page, errors } = await hydratedPage('/en/openings', 'en-US');
  const everything = await page.locator('.results__count').innerText();
  const box = page.locator('#search-q');
  await box.click();
  await box.pressSequentially('quan', { delay: 40 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'quan');
  await page.waitForFunction(
    (before) => document.querySelector('.results__count')?.innerText !== before,
    everything,
  );
  const titles = await page.locator('.opening-card__title').allInnerTexts();
  assert.ok(titles.some((title) => /quantum/i.test(title)), `titles: ${titles}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('suggestions open as one types, answer the arrows and Enter, and close on Escape', async () => {
  const { context, page, errors } = await hydratedPage('/en/', 'en-US');
  const box = page.locator('#search-q');
  await box.click();
  await box.pressSequentially('quan', { delay: 40 });
  const listbox = page.locator('#search-suggestions');
  await listbox.waitFor({ state: 'visible' });
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const options = await listbox.locator('[role="option"]').allInnerTexts();
  assert.ok(options.length > 0 && options.every((o) => o.includes('quan')), `options: ${options}`);
  assert.match(await page.locator('[role="status"]').innerText(), /suggestion/);

  await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-suggestion-0');
  assert.equal(await listbox.locator('#search-suggestion-0').getAttribute('aria-selected'), 'true');
  await box.press('Escape');
  await listbox.waitFor({ state: 'hidden' });
  assert.equal(await box.getAttribute('aria-expanded'), 'false');

  await box.press('ArrowDown');
  await listbox.waitFor({ state: 'visible' });
  await box.press('Enter');
  await page.waitForURL(/\/en\/openings\?q=/);
  const chosen = new URL(page.url()).searchParams.get('q');
  assert.equal(chosen, options[0]);
  await page.waitForSelector('.opening-card mark', { timeout: 10_000 });
  assert.equal(await page.locator('#search-q').inputValue(), chosen, 'the box shows the chosen suggestion');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a filter applies as soon as it changes, and Back returns to the search before it', async () => {
  const { context, page, errors } = await hydratedPage('/fr/openings?q=quantique', 'fr-FR');
  const before = await page.locator('.results__count').innerText();
  await page.locator('.filters-panel > summary').click();
  await page.locator('#filter-country').selectOption('CA');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('country') === 'CA');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'quantique', 'the query stayed');
  await page.waitForFunction((b) => document.querySelector('.results__count')?.innerText !== b, before);
  const places = await page.locator('.opening-card__meta').allInnerTexts();
  assert.ok(places.length > 0 && places.every((p) => p.includes('Canada')), `places: ${places}`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'filter-country', 'focus stayed');
  assert.equal(await page.locator('.filters-panel').getAttribute('open'), '', 'the panel stayed unfolded');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('country'));
  await page.waitForFunction((b) => document.querySelector('.results__count')?.innerText === b, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript the search form and its filters still work', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/openings`);
  await page.locator('#search-q').fill('battery');
  await page.locator('.filters-panel > summary').click();
  await page.locator('#filter-funded').selectOption('yes');
  await page.locator('.filter--apply button').click();
  await page.waitForURL(/q=battery/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('funded'), 'yes');
  assert.ok((await page.locator('.opening-card').count()) > 0);
  assert.ok((await page.locator('.opening-card mark').count()) > 0, 'matches are marked by the server');
  await context.close();
});

test('a search sent at once from the home page opens the results without an error', async () => {
  // The suggestion timer of the home page's box used to fire after the page had changed.
  for (let run = 0; run < 3; run += 1) {
    const { context, page, errors } = await hydratedPage('/en/', 'en-US');
    const box = page.locator('#search-q');
    await box.click();
    await box.pressSequentially('quantum', { delay: 10 });
    await box.press('Enter');
    await page.waitForURL(/\/en\/openings\?q=quantum/);
    await page.waitForSelector('.opening-card');
    await page.waitForTimeout(600);
    assert.deepEqual(errors, [], `run ${run}`);
    await context.close();
  }
});

test('on a phone the filters fit the screen and the page does not scroll sideways', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/openings`);
  await waitForHydration(page);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    filters: document.querySelector('.filters').getBoundingClientRect().right,
  }));
  assert.ok(widths.page <= 390, `the page is ${widths.page} px wide`);
  assert.ok(widths.filters <= 390, `the filters end at ${widths.filters} px`);
  await context.close();
});
