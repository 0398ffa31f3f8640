//! The HTTP contract, against the real router over a real SQLite file and index seeded with the
//! demo data.

use crate::common::{PUBLIC_URL, Reply, Site, demo_site as site};
use http::{StatusCode, header};

impl Site {
    /// A demo opening's id, found by its external id through the API.
    async fn opening_id(&self, external_id: &str) -> i64 {
        let (_, api) = self.json("/api/v1/openings?per_page=100").await;
        api["hits"]
            .as_array()
            .and_then(|hits| hits.iter().find(|h| h["external_id"] == external_id))
            .and_then(|hit| hit["id"].as_i64())
            .unwrap_or_else(|| panic!("demo opening {external_id} not found"))
    }
}

const JSON_LD: &str = "<script type=\"application/ld+json\">";

fn location(reply: &Reply) -> &str {
    reply.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn health_answers() {
    let site = site().await;
    assert_eq!(site.get("/healthz", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn root_redirects_by_accept_language_then_cookie() {
    let site = site().await;
    let ko = site.get("/", &[("accept-language", "ko-KR,ko;q=0.9,en;q=0.5")]).await;
    assert!(ko.status.is_redirection());
    assert_eq!(location(&ko), "/ko/");
    let fr = site.get("/", &[("accept-language", "fr-CA")]).await;
    assert_eq!(location(&fr), "/fr/");
    let none = site.get("/", &[]).await;
    assert_eq!(location(&none), "/en/");
    let chosen = site.get("/", &[("accept-language", "fr"), ("cookie", "passerelle_lang=ko")]).await;
    assert_eq!(location(&chosen), "/ko/", "an explicit choice beats the browser");
}

#[tokio::test]
async fn each_language_has_its_lang_and_alternates() {
    let site = site().await;
    for (lang, heading) in [
        ("en", "Find your next research exchange"),
        ("fr", "Trouvez votre prochain séjour de recherche"),
        ("ko", "다음 연구 교류 기회를 찾아보세요"),
    ] {
        let reply = site.get(&format!("/{lang}/"), &[]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains(&format!("<html lang=\"{lang}\"")), "{lang}: no lang attribute");
        assert!(reply.body.contains(heading), "{lang}: heading missing");
        // Rendered whole, so readers without JavaScript get the recent openings too.
        assert!(reply.body.contains("class=\"opening-card\""), "{lang}: recent openings missing");
        assert!(!reply.body.contains("<template"), "{lang}: the page was streamed out of order");
        for other in ["en", "fr", "ko"] {
            let alternate = format!("href=\"{PUBLIC_URL}/{other}/\" hreflang=\"{other}\" rel=\"alternate\"");
            assert!(reply.body.contains(&alternate), "{lang}: no alternate for {other}");
        }
        assert!(reply.body.contains(&format!("href=\"{PUBLIC_URL}/{lang}/\" rel=\"canonical\"")));
    }
}

#[tokio::test]
async fn the_list_links_to_openings_that_open() {
    let site = site().await;
    let list = site.get("/fr/openings", &[]).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("63 offres ouvertes"), "count missing");
    let links: Vec<&str> =
        list.body.split("href=\"/fr/openings/").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    // Beside the openings, the list links to its own feed (in the head and below the list).
    let (feeds, links): (Vec<&str>, Vec<&str>) = links.into_iter().partition(|link| link.starts_with("feed.atom"));
    assert_eq!(feeds.len(), 2);
    assert_eq!(links.len(), 20, "one page of 20 openings");
    for id in links.iter().take(5) {
        let page = site.get(&format!("/fr/openings/{id}"), &[]).await;
        assert_eq!(page.status, StatusCode::OK, "/fr/openings/{id}");
        assert!(page.body.contains("Date limite"));
    }
    let second = site.get("/fr/openings?page=2", &[]).await;
    assert!(second.body.contains("Page 2 sur 4"));
}

#[tokio::test]
async fn an_opening_shows_every_field_in_the_readers_format() {
    let site = site().await;
    let id = site.opening_id("demo-usherb-quantum-materials").await;
    let fr = site.get(&format!("/fr/openings/{id}"), &[]).await;
    assert!(fr.body.contains("5\u{202f}000\u{a0}$\u{a0}CA par mois"), "French stipend format");
    assert!(fr.body.contains("Stage postdoctoral en matériaux quantiques"));
    let ko = site.get(&format!("/ko/openings/{id}"), &[]).await;
    assert!(ko.body.contains("월 CA$5,000"), "Korean stipend format");
    assert!(ko.body.contains("2차원 양자 소재 박사후 연구원"));
    assert!(ko.body.contains("일 남음"), "days left");
    assert!(ko.body.contains("셔브룩, 캐나다"), "the city and the country in Korean");
    let etri = site.opening_id("demo-etri-speech").await;
    assert!(site.get(&format!("/fr/openings/{etri}"), &[]).await.body.contains("Daejeon, Corée du Sud"));
    assert!(site.get(&format!("/ko/openings/{etri}"), &[]).await.body.contains("대전, 대한민국"));
    // An opening written in English only, read in Korean, says so.
    let english_only = site.opening_id("demo-etri-speech").await;
    let note = site.get(&format!("/ko/openings/{english_only}"), &[]).await;
    assert!(note.body.contains("한국어 번역이 없어 원문 언어인 영어로"), "original-language note");
    assert!(note.body.contains("lang=\"en\""));
}

#[tokio::test]
async fn bad_input_gets_a_clear_page_in_the_right_language() {
    let site = site().await;
    let unknown_lang = site.get("/de/openings", &[("accept-language", "fr-FR")]).await;
    assert_eq!(unknown_lang.status, StatusCode::NOT_FOUND);
    assert!(unknown_lang.body.contains("<html lang=\"fr\""));
    assert!(unknown_lang.body.contains("Page introuvable"));

    let unknown_path = site.get("/nowhere", &[("accept-language", "ko")]).await;
    assert_eq!(unknown_path.status, StatusCode::NOT_FOUND);
    assert!(unknown_path.body.contains("페이지를 찾을 수 없습니다"));

    for uri in ["/en/openings/999999", "/en/openings/abc", "/en/openings/-1"] {
        let reply = site.get(uri, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(reply.body.contains("This opening does not exist"), "{uri}");
    }

    let bad_page = site.get("/ko/openings?page=abc", &[]).await;
    assert_eq!(bad_page.status, StatusCode::BAD_REQUEST);
    assert!(bad_page.body.contains("페이지 번호는 1 이상의 정수여야 합니다"));
    let bad_kind = site.get("/en/openings?kind=holiday", &[]).await;
    assert_eq!(bad_kind.status, StatusCode::BAD_REQUEST);

    let script = site.get("/en/openings?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", &[]).await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(!script.body.contains("<script>alert(1)</script>"), "the query is escaped");
}

#[tokio::test]
async fn the_json_api_lists_and_shows_openings() {
    let site = site().await;
    let (status, body) = site.json("/api/v1/openings").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 63);
    assert_eq!(body["hits"].as_array().map(Vec::len), Some(20));
    let hit = &body["hits"][0];
    for key in ["id", "external_id", "title", "institution", "score"] {
        assert!(!hit[key].is_null(), "hit lacks {key}");
    }
    assert!(body["facets"]["kind"]["postdoc"].as_u64().unwrap_or(0) > 0);

    let (_, korean) = site.json("/api/v1/openings?lang=ko&kind=postdoc&per_page=5").await;
    assert!(korean["hits"].as_array().is_some_and(|h| h.iter().all(|h| h["kind"] == "postdoc")));

    let id = hit["id"].clone();
    let (status, opening) = site.json(&format!("/api/v1/openings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(opening["external_id"], hit["external_id"]);
    assert!(opening["title"].is_object() && opening["funding"].is_object());

    for q in ["%ED%A0%80", "%00%1B%5B31m", "title%3Aquantum%5E3", "%22unclosed", "%F0%9F%98%80", "a%7E9999"] {
        let (status, body) = site.json(&format!("/api/v1/openings?q={q}")).await;
        assert_eq!(status, StatusCode::OK, "q={q}");
        assert!(body["hits"].is_array(), "q={q}");
    }

    for (uri, expected) in [
        ("/api/v1/openings?page=x", StatusCode::BAD_REQUEST),
        ("/api/v1/openings?per_page=1000", StatusCode::BAD_REQUEST),
        ("/api/v1/openings?lang=de", StatusCode::BAD_REQUEST),
        ("/api/v1/openings/999999", StatusCode::NOT_FOUND),
        ("/api/v1/openings/abc", StatusCode::NOT_FOUND),
    ] {
        let (status, body) = site.json(uri).await;
        assert_eq!(status, expected, "{uri}");
        assert!(body["error"]["code"].is_string(), "{uri}: no error code");
    }
}

/// A search in one language that the vocabulary carried into the others says so, in the API
/// and on the page: why openings written in another language are among the results.
#[tokio::test]
async fn a_search_says_what_it_also_looked_for_in_other_languages() {
    let site = site().await;
    // 소프트 로봇: soft robotics.
    let q = "%EC%86%8C%ED%94%84%ED%8A%B8%20%EB%A1%9C%EB%B4%87";
    let (_, body) = site.json(&format!("/api/v1/openings?q={q}&lang=en")).await;
    let also = &body["also_searched"][0];
    assert_eq!(also["named"]["lang"], "ko", "{body}");
    assert_eq!(also["named"]["text"], "소프트 로봇");
    let names: Vec<(&str, &str)> = also["names"]
        .as_array()
        .map(|names| names.iter().filter_map(|n| Some((n["lang"].as_str()?, n["text"].as_str()?))).collect())
        .unwrap_or_default();
    assert_eq!(names, [("fr", "robotique souple"), ("en", "soft robotics")]);
    let page = site.get(&format!("/en/openings?q={q}"), &[]).await;
    assert!(page.body.contains("Also searched in other languages:"), "{}", page.body);
    assert!(page.body.contains(r#"<span lang="ko">소프트 로봇</span> → <span lang="fr">robotique souple</span>"#));
    let french = site.get(&format!("/fr/openings?q={q}"), &[]).await;
    assert!(french.body.contains("Recherche étendue aux autres langues\u{a0}:"));
    // Words no concept names: nothing to say.
    let (_, plain) = site.json("/api/v1/openings?q=zzyzx").await;
    assert_eq!(plain["also_searched"], serde_json::json!([]));
    assert!(!site.get("/en/openings?q=zzyzx", &[]).await.body.contains("results__also"));
}

#[tokio::test]
async fn the_language_switch_remembers_and_stays_on_site() {
    let site = site().await;
    let reply = site.get("/set-lang/ko?next=%2Fko%2Fopenings%3Fq%3Dbattery", &[]).await;
    assert!(reply.status.is_redirection());
    assert_eq!(location(&reply), "/ko/openings?q=battery");
    let cookie = reply.headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(cookie.starts_with("passerelle_lang=ko;") && cookie.contains("SameSite=Lax"), "{cookie}");
    for next in ["%2F%2Fevil.example", "%2F%09%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example"] {
        let evil = site.get(&format!("/set-lang/fr?next={next}"), &[]).await;
        assert_eq!(location(&evil), "/fr/", "open redirect through {next}");
    }
    assert_eq!(site.get("/set-lang/de", &[]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn assets_are_served() {
    let site = site().await;
    let css = site.get("/assets/passerelle.css", &[]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.body.contains("Noto Sans CJK KR"), "the stylesheet names a Hangul font");
}

#[tokio::test]
async fn a_search_in_one_language_finds_openings_written_in_another() {
    let site = site().await;
    for (query, expected) in [
        ("lang=ko&q=%EB%87%8C%EC%98%81%EC%83%81", "demo-mcgill-neuro-imaging"), // 뇌영상: written in en, fr
        ("lang=en&q=welding", "demo-poly-aerospace-composites"),                // written in fr, ko
        ("lang=fr&q=microfluidique", "demo-polymtl-biomed"),                    // written in en
        ("lang=ko&q=%EB%B0%B0%ED%84%B0%EB%A6%AC%EB%A5%BC", "demo-postech-battery-cathodes"), // 배터리를
    ] {
        let (status, body) = site.json(&format!("/api/v1/openings?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        let ids: Vec<&str> = body["hits"]
            .as_array()
            .map(|h| h.iter().filter_map(|h| h["external_id"].as_str()).collect())
            .unwrap_or_default();
        assert!(ids.contains(&expected), "{query}: {ids:?}");
    }
}

#[tokio::test]
async fn the_list_filters_by_facet_and_shows_counts() {
    let site = site().await;
    let all = site.get("/en/openings", &[]).await;
    assert!(all.body.contains("<option value=\"postdoc\">Postdoctoral position (13)</option>"), "kind counts");
    assert!(all.body.contains("South Korea ("), "country names with counts");
    let postdocs = site.get("/en/openings?kind=postdoc&country=CA&sort=deadline", &[]).await;
    assert_eq!(postdocs.status, StatusCode::OK);
    assert!(postdocs.body.contains("<option value=\"postdoc\" selected>"), "the chosen kind stays selected");
    assert!(postdocs.body.contains("<option value=\"deadline\" selected>"), "the chosen sort stays selected");
    let (_, api) = site.json("/api/v1/openings?kind=postdoc&country=CA").await;
    let expected = api["total"].as_u64().unwrap_or(0);
    assert!(expected > 0);
    assert!(postdocs.body.contains(&format!("{expected} open openings")), "count of the filtered list");
    // The page keeps the filters in its page links.
    let many = site.get("/fr/openings?country=KR", &[]).await;
    assert!(
        many.body.contains("country=KR&amp;page=2") || many.body.contains("country=KR&page=2"),
        "pagination keeps filters"
    );
}

#[tokio::test]
async fn the_new_filters_narrow_the_list_and_the_api() {
    let site = site().await;
    let page = site.get("/ko/openings?institution=kaist&language=ko&funded=yes&deadline_from=2000-01-01", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<option value=\"kaist\" selected>"), "the chosen institution stays selected");
    assert!(page.body.contains("<option value=\"yes\" selected>"), "the chosen funding stays selected");
    assert!(page.body.contains("value=\"2000-01-01\""), "the deadline window is kept");
    let (_, kaist) = site.json("/api/v1/openings?institution=kaist").await;
    assert_eq!(kaist["total"], 5);
    assert_eq!(kaist["facets"]["institution"]["kaist"], 5);
    let (_, unfunded) = site.json("/api/v1/openings?funded=no&per_page=100").await;
    assert_eq!(unfunded["total"], 10);
    assert!(unfunded["hits"].as_array().is_some_and(|h| h.iter().all(|h| h["funded"] == false)));
    let (_, korean) = site.json("/api/v1/openings?language=ko").await;
    assert_eq!(korean["total"], 10);
    // A window that closes before it opens, or a date nobody can read, is refused with its name.
    for (uri, param) in [
        ("/api/v1/openings?deadline_from=2027-05-01&deadline_to=2027-04-01", "deadline_to"),
        ("/api/v1/openings?deadline_from=tomorrow", "deadline_from"),
        ("/api/v1/openings?funded=maybe", "funded"),
    ] {
        let (status, body) = site.json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body["error"]["message"].as_str().is_some_and(|m| m.contains(param)), "{uri}: {body}");
    }
    let bad = site.get("/fr/openings?deadline_to=31%2F12%2F2027", &[]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("deadline_to"), "the French page names the parameter");
}

#[tokio::test]
async fn hits_show_where_they_matched_in_the_searchers_language() {
    let site = site().await;
    // 배터리를 (with a particle) marks 배터리 in a Korean title.
    let page = site.get("/ko/openings?q=%EB%B0%B0%ED%84%B0%EB%A6%AC%EB%A5%BC", &[]).await;
    assert!(page.body.contains("<mark>배터리</mark>"), "Korean title marked");
    let (_, api) = site.json("/api/v1/openings?lang=fr&q=batteries").await;
    let hit = &api["hits"][0];
    assert!(hit["snippet"].as_str().is_some_and(|s| !s.is_empty()), "{hit}");
    let marked = hit["highlight"]["title"]["parts"]
        .as_array()
        .into_iter()
        .chain(hit["highlight"]["snippet"]["parts"].as_array())
        .flatten()
        .any(|part| part["marked"] == true);
    assert!(marked, "something of the hit is marked: {hit}");
    // Marked text stays escaped.
    let (_, none) = site.json("/api/v1/openings?q=").await;
    assert!(none["hits"][0]["highlight"].is_null(), "no words, no highlight");
}

#[tokio::test]
async fn suggestions_complete_what_is_typed() {
    let site = site().await;
    let (status, body) = site.json("/api/v1/suggestions?lang=en&q=quan").await;
    assert_eq!(status, StatusCode::OK);
    let suggestions: Vec<&str> =
        body["suggestions"].as_array().map(|s| s.iter().filter_map(|s| s.as_str()).collect()).unwrap_or_default();
    assert!(!suggestions.is_empty() && suggestions.iter().all(|s| s.contains("quan")), "{suggestions:?}");
    let (_, korean) = site.json("/api/v1/suggestions?lang=ko&q=%EC%96%91%EC%9E%90").await; // 양자
    assert!(korean["suggestions"].as_array().is_some_and(|s| !s.is_empty()), "{korean}");
    let (status, _) = site.json("/api/v1/suggestions?lang=xx&q=quan").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, empty) = site.json("/api/v1/suggestions?q=%00%22").await;
    assert_eq!(empty["suggestions"].as_array().map(Vec::len), Some(0));
}

/// The ranking, measured: the judged queries of `demo/search-eval.jsonl` (many of them in a
/// language their openings are not written in) must keep finding what they should.
#[tokio::test]
async fn judged_queries_rank_well_across_languages() {
    let site = site().await;
    let demo: Vec<serde_json::Value> =
        include_str!("../demo/openings.jsonl").lines().filter_map(|line| serde_json::from_str(line).ok()).collect();
    let title_langs = |external_id: &str| -> Vec<String> {
        demo.iter()
            .find(|o| o["external_id"] == external_id)
            .and_then(|o| o["title"].as_object())
            .map(|titles| titles.keys().cloned().collect())
            .unwrap_or_default()
    };
    let (mut ndcg_sum, mut queries, mut cross_found, mut cross_wanted) = (0.0, 0, 0, 0);
    for line in include_str!("../demo/search-eval.jsonl").lines() {
        let case: serde_json::Value = serde_json::from_str(line).expect("judged query");
        let (lang, q) = (case["lang"].as_str().unwrap_or("en"), case["q"].as_str().unwrap_or(""));
        let judgments = case["judgments"].as_object().cloned().unwrap_or_default();
        let grade = |id: &str| judgments.get(id).and_then(serde_json::Value::as_f64).unwrap_or(0.0);
        let (_, body) = site.json(&format!("/api/v1/openings?lang={lang}&per_page=10&q={}", app::url::encode(q))).await;
        let ranked: Vec<String> = body["hits"]
            .as_array()
            .map(|hits| hits.iter().filter_map(|h| h["external_id"].as_str().map(String::from)).collect())
            .unwrap_or_default();
        let gain = |grade: f64, rank: usize| (2_f64.powf(grade) - 1.0) / (rank as f64 + 2.0).log2();
        let dcg: f64 = ranked.iter().enumerate().map(|(rank, id)| gain(grade(id), rank)).sum();
        let mut ideal: Vec<f64> = judgments.values().filter_map(serde_json::Value::as_f64).collect();
        ideal.sort_by(|a, b| b.total_cmp(a));
        let idcg: f64 = ideal.iter().take(10).enumerate().map(|(rank, g)| gain(*g, rank)).sum();
        ndcg_sum += dcg / idcg;
        queries += 1;
        for (id, _) in judgments.iter().filter(|(_, g)| g.as_f64() == Some(2.0)) {
            if !title_langs(id).iter().any(|l| l == lang) {
                cross_wanted += 1;
                cross_found += usize::from(ranked.contains(id));
            }
        }
    }
    let ndcg = ndcg_sum / f64::from(queries);
    let cross = cross_found as f64 / cross_wanted.max(1) as f64;
    assert!(queries >= 30 && cross_wanted >= 20, "{queries} queries, {cross_wanted} cross-lingual judgments");
    assert!(ndcg >= 0.9, "nDCG@10 fell to {ndcg:.3}");
    assert!(cross >= 0.9, "cross-lingual recall@10 fell to {cross:.3} ({cross_found}/{cross_wanted})");
}

/// Markup in every field of an imported opening and of a posting shows as text on every page
/// that shows it, in every language; pages carry a Content-Security-Policy whose nonce is on
/// every script, and pages shown to a signed-in person are not cached.
#[tokio::test]
async fn hostile_text_stays_text_and_pages_send_a_content_security_policy() {
    use crate::common::{admin_browser, member_browser, posting_fields, with_action};
    use model::{Lang, account::InstitutionRole};
    const HOSTILE: &str = "Qubit x </title><script>alert(1)</script><img src=x onerror=alert(2)> \"' <!-- ]]>";
    let site = crate::common::empty_site().await;
    let mut record = model::record::testing::record("hostile", "kaist", HOSTILE);
    let links = " [a](javascript:alert(3)) <a href=\"javascript:alert(4)\">b</a> <svg onload=alert(5)>";
    for lang in Lang::ALL {
        record.title.insert(lang, HOSTILE.to_string());
        record.description.insert(lang, format!("{HOSTILE}{links}"));
    }
    record.keywords = vec![HOSTILE.to_string()];
    record.location.city = HOSTILE.to_string();
    record.location.city_names.insert(Lang::Fr, HOSTILE.to_string());
    record.institution.city = HOSTILE.to_string();
    record.institution.name.insert(Lang::Ko, HOSTILE.to_string());
    site.catalog.import(&[record]).await.expect("import");
    let id = site.json("/api/v1/openings?q=qubit").await.1["hits"][0]["id"].as_i64().expect("found");

    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let mut fields = posting_fields(HOSTILE, HOSTILE);
    fields.iter_mut().filter(|(name, _)| name == "city" || name == "keywords").for_each(|(_, v)| *v = HOSTILE.into());
    let sent = kim.post("/en/postings/new", &with_action(&fields, "submit")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let posting = sent.location().split('?').next().expect("path").to_string();
    let mut ops = admin_browser(&site, "ops@passerelle.example").await;

    let mut pages = Vec::new();
    for lang in ["fr", "en", "ko"] {
        for path in [
            format!("/{lang}/openings/{id}"),
            format!("/{lang}/openings/{id}?text=ko"),
            format!("/{lang}/openings?q=qubit"),
            format!("/{lang}/openings?q=alert"),
            format!("/{lang}/"),
        ] {
            pages.push((path.clone(), site.get(&path, &[]).await));
        }
    }
    pages.push((posting.clone(), kim.get(&posting).await));
    pages.push(("/en/postings".into(), kim.get("/en/postings").await));
    pages.push(("/en/admin/review".into(), ops.get("/en/admin/review").await));
    pages.push((format!("{posting} (moderator)"), ops.get(&posting).await));
    for (path, page) in &pages {
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("Qubit x"), "{path} does not show the text");
        for raw in ["<script>alert", "<img", "<svg", "<a href=\"javascript"] {
            if let Some(at) = page.body.find(raw) {
                let around = &page.body
                    [page.body.floor_char_boundary(at.saturating_sub(300))..page.body.ceil_char_boundary(at + 100)];
                panic!("{path} carries {raw} as markup: …{around}…");
            }
        }
        let policy = page.headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok());
        let policy = policy.unwrap_or_else(|| panic!("{path} has no Content-Security-Policy"));
        let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce");
        // JSON-LD is data, which browsers never run: only the scripts they run need the nonce.
        let scripts = page.body.matches("<script").count() - page.body.matches(JSON_LD).count();
        assert!(scripts > 0, "{path}: the hydration script is missing");
        assert_eq!(
            page.body.matches(&format!("<script nonce=\"{nonce}\"")).count()
                + page.body.matches(&format!("<script type=\"module\" nonce=\"{nonce}\"")).count(),
            scripts,
            "{path}: a script without the nonce"
        );
        assert_eq!(page.headers.get(header::X_CONTENT_TYPE_OPTIONS).and_then(|v| v.to_str().ok()), Some("nosniff"));
    }
    let opening_page = &pages[0].1;
    assert!(opening_page.body.contains("<title>Qubit x &lt;/title&gt;&lt;script&gt;"), "the title, escaped");
    let cache = |page: &Reply| page.headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).map(String::from);
    assert_eq!(cache(&pages[pages.len() - 3].1).as_deref(), Some("no-store"), "a signed-in page was cacheable");
    assert_ne!(cache(opening_page).as_deref(), Some("no-store"));
    let api = site.get(&format!("/api/v1/openings/{id}"), &[]).await;
    assert!(api.headers.contains_key(header::CONTENT_SECURITY_POLICY));
}

/// Server functions take JSON from this site only: another site's page cannot make a visitor's
/// browser call them with a form or a `text/plain` POST.
#[tokio::test]
async fn server_functions_refuse_other_sites_and_plain_text() {
    let site = site().await;
    use leptos::server_fn::ServerFn;
    let path = app::api::RecentOpenings::PATH;
    assert!(path.starts_with("/api/") && !path.starts_with("/api/v1/"), "{path}");
    let call = |content_type: &'static str, origin: Option<&'static str>| {
        let mut request = http::Request::post(path).header(header::CONTENT_TYPE, content_type);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        request.body(axum::body::Body::from(r#"{"lang":"en","count":3}"#)).expect("request")
    };
    let plain = site.send(call("text/plain", Some("https://evil.example"))).await;
    assert_eq!(plain.status, StatusCode::FORBIDDEN);
    let foreign = site.send(call("application/json", Some("https://evil.example"))).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    let form = site.send(call("application/x-www-form-urlencoded", None)).await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);
    let ours = site.send(call("application/json", Some(PUBLIC_URL))).await;
    assert_eq!(ours.status, StatusCode::OK, "{}", ours.body);
}

#[tokio::test]
async fn the_recommendations_api_ranks_openings_for_a_profile_with_reasons() {
    let site = site().await;
    let recommend = |uri: &'static str, body: serde_json::Value| {
        let request = http::Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body.to_string()))
            .expect("request");
        site.send(request)
    };
    // A French-speaking doctoral student in battery research, writing in French; the demo's
    // battery openings are in Korean (POSTECH), French (Hydro-Québec) and English (KIER).
    let profile = serde_json::json!({
        "career_stage": "R1",
        "fields": ["2.5"],
        "keywords": ["batteries lithium-ion", "matériaux de cathode"],
        "interests": {"fr": "Je m'intéresse à la dégradation des cathodes riches en nickel."},
        "languages": [{"lang": "fr", "level": "C2"}, {"lang": "en", "level": "B1"}],
        "available_from": "2026-01-01",
        "kinds": ["internship", "phd_exchange"],
        "countries": ["KR", "CA"]
    });
    let reply = recommend("/api/v1/recommendations?lang=fr&per_page=5", profile.clone()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = reply.json();
    let hits = body["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 5);
    assert_eq!(hits[0]["external_id"], "demo-postech-battery-cathodes", "{body:#}");
    for hit in hits {
        for key in ["id", "external_id", "title", "score"] {
            assert!(!hit[key].is_null(), "hit lacks {key}");
        }
        assert!(hit["reasons"].as_array().is_some_and(|r| !r.is_empty()), "every hit has a reason: {hit}");
    }
    let reasons: Vec<&str> =
        hits[0]["reasons"].as_array().into_iter().flatten().filter_map(|r| r["text"].as_str()).collect();
    assert!(reasons.iter().any(|r| r.contains("«\u{a0}batteries lithium-ion\u{a0}»")), "{reasons:?}");
    // Hydro-Québec's visiting researcher post is for R2–R3: said so, in French.
    let hq = hits.iter().find(|hit| hit["external_id"] == "demo-hq-batteries");
    if let Some(hq) = hq {
        assert!(hq["reasons"][0]["code"] == "stage_mismatch", "{hq}");
    }

    // Codes in the other case mean the same.
    let mut lenient = profile.clone();
    lenient["countries"] = serde_json::json!(["kr", "ca"]);
    lenient["languages"] = serde_json::json!([{"lang": "FR", "level": "C2"}, {"lang": "En", "level": "B1"}]);
    let lenient = recommend("/api/v1/recommendations?lang=fr&per_page=5", lenient).await;
    assert_eq!(lenient.status, StatusCode::OK);
    assert_eq!(lenient.json()["hits"], body["hits"]);

    // Stored nowhere: the same profile, asked again in Korean, is ranked the same.
    let korean = recommend("/api/v1/recommendations?lang=ko&per_page=5", profile).await.json();
    let ids = |body: &serde_json::Value| {
        body["hits"].as_array().map(|h| h.iter().map(|h| h["id"].clone()).collect::<Vec<_>>())
    };
    assert_eq!(ids(&korean), ids(&body));

    // A profile that says nothing still gets open openings, each with a reason.
    let empty = recommend("/api/v1/recommendations?lang=ko", serde_json::json!({})).await.json();
    let hits = empty["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 10);
    assert!(hits.iter().all(|hit| hit["reasons"].as_array().is_some_and(|r| !r.is_empty())), "{empty}");

    for (uri, body) in [
        ("/api/v1/recommendations?per_page=51", serde_json::json!({})),
        ("/api/v1/recommendations?lang=de", serde_json::json!({})),
        ("/api/v1/recommendations", serde_json::json!({"career_stage": "R9"})),
        ("/api/v1/recommendations", serde_json::json!({"countries": ["Korea"]})),
        ("/api/v1/recommendations", serde_json::json!({"languages": [{"lang": "french", "level": "B2"}]})),
        ("/api/v1/recommendations", serde_json::json!([1, 2])),
    ] {
        let reply = recommend(uri, body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri} {body}");
        assert!(reply.json()["error"]["code"].is_string(), "{uri} {body}");
    }
}

#[tokio::test]
async fn every_search_has_an_atom_feed_of_the_same_openings() {
    let site = site().await;
    let (_, api) = site.json("/api/v1/openings?q=battery&lang=fr&kind=internship").await;
    let feed = site.get("/fr/openings/feed.atom?q=battery&kind=internship", &[]).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.headers[header::CONTENT_TYPE], "application/atom+xml; charset=utf-8");
    assert!(feed.body.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"
    ));
    let api_links: Vec<String> = api["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|hit| hit["url"].as_str().map(str::to_string))
        .collect();
    let feed_links: Vec<String> = feed
        .body
        .split("<entry")
        .skip(1)
        .filter_map(|entry| entry.split("<id>").nth(1)?.split("</id>").next().map(str::to_string))
        .collect();
    assert!(!api_links.is_empty());
    assert_eq!(feed_links, api_links, "the feed lists the API's openings, in its order");
    // A feed reader reads it as Atom 1.0, with what RFC 4287 requires of a feed and its entries.
    let parsed: atom_syndication::Feed = feed.body.parse().expect("the feed parses as Atom");
    assert!(!parsed.id().is_empty() && !parsed.title().is_empty());
    assert!(parsed.links().iter().any(|link| link.rel() == "self"));
    assert_eq!(parsed.entries().len(), api_links.len());
    for entry in parsed.entries() {
        assert!(!entry.title().is_empty() && !entry.authors().is_empty());
        assert!(entry.links().iter().any(|link| link.rel() == "alternate" && link.href() == entry.id()));
        assert!(entry.summary().is_some_and(|summary| !summary.is_empty()));
    }
    assert!(feed.body.contains("Date limite\u{a0}:"), "entries say their deadline in the feed's language");

    // What was searched stays text; the list page points to its feed.
    let hostile = site.get("/en/openings/feed.atom?q=%3Cscript%3E%26%22", &[]).await;
    assert!(
        hostile.body.contains("&lt;script&gt;&amp;&quot;") && !hostile.body.contains("<script>"),
        "{}",
        hostile.body
    );
    let page = site.get("/en/openings?q=battery", &[]).await;
    assert!(
        page.body.contains(r#"type="application/atom+xml" href="/en/openings/feed.atom?q=battery""#)
            || page.body.contains(r#"href="/en/openings/feed.atom?q=battery""#),
        "no alternate link"
    );
    assert_eq!(site.get("/en/openings/feed.atom?page=x", &[]).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(site.get("/de/openings/feed.atom", &[]).await.status, StatusCode::NOT_FOUND);
}

/// This response's CSP nonce and the CSRF token it gives the reader (a cookie).
fn tokens(reply: &Reply) -> (String, String) {
    let policy = reply.headers[header::CONTENT_SECURITY_POLICY].to_str().expect("policy");
    let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce");
    let csrf = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|cookie| cookie.to_str().ok()?.strip_prefix("passerelle_csrf="))
        .find_map(|rest| rest.split(';').next())
        .expect("a CSRF cookie");
    (nonce.to_string(), csrf.to_string())
}

/// A search page asked again by anonymous readers is drawn once (`page_cache`): the same page,
/// yet with this response's nonce and this reader's token, and new as soon as the index is.
#[tokio::test]
async fn a_search_page_asked_again_is_the_same_page_with_its_own_tokens() {
    let site = site().await;
    let first = site.get("/en/openings?q=quantum", &[]).await;
    let again = site.get("/en/openings?q=quantum", &[]).await;
    let ((nonce, csrf), (nonce_again, csrf_again)) = (tokens(&first), tokens(&again));
    assert_ne!(nonce, nonce_again);
    assert_ne!(csrf, csrf_again);
    assert!(again.body.contains(&format!("nonce=\"{nonce_again}\"")), "the scripts run under this response's policy");
    assert!(!again.body.contains(&nonce) && !again.body.contains(&csrf), "nothing of the first response is left");
    let same = |page: &str, (nonce, csrf): &(String, String)| page.replace(nonce, "N").replace(csrf, "C");
    assert_eq!(same(&first.body, &tokens(&first)), same(&again.body, &tokens(&again)));

    // A new opening it finds is on the page at once; a signed-in reader gets a page of their own.
    let record = model::record::testing::record("cache-quantum", "dotlab", "Quantum dots under the microscope");
    site.catalog.import(&[record]).await.expect("import");
    let after = site.get("/en/openings?q=quantum", &[]).await;
    assert!(after.body.contains("dots under the microscope"), "the new opening is listed");
    assert!(!first.body.contains("dots under the microscope"));
    let mut minji = crate::common::Browser::new(&site);
    minji.sign_up("Kim Minji", "minji@kaist.ac.kr", "en").await;
    assert!(minji.get("/en/openings?q=quantum").await.body.contains("Kim Minji"));
}

/// The schema.org `JobPosting` of an opening's page, parsed.
fn job_posting(page: &Reply) -> Option<serde_json::Value> {
    let start = page.body.find(JSON_LD)? + JSON_LD.len();
    let end = start + page.body[start..].find("</script>")?;
    Some(serde_json::from_str(&page.body[start..end]).expect("the JSON-LD parses"))
}

/// Search engines and aggregators read an open opening as a `JobPosting` in the page's
/// language; a closed one carries none.
#[tokio::test]
async fn open_openings_describe_themselves_to_search_engines() {
    let site = site().await;
    let id = site.opening_id("demo-usherb-quantum-materials").await;
    let ko = site.get(&format!("/ko/openings/{id}"), &[]).await;
    // Link previews and result snippets show the opening, not the site's description.
    assert_eq!(ko.body.matches("<meta name=\"description\"").count(), 1);
    assert!(ko.body.contains("<meta property=\"og:title\" content=\"2차원 양자 소재 박사후 연구원 – Passerelle\""));
    let home = site.get("/en/", &[]).await;
    assert_eq!(home.body.matches("<meta name=\"description\"").count(), 1);
    assert!(home.body.contains("<meta name=\"description\" content=\"Research exchange openings"));
    let posting = job_posting(&ko).expect("a JobPosting");
    assert_eq!(posting["@type"], "JobPosting");
    assert_eq!(posting["title"], "2차원 양자 소재 박사후 연구원");
    for field in ["description", "datePosted", "validThrough", "employmentType", "jobLocation", "totalJobOpenings"] {
        assert!(!posting[field].is_null(), "{field} is missing");
    }
    assert_eq!(posting["hiringOrganization"]["sameAs"], "https://usherbrooke.ca");
    assert_eq!(posting["baseSalary"]["currency"], "CAD");
    assert_eq!(posting["baseSalary"]["value"]["unitText"], "MONTH");
    let fr = job_posting(&site.get(&format!("/fr/openings/{id}"), &[]).await).expect("a JobPosting");
    assert_eq!(fr["title"], "Stage postdoctoral en matériaux quantiques bidimensionnels");

    let site = crate::common::empty_site().await;
    let mut past = model::record::testing::record("past", "kaist", "A stay whose deadline has passed");
    past.deadline = chrono::Utc::now().date_naive() - chrono::Days::new(3);
    site.catalog.import(&[past]).await.expect("import");
    let (_, all) = site.json("/api/v1/openings?closed=1").await;
    let closed = all["hits"][0]["id"].as_i64().expect("the closed opening");
    let page = site.get(&format!("/en/openings/{closed}"), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(job_posting(&page).is_none(), "a closed opening is not offered to search engines");
    let listed = site.get("/fr/openings?closed=1", &[]).await;
    // Not "encore -3 jours" (a bare "-3" is also in the deadline's date on some days).
    let negative = listed.body.contains("-3 jours") || listed.body.contains("\u{2212}3 jours");
    assert!(listed.body.contains("(fermée)") && !negative, "its card says it is closed");
}

/// `/sitemap.xml` lists the main pages, every open opening and the pages of the institutions
/// that have one, in the three languages, each with its alternates; `/robots.txt` names it and keeps crawlers out of people's own pages.
#[tokio::test]
async fn crawlers_find_every_open_opening_and_nothing_private() {
    let site = site().await;
    let sitemap = site.get("/sitemap.xml", &[]).await;
    assert_eq!(sitemap.status, StatusCode::OK);
    assert!(sitemap.headers[header::CONTENT_TYPE].to_str().unwrap_or("").starts_with("application/xml"));
    let (_, open) = site.json("/api/v1/openings?per_page=100").await;
    let open = open["hits"].as_array().expect("hits").clone();
    assert!(open.len() > 10);
    for hit in &open {
        let id = hit["id"].as_i64().expect("id");
        for lang in ["fr", "en", "ko"] {
            let address = format!("{PUBLIC_URL}/{lang}/openings/{id}");
            assert!(sitemap.body.contains(&format!("<loc>{address}</loc>")), "{address} is not listed");
            assert!(sitemap.body.contains(&format!(r#"hreflang="{lang}" href="{address}""#)));
        }
    }
    for slug in ["kaist", "usherbrooke"] {
        let address = format!("{PUBLIC_URL}/ko/institutions/{slug}");
        assert!(sitemap.body.contains(&format!("<loc>{address}</loc>")), "{address} is not listed");
    }
    let (_, facets) = site.json("/api/v1/openings?per_page=1").await;
    let institutions = facets["facets"]["institution"].as_object().expect("institution facet").len();
    let (_, all) = site.json("/api/v1/openings?closed=1&per_page=100").await;
    let all = all["hits"].as_array().expect("hits").len();
    assert_eq!(
        sitemap.body.matches("<url>").count(),
        3 * (open.len() + 2 + institutions),
        "{all} openings in all; the closed are not listed"
    );
    assert!(sitemap.body.contains(&format!("<loc>{PUBLIC_URL}/ko/</loc>")));

    let robots = site.get("/robots.txt", &[]).await;
    assert!(robots.body.contains(&format!("Sitemap: {PUBLIC_URL}/sitemap.xml")));
    for private in ["/fr/account", "/en/postings", "/ko/admin", "/en/profile", "/fr/applications"] {
        assert!(
            robots.body.lines().any(|line| line == format!("Disallow: {private}")),
            "{private} is open to crawlers"
        );
    }
    assert!(!robots.body.contains("Disallow: /en/openings"));
    assert_eq!(site.get("/sitemaps/1.xml", &[]).await.status, StatusCode::OK);
    assert_eq!(site.get("/sitemaps/9.xml", &[]).await.status, StatusCode::NOT_FOUND);
}

/// A reader can put an opening's deadline in their calendar (an all-day event named in their
/// language) and send the page by e-mail.
#[tokio::test]
async fn an_openings_deadline_goes_into_a_calendar() {
    let site = site().await;
    let id = site.opening_id("demo-etri-speech").await;
    let page = site.get(&format!("/fr/openings/{id}"), &[]).await;
    assert!(page.body.contains(&format!("href=\"/fr/openings/{id}/deadline.ics\"")));
    assert!(page.body.contains("href=\"mailto:?subject="));
    // More from the same institution, this one left out.
    let (_, etri) = site.json("/api/v1/openings?institution=etri&closed=1").await;
    let others = etri["total"].as_u64().unwrap_or(0).saturating_sub(1);
    assert_eq!(page.body.contains("Autres offres — "), others > 0, "more from the institution when it has more");
    assert!(
        !page.body.contains(&format!("<li><a href=\"/fr/openings/{id}\"")),
        "the opening itself is not listed again"
    );
    let robotics = site.opening_id("demo-kaist-soft-robotics").await;
    let summer = site.opening_id("demo-kaist-summer-ai").await;
    let kaist = site.get(&format!("/en/openings/{robotics}"), &[]).await;
    assert!(kaist.body.contains("More from KAIST"));
    assert!(kaist.body.contains(&format!("<li><a href=\"/en/openings/{summer}\"")));
    assert!(kaist.body.contains("href=\"/en/openings?institution=kaist\""));
    let ics = site.get(&format!("/fr/openings/{id}/deadline.ics"), &[]).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.headers[header::CONTENT_TYPE].to_str().unwrap_or("").starts_with("text/calendar"));
    let (_, api) = site.json(&format!("/api/v1/openings/{id}")).await;
    let day = api["deadline"].as_str().expect("deadline").replace('-', "");
    assert!(ics.body.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")), "{}", ics.body);
    assert!(
        ics.body
            .replace("\r\n ", "")
            .contains("SUMMARY:Date limite\u{a0}: Internship in multilingual speech recognition")
    );
    assert_eq!(site.get("/fr/openings/999999/deadline.ics", &[]).await.status, StatusCode::NOT_FOUND);
}

/// An institution's own page: its name and place in the reader's language, its site, and its open
/// openings; an unknown one is a 404; an opening's page links to it; crawlers may read it.
#[tokio::test]
async fn an_institution_has_a_page_with_its_open_openings() {
    let site = site().await;
    let (_, api) = site.json("/api/v1/openings?institution=kaist&per_page=100").await;
    let total = api["total"].as_u64().expect("a total");
    let page = site.get("/ko/institutions/kaist", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>한국과학기술원</h1>"), "its Korean name");
    assert!(page.body.contains("대전, 대한민국"), "its place in Korean");
    assert!(page.body.contains(r#"href="https://kaist.ac.kr""#), "its site");
    assert!(page.body.contains(&format!("모집 중인 공고 {total}건")));
    for hit in api["hits"].as_array().expect("hits") {
        assert!(page.body.contains(&format!("/ko/openings/{}", hit["id"])), "{hit} is not listed");
    }
    assert_eq!(site.get("/fr/institutions/nowhere", &[]).await.status, StatusCode::NOT_FOUND);
    let opening = site.get(&format!("/en/openings/{}", api["hits"][0]["id"]), &[]).await;
    assert!(opening.body.contains(r#"<a href="/en/institutions/kaist">KAIST</a>"#));
    let robots = site.get("/robots.txt", &[]).await.body;
    assert!(
        robots.contains("Disallow: /ko/institutions/*/members") && !robots.contains("Disallow: /ko/institutions/\n")
    );
}
