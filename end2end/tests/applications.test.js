// The other side of the match in the browser: a Korean researcher fills a profile, uploads a CV
// and applies to a French opening with a letter; Université de Sherbrooke's coordinator
// shortlists the application, then makes an offer with a message; the researcher reads the
// status and the message on the site and in an e-mail in Korean. The new pages pass axe and the
// Nu checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, waitForHydration, openingId, signIn, signInCookies, problemsIn, axeViolations, newestMail, BASE_URL,
  DEMO, DEMO_PASSWORD,
} from './support.js';

const shared = sharedBrowser();

/** A one-page PDF (the same shape as the demo's). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
  + '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a Korean researcher applies to a French opening and reads the offer in Korean', async () => {
  const stamp = Date.now();
  const address = `jiwoo.${stamp}@example.org`;
  const researcher = await shared.browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await researcher.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

  // Sign up in Korean and confirm the address from the e-mail.
  await page.goto(`${BASE_URL}/ko/signup`);
  await page.locator('#field-display_name').fill('이지우');
  await page.locator('#field-email').fill(address);
  await page.locator('#field-password').fill('a long enough passphrase');
  await page.locator('#field-preferred_lang').selectOption('ko');
  await page.locator('form.stacked-form button[type=submit]').click();
  await page.waitForURL(/\/account\?welcome=1/);
  const confirm = new URL(newestMail(address).split(/\s+/).find((word) => word.startsWith('http')));
  await page.goto(`${BASE_URL}${confirm.pathname}${confirm.search}`);
  await page.waitForURL(/confirmed=1/);

  // The profile: a wrong ORCID iD first (the form says so beside the field, in Korean).
  await page.getByRole('link', { name: '내 프로필' }).click();
  await page.waitForURL(/\/ko\/profile/);
  await waitForHydration(page);
  await page.locator('#field-career_stage').selectOption('R1');
  await page.locator('#field-fields-1-6').check();
  await page.locator('#field-keywords').fill('해양 미생물, 수질 정화');
  await page.locator('#field-interests_ko').fill('하수 처리 공정의 미생물 군집을 연구합니다.');
  await page.locator('#field-language_1').selectOption('ko');
  await page.locator('#field-level_1').selectOption('C2');
  await page.locator('#field-language_2').selectOption('fr');
  await page.locator('#field-level_2').selectOption('B2');
  await page.locator('#field-orcid').fill('0000-0002-1825-0098');
  await page.getByRole('button', { name: '프로필 저장' }).click();
  await page.waitForSelector('#field-orcid-error');
  assert.match(await page.locator('#field-orcid-error').innerText(), /ORCID iD가 아닙니다/);
  assert.equal(await page.locator('#field-keywords').inputValue(), '해양 미생물, 수질 정화', 'typed text kept');
  assert.deepEqual(await axeViolations(page), [], 'the profile with a problem showing');
  await page.locator('#field-orcid').fill('0000-0002-1825-0097');
  await page.getByRole('button', { name: '프로필 저장' }).click();
  await page.waitForURL(/saved=1/);

  // The CV, as a PDF.
  await page.locator('#field-cv').setInputFiles({ name: '이력서.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: '이력서 올리기' }).click();
  await page.waitForURL(/cv=saved/);
  assert.match(await page.locator('section.cv').innerText(), /이력서\.pdf/);
  // When it was uploaded: in UTC from the server, then in the reader's time zone (Seoul, UTC+9).
  await waitForHydration(page);
  const uploaded = page.locator('section.cv time');
  assert.match(await uploaded.getAttribute('title'), /UTC$/);
  assert.match(await uploaded.innerText(), /GMT\+9|KST/);

  // Apply to an opening written in French, with a letter in Korean.
  const opening = await openingId('demo-usherb-water-treatment');
  await page.goto(`${BASE_URL}/ko/openings/${opening}`);
  await waitForHydration(page);
  await page.locator('#field-letter').fill('안녕하세요. 막 생물반응기를 이용한 하수 처리를 함께 연구하고 싶습니다.');
  // The opening's own question, in French.
  assert.match(await page.locator('label[for=field-answer_1]').innerText(), /bioréacteurs à membrane/);
  await page.locator('#field-answer_1').fill('석사 과정에서 실험실 규모의 막 생물반응기를 운전했습니다.');
  await page.getByRole('button', { name: '지원서 제출' }).click();
  await page.waitForURL(/\/ko\/applications\?applied=/);
  assert.match(await page.locator('main').innerText(), /접수됨/);
  assert.match(newestMail(address), /지원서가 제출되었습니다/);

  // Sherbrooke's coordinator finds it from "Vos offres", shortlists it, then makes an offer.
  const host = await shared.browser.newContext({ locale: 'fr-CA' });
  const coordinator = await signIn(host, 'fr', DEMO.sherbrooke, DEMO_PASSWORD);
  await coordinator.goto(`${BASE_URL}/fr/postings`);
  await coordinator.locator(`a[href="/fr/postings/${opening}/applications"]`).click();
  await coordinator.waitForURL(new RegExp(`/fr/postings/${opening}/applications`));
  await waitForHydration(coordinator);
  const item = () => coordinator.locator('li.application', { hasText: '이지우' });
  assert.match(await item().innerText(), /막 생물반응기/);
  assert.deepEqual(await axeViolations(coordinator), [], 'the applications list');
  await item().locator('select[name=status]').selectOption('shortlisted');
  await item().getByRole('button', { name: 'Enregistrer l’état' }).click();
  await coordinator.waitForURL(/moved=/);
  const offer = 'Nous serions heureux de vous accueillir à Sherbrooke en mai.';
  await item().locator('select[name=status]').selectOption('offer_made');
  await item().locator('textarea[name=message]').fill(offer);
  await item().getByRole('button', { name: 'Enregistrer l’état' }).click();
  await coordinator.waitForURL(/moved=/);
  assert.match(await item().innerText(), /Place proposée/);

  // The researcher reads it on the site and in the e-mail, in Korean.
  await page.goto(`${BASE_URL}/ko/applications`);
  await waitForHydration(page);
  const mine = await page.locator('main').innerText();
  assert.match(mine, /합격 제안/);
  assert.ok(mine.includes(offer), 'the message is on the page');
  const mail = newestMail(address);
  assert.match(mail, /지원 상태가 바뀌었습니다/);
  assert.match(mail, /현재 상태: 합격 제안/);
  assert.ok(mail.includes(offer), 'the message is in the e-mail');
  assert.deepEqual(await axeViolations(page), [], 'the applications page');
  assert.deepEqual(errors, []);
  await researcher.close();
  await host.close();
});

test('the new pages pass the Nu Html Checker', async () => {
  const opening = await openingId('demo-kaist-llm-korean');
  const researcher = await signInCookies(DEMO.researcher, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn(['/ko/profile', '/en/applications', '/fr/saved', `/fr/openings/${opening}`],
    { cookie: researcher }), []);
  const kaist = await signInCookies(DEMO.kaist, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn(['/en/postings', `/ko/postings/${opening}/applications`,
    `/en/postings/${opening}/applications?status=offer_made&sort=oldest`], { cookie: kaist }), []);
});

test('a researcher saves an opening, finds it on their saved openings and removes it', async () => {
  const opening = await openingId('demo-etri-speech');
  const context = await shared.browser.newContext({ locale: 'fr-CA' });
  const page = await signIn(context, 'fr', DEMO.researcherFr, DEMO_PASSWORD);
  await page.goto(`${BASE_URL}/fr/openings/${opening}`);
  await page.getByRole('button', { name: 'Enregistrer cette offre' }).click();
  await page.waitForURL(/kept=1/);
  assert.equal(await page.locator('.notice', { hasText: 'C’est enregistré' }).count(), 1, 'the page says it is saved');
  await page.getByRole('link', { name: 'Offres enregistrées' }).first().click();
  await page.waitForURL(/\/fr\/saved/);
  await waitForHydration(page);
  const card = page.locator('.opening-card').filter({ has: page.locator(`a[href^="/fr/openings/${opening}?"]`) });
  assert.equal(await card.count(), 1, 'the saved opening is listed');
  assert.deepEqual(await axeViolations(page), [], 'the saved openings page');
  await card.getByRole('button', { name: 'Retirer' }).click();
  await page.waitForURL(/unkept=1/);
  assert.equal(await page.locator(`a[href^="/fr/openings/${opening}?"]`).count(), 0, 'removed');
  await context.close();
});
