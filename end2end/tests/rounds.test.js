// A matching round in the browser, with the demo's people: the platform admin creates a round
// over three demo openings; five demo researchers rank (one without JavaScript, one with the
// move buttons and the arrow keys); KAIST's and Sherbrooke's coordinators rank their
// applicants; the round is closed and its results sent; researchers read their result and its
// explanation in French and in Korean. The round's pages pass axe and the Nu checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, waitForHydration, signIn, signInCookies, problemsIn, axeViolations, ensureAdmin, openingId,
  BASE_URL, ADMIN, DEMO, DEMO_PASSWORD,
} from './support.js';

const shared = sharedBrowser();
const PEOPLE = {
  minji: DEMO.researcher,
  lea: DEMO.researcherFr,
  daniel: 'daniel.okafor@demo.passerelle.example',
  sophie: 'sophie.gagnon@demo.passerelle.example',
  seojun: 'seojun.lee@demo.passerelle.example',
};

/** `hours` from now, as a `datetime-local` value in UTC. */
const later = (hours) => new Date(Date.now() + hours * 3600_000).toISOString().slice(0, 16);

/** A signed-in page on the round, in `lang`, hydrated unless JavaScript is off. */
async function roundPage(email, lang, round, { javaScript = true } = {}) {
  const context = await shared.browser.newContext({ javaScriptEnabled: javaScript, locale: lang });
  const page = await signIn(context, lang, email, DEMO_PASSWORD);
  await page.goto(`${BASE_URL}/${lang}/rounds/${round}`);
  if (javaScript) await waitForHydration(page);
  return page;
}

