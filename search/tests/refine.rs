//! What a searcher sees beyond the ranked list: filters and their counts, marked words in titles
//! and passages, and completions as they type.

use chrono::NaiveDate;
use model::Lang;
use model::record::testing::record;
use model::record::{LanguageRequirement, OpeningRecord};
use model::vocab::Cefr;
use search::{Filters, IndexedOpening, SearchIndex, SearchQuery, Sort};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

/// Four openings: two at KAIST (one unfunded, requiring Korean), one in French at Sherbrooke,
/// one at KRISS closing early.
fn corpus() -> Vec<OpeningRecord> {
    let mut battery = record("battery", "kaist", "Solid-state battery electrolytes");
    battery.keywords = vec!["solid-state battery".into(), "electrolytes".into()];
    battery.description.insert(
        Lang::Ko,
        "KAIST 에너지연구실은 전고체 배터리의 고체 전해질을 연구할 박사후연구원을 모집합니다.".into(),
    );
    battery.title.insert(Lang::Ko, "전고체 배터리 전해질 연구".into());
    let mut qec = record("qec", "kaist", "Quantum error correction");
    qec.keywords = vec!["quantum error correction".into(), "surface code".into()];
    qec.funding.stipend = None;
    qec.languages_required.push(LanguageRequirement { lang: "ko".into(), level: Cefr::A2 });
    qec.deadline = day("2099-06-30");
    let mut french = record("stockage", "usherbrooke", "Energy storage");
    french.title.insert(Lang::Fr, "Stockage d'énergie et batteries stationnaires".into());
    french.description.insert(
        Lang::Fr,
        "Le laboratoire étudie le vieillissement des batteries stationnaires pour le réseau électrique.".into(),
    );
    french.keywords = vec!["batteries stationnaires".into()];
    french.location.country = "CA".into();
    let mut early = record("early", "kriss", "Quantum metrology");
    early.keywords = vec!["quantum sensing".into()];
    early.deadline = day("2098-02-01");
    vec![battery, qec, french, early]
}

fn index() -> (tempfile::TempDir, SearchIndex) {
    index_of(&corpus())
}

fn index_of(records: &[OpeningRecord]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(dir.path()).expect("index");
    index
        .rebuild(records.iter().zip(1..).map(|(record, id)| IndexedOpening { id, record, published_at: id }))
        .expect("rebuild");
    (dir, index)
}

fn query(text: &str, lang: Lang, filters: Filters) -> SearchQuery<'_> {
    SearchQuery {
        text,
        lang,
        filters,
        sort: Sort::Relevance,
        offset: 0,
        limit: 10,
        today: day("2097-01-01"),
        include_closed: false,
    }
}

/// An opening written in one language only, without keywords.
fn written(id: &str, lang: Lang, title: &str, description: &str) -> OpeningRecord {
    let mut opening = record(id, "kaist", "placeholder");
    opening.title = [(lang, title.to_string())].into();
    opening.description = [(lang, description.to_string())].into();
    opening.keywords = Vec::new();
    opening.original_language = lang;
    opening
}

