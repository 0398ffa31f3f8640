// Every kind of page is valid HTML (the Nu Html Checker, as the W3C runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { BASE_URL, openingId, ensureAdmin, signInCookies, ADMIN } from './support.js';

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** What the Nu Html Checker says of each page (fetched with `headers`); empty when all pass. */
async function problemsIn(paths, headers) {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-html-'));
  try {
    const files = [];
    for (const [i, path] of paths.entries()) {
      const response = await fetch(`${BASE_URL}${path}`, { headers });
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, await response.text());
      files.push(file);
    }
    const run = spawnSync('java', ['-jar', vnu, '--format', 'json', '--exit-zero-always', ...files], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `vnu did not run: ${run.error ?? run.stderr}`);
    // vnu writes its JSON report on stderr.
    const { messages } = JSON.parse(run.stderr);
    return messages.map((m) => `${paths[Number(/page-(\d+)/.exec(m.url)?.[1])]}: ${m.type} ${m.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    '/fr/admin/accounts?q=e2e', `/ko/openings/${id}`];
  assert.deepEqual(await problemsIn(paths, { cookie }), []);
});
