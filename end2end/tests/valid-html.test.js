// Every kind of page is valid HTML (the Nu Html Checker, as the W3C runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openingId, ensureAdmin, signInCookies, ADMIN, problemsIn } from './support.js';

test('pages pass the Nu Html Checker without errors or warnings', async () => {
  const id = await openingId('demo-kaist-llm-korean');
  const paths = ['/en/', '/fr/openings', '/ko/openings?q=battery', `/ko/openings/${id}`, `/fr/openings/${id}?text=en`,
    '/en/openings?page=abc', '/en/openings/999999', '/de/nowhere', '/en/login?next=%2Fen%2Faccount', '/ko/signup',
    '/fr/forgot', '/en/reset?token=x'];
  assert.deepEqual(await problemsIn(paths, { 'accept-language': 'fr' }), []);
});

test('pages behind sign-in pass it too', async () => {
  ensureAdmin();
  const cookie = await signInCookies(ADMIN.email, ADMIN.password);
  const id = await openingId('demo-kaist-llm-korean');
  const paths = ['/en/account', '/fr/admin', '/ko/admin/institutions', '/en/admin/audit', '/en/admin/reports',
    '/fr/admin/accounts?q=e2e', '/ko/admin/review', '/fr/institutions/kaist/members', `/ko/openings/${id}`];
  assert.deepEqual(await problemsIn(paths, { cookie }), []);
});
