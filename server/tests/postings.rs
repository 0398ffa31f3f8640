//! Writing openings on the site and moderating them, through the real router: a KAIST member
//! posts in Korean and English, a moderator sends it back with a reason the poster reads in
//! Korean (on the site and by e-mail), the poster fixes it, it is approved and found by search,
//! another reader flags it, and the audit log follows all of it. Also: what the form refuses,
//! edits of published openings, closing, and who may do what.

use crate::common::{Browser, admin_browser, demo_site, member_browser, posting_fields, with_action};
use http::StatusCode;
use model::Lang;
use model::account::InstitutionRole;
use model::posting::PostingStatus;

/// The posting id in a `/{lang}/postings/{id}?saved=…` redirect.
fn posting_id(location: &str) -> i64 {
    let path = location.split('?').next().unwrap_or_default();
    path.rsplit('/').next().and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no id in {location}"))
}

fn field<'f>(fields: &'f mut [(String, String)], name: &str) -> &'f mut String {
    &mut fields.iter_mut().find(|(key, _)| key == name).unwrap_or_else(|| panic!("no field {name}")).1
}

#[tokio::test]
async fn an_opening_goes_from_kaist_through_moderation_to_search() {
    let site = demo_site().await;
    let (mut kim, kim_id) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::Ko).await;
    let mut ops = admin_browser(&site, "ops@passerelle.example").await;

    // Kim writes the opening in Korean and English and submits it: KAIST is not verified yet,
    // so it waits for a moderator, and nobody can find it.
    let form = kim.get("/ko/postings/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("새 공고 작성") && form.body.contains("한국어"), "the form, in Korean");
    let mut fields = posting_fields("양자 센싱 박사과정 교환", "Quantum sensing PhD exchange");
    let sent = kim.post("/ko/postings/new", &with_action(&fields, "submit")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(sent.location().ends_with("?saved=pending"), "{}", sent.location());
    let id = posting_id(sent.location());
    let page = kim.get(sent.location()).await;
    assert!(page.body.contains("검토 대기 중") && page.body.contains("미리 보기"), "status and preview");
    assert!(page.body.contains("<strong>양자 센싱</strong>"), "Markdown is rendered");
    assert_eq!(site.json(&format!("/api/v1/openings/{id}")).await.0, StatusCode::NOT_FOUND);

    // The moderator finds it in the queue and sends it back with a reason.
    let queue = ops.get("/en/admin/review").await;
    assert!(queue.body.contains("Quantum sensing PhD exchange") && queue.body.contains("not verified"));
    let review = ops.get(&format!("/en/postings/{id}")).await;
    assert!(review.body.contains("Your decision"), "the moderator can decide on the posting's page");
    let no_reason = ops.post(&format!("/en/admin/review/{id}"), &[("verdict", "reject")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY, "a rejection needs a reason");
    let rejected = ops
        .post(
            &format!("/en/admin/review/{id}"),
            &[("verdict", "reject"), ("reason", "incomplete"), ("note", "Please say who supervises the stay.")],
        )
        .await;
    assert_eq!(rejected.location(), format!("/en/admin/review?decided={id}"));

    // Kim reads the reason in Korean: in the header, on the page, and by e-mail.
    let home = kim.get("/ko/").await;
    assert!(home.body.contains("새 결정 1건"), "the header says a decision is waiting");
    let dashboard = kim.get("/ko/postings").await;
    assert!(dashboard.body.contains("중요한 정보가 빠졌거나 분명하지 않습니다."), "the reason, in Korean");
    assert!(dashboard.body.contains("Please say who supervises the stay."), "the note, as written");
    assert!(dashboard.body.contains("운영자가 반려함"));
    assert!(!kim.get("/ko/").await.body.contains("새 결정"), "seen once the list was shown");
    let mails = site.db.outbox(Some("kim@kaist.ac.kr"), 1).await.expect("outbox");
    let mail = &mails[0].mail;
    assert_eq!(mail.lang, Lang::Ko);
    assert_eq!(mail.subject, "공고를 게시하려면 수정이 필요합니다");
    assert!(mail.body.contains("사유: 중요한 정보가 빠졌거나 분명하지 않습니다."), "{}", mail.body);
    assert!(mail.body.contains(&format!("https://passerelle.example/ko/postings/{id}")));

    // Kim fixes it and submits again; the moderator approves; search finds it in both
    // languages, and across them.
    let edit = kim.get(&format!("/ko/postings/{id}/edit")).await;
    assert!(edit.body.contains("value=\"양자 센싱 박사과정 교환\""), "the form starts from the posting");
    field(&mut fields, "description_en").push_str("\n\nSupervised by Prof. Lee Jiwoo.");
    let resent = kim.post(&format!("/ko/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert!(resent.location().ends_with("?saved=pending"), "{}", resent.location());
    // An opening imported while the posting waits is published before it.
    let record = model::record::testing::record("imported-meanwhile", "kaist", "Imported while waiting");
    let (institution, _) = site.db.institution_record("kaist").await.expect("read").expect("kaist");
    site.catalog.import(&[model::record::OpeningRecord { institution, ..record }]).await.expect("import");
    let approved = ops.post(&format!("/en/admin/review/{id}"), &[("verdict", "approve")]).await;
    assert_eq!(approved.location(), format!("/en/admin/review?decided={id}"));
    assert_eq!(
        site.db.outbox(Some("kim@kaist.ac.kr"), 1).await.expect("outbox")[0].mail.subject,
        "Passerelle에 공고가 게시되었습니다"
    );
    // Published when approved, not when drafted: newest first, it comes before that import.
    let (_, newest) = site.json("/api/v1/openings?sort=newest&per_page=2").await;
    let order: Vec<&str> =
        newest["hits"].as_array().expect("hits").iter().filter_map(|h| h["external_id"].as_str()).collect();
    assert_eq!(order[1], "imported-meanwhile", "{order:?}");
    assert_eq!(newest["hits"][0]["id"], id);
    for query in ["%EC%96%91%EC%9E%90%20%EC%84%BC%EC%8B%B1", "quantum%20sensing", "capteurs%20quantiques"] {
        let (_, found) = site.json(&format!("/api/v1/openings?q={query}&per_page=50")).await;
        let ids: Vec<i64> = found["hits"].as_array().expect("hits").iter().filter_map(|h| h["id"].as_i64()).collect();
        assert!(ids.contains(&id), "{query}: {ids:?}");
    }
    let public = Browser::new(&site).get(&format!("/en/openings/{id}")).await;
    assert!(public.body.contains("Supervised by Prof. Lee Jiwoo."));
    assert!(!public.body.contains("<script>alert"), "raw HTML in a description is shown as text");
    assert!(public.body.contains("&lt;script&gt;"));

    // Another reader flags it; the admin follows everything in the audit log.
    let (mut reader, _) =
        member_browser(&site, "lea@usherbrooke.ca", "usherbrooke", InstitutionRole::Member, Lang::Fr).await;
    reader.get(&format!("/fr/openings/{id}")).await;
    let flagged = reader.post(&format!("/fr/openings/{id}/report"), &[("reason", "misleading")]).await;
    assert_eq!(flagged.status, StatusCode::SEE_OTHER);
    let log = ops.get("/en/admin/audit").await.body;
    let rows = ["Opening reported", "Opening approved", "Opening submitted", "Opening sent back", "Opening submitted"];
    let order: Vec<usize> = rows
        .iter()
        .map(|action| format!("<td>{action}</td>"))
        .scan(0, |from, action| {
            let at = log[*from..].find(&action).map(|at| at + *from)?;
            *from = at + 1;
            Some(at)
        })
        .collect();
    assert_eq!(order.len(), 5, "every step, newest first:\n{log}");
    let by_kim = ops.get("/en/admin/audit?actor=kim%40kaist.ac.kr").await.body;
    assert!(by_kim.contains("<td>Opening submitted</td>") && !by_kim.contains("<td>Opening approved</td>"));
    assert_eq!(site.db.decisions(Some(id), Some(kim_id), 10).await.expect("decisions").len(), 2);
}

#[tokio::test]
async fn a_refused_form_keeps_what_was_typed_and_names_each_problem() {
    let site = demo_site().await;
    let (mut lea, _) =
        member_browser(&site, "lea@usherbrooke.ca", "usherbrooke", InstitutionRole::Member, Lang::Fr).await;
    let mut fields = posting_fields("x", "Capteurs quantiques");
    *field(&mut fields, "institution") = "usherbrooke".into();
    *field(&mut fields, "title_ko") = String::new();
    *field(&mut fields, "description_ko") = String::new();
    fields.push(("title_fr".into(), "Capteurs quantiques à Sherbrooke".into()));
    *field(&mut fields, "deadline") = "2001-01-01".into();
    *field(&mut fields, "stipend_currency") = "dollars".into();
    let refused = lea.post("/fr/postings/new", &with_action(&fields, "submit")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &refused.body;
    assert!(body.contains("Certains champs sont à revoir."), "the summary, in French");
    assert!(body.contains("Rédigez le titre et la description dans cette langue, ou laissez les deux vides."));
    assert!(body.contains("Il faut le titre et la description dans la langue de rédaction d’origine."));
    assert!(body.contains("Cette date limite est déjà passée."));
    assert!(body.contains("Utilisez un code de devise à trois lettres"));
    assert!(body.contains("value=\"Capteurs quantiques\""), "typed values kept");
    // Above the fields, each problem is a link to its field, named by its label.
    assert!(body.contains("Champs à corriger\u{a0}:"), "the list of problems");
    assert!(body.contains(
        "<a href=\"#field-deadline\">Date limite de candidature\u{a0}: Cette date limite est déjà passée.</a>"
    ));
    // Countries and currencies are chosen by their French names; ranges are said.
    assert!(body.contains("<option value=\"KR\" selected>Corée du Sud</option>"), "the country posted is chosen");
    assert!(body.contains(">dollar canadien</option>"));
    assert!(body.contains("De 1 à 120 mois."));
    assert!(body.contains("aria-invalid=\"true\""));
    let listed = site.db.postings_of(&["usherbrooke".to_string()], &[], 0).await.expect("list");
    assert!(listed.iter().all(|p| p.title.values().all(|t| !t.contains("Capteurs quantiques"))), "saved anyway");

    // Not a member of KAIST: posting for it is refused whatever the form says.
    *field(&mut fields, "institution") = "kaist".into();
    let elsewhere = lea.post("/fr/postings/new", &with_action(&fields, "submit")).await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn edits_of_published_openings_wait_for_review_only_when_the_text_changes() {
    let site = demo_site().await;
    let mut ops = admin_browser(&site, "ops@passerelle.example").await;
    ops.post("/en/admin/institutions/kaist/verify", &[]).await;
    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let mut fields = posting_fields("양자 센싱", "Quantum sensing stay");

    // A draft is private; KAIST is verified, so submitting publishes at once.
    let draft = kim.post("/en/postings/new", &with_action(&fields, "draft")).await;
    assert!(draft.location().ends_with("?saved=draft"));
    let id = posting_id(draft.location());
    assert_eq!(site.json(&format!("/api/v1/openings/{id}")).await.0, StatusCode::NOT_FOUND);
    let published = kim.post(&format!("/en/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert!(published.location().ends_with("?saved=published"), "{}", published.location());
    assert_eq!(site.json(&format!("/api/v1/openings/{id}")).await.0, StatusCode::OK);

    // A new title waits for review; readers keep the published one.
    *field(&mut fields, "title_en") = "Quantum sensing stay in Daejeon".into();
    let edited = kim.post(&format!("/en/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert!(edited.location().ends_with("?saved=pending"));
    let (_, public) = site.json(&format!("/api/v1/openings/{id}")).await;
    assert_eq!(public["title"]["en"], "Quantum sensing stay");
    assert!(ops.get("/en/admin/review").await.body.contains("Changes to a published opening"));

    // More places: shown at once (the waiting title edit is replaced by this save).
    *field(&mut fields, "title_en") = "Quantum sensing stay".into();
    *field(&mut fields, "positions") = "3".into();
    let places = kim.post(&format!("/en/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert!(places.location().ends_with("?saved=published"));
    assert_eq!(site.json(&format!("/api/v1/openings/{id}")).await.1["positions"], 3);

    // Closing: out of the search at once, and its page says so.
    let closed = kim.post(&format!("/en/postings/{id}/close"), &[]).await;
    assert!(closed.location().ends_with("?saved=closed"));
    let (_, found) = site.json("/api/v1/openings?q=quantum%20sensing%20stay&per_page=50").await;
    assert!(!found["hits"].as_array().expect("hits").iter().any(|h| h["id"] == id));
    let page = Browser::new(&site).get(&format!("/en/openings/{id}")).await;
    assert!(page.body.contains("The institution has closed this opening."));
    // Saving a closed opening is refused with a page that says why, in the page's language.
    let stale = kim.post(&format!("/fr/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let alert = stale.body.split("role=\"alert\"").nth(1).unwrap_or_default();
    assert!(alert.contains("Quelqu’un d’autre a modifié cet élément"), "{}", stale.body);
}

#[tokio::test]
async fn only_the_poster_and_their_institution_admins_may_edit() {
    let site = demo_site().await;
    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let fields = posting_fields("양자 센싱", "Quantum sensing stay");
    let id = posting_id(kim.post("/en/postings/new", &with_action(&fields, "draft")).await.location());
    let edit = format!("/en/postings/{id}/edit");

    let (mut colleague, _) =
        member_browser(&site, "park@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    // One rule: a posting someone may not edit does not exist for them, on every page and form,
    // and "Your openings" does not list it.
    assert_eq!(colleague.get(&format!("/en/postings/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(colleague.post(&edit, &with_action(&fields, "submit")).await.status, StatusCode::NOT_FOUND);
    let dashboard = colleague.get("/en/postings").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(!dashboard.body.contains("Quantum sensing stay"), "a colleague's draft is listed");
    let (mut outsider, _) =
        member_browser(&site, "lea@usherbrooke.ca", "usherbrooke", InstitutionRole::Admin, Lang::En).await;
    assert_eq!(outsider.post(&edit, &with_action(&fields, "submit")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(outsider.post(&format!("/en/postings/{id}/close"), &[]).await.status, StatusCode::NOT_FOUND);
    assert!(head_lists(&mut kim, "Quantum sensing stay").await, "the poster's own draft is listed");

    let (mut head, _) = member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::En).await;
    assert_eq!(head.get(&format!("/en/postings/{id}")).await.status, StatusCode::OK);
    assert!(head_lists(&mut head, "Quantum sensing stay").await, "an institution admin sees every posting");
    assert!(head.post(&edit, &with_action(&fields, "draft")).await.location().ends_with("?saved=draft"));
    // A member cannot decide on their own posting.
    let decided = kim.post(&format!("/en/admin/review/{id}"), &[("verdict", "approve")]).await;
    assert_eq!(decided.status, StatusCode::FORBIDDEN);
    assert!(decided.body.contains("<main"), "a refusal is a page, not an empty answer");
}

/// Whether "Your openings" lists a posting titled `title` for this browser's account.
async fn head_lists(browser: &mut Browser<'_>, title: &str) -> bool {
    browser.get("/en/postings").await.body.contains(title)
}

/// Two moderators approve the same posting at the same moment: one decision is taken, the
/// other moderator is told it was decided already, and the poster gets one e-mail.
#[tokio::test]
async fn two_moderators_deciding_at_once_make_one_decision() {
    let site = demo_site().await;
    let (mut kim, kim_id) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let fields = posting_fields("양자 센싱", "Quantum sensing stay");
    let id = posting_id(kim.post("/en/postings/new", &with_action(&fields, "submit")).await.location());
    let mut first = admin_browser(&site, "ops1@passerelle.example").await;
    let mut second = admin_browser(&site, "ops2@passerelle.example").await;
    first.get("/en/admin/review").await;
    second.get("/en/admin/review").await;
    let review = format!("/en/admin/review/{id}");
    let reject = [("verdict", "reject"), ("reason", "duplicate")];
    let (a, b) = tokio::join!(first.post(&review, &[("verdict", "approve")]), second.post(&review, &reject));
    let mut outcomes = [a.location().to_string(), b.location().to_string()];
    outcomes.sort();
    assert_eq!(outcomes, [format!("/en/admin/review?decided={id}"), format!("/en/admin/review?gone={id}")]);

    let decisions = site.db.decisions(Some(id), None, 10).await.expect("decisions");
    assert_eq!(decisions.len(), 1, "one decision");
    let mails = site.db.outbox(Some("kim@kaist.ac.kr"), 10).await.expect("outbox");
    let about_it = mails.iter().filter(|m| m.mail.subject.contains("opening")).count();
    assert_eq!(about_it, 1, "one e-mail: {:?}", mails.iter().map(|m| &m.mail.subject).collect::<Vec<_>>());
    let audit = site.db.audit_log(None, None, 50).await.expect("audit");
    let decided = audit.iter().filter(|e| e.action == "opening_approved" || e.action == "opening_rejected").count();
    assert_eq!(decided, 1, "one audit entry");
    // The posting is where the one decision put it.
    let posting = site.db.posting(id).await.expect("read").expect("posting");
    let approved = decisions[0].approved;
    let wanted = if approved { PostingStatus::Published } else { PostingStatus::Rejected };
    assert_eq!(posting.status, wanted);
    assert_eq!(site.json(&format!("/api/v1/openings/{id}")).await.0 == StatusCode::OK, approved);
    let _ = kim_id;
}

/// `passerelle import` runs while a member publishes on the website: both succeed, and the
/// server's index ends up holding exactly the database's published openings.
#[tokio::test]
async fn an_import_and_the_website_write_at_the_same_time() {
    let site = demo_site().await;
    site.db.verify_institution("kaist", catalog::now()).await.expect("verify");
    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let file = site.config.data_dir.join("synthetic.jsonl");
    let generate = crate::common::passerelle_command(&site.config.data_dir)
        .args(["seed", "synthetic", "5000", "--output", file.to_str().expect("utf-8")])
        .output()
        .expect("generate");
    assert!(generate.status.success(), "{}", String::from_utf8_lossy(&generate.stderr));
    let import = crate::common::passerelle_command(&site.config.data_dir)
        .args(["import", "openings", file.to_str().expect("utf-8")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("import");
    // Once the import's first openings are in the database, the indexer has thousands to
    // apply: the member's own opening jumps the queue.
    while site.db.published_openings().await.expect("db").len() <= 63 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let mut published = Vec::new();
    for n in 0..5 {
        let fields = posting_fields("양자 센싱", &format!("Quantum sensing stay number {n}"));
        let sent = kim.post("/en/postings/new", &with_action(&fields, "submit")).await;
        assert!(sent.location().ends_with("?saved=published"), "{} {}", sent.status, sent.body);
        let id = posting_id(sent.location());
        // Searchable when the page returns.
        let (_, found) = site.json(&format!("/api/v1/openings?q=stay%20number%20{n}&closed=1")).await;
        assert!(found["hits"].as_array().expect("hits").iter().any(|h| h["id"] == id), "not found at once");
        published.push(id);
    }
    let output = tokio::task::spawn_blocking(move || import.wait_with_output()).await.expect("join").expect("wait");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut wanted: Vec<i64> = site.db.published_openings().await.expect("db").iter().map(|o| o.id).collect();
    wanted.sort_unstable();
    assert_eq!(wanted.len(), 63 + 5 + 5000);
    // The indexer catches up in the background: allow it time on a busy machine.
    let mut indexed = Vec::new();
    for _ in 0..600 {
        let (_, all) = site.json("/api/v1/openings?closed=1&per_page=1").await;
        if all["total"].as_u64() == Some(wanted.len() as u64) {
            indexed = site.indexed_ids();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(indexed, wanted, "the index differs from the database");
}

/// An import may name its city in each language: each reader sees their own (page, JSON-LD,
/// search), and an edit on the site keeps the names while the city stays.
#[tokio::test]
async fn a_city_named_per_language_shows_in_each_and_survives_an_edit() {
    let site = crate::common::empty_site().await;
    let mut record = model::record::testing::record("osong-bio", "kaist", "Bio-imaging stay");
    record.location.city = "Osong".into();
    record.location.city_names.insert(Lang::Ko, "오송".into());
    site.catalog.import(&[record]).await.expect("import");
    let (_, found) = site.json("/api/v1/openings?q=bio-imaging&lang=ko").await;
    let id = found["hits"][0]["id"].as_i64().expect("found");
    assert_eq!(found["hits"][0]["city"], "오송", "{found}");
    let ko = Browser::new(&site).get(&format!("/ko/openings/{id}")).await;
    assert!(ko.body.contains("오송, 대한민국"), "the Korean page names it in Korean");
    assert!(ko.body.contains("\"addressLocality\":\"오송\""), "and so does its JSON-LD");
    let fr = Browser::new(&site).get(&format!("/fr/openings/{id}")).await;
    assert!(fr.body.contains("Osong, Corée du Sud"), "the record's city stands for French");

    // The institution's admin changes the places: the city and its names stay.
    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::En).await;
    let mut fields = posting_fields("한국어 제목", "Bio-imaging stay");
    for (name, value) in [
        ("original_language", "en"),
        ("description_en", "Bio-imaging stay. A research stay."),
        ("description_ko", "연구 체류."),
        ("keywords", "physics"),
        ("city", "Osong"),
        ("positions", "4"),
    ] {
        *field(&mut fields, name) = value.into();
    }
    let saved = kim.post(&format!("/en/postings/{id}/edit"), &with_action(&fields, "submit")).await;
    assert!(saved.location().ends_with("?saved=published"), "{} {}", saved.status, saved.body);
    let ko = Browser::new(&site).get(&format!("/ko/openings/{id}")).await;
    assert!(ko.body.contains("오송, 대한민국"), "the names outlive the edit");
}

#[tokio::test]
async fn a_draft_saved_unfinished_is_kept_as_typed_for_its_author_until_finished() {
    let site = demo_site().await;
    let (mut kim, _) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    // Kim knows the title, not yet the deadline nor the Korean description.
    let mut fields = posting_fields("양자 센싱 교환", "Quantum sensing exchange, unfinished");
    *field(&mut fields, "description_ko") = String::new();
    *field(&mut fields, "deadline") = String::new();
    let saved = kim.post("/en/postings/new", &with_action(&fields, "draft")).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let location = saved.location().to_string();
    let draft: i64 = location
        .split("draft=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no draft in {location}"));
    let page = kim.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your draft is saved, though it is not complete yet."), "the notice");
    assert!(page.body.contains("value=\"Quantum sensing exchange, unfinished\""), "what was typed");
    assert!(page.body.contains(&format!("name=\"draft\" value=\"{draft}\"")), "saving again saves over it");
    let dashboard = kim.get("/en/postings").await;
    assert!(dashboard.body.contains("Unfinished drafts") && dashboard.body.contains("exchange, unfinished</a>"));

    // Saved again, still unfinished: the same draft, not a second one.
    fields.push(("draft".into(), draft.to_string()));
    let again = kim.post("/en/postings/new", &with_action(&fields, "draft")).await;
    assert_eq!(again.location(), format!("/en/postings/new?draft={draft}&saved=unfinished"));

    // Nobody else sees it, not even a colleague who administers KAIST.
    let (mut head, _) = member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::En).await;
    assert_eq!(head.get(&format!("/en/postings/new?draft={draft}")).await.status, StatusCode::NOT_FOUND);
    assert!(!head.get("/en/postings").await.body.contains("Quantum sensing exchange, unfinished"));
    head.post(&format!("/en/postings/unfinished/{draft}/discard"), &[]).await;
    assert_eq!(
        kim.get(&format!("/en/postings/new?draft={draft}")).await.status,
        StatusCode::OK,
        "not theirs to discard"
    );

    // Submitting it half-written names what is missing and keeps it; finished, it becomes the
    // posting and the draft goes.
    let refused = kim.post("/en/postings/new", &with_action(&fields, "submit")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(&format!("name=\"draft\" value=\"{draft}\"")), "still the same draft");
    *field(&mut fields, "description_ko") = "양자 센싱 연구 교환입니다.".into();
    *field(&mut fields, "deadline") = (catalog::today() + chrono::Duration::days(90)).to_string();
    let submitted = kim.post("/en/postings/new", &with_action(&fields, "submit")).await;
    assert!(submitted.location().contains("/en/postings/") && submitted.location().contains("?saved="));
    assert_eq!(kim.get(&format!("/en/postings/new?draft={draft}")).await.status, StatusCode::NOT_FOUND);
    let dashboard = kim.get("/en/postings").await;
    assert!(!dashboard.body.contains("Unfinished drafts"), "finished, it is a posting");
    assert!(dashboard.body.contains("Quantum sensing exchange, unfinished</a>"), "listed as a posting");

    // Drafts can be thrown away, and there is a limit to how many wait.
    let untitled = [("institution", "kaist"), ("action", "draft")];
    let mut last = String::new();
    for _ in 0..model::posting::MAX_UNFINISHED {
        last = kim.post("/en/postings/new", &untitled).await.location().to_string();
    }
    assert!(kim.get("/en/postings").await.body.contains("Untitled draft"));
    let too_many = kim.post("/en/postings/new", &untitled).await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_many.body.contains("You already have too many unfinished drafts."));
    let one = last.split("draft=").nth(1).and_then(|rest| rest.split('&').next()).unwrap_or_default();
    let discarded = kim.post(&format!("/en/postings/unfinished/{one}/discard"), &[]).await;
    assert_eq!(discarded.location(), "/en/postings");
    assert_eq!(kim.post("/en/postings/new", &untitled).await.status, StatusCode::SEE_OTHER, "room again");
}