fn ids(index: &SearchIndex, query: &SearchQuery<'_>) -> Vec<i64> {
    let mut ids: Vec<i64> = index.search(query).expect("search").hits.iter().map(|h| h.id).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn filters_narrow_and_facets_count() {
    let (_dir, index) = index();
    let all = index.search(&query("", Lang::En, Filters::default())).expect("search");
    assert_eq!(all.total, 4);
    assert_eq!(all.facets.institution.get("kaist"), Some(&2));
    assert_eq!(all.facets.language.get("ko"), Some(&1));
    assert_eq!(all.facets.language.get("en"), Some(&4));
    assert_eq!((all.facets.funded.get("yes"), all.facets.funded.get("no")), (Some(&3), Some(&1)));

    let kaist = Filters { institution: Some("kaist".into()), ..Filters::default() };
    assert_eq!(ids(&index, &query("", Lang::En, kaist)), [1, 2]);
    let korean = Filters { language: Some("ko".into()), ..Filters::default() };
    assert_eq!(ids(&index, &query("", Lang::En, korean)), [2]);
    let unfunded = Filters { funded: Some(false), ..Filters::default() };
    assert_eq!(ids(&index, &query("", Lang::En, unfunded)), [2]);
    let funded = Filters { funded: Some(true), ..Filters::default() };
    assert_eq!(ids(&index, &query("", Lang::En, funded)), [1, 3, 4]);
}

/// Searches without words reuse their counts per segment: a write, a deletion or a new day must
/// still show in them.
#[test]
fn counts_without_words_follow_writes_and_days() {
    let records = corpus();
    let (_dir, index) = index_of(&records);
    let everything = || index.search(&query("", Lang::En, Filters::default())).expect("search");
    let kaist = || {
        let filters = Filters { institution: Some("kaist".into()), ..Filters::default() };
        index.search(&query("", Lang::En, filters)).expect("search")
    };
    assert_eq!((everything().total, kaist().total), (4, 2));
    assert_eq!((everything().total, kaist().total), (4, 2), "asked again, from the cache");

    let mut added = records[0].clone();
    added.external_id = "battery-2".into();
    index.upsert([IndexedOpening { id: 5, record: &added, published_at: 5 }]).expect("upsert");
    assert_eq!((everything().total, kaist().total), (5, 3));
    assert_eq!(everything().facets.institution.get("kaist"), Some(&3));

    index.remove(&[1]).expect("remove");
    assert_eq!((everything().total, kaist().total), (4, 2));
    assert_eq!(everything().facets.institution.get("kaist"), Some(&2));

    // The KRISS opening closes on 2098-02-01: the next day it has left the counts.
    let mut later = query("", Lang::En, Filters::default());
    later.today = day("2098-02-02");
    let after_close = index.search(&later).expect("search");
    assert_eq!(after_close.total, 3);
    assert_eq!(after_close.facets.institution.get("kriss"), None);
}

#[test]
fn deadline_window_includes_both_ends() {
    let (_dir, index) = index();
    let window = |from: &str, to: &str| Filters {
        deadline_from: Some(day(from)),
        deadline_to: Some(day(to)),
        ..Filters::default()
    };
    // The three openings closing on 2099-01-15, and not the one closing on 2099-06-30.
    assert_eq!(ids(&index, &query("", Lang::En, window("2099-01-15", "2099-01-15"))), [1, 3]);
    assert_eq!(ids(&index, &query("", Lang::En, window("2098-01-01", "2099-01-31"))), [1, 3, 4]);
    // Open-only still applies: a window in the past finds nothing unless closed ones are asked for.
    let mut past = query("", Lang::En, window("2098-01-01", "2098-12-31"));
    past.today = day("2098-06-01");
    assert!(ids(&index, &past).is_empty());
    past.include_closed = true;
    assert_eq!(ids(&index, &past), [4]);
}

#[test]
fn matches_are_marked_in_the_searchers_language() {
    let (_dir, index) = index();
    let results = index.search(&query("배터리를", Lang::Ko, Filters::default())).expect("search");
    assert_eq!(results.hits.first().map(|h| h.id), Some(1));
    let highlighter = results.highlighter.expect("words were searched");
    let corpus = corpus();
    let battery = &corpus[0];
    let shown = highlighter.highlight(Lang::Ko, &battery.title[&Lang::Ko], &battery.description[&Lang::Ko]);
    let marked: Vec<&str> = shown.title.parts.iter().filter(|p| p.marked).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["배터리"]);
    assert_eq!(shown.title.text(), battery.title[&Lang::Ko]);
    assert!(shown.snippet.parts.iter().any(|p| p.marked && p.text == "배터리"), "{:?}", shown.snippet);

    // A French search marks the French passage through stemming and accent folding.
    let results = index.search(&query("batterie stationnaire", Lang::Fr, Filters::default())).expect("search");
    let highlighter = results.highlighter.expect("words were searched");
    let french = &corpus[2];
    let shown = highlighter.highlight(Lang::Fr, &french.title[&Lang::Fr], &french.description[&Lang::Fr]);
    let marked: Vec<&str> = shown.snippet.parts.iter().filter(|p| p.marked).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["batteries", "stationnaires"]);
    // Deep in a long description, the passage is the stretch around the words, cut at spaces.
    let filler = "Le laboratoire accueille des chercheurs du monde entier. ".repeat(30);
    let long = format!("{filler}Vous étudierez les batteries stationnaires du réseau. {filler}");
    let shown = highlighter.highlight(Lang::Fr, "Titre", &long);
    let passage = shown.snippet.text();
    assert!(passage.starts_with("… ") && passage.ends_with(" …"), "{passage:?}");
    assert!(passage.len() <= 220 + "…  …".len() * 2, "{passage:?}");
    let marked: Vec<&str> = shown.snippet.parts.iter().filter(|p| p.marked).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["batteries", "stationnaires"]);
    let inner = passage.trim_start_matches("… ").trim_end_matches(" …");
    let at = long.find(inner).expect("a stretch of the description");
    assert!(long[..at].ends_with(' ') && long[at + inner.len()..].starts_with(' '), "cut in a word: {passage:?}");

    // No words, nothing to mark.
    assert!(index.search(&query("", Lang::En, Filters::default())).expect("search").highlighter.is_none());
}

