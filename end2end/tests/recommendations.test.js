// "Openings for you" in the browser: a French-speaking demo researcher sees openings chosen for
// her profile in every language, each with its reasons (shortfalls marked in words), on her
// profile and home pages; both pass axe and the Nu checker; "Not for me" sets one aside for good.
// The other direction: KAIST, once verified, sees candidates for an opening and invites one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, waitForHydration, signIn, signInCookies, problemsIn, axeViolations, postForm, ensureAdmin, openingId,
  BASE_URL, ADMIN, DEMO, DEMO_PASSWORD,
} from './support.js';

const shared = sharedBrowser();

test('a researcher sees openings for her with their reasons, and sets one aside', async () => {
  const context = await shared.browser.newContext({ locale: 'fr-CA' });
  const page = await signIn(context, 'fr', DEMO.researcherFr, DEMO_PASSWORD);

  await page.goto(`${BASE_URL}/fr/profile`);
  await waitForHydration(page);
  const section = page.locator('section.for-you');
  await section.getByRole('heading', { name: 'Offres pour vous' }).waitFor();
  const cards = section.locator('.opening-card');
  assert.ok(await cards.count() >= 2, 'several openings are suggested');
  const first = cards.first();
  const reasons = await first.locator('.opening-card__reasons li').allInnerTexts();
  assert.ok(reasons.some((reason) => reason.includes('mot-clé') || reason.includes('intérêt')), reasons.join(' | '));
  for (const shortfall of await section.locator('.reason--shortfall').allInnerTexts()) {
    assert.ok(shortfall.startsWith('Écart'), `a shortfall says so in words: ${shortfall}`);
  }
  assert.deepEqual(await axeViolations(page), []);

  // "Not for me": back on the profile page, with a note, and that opening is gone from the list.
  const href = await first.locator('.opening-card__title a').getAttribute('href');
  await first.getByRole('button', { name: /^Pas pour moi/ }).click();
  await page.waitForURL(/\/fr\/profile\?dismissed=1/);
  await page.getByText('Cette offre ne vous sera plus proposée.').waitFor();
  assert.equal(await page.locator(`section.for-you a[href="${href}"]`).count(), 0);

  await page.goto(`${BASE_URL}/fr/`);
  await waitForHydration(page);
  await page.locator('section.for-you').getByRole('heading', { name: 'Offres pour vous' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();

  const cookie = await signInCookies(DEMO.researcherFr, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn(['/fr/profile', '/fr/'], { cookie }), []);
});

test('a verified institution sees candidates for its opening with their reasons, and invites one', async () => {
  ensureAdmin();
  const admin = await signInCookies(ADMIN.email, ADMIN.password);
  const verified = await postForm('/en/admin/institutions/kaist/verify', {}, admin);
  assert.equal(verified.status, 303);
  const id = await openingId('demo-kaist-nuclear-fusion');
  const context = await shared.browser.newContext({ locale: 'ko-KR' });
  const page = await signIn(context, 'ko', DEMO.kaist, DEMO_PASSWORD);
  await page.goto(`${BASE_URL}/ko/postings/${id}/candidates`);
  await waitForHydration(page);
  await page.getByRole('heading', { level: 1, name: /추천 후보자/ }).waitFor();
  const candidates = page.locator('li.application');
  assert.ok(await candidates.count() >= 1, await page.content());
  const first = candidates.first();
  assert.ok((await first.locator('.opening-card__reasons li').count()) >= 1, 'each candidate says why');
  assert.deepEqual(await axeViolations(page), []);
  await first.getByRole('button', { name: /지원 요청하기/ }).click();
  await page.waitForURL(/\?invited=1/);
  await page.getByText('지원 요청을 보냈습니다.', { exact: false }).waitFor();
  await context.close();

  const cookie = await signInCookies(DEMO.kaist, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn([`/ko/postings/${id}/candidates`], { cookie }), []);
});
