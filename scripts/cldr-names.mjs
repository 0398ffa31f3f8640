// Writes l10n/data/{countries,languages,currencies}.tsv: every ISO 3166-1 country, ISO 639-1
// language and ISO 4217 currency, named in English, French (Canada) and Korean from CLDR (the
// data inside Node's ICU: `Intl.DisplayNames`). The codes come from Debian's `iso-codes` package
// (`apt install iso-codes`). Run it again when either is updated; the files are committed, so
// nothing else needs Node or iso-codes:  node scripts/cldr-names.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const ISO = '/usr/share/iso-codes/json';
const LOCALES = ['en', 'fr-CA', 'ko'];
const out = new URL('../l10n/data/', import.meta.url);

function table(file, type, codes) {
  const names = LOCALES.map((locale) => new Intl.DisplayNames([locale], { type, fallback: 'none' }));
  const rows = codes
    .map((code) => [code, ...names.map((n) => n.of(code))])
    .filter((row) => row.slice(1).every((name) => name && name !== row[0]))
    .sort((a, b) => a[0].localeCompare(b[0]));
  const header = `# ${type} names from CLDR ${process.versions.cldr} (scripts/cldr-names.mjs): code, en, fr-CA, ko\n`;
  writeFileSync(new URL(file, out), header + rows.map((row) => row.join('\t')).join('\n') + '\n');
  console.log(`${file}: ${rows.length} rows`);
}

const read = (file, key) => JSON.parse(readFileSync(`${ISO}/${file}`, 'utf8'))[key];
table('countries.tsv', 'region', read('iso_3166-1.json', '3166-1').map((c) => c.alpha_2));
table('languages.tsv', 'language', read('iso_639-2.json', '639-2').filter((l) => l.alpha_2).map((l) => l.alpha_2));
table('currencies.tsv', 'currency', read('iso_4217.json', '4217').map((c) => c.alpha_3));