#[test]
fn suggestions_complete_keywords_and_vocabulary() {
    let (_dir, index) = index();
    let english = index.suggest("quan", Lang::En, 8).expect("suggest");
    // Keywords of openings come first, then the vocabulary's names of concepts that occur.
    let mut keywords = english[..2].to_vec();
    keywords.sort();
    assert_eq!(keywords, ["quantum error correction", "quantum sensing"], "{english:?}");
    assert!(english.contains(&"quantum metrology".to_string()), "{english:?}");
    // Completes any word of a keyword, in any script.
    assert!(index.suggest("code", Lang::En, 8).expect("suggest").contains(&"surface code".to_string()));
    let korean = index.suggest("배터", Lang::Ko, 8).expect("suggest");
    assert!(korean.iter().any(|s| s.contains("배터리")), "{korean:?}");
    // Too short, or nothing like it: no suggestions.
    assert!(index.suggest("q", Lang::En, 8).expect("suggest").is_empty());
    assert!(index.suggest("zzyzx", Lang::En, 8).expect("suggest").is_empty());
    assert!(index.suggest("quan", Lang::En, 1).expect("suggest").len() <= 1);
}

#[test]
fn words_typed_together_rank_higher_together() {
    // Id 1 has both words apart, and more often; id 2 has them as the phrase.
    let mut apart = record("apart", "kaist", "Materials characterisation");
    apart.description.insert(Lang::En, "Surface science code. Code for surface models and surface data.".into());
    let mut together = record("together", "snu", "Materials for quantum hardware");
    together.description.insert(Lang::En, "We study the surface code on superconducting chips.".into());
    let (_dir, index) = index_of(&[apart, together]);
    let results = index.search(&query("surface code", Lang::En, Filters::default())).expect("search");
    let ranked: Vec<i64> = results.hits.iter().map(|h| h.id).collect();
    assert_eq!(ranked, [2, 1]);
}

#[test]
fn every_known_word_must_match() {
    let sensing = record("sensing", "kriss", "Quantum sensing with diamonds");
    let outreach = record("outreach", "uqam", "Science communication for the public");
    let link = record("link", "etri", "Quantum communication networks");
    let (_dir, index) = index_of(&[sensing, outreach, link]);
    assert_eq!(ids(&index, &query("quantum communication", Lang::En, Filters::default())), [3]);
    // A word nobody wrote does not empty the list: the known ones still must match.
    assert_eq!(ids(&index, &query("quantum zzyzx", Lang::En, Filters::default())), [1, 3]);
}

#[test]
fn a_word_being_typed_finds_the_words_it_begins() {
    let (_dir, index) = index();
    let none = Filters::default;
    // The list updates with each letter typed: "quan" is no word yet, but begins "quantum".
    assert_eq!(ids(&index, &query("quan", Lang::En, none())), [2, 4]);
    assert_eq!(ids(&index, &query("quan", Lang::Fr, none())), [2, 4], "whatever the page's language");
    // Beside a whole word, the one being typed orders what it found.
    let ranked = index.search(&query("quantum metro", Lang::En, none())).expect("search");
    assert_eq!(ranked.hits.first().map(|hit| hit.id), Some(4), "metrology first");
    // Two letters begin too many words to guess from.
    assert!(ids(&index, &query("qu", Lang::En, none())).is_empty());
}

