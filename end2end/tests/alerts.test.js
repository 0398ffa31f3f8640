// Alerts in the browser: a researcher saves a search from the list page, a new opening on its
// topic is published (in another language), the digest comes through the outbox in her
// language with the new opening and a one-click unsubscribe link, and that link stops it.
// The list page's form, the alerts page and the unsubscribe page pass axe and the Nu checker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  sharedBrowser, waitForHydration, signIn, signInCookies, problemsIn, passerelle, axeViolations, BASE_URL, DEMO,
  DEMO_PASSWORD,
} from './support.js';

const shared = sharedBrowser();

/** Publishes one new KAIST opening, written in English, through `passerelle import`. */
function publishOpening(externalId, title) {
  const record = {
    external_id: externalId,
    institution: { slug: 'kaist', name: { en: 'KAIST', ko: '한국과학기술원' }, country: 'KR', city: 'Daejeon', domain: 'kaist.ac.kr' },
    kind: 'visiting_researcher', career_stages: ['R2', 'R3'], fields: ['1.3'],
    title: { en: title }, description: { en: `${title}: a six-month stay in a quantum sensing laboratory.` },
    original_language: 'en', keywords: ['quantum sensing'],
    languages_required: [{ lang: 'en', level: 'B2' }],
    location: { country: 'KR', city: 'Daejeon' },
    start_date: '2099-03-01', duration_months: 6, deadline: '2099-01-15',
    funding: { stipend: null, travel_covered: false, housing_covered: false },
    positions: 1, apply_url: 'https://kaist.ac.kr/apply', contact_email: 'exchange@kaist.ac.kr',
  };
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-alert-'));
  try {
    const file = join(dir, 'openings.jsonl');
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    passerelle(['import', 'openings', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a saved search brings its new openings by e-mail, and one click unsubscribes', async () => {
  const context = await shared.browser.newContext({ locale: 'fr-CA' });
  const page = await signIn(context, 'fr', DEMO.researcherFr, DEMO_PASSWORD);

  await page.goto(`${BASE_URL}/fr/openings?q=magn%C3%A9tom%C3%A8tre%20quantique`);
  await waitForHydration(page);
  const save = page.locator('section.save-search');
  await save.getByRole('heading', { name: 'Nouvelles offres par courriel' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await save.getByLabel('Fréquence').selectOption('daily');
  await save.getByRole('button', { name: 'Enregistrer cette recherche' }).click();
  await page.waitForURL(/\/fr\/alerts\?saved=1/);
  await page.getByText('Alerte enregistrée.', { exact: false }).waitFor();
  const alert = page.locator('.alert-item').filter({ hasText: 'magnétomètre quantique' });
  await alert.waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // A new opening on the topic, in English; digests cover what was published seconds before.
  publishOpening('e2e-alert-magnetometry', 'Quantum magnetometer research stay');
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const sent = passerelle(['alerts', 'send']);
  assert.match(sent, /Digests queued: [1-9]/, sent);
  const outbox = passerelle(['outbox', '--to', DEMO.researcherFr, '--limit', '1']);
  assert.match(outbox, /Subject: Une nouvelle offre pour votre recherche «\u00a0magnétomètre quantique\u00a0»/, outbox);
  assert.match(outbox, /Quantum magnetometer research stay/);
  const header = /List-Unsubscribe: <([^>]+)>/.exec(outbox);
  assert.ok(header, outbox);
  assert.ok(outbox.includes(header[1]), 'the link is in the text too');

  // The link opens a page with one button; after it, the alert is gone.
  const link = new URL(header[1]);
  await page.goto(`${BASE_URL}${link.pathname}`);
  await waitForHydration(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Me désabonner' }).click();
  await page.getByText('C’est fait', { exact: false }).waitFor();
  await page.goto(`${BASE_URL}/fr/alerts`);
  assert.equal(await page.locator('.alert-item').filter({ hasText: 'magnétomètre quantique' }).count(), 0);
  await context.close();

  const cookie = await signInCookies(DEMO.researcherFr, DEMO_PASSWORD);
  assert.deepEqual(await problemsIn(['/fr/alerts', '/fr/openings?q=quantique', link.pathname], { cookie }), []);
});
