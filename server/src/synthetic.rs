//! A synthetic catalogue for load tests and benchmarks (`passerelle seed synthetic N`,
//! `passerelle bench`): openings in one, two or three languages about topics drawn from the
//! research vocabulary, from a few hundred institutions, with every field filled. The same seed
//! gives the same corpus, so figures can be compared between runs.

use chrono::{Days, NaiveDate};
use model::Lang;
use model::record::{Funding, InstitutionRecord, LanguageRequirement, Location, OpeningRecord, Stipend};
use model::vocab::{CareerStage, Cefr, Field, Kind, StipendPeriod};
use search::ConceptNames;

/// xorshift64*: small, fast and reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let value = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33;
        usize::try_from(value).unwrap_or(0) % bound.max(1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Topics: the vocabulary's research concepts (not the words for kinds of opening) that have a
/// name in each language.
pub fn topics() -> Vec<ConceptNames> {
    search::research_concepts()
        .into_iter()
        .filter(|concept| !concept.section.starts_with("Kinds"))
        .filter(|concept| Lang::ALL.iter().all(|lang| concept.names.iter().any(|(l, _)| l == lang)))
        .collect()
}

/// The first name of `concept` in `lang`.
pub fn name_in(concept: &ConceptNames, lang: Lang) -> &str {
    concept.names.iter().find(|(l, _)| *l == lang).map_or("", |(_, name)| name.as_str())
}

const COUNTRIES: [(&str, &[&str]); 8] = [
    ("KR", &["Seoul", "Daejeon", "Pohang", "Busan", "Gwangju"]),
    ("CA", &["Montréal", "Sherbrooke", "Québec", "Toronto", "Vancouver"]),
    ("FR", &["Paris", "Lyon", "Grenoble", "Toulouse"]),
    ("DE", &["Berlin", "Munich", "Heidelberg"]),
    ("JP", &["Tokyo", "Kyoto", "Osaka"]),
    ("US", &["Boston", "Berkeley", "Pittsburgh"]),
    ("BE", &["Leuven", "Liège"]),
    ("CH", &["Zurich", "Lausanne"]),
];
const INSTITUTIONS: usize = 400;

fn institution(number: usize) -> InstitutionRecord {
    let mut rng = Rng::new(number as u64 * 7919 + 17);
    let (country, cities) = COUNTRIES[number % COUNTRIES.len()];
    let city = rng.pick(cities).to_string();
    let name = [
        (Lang::En, format!("Institute for Advanced Research {number}")),
        (Lang::Fr, format!("Institut de recherche avancée {number}")),
        (Lang::Ko, format!("첨단연구원 {number}")),
    ];
    InstitutionRecord {
        slug: format!("inst-{number}"),
        name: name.into_iter().collect(),
        country: country.to_string(),
        city,
        domain: format!("inst-{number}.example.org"),
    }
}

fn kind_phrase(kind: Kind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Kind::VisitingResearcher, Lang::En) => "Visiting researcher",
        (Kind::VisitingResearcher, Lang::Fr) => "Chercheur invité",
        (Kind::VisitingResearcher, Lang::Ko) => "방문연구원",
        (Kind::Internship, Lang::En) => "Research internship",
        (Kind::Internship, Lang::Fr) => "Stage de recherche",
        (Kind::Internship, Lang::Ko) => "연구 인턴십",
        (Kind::PhdExchange, Lang::En) => "PhD exchange",
        (Kind::PhdExchange, Lang::Fr) => "Échange doctoral",
        (Kind::PhdExchange, Lang::Ko) => "박사과정 교류",
        (Kind::Postdoc, Lang::En) => "Postdoctoral position",
        (Kind::Postdoc, Lang::Fr) => "Stage postdoctoral",
        (Kind::Postdoc, Lang::Ko) => "박사후연구원",
        (Kind::JointProject, Lang::En) => "Joint project",
        (Kind::JointProject, Lang::Fr) => "Projet conjoint",
        (Kind::JointProject, Lang::Ko) => "공동 연구",
        (Kind::SummerSchool, Lang::En) => "Summer school",
        (Kind::SummerSchool, Lang::Fr) => "École d'été",
        (Kind::SummerSchool, Lang::Ko) => "여름학교",
    }
}

fn title(kind: Kind, lang: Lang, a: &str, b: &str) -> String {
    let kind = kind_phrase(kind, lang);
    match lang {
        Lang::En => format!("{kind} in {a} and {b}"),
        Lang::Fr => format!("{kind} en {a} et {b}"),
        Lang::Ko => format!("{a} 및 {b} {kind}"),
    }
}

/// Sentences with slots for topics (`{}`), per language.
fn sentences(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "Our group works on {} with partners across three continents.",
            "The successful candidate will develop new methods for {} and publish the results.",
            "Experience with {} is an asset; training is provided.",
            "The stay includes regular seminars on {} and access to shared facilities.",
            "You will join an interdisciplinary team studying {} in close contact with industry.",
            "Applicants should describe their interest in {} in a one-page statement.",
        ],
        Lang::Fr => &[
            "Notre équipe travaille sur {} avec des partenaires sur trois continents.",
            "La personne retenue développera de nouvelles méthodes en {} et en publiera les résultats.",
            "Une expérience en {} est un atout; une formation est offerte.",
            "Le séjour comprend des séminaires réguliers sur {} et l'accès aux plateformes communes.",
            "Vous rejoindrez une équipe interdisciplinaire qui étudie {} en lien étroit avec l'industrie.",
            "Les candidatures décrivent leur intérêt pour {} en une page.",
        ],
        Lang::Ko => &[
            "연구실은 세 대륙의 협력 기관과 함께 {} 연구를 수행합니다.",
            "선발된 연구자는 {} 분야의 새로운 방법을 개발하고 결과를 발표합니다.",
            "{} 경험이 있으면 우대하며 교육을 제공합니다.",
            "체류 기간 동안 {} 세미나와 공동 장비를 이용할 수 있습니다.",
            "산업계와 긴밀히 협력하며 {} 를 연구하는 융합 연구팀에 참여합니다.",
            "지원자는 {} 에 대한 관심을 한 쪽 분량으로 기술해야 합니다.",
        ],
    }
}