#[test]
fn an_ambiguous_word_never_outranks_its_exact_match() {
    // 양식 is aquaculture, but also a form to fill in; "automatique" is control engineering,
    // but also a word of "apprentissage automatique".
    let mut form = record("form", "kaist", "Application guide");
    form.title.insert(Lang::Ko, "신청 양식 작성 안내".into());
    form.description.insert(Lang::Ko, "지원자는 신청 양식을 작성해 제출합니다.".into());
    let mut farm = record("farm", "ulaval", "Aquaculture of arctic char");
    farm.keywords = vec!["aquaculture".into()];
    let mut learning = record("learning", "mila", "Deep learning theory");
    learning.title.insert(Lang::Fr, "Théorie de l'apprentissage automatique".into());
    let mut control = record("control", "polymtl", "Control systems for power converters");
    control.keywords = vec!["control systems".into()];
    let (_dir, index) = index_of(&[form, farm, learning, control]);
    let first =
        |text: &str, lang: Lang| index.search(&query(text, lang, Filters::default())).expect("search").hits[0].id;
    assert_eq!(first("양식", Lang::Ko), 1);
    assert_eq!(first("양식 어류", Lang::Ko), 2);
    assert_eq!(first("automatique", Lang::Fr), 3);
    assert_eq!(first("apprentissage automatique", Lang::Fr), 3);
    assert_eq!(first("control systems", Lang::En), 4);
}

#[test]
fn a_kind_of_opening_beside_a_topic_ranks_the_topic_it_does_not_replace_it() {
    let (_dir, index) = index_of(&[
        written("fr", Lang::Fr, "Postdoctorat : télescopes", "Instrumentation pour les grands télescopes."),
        written("ko-tele", Lang::Ko, "망원경 광학 인턴십", "대형 망원경 광학계를 다룹니다."),
        written("ko-battery", Lang::Ko, "배터리 박사후연구원", "전고체 배터리를 연구합니다."),
    ]);
    let found = |text: &str| ids(&index, &query(text, Lang::En, Filters::default()));
    // The topic in any language; "postdoctoral" ranks, it does not bring in every postdoc.
    assert_eq!(found("postdoctoral telescope"), [1, 2]);
    // Alone, a kind of opening is the search: postdocs in every language.
    assert_eq!(found("postdoctoral"), [1, 3]);
}

#[test]
fn a_text_with_only_some_of_the_words_ranks_below_the_concept_named_in_full() {
    let (_dir, index) = index_of(&[
        written("knots", Lang::Fr, "Théorie des nœuds", "Invariants polynomiaux des nœuds en topologie."),
        written("conspiracy", Lang::En, "Conspiracy theories", "Why people believe conspiracy theories."),
    ]);
    // No text says "knot": "theory" alone must not carry conspiracy theories above knot theory.
    let hits = index.search(&query("knot theory", Lang::En, Filters::default())).expect("search").hits;
    assert_eq!(hits.first().map(|hit| hit.id), Some(1));
    // A quoted phrase keeps its stop words' places, as the index does.
    assert_eq!(ids(&index, &query("\"théorie des nœuds\"", Lang::Fr, Filters::default())), [1]);
}

#[test]
fn a_korean_borrowed_word_finds_its_latin_source_by_sound() {
    let (_dir, index) = index_of(&[
        written("aquaponics", Lang::En, "Aquaponics in northern greenhouses", "Trout and vegetables together."),
        written("resist", Lang::Ko, "포토레지스트 공정 연구", "극자외선 노광용 포토레지스트를 개발합니다."),
        written("group", Lang::En, "Research group on gene regulation", "A group of ten people."),
    ]);
    let found = |text: &str, lang: Lang| ids(&index, &query(text, lang, Filters::default()));
    assert_eq!(found("아쿠아포닉스를", Lang::Ko), [1]);
    assert_eq!(found("photoresist", Lang::En), [2]);
    // Too short to tell a gripper from a group, and native words are never keyed.
    assert!(found("그리퍼", Lang::Ko).is_empty());
    assert!(found("완보동물", Lang::Ko).is_empty());
}

fn recommended(index: &SearchIndex, profile: &model::profile::Profile) -> Vec<search::Recommendation> {
    let request = search::RecommendQuery {
        profile,
        lang: Lang::Fr,
        limit: 10,
        today: day("2097-01-01"),
        exclude: &[],
        published: search::Published::default(),
    };
    index.recommend(&request).expect("recommend")
}

