//! "Add your institution": a person whose institution is not on Passerelle yet adds it, on
//! the domain of their confirmed address, and becomes its administrator; Passerelle's team
//! verifies it (until then, its openings wait for review). The form is read here, with a
//! problem per field.

use crate::account::email_domains;
use crate::form_fields::{FieldProblems, PostedFields};
use crate::lang::{Lang, Texts};
use crate::record::{InstitutionRecord, without_controls};

/// The longest name the form takes.
pub const MAX_NAME_CHARS: usize = 200;

/// Webmail providers and shared suffixes: domains that are nobody's institution.
const SHARED_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.fr",
    "yahoo.ca",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "gmx.com",
    "naver.com",
    "daum.net",
    "hanmail.net",
    "kakao.com",
    "nate.com",
    "videotron.ca",
    "sympatico.ca",
    "bell.net",
    "example.org",
    "ac.kr",
    "co.kr",
    "or.kr",
    "re.kr",
    "go.kr",
    "ne.kr",
    "qc.ca",
    "gc.ca",
    "ac.uk",
    "co.uk",
    "edu.au",
];

/// The domains a person with `email` may add their institution on: their address's domain and
/// its parents, leaving out webmail and shared suffixes. Empty for a webmail address.
pub fn addable_domains(email: &str) -> Vec<&str> {
    let domains = email_domains(email);
    if domains.first().is_some_and(|domain| SHARED_DOMAINS.contains(domain)) {
        return Vec::new();
    }
    domains.into_iter().filter(|domain| !SHARED_DOMAINS.contains(domain)).collect()
}

/// The slug an institution on `domain` is first offered: its first name that is not `www`
/// ("etsmtl" for etsmtl.ca); the database makes it unique.
pub fn slug_for(domain: &str) -> String {
    let label = domain.split('.').find(|label| *label != "www").unwrap_or("institution");
    let slug: String = label.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect();
    let slug = slug.trim_matches('-').to_ascii_lowercase();
    if slug.is_empty() { "institution".to_string() } else { slug }
}

/// Reads the form of someone with `email`, who names the institution in `lang`.
pub fn read_new_institution(
    fields: &[(String, String)],
    email: &str,
    lang: Lang,
) -> Result<InstitutionRecord, FieldProblems> {
    let form = PostedFields(fields);
    let mut problems: FieldProblems = Vec::new();
    let name = without_controls(form.one("name"), false).trim().to_string();
    if name.is_empty() {
        problems.push(("name".into(), "form-error-required"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(("name".into(), "form-error-too-long"));
    }
    let domain = form.one("domain").to_ascii_lowercase();
    if !addable_domains(email).contains(&domain.as_str()) {
        problems.push(("domain".into(), "institution-add-error-domain"));
    }
    let country = form.one("country").to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.push(("country".into(), "form-error-choose"));
    }
    let city = without_controls(form.one("city"), false).trim().to_string();
    if city.is_empty() {
        problems.push(("city".into(), "form-error-required"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut names = Texts::new();
    names.insert(lang, name);
    Ok(InstitutionRecord { slug: slug_for(&domain), name: names, country, city, domain })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn an_institution_is_added_on_the_domain_of_the_address() {
        assert_eq!(addable_domains("ana@cs.etsmtl.ca"), vec!["cs.etsmtl.ca", "etsmtl.ca"]);
        assert_eq!(addable_domains("ji@snu.ac.kr"), vec!["snu.ac.kr"], "ac.kr is nobody's");
        assert!(addable_domains("ana@gmail.com").is_empty());
        assert_eq!(slug_for("www.inrs.ca"), "inrs");
        let fields = form(&[
            ("name", " École de technologie supérieure "),
            ("domain", "etsmtl.ca"),
            ("country", "ca"),
            ("city", "Montréal"),
        ]);
        let record = read_new_institution(&fields, "ana@cs.etsmtl.ca", Lang::Fr).expect("valid");
        assert_eq!(record.slug, "etsmtl");
        assert_eq!(record.name.get(&Lang::Fr).map(String::as_str), Some("École de technologie supérieure"));
        assert_eq!(record.country, "CA");
    }

    #[test]
    fn each_problem_is_named_against_its_field() {
        let fields = form(&[("name", ""), ("domain", "mcgill.ca"), ("country", "Canada"), ("city", " ")]);
        let problems = read_new_institution(&fields, "ana@cs.etsmtl.ca", Lang::En).expect_err("refused");
        let named: Vec<&str> = problems.iter().map(|(field, _)| field.as_str()).collect();
        assert_eq!(named, vec!["name", "domain", "country", "city"]);
    }
}