/// Three to six sentences, then more until the text has `min_bytes`.
fn description(rng: &mut Rng, lang: Lang, topics: &[&ConceptNames], min_bytes: usize) -> String {
    let count = 3 + rng.below(4);
    let mut text = String::new();
    let mut i = 0;
    while i < count || text.len() < min_bytes {
        let topic = name_in(topics[i % topics.len()], lang);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&rng.pick(sentences(lang)).replace("{}", topic));
        i += 1;
    }
    text
}

/// Opening number `n` of a synthetic catalogue built from `topics`; deadlines are spread over
/// the year after `today`, with one in ten already past.
pub fn opening(n: usize, topics: &[ConceptNames], today: NaiveDate) -> OpeningRecord {
    opening_sized(n, topics, today, 0)
}

/// The same, with each description at least `min_bytes` long (`opening`'s are about 200 to 400
/// bytes a language).
pub fn opening_sized(n: usize, topics: &[ConceptNames], today: NaiveDate, min_bytes: usize) -> OpeningRecord {
    let mut rng = Rng::new(n as u64 * 104_729 + 1);
    let chosen: Vec<&ConceptNames> = (0..3).map(|_| rng.pick(topics)).collect();
    let original = *rng.pick(&Lang::ALL);
    let mut langs = vec![original];
    for other in Lang::ALL {
        if other != original && rng.chance(35) {
            langs.push(other);
        }
    }
    let kind = *rng.pick(Kind::ALL);
    let title_texts = langs
        .iter()
        .map(|lang| (*lang, title(kind, *lang, name_in(chosen[0], *lang), name_in(chosen[1], *lang))))
        .collect();
    let description_texts =
        langs.iter().map(|lang| (*lang, description(&mut rng, *lang, &chosen, min_bytes))).collect();
    let institution = institution(rng.below(INSTITUTIONS));
    let deadline = if rng.chance(10) {
        today.checked_sub_days(Days::new(1 + rng.below(200) as u64))
    } else {
        today.checked_add_days(Days::new(1 + rng.below(365) as u64))
    }
    .unwrap_or(today);
    let mut stages = vec![*rng.pick(CareerStage::ALL)];
    if rng.chance(30) {
        stages.push(*rng.pick(CareerStage::ALL));
        stages.sort_by_key(|s| s.code());
        stages.dedup();
    }
    let mut fields = vec![*rng.pick(Field::ALL)];
    if rng.chance(40) {
        fields.push(*rng.pick(Field::ALL));
        fields.sort_by_key(|f| f.code());
        fields.dedup();
    }
    let mut languages_required = vec![LanguageRequirement { lang: original.code().to_string(), level: Cefr::B2 }];
    if rng.chance(30) && original != Lang::En {
        languages_required.push(LanguageRequirement { lang: "en".to_string(), level: Cefr::B1 });
    }
    let stipend = rng.chance(85).then(|| {
        let (amount, currency) = match institution.country.as_str() {
            "KR" => (1_500_000.0 + 100_000.0 * rng.below(20) as f64, "KRW"),
            "CA" => (2_000.0 + 100.0 * rng.below(20) as f64, "CAD"),
            "US" => (2_500.0 + 100.0 * rng.below(20) as f64, "USD"),
            "JP" => (200_000.0 + 10_000.0 * rng.below(20) as f64, "JPY"),
            _ => (1_800.0 + 100.0 * rng.below(20) as f64, "EUR"),
        };
        Stipend { amount, currency: currency.to_string(), period: StipendPeriod::Month }
    });
    OpeningRecord {
        external_id: format!("synthetic-{n}"),
        location: Location {
            country: institution.country.clone(),
            city: institution.city.clone(),
            city_names: Default::default(),
        },
        apply_url: Some(format!("https://{}/apply/{n}", institution.domain)),
        contact_email: Some(format!("exchange@{}", institution.domain)),
        institution,
        kind,
        career_stages: stages,
        fields,
        title: title_texts,
        description: description_texts,
        original_language: original,
        keywords: chosen.iter().map(|topic| name_in(topic, original).to_string()).collect(),
        languages_required,
        start_date: deadline.checked_add_days(Days::new(60)),
        duration_months: Some(1 + rng.below(24) as u32),
        deadline,
        funding: Funding { stipend, travel_covered: rng.chance(50), housing_covered: rng.chance(30) },
        positions: 1 + rng.below(3) as u32,
        apply_on_passerelle: false,
        questions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_are_valid_and_reproducible() {
        let topics = topics();
        assert!(topics.len() > 150, "{} topics", topics.len());
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        for n in 0..500 {
            let record = opening(n, &topics, today);
            record.validate().unwrap_or_else(|e| panic!("synthetic opening {n}: {e}"));
            assert_eq!(record, opening(n, &topics, today));
        }
    }
}