test('a round is ranked on both sides, closed, and its results explained in French and Korean', async () => {
  ensureAdmin();
  const water = await openingId('demo-usherb-water-treatment');
  const soft = await openingId('demo-kaist-soft-robotics');
  const llm = await openingId('demo-kaist-llm-korean');

  // The platform admin creates the round.
  const adminContext = await shared.browser.newContext({ locale: 'en-US' });
  const admin = await signIn(adminContext, 'en', ADMIN.email, ADMIN.password);
  await admin.goto(`${BASE_URL}/en/rounds/new`);
  await waitForHydration(admin);
  await admin.locator('#field-name_en').fill('KAIST–Sherbrooke summer exchange');
  await admin.locator('#field-name_fr').fill('Échange d’été KAIST–Sherbrooke');
  await admin.locator('#field-name_ko').fill('KAIST–셔브룩 여름 교류');
  for (const opening of [water, soft, llm]) await admin.locator(`#field-places_${opening}`).fill('1');
  await admin.locator('#field-applications_close').fill(later(1));
  await admin.locator('#field-rankings_close').fill(later(48));
  await admin.locator('#field-results_at').fill(later(72));
  await admin.locator('#field-max_ranking').fill('3');
  assert.deepEqual(await axeViolations(admin), [], 'the round form');
  await admin.getByRole('button', { name: 'Create the round' }).click();
  await admin.waitForURL(/\/en\/rounds\/\d+\?created=1/);
  const round = /\/rounds\/(\d+)/.exec(admin.url())[1];

  // Léa ranks without JavaScript: the plain form.
  const lea = await roundPage(PEOPLE.lea, 'fr', round, { javaScript: false });
  await lea.locator(`#field-rank_${soft}`).selectOption('1');
  await lea.locator(`#field-rank_${llm}`).selectOption('2');
  await lea.getByRole('button', { name: 'Enregistrer le classement' }).click();
  await lea.waitForURL(/ranked=1/);

  // Daniel ranks with the move buttons and the arrow keys: the LLM opening joins the ranking.
  const daniel = await roundPage(PEOPLE.daniel, 'en', round);
  const danielsOnly = daniel.locator('li.ranking__item').first();
  await danielsOnly.locator('button[id^=up-]').focus();
  await daniel.keyboard.press('ArrowUp');
  assert.equal(await danielsOnly.locator('select').inputValue(), '1');
  await daniel.getByRole('button', { name: 'Save the ranking' }).click();
  await daniel.waitForURL(/ranked=1/);

  // Sophie moves soft robotics up, then water treatment joins second: the selects follow.
  const sophie = await roundPage(PEOPLE.sophie, 'fr', round);
  const robotics = () => sophie.locator('li.ranking__item').filter({ has: sophie.locator(`#field-rank_${soft}`) });
  const waterItem = () => sophie.locator('li.ranking__item').filter({ has: sophie.locator(`#field-rank_${water}`) });
  await robotics().locator('button[id^=up-]').click();
  await waterItem().locator('button[id^=up-]').click();
  assert.equal(await sophie.locator(`#field-rank_${soft}`).inputValue(), '1');
  assert.equal(await sophie.locator(`#field-rank_${water}`).inputValue(), '2');
  assert.match(await sophie.locator('li.ranking__item').first().innerText(), /robot/i);
  assert.deepEqual(await axeViolations(sophie), [], 'a researcher’s ranking');
  await sophie.getByRole('button', { name: 'Enregistrer le classement' }).click();
  await sophie.waitForURL(/ranked=1/);

  // Minji and Seo-jun choose positions in the selects.
  const minji = await roundPage(PEOPLE.minji, 'ko', round);
  await minji.locator(`#field-rank_${water}`).selectOption('1');
  await minji.getByRole('button', { name: '순위 저장' }).click();
  await minji.waitForURL(/ranked=1/);
  const seojun = await roundPage(PEOPLE.seojun, 'ko', round);
  await seojun.locator(`#field-rank_${soft}`).selectOption('1');
  await seojun.locator(`#field-rank_${llm}`).selectOption('2');
  await seojun.getByRole('button', { name: '순위 저장' }).click();
  await seojun.waitForURL(/ranked=1/);

  // KAIST ranks its two openings' applicants; Sherbrooke its one.
  const kaist = await roundPage(DEMO.kaist, 'ko', round);
  const rank = async (form, name, position) => {
    await form.locator('li.ranking__item', { hasText: name }).locator('select').selectOption(position);
  };
  const kaistForm = (name) => kaist.locator('form.stacked-form').filter({ hasText: name });
  await rank(kaistForm('Sophie Gagnon'), 'Sophie Gagnon', '1');
  await rank(kaistForm('Sophie Gagnon'), '이서준', '2');
  await rank(kaistForm('Sophie Gagnon'), 'Léa Tremblay', '3');
  await kaistForm('Sophie Gagnon').getByRole('button', { name: '순위 저장' }).click();
  await kaist.waitForURL(/ranked=1/);
  await waitForHydration(kaist);
  await rank(kaistForm('Daniel Okafor'), 'Daniel Okafor', '1');
  await rank(kaistForm('Daniel Okafor'), 'Léa Tremblay', '2');
  await kaistForm('Daniel Okafor').getByRole('button', { name: '순위 저장' }).click();
  await kaist.waitForURL(/ranked=1/);
  const sherbrooke = await roundPage(DEMO.sherbrooke, 'fr', round);
  const waterForm = sherbrooke.locator('form.stacked-form');
  await rank(waterForm, '김민지', '1');
  await rank(waterForm, 'Sophie Gagnon', '2');
  await waterForm.getByRole('button', { name: 'Enregistrer le classement' }).click();
  await sherbrooke.waitForURL(/ranked=1/);

  // The coordinator closes the rankings and sends the results.
  await admin.goto(`${BASE_URL}/en/rounds/${round}`);
  await waitForHydration(admin);
  assert.deepEqual(await axeViolations(admin), [], 'the coordinator’s page');
  await admin.getByRole('button', { name: 'Close the rankings now and compute the result' }).click();
  await admin.waitForURL(/closed=1/);
  assert.match(await admin.locator('main').innerText(), /Matched: 3\. Not matched: 2\./);
  await admin.getByRole('button', { name: 'Send the results now' }).click();
  await admin.waitForURL(/published=1/);

  // Léa (French, no JavaScript) was not matched, and is told why for each opening.
  await lea.goto(`${BASE_URL}/fr/rounds/${round}`);
  const leaResult = await lea.locator('main').innerText();
  assert.match(leaResult, /Vous n’avez pas été jumelé·e dans cette ronde/);
  assert.match(leaResult, /sa place est allée à une personne qu’il a classée plus haut/);
  // Seo-jun (Korean): one opening filled with someone ranked higher, one that did not rank him.
  await seojun.goto(`${BASE_URL}/ko/rounds/${round}`);
  const seojunResult = await seojun.locator('main').innerText();
  assert.match(seojunResult, /이번 라운드에서는 매칭되지 않았습니다/);
  assert.match(seojunResult, /더 높은 순위로 둔 지원자로 1자리를 모두 채웠습니다/);
  assert.match(seojunResult, /이 기관이 회원님에게 순위를 매기지 않았습니다/);
  assert.deepEqual(await axeViolations(seojun), [], 'a result in Korean');
  // Minji got her opening; Sophie hers.
  await minji.goto(`${BASE_URL}/ko/rounds/${round}`);
  assert.match(await minji.locator('main').innerText(), /공고와 매칭되었습니다/);
  await sophie.goto(`${BASE_URL}/fr/rounds/${round}`);
  assert.match(await sophie.locator('main').innerText(), /Vous êtes jumelé·e à/);

  // Valid HTML: the round as a researcher and as the coordinator, and the rounds list.
  const researcherCookie = await signInCookies(PEOPLE.seojun, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn([`/ko/rounds/${round}`, '/ko/rounds'], { cookie: researcherCookie }), []);
  const adminCookie = await signInCookies(ADMIN.email, ADMIN.password);
  assert.deepEqual(await problemsIn([`/en/rounds/${round}`, '/en/rounds/new'], { cookie: adminCookie }), []);
});
