// Accounts in the browser: a sign-up form that keeps what was typed when it is refused, the
// confirmation e-mail's link (read from the outbox with the CLI), the header's signed-in state,
// signing out, and the page's accessibility with errors showing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedBrowser, waitForHydration, BASE_URL, ADMIN, ensureAdmin, passerelle } from './support.js';

const shared = sharedBrowser();

/** The first link in the newest e-mail to `address`, from `passerelle outbox`. */
function mailedLink(address) {
  const outbox = passerelle(['outbox', '--to', address, '--limit', '1']);
  const link = outbox.split(/\s+/).find((word) => word.startsWith('http'));
  assert.ok(link, `no link in the outbox:\n${outbox}`);
  return { link: new URL(link), outbox };
}

test('sign up: refused fields keep what was typed, then the account is created and confirmed', async () => {
  const context = await shared.browser.newContext({ locale: 'fr-CA' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${BASE_URL}/fr/signup`);
  await waitForHydration(page);

  await page.getByLabel('Votre nom').fill('Léa Tremblay');
  await page.getByLabel('Adresse courriel').fill('lea@usherbrooke');
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForSelector('.field__error');
  assert.equal(await page.getByLabel('Votre nom').inputValue(), 'Léa Tremblay', 'the name was kept');
  assert.equal(await page.getByLabel('Adresse courriel').inputValue(), 'lea@usherbrooke');
  assert.equal(await page.getByLabel('Mot de passe').inputValue(), '', 'passwords are never sent back');
  const email = page.getByLabel('Adresse courriel');
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  const described = await email.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described}`).innerText(), /adresse courriel comme/);
  await waitForHydration(page);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], 'a form with errors is still accessible');

  const address = `lea.${Date.now()}@usherbrooke.ca`;
  await email.fill(address);
  await page.getByLabel('Mot de passe').fill('une phrase assez longue');
  await page.getByLabel('Langue préférée').selectOption('ko');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(/\/fr\/account\?welcome=1/);
  await waitForHydration(page);
  assert.match(await page.locator('main').innerText(), new RegExp(address.replace('.', '\\.')));
  const header = page.locator('.account-nav');
  assert.match(await header.innerText(), /Léa Tremblay/);

  // The e-mail went out in the chosen language, Korean, and its link confirms the address.
  const { link, outbox } = mailedLink(address);
  assert.match(outbox, /Passerelle 이메일 주소를 확인해 주세요/);
  await page.goto(`${BASE_URL}${link.pathname}${link.search}`);
  await page.waitForURL(/\/ko\/account\?confirmed=1/);
  assert.match(await page.locator('main').innerText(), /이메일 주소가 확인되었습니다/);

  // Signing out from the header.
  await waitForHydration(page);
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.waitForURL(/\/ko\/$/);
  assert.match(await page.locator('.account-nav').innerText(), /로그인/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page that needs an account sends to sign-in, which keeps the address when refused', async () => {
  const context = await shared.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/en/account`);
  await page.waitForURL(/\/en\/login\?next=%2Fen%2Faccount/);
  await page.getByLabel('Email address').fill('nobody@kaist.ac.kr');
  await page.getByLabel('Password').fill('not the right one');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#form-alert');
  assert.match(await page.locator('#form-alert').innerText(), /incorrect/);
  assert.equal(await page.getByLabel('Email address').inputValue(), 'nobody@kaist.ac.kr');
  await context.close();
});

test('an admin verifies an institution, and the audit log shows it; both pages are accessible', async () => {
  ensureAdmin();
  const context = await shared.browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${BASE_URL}/ko/login`);
  await page.getByLabel('이메일 주소').fill(ADMIN.email);
  await page.getByLabel('비밀번호').fill(ADMIN.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.waitForURL(/\/ko\/account/);

  await page.goto(`${BASE_URL}/ko/admin/institutions`);
  await waitForHydration(page);
  const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(await axe(), [], 'institutions page');
  // Sherbrooke, not KAIST: the posting test needs KAIST unverified, so its openings are reviewed.
  const row = page.locator('tr', { hasText: 'usherbrooke.ca' });
  const verify = row.getByRole('button', { name: /인증하기/ });
  if (await verify.count()) {
    await verify.click();
    await page.waitForURL(/verified=usherbrooke/);
  }
  assert.match(await page.locator('tr', { hasText: 'usherbrooke.ca' }).innerText(), /인증됨/);

  await page.goto(`${BASE_URL}/ko/admin/audit?action=institution_verified`);
  await waitForHydration(page);
  assert.match(await page.locator('.admin-table').innerText(), /기관 인증/);
  assert.deepEqual(await axe(), [], 'audit log');
  assert.deepEqual(errors, []);
  await context.close();
});