#[test]
fn openings_for_a_profile_come_across_languages_with_their_reasons() {
    use model::fit::Finding;
    use model::vocab::{CareerStage, Kind};
    let (_dir, index) = index();
    // Written in French and Korean; the openings on its topics are in English and Korean.
    let profile = model::profile::Profile {
        career_stage: Some(CareerStage::R2),
        keywords: vec!["correction d'erreurs quantiques".into()],
        interests: [(Lang::Ko, "전고체 배터리의 안정성을 연구하고 싶습니다.".to_string())].into(),
        languages: vec![LanguageRequirement { lang: "en".into(), level: Cefr::C1 }],
        kinds: vec![Kind::Postdoc],
        ..Default::default()
    };
    let hits = recommended(&index, &profile);
    let mut ids: Vec<i64> = hits.iter().map(|hit| hit.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2], "quantum metrology and energy storage are on neither topic; {hits:?}");
    let [qec, battery] = [2, 1].map(|id| hits.iter().find(|hit| hit.id == id).expect("recommended"));
    assert_eq!(qec.topics[0].yours, "correction d'erreurs quantiques");
    assert_eq!(qec.topics[0].theirs.as_deref(), Some("quantum error correction"), "{:?}", qec.topics);
    assert_eq!(battery.topics[0].yours, "전고체 배터리");
    assert_eq!(battery.topics[0].theirs.as_deref(), Some("solid-state battery"));
    // The QEC opening asks for Korean A2, which the profile does not list: a stated shortfall,
    // first among the findings.
    assert!(matches!(&qec.findings[0], Finding::LanguageShort { lang, yours: None, .. } if lang == "ko"));
    assert!(battery.findings.contains(&Finding::StageMatch { stage: CareerStage::R2 }));

    // The same profile one stage up: every opening asks for R2, so each is a stated mismatch
    // and scores lower; the ranking among them stays.
    let senior = model::profile::Profile { career_stage: Some(CareerStage::R4), ..profile.clone() };
    let senior_hits = recommended(&index, &senior);
    assert_eq!(
        senior_hits.iter().map(|hit| hit.id).collect::<Vec<_>>(),
        hits.iter().map(|hit| hit.id).collect::<Vec<_>>()
    );
    assert!(senior_hits[0].score < hits[0].score);
    assert!(senior_hits[0].findings.iter().any(|f| matches!(f, Finding::StageMismatch { .. })));

    // Set aside ("not for me"), an opening stays gone.
    let request = search::RecommendQuery {
        profile: &profile,
        lang: Lang::Fr,
        limit: 10,
        today: day("2097-01-01"),
        exclude: &[2],
        published: search::Published::default(),
    };
    assert!(index.recommend(&request).expect("recommend").iter().all(|hit| hit.id != 2));
}

#[test]
fn a_search_says_which_concepts_it_also_looked_for_in_other_languages() {
    let (_dir, index) = index_of(&[
        written("reef", Lang::Fr, "Blanchiment des récifs coralliens", "Nous suivons le blanchiment des coraux."),
        written("form", Lang::Ko, "신청 양식 작성 안내", "지원자는 신청 양식을 작성해 제출합니다."),
    ]);
    let search = |text: &str| index.search(&query(text, Lang::Ko, Filters::default())).expect("search");
    let coral = search("산호초");
    assert_eq!(coral.hits.first().map(|hit| hit.id), Some(1), "found through the French names");
    let named: Vec<(Lang, &str)> = coral.also_searched.iter().map(|c| (c.named.lang, c.named.text.as_str())).collect();
    assert_eq!(named, [(Lang::Ko, "산호초")]);
    let names: Vec<(Lang, &str)> = coral.also_searched[0].names.iter().map(|n| (n.lang, n.text.as_str())).collect();
    assert_eq!(names, [(Lang::Fr, "récif corallien"), (Lang::En, "coral reef")]);
    // An ambiguous name is searched only lightly, and not announced: 양식 here is a form.
    let form = search("신청 양식");
    assert!(!form.also_searched.iter().flat_map(|c| &c.names).any(|n| n.text.contains("aquaculture")));
    assert!(search("zzyzx").also_searched.is_empty());
}
