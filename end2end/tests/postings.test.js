// The whole life of an opening in the browser: a KAIST researcher signs up (in Korean), joins
// KAIST, writes an opening in Korean, English and French on the form's language tabs, is sent
// back with a reason they read in Korean (on the site and in the e-mail), fixes it, gets it
// approved and finds it by search in each language; another reader flags it; the admin follows
// all of it in the audit log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedBrowser, waitForHydration, BASE_URL, ADMIN, ensureAdmin, problemsIn, axeViolations, newestMail,
} from './support.js';

const shared = sharedBrowser();

async function signUp(context, lang, name, address) {
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/${lang}/signup`);
  await page.locator('#field-display_name').fill(name);
  await page.locator('#field-email').fill(address);
  await page.locator('#field-password').fill('a long enough passphrase');
  await page.locator('#field-preferred_lang').selectOption(lang);
  await page.locator('form.stacked-form button[type=submit]').click();
  await page.waitForURL(/\/account\?welcome=1/);
  return page;
}

async function signInAsAdmin(context) {
  ensureAdmin();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/login`);
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/account/);
  return page;
}

test('an opening in Korean, English and French goes through moderation to search', async () => {
  const stamp = Date.now();
  const address = `minji.${stamp}@kaist.ac.kr`;
  const title = `양자 센싱 박사과정 교환 ${stamp}`;
  const poster = await shared.browser.newContext({ locale: 'ko-KR' });
  const errors = [];
  const page = await signUp(poster, 'ko', '김민지', address);
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

  // Confirm the address from the e-mail, then join KAIST from the account page.
  const link = newestMail(address).split(/\s+/).find((word) => word.startsWith('http'));
  const confirm = new URL(link);
  await page.goto(`${BASE_URL}${confirm.pathname}${confirm.search}`);
  await page.waitForURL(/confirmed=1/);
  await page.getByRole('button', { name: /한국과학기술원 가입하기/ }).click();
  await page.waitForURL(/joined=kaist/);

  // The form: Korean first; English on its own tab. The English description is forgotten at
  // first: the form comes back with the English tab open at the problem, nothing lost.
  await page.getByRole('link', { name: '내 공고' }).click();
  await page.getByRole('link', { name: '새 공고 작성' }).click();
  await waitForHydration(page);
  // Only the title is known at first: the draft is saved unfinished, kept as typed, and the
  // rest is written on it later.
  await page.locator('#field-title_ko').fill(title);
  await page.getByRole('button', { name: '초안 저장 후 미리 보기' }).click();
  await page.waitForURL(/saved=unfinished/);
  await waitForHydration(page);
  assert.match(await page.locator('.notice', { hasText: '초안을 저장했습니다' }).innerText(), /본인만 볼 수 있습니다/);
  assert.equal(await page.locator('#field-title_ko').inputValue(), title);
  await page.locator('#field-original_language').selectOption('ko');
  await page.getByRole('tab', { name: '한국어' }).click();
  await page.locator('#field-title_ko').fill(title);
  await page.locator('#field-description_ko').fill('다이아몬드 NV 센터를 이용한 **양자 센싱** 연구에 참여할 박사과정생을 찾습니다.');
  const english = page.getByRole('tab', { name: '영어' });
  await english.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: '한국어' }).getAttribute('aria-selected'), 'true', 'arrow keys move between tabs');
  await english.click();
  assert.equal(await page.locator('#field-title_ko').isVisible(), false, 'one language at a time');
  await page.locator('#field-title_en').fill(`Quantum sensing PhD exchange ${stamp}`);
  // And French: all three languages.
  await page.getByRole('tab', { name: '프랑스어' }).click();
  await page.locator('#field-title_fr').fill(`Échange doctoral en capteurs quantiques ${stamp}`);
  await page.locator('#field-description_fr').fill('Rejoignez notre équipe de **détection quantique** (centres NV du diamant).');
  await page.locator('#field-kind').selectOption('phd_exchange');
  await page.locator('#field-career_stages-R1').check();
  await page.locator('#field-fields-1-3').check();
  await page.locator('#field-keywords').fill('quantum sensing, NV centre');
  await page.locator('#field-country').selectOption('KR');
  await page.locator('#field-city').fill('Daejeon');
  const deadline = new Date(Date.now() + 200 * 86400e3).toISOString().slice(0, 10);
  await page.locator('#field-deadline').fill(deadline);
  await page.locator('#field-stipend_amount').fill('2000000');
  await page.locator('#field-stipend_currency').selectOption('KRW');
  await page.locator('#field-stipend_period').selectOption('month');
  await page.getByRole('button', { name: '게시 요청' }).click();
  await page.waitForSelector('#form-alert');
  await waitForHydration(page);
  assert.equal(await english.getAttribute('aria-selected'), 'true', 'the tab with the problem is open');
  assert.match(await page.locator('#field-description_en-error').innerText(), /제목과 설명을 모두 쓰거나/);
  assert.equal(await page.locator('#field-title_en').inputValue(), `Quantum sensing PhD exchange ${stamp}`);
  assert.equal(await page.locator('#field-stipend_currency').inputValue(), 'KRW');
  // Countries, currencies and languages are chosen by name (CLDR's, in Korean); ranges are said.
  assert.equal((await page.locator('#field-country option:checked').innerText()).trim(), '대한민국');
  assert.equal((await page.locator('#field-stipend_currency option:checked').innerText()).trim(), '대한민국 원');
  assert.match(await page.locator('#field-positions-hint').innerText(), /1에서 1,000까지/);
  assert.deepEqual(await axeViolations(page), [], 'the form with a problem showing');
  const cookie = (await poster.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  assert.deepEqual(await problemsIn(['/ko/postings/new', '/en/postings'], { cookie }), []);

  await page.locator('#field-description_en').fill('Join our **quantum sensing** group (NV centres in diamond).');
  await page.getByRole('button', { name: '게시 요청' }).click();
  await page.waitForURL(/saved=pending/);
  await waitForHydration(page);
  assert.match(await page.locator('main').innerText(), /검토 대기 중/);
  assert.equal(await page.locator('.opening__description strong').first().innerText(), '양자 센싱', 'the preview renders Markdown');
  const postingUrl = new URL(page.url());
  const id = postingUrl.pathname.split('/').pop();
  assert.deepEqual(await problemsIn([`/ko/postings/${id}`], { cookie }), []);

  // The admin sends it back with a reason.
  const ops = await shared.browser.newContext({ locale: 'en-US' });
  const admin = await signInAsAdmin(ops);
  await admin.goto(`${BASE_URL}/en/admin/review`);
  await admin.getByRole('link', { name: `Quantum sensing PhD exchange ${stamp}` }).click();
  await admin.waitForURL(new RegExp(`/en/postings/${id}`));
  await waitForHydration(admin);
  assert.deepEqual(await axeViolations(admin), [], 'the review page');
  await admin.locator('#field-reason').selectOption('incomplete');
  await admin.locator('#field-note').fill('Please name the supervisor.');
  await admin.getByRole('button', { name: 'Send back' }).click();
  await admin.waitForURL(/decided=/);

  // Minji reads the reason in Korean, on the site and in the e-mail.
  await page.goto(`${BASE_URL}/ko/`);
  assert.match(await page.locator('.account-nav').innerText(), /내 공고\s*1/);
  await page.goto(`${BASE_URL}/ko/postings`);
  assert.equal(await page.locator('.unfinished-list').count(), 0, 'the unfinished draft became the posting');
  const decisions = await page.locator('.decisions').innerText();
  assert.match(decisions, /반려됨: 중요한 정보가 빠졌거나 분명하지 않습니다\./);
  assert.match(decisions, /Please name the supervisor\./);
  const mail = newestMail(address);
  assert.match(mail, /공고를 게시하려면 수정이 필요합니다/);
  assert.match(mail, /사유: 중요한 정보가 빠졌거나 분명하지 않습니다\./);

  // Fixed and sent again; approved.
  await page.goto(`${BASE_URL}/ko/postings/${id}/edit`);
  await waitForHydration(page);
  await page.getByRole('tab', { name: '영어' }).click();
  await page.locator('#field-description_en').fill('Join our **quantum sensing** group, supervised by Prof. Lee Jiwoo.');
  await page.getByRole('button', { name: '게시 요청' }).click();
  await page.waitForURL(/saved=pending/);
  await admin.goto(`${BASE_URL}/en/postings/${id}`);
  await admin.getByRole('button', { name: 'Approve' }).click();
  await admin.waitForURL(/decided=/);
  assert.match(newestMail(address), /Passerelle에 공고가 게시되었습니다/);

  // Anyone finds it, in either language.
  const reader = await shared.browser.newContext({ locale: 'fr-CA' });
  const search = await reader.newPage();
  await search.goto(`${BASE_URL}/en/openings?q=${encodeURIComponent(`quantum sensing ${stamp}`)}`);
  assert.match(await search.locator('main').innerText(), new RegExp(`Quantum sensing PhD exchange ${stamp}`));
  await search.goto(`${BASE_URL}/fr/openings?q=${encodeURIComponent(`capteurs quantiques ${stamp}`)}`);
  assert.match(await search.locator('main').innerText(), new RegExp(`Échange doctoral en capteurs quantiques ${stamp}`));
  await search.goto(`${BASE_URL}/ko/openings?q=${encodeURIComponent(`양자 센싱 ${stamp}`)}`);
  await search.getByRole('link', { name: title }).click();
  await search.waitForURL(new RegExp(`/ko/openings/${id}`));

  // Another reader flags it.
  const flagger = await signUp(reader, 'fr', 'Léa', `lea.${stamp}@usherbrooke.ca`);
  await flagger.goto(`${BASE_URL}/fr/openings/${id}`);
  await flagger.locator('#field-reason').selectOption('misleading');
  await flagger.locator('#field-details').fill('Le financement annoncé ne correspond pas.');
  await flagger.locator('form[action$="/report"] button[type=submit]').click();
  await flagger.waitForURL(/reported=1/);

  // The admin follows all of it in the audit log.
  await admin.goto(`${BASE_URL}/en/admin/audit`);
  const log = await admin.locator('.admin-table').innerText();
  const steps = ['Opening reported', 'Opening approved', 'Opening submitted', 'Opening sent back', 'Opening submitted',
    'Member joined'];
  let from = 0;
  for (const step of steps) {
    const at = log.indexOf(step, from);
    assert.ok(at >= 0, `${step} after position ${from} in:\n${log}`);
    from = at + 1;
  }
  await admin.goto(`${BASE_URL}/en/admin/audit?actor=${encodeURIComponent(address)}`);
  assert.match(await admin.locator('.admin-table').innerText(), /Opening submitted/);
  assert.deepEqual(errors, []);
  await Promise.all([poster.close(), ops.close(), reader.close()]);
});
