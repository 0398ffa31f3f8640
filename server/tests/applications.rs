//! Profiles and applications through the real router, as the people involved would use them: a
//! Korean researcher fills a profile, uploads a CV and applies to a French opening; a Sherbrooke
//! member shortlists, then makes an offer with a message; the researcher reads it on the site
//! and in an e-mail in Korean, and answers.

mod alerts;
mod candidates;
mod rounds;

use crate::common::{Browser, PASSWORD, Site, admin_browser, create_account, demo_site, member_browser};
use http::StatusCode;
use model::Lang;
use model::account::{InstitutionRole, Role};

/// A confirmed researcher who reads the site in `lang`, signed in.
async fn researcher<'s>(site: &'s Site, email: &str, lang: Lang) -> Browser<'s> {
    let id = create_account(site, email, Role::Researcher, true).await;
    site.db.set_account_lang(id, lang).await.expect("language");
    let mut browser = Browser::new(site);
    browser.log_in(email, PASSWORD).await;
    browser
}

/// The newest e-mail to `address`: its language, subject and body.
async fn last_mail(site: &Site, address: &str) -> (Lang, String, String) {
    let mails = site.db.outbox(Some(address), 1).await.expect("outbox");
    let mail = &mails.first().expect("an e-mail").mail;
    (mail.lang, mail.subject.clone(), mail.body.clone())
}

/// The application a redirect after applying names.
fn application_id(sent: &crate::common::Reply) -> String {
    let query = sent.location().split("applied=").nth(1).unwrap_or_default();
    query.split('#').next().unwrap_or_default().to_string()
}

/// The text of the page's `role="alert"` (the form's problem as a whole) and beyond.
fn after_alert(body: &str) -> &str {
    body.split("role=\"alert\"").nth(1).unwrap_or_default()
}

#[tokio::test]
async fn a_researcher_applies_and_the_institution_answers() {
    let site = demo_site().await;
    let opening = site.catalog.opening_id("usherbrooke", "demo-usherb-water-treatment").await.expect("read");
    let opening = opening.expect("a demo opening taking applications here");
    let mut minji = researcher(&site, "minji@example.org", Lang::Ko).await;

    // A wrong ORCID iD: the profile comes back in Korean with what was typed.
    let mut profile = vec![
        ("career_stage", "R1"),
        ("fields", "1.6"),
        ("keywords", "해양 미생물, marine microbiology"),
        ("interests_ko", "해양 미생물 군집 연구"),
        ("language_1", "ko"),
        ("level_1", "C2"),
        ("language_2", "fr"),
        ("level_2", "B1"),
        ("orcid", "0000-0002-1825-0098"),
        ("visibility", "applied_to"),
    ];
    let refused = minji.post("/ko/profile", &profile).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("올바른 ORCID iD가 아닙니다"), "{}", refused.body);
    assert!(refused.body.contains("해양 미생물 군집 연구"), "what was typed is lost");
    profile.retain(|(name, _)| *name != "orcid");
    profile.push(("orcid", "0000-0002-1825-0097"));
    assert!(minji.post("/ko/profile", &profile).await.location().ends_with("/ko/profile?saved=1"));

    // A CV is a PDF by its content, whatever its name.
    let html = minji.upload("/ko/profile/cv", "cv", "cv.pdf", b"<html><script>alert(1)</script></html>").await;
    assert_eq!(html.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.body.contains("PDF 파일이 아닙니다"), "{}", html.body);
    let pdf = server::demo_people::demo_cv("minji");
    assert!(minji.upload("/ko/profile/cv", "cv", "이력서.pdf", &pdf).await.location().contains("cv=saved"));

    // She applies, in Korean, to an opening written in French, which asks a question; once only.
    let unanswered = [("letter", "안녕하세요. 수질 정화 미생물을 연구합니다."), ("letter_lang", "ko")];
    let refused = minji.post(&format!("/ko/openings/{opening}/apply"), &unanswered).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("field-answer_1-error") && refused.body.contains("이 질문에 2,000자 이내로 답해 주세요")
    );
    assert!(refused.body.contains("수질 정화 미생물을 연구합니다"), "the letter typed is lost");
    let answer = "석사 과정에서 막 생물반응기를 운전했습니다.";
    let letter = [unanswered[0], unanswered[1], ("answer_1", answer)];
    let sent = minji.post(&format!("/ko/openings/{opening}/apply"), &letter).await;
    assert!(sent.location().starts_with("/ko/applications?applied="), "{}", sent.location());
    let (lang, subject, _) = last_mail(&site, "minji@example.org").await;
    assert_eq!((lang, subject.as_str()), (Lang::Ko, "지원서가 제출되었습니다"));
    let again = minji.post(&format!("/ko/openings/{opening}/apply"), &letter).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(after_alert(&again.body).contains("이미 이 공고에 지원했습니다"));
    let page = minji.get(&format!("/ko/openings/{opening}")).await;
    assert!(page.body.contains("이 공고에 지원했습니다. 현재 상태: 접수됨"), "the opening does not say so");

    // Sherbrooke's member reads it with her profile and CV, shortlists it, then makes an offer.
    let (mut camille, _) =
        member_browser(&site, "camille@usherbrooke.ca", "usherbrooke", InstitutionRole::Member, Lang::Fr).await;
    let list = camille.get(&format!("/fr/postings/{opening}/applications")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("수질 정화 미생물을 연구합니다"), "the letter is missing");
    assert!(list.body.contains("Quelle expérience avez-vous") && list.body.contains(answer), "the answer is missing");
    assert!(list.body.contains("0000-0002-1825-0097"), "the profile is missing: {}", list.body);
    let filtered = camille.get(&format!("/fr/postings/{opening}/applications?status=withdrawn&language=ko")).await;
    assert!(filtered.body.contains("0 candidature sur 1 correspond"), "the filter is not applied");
    let by_language = camille.get(&format!("/fr/postings/{opening}/applications?language=ko&stage=R1")).await;
    assert!(by_language.body.contains("1 candidature sur 1 correspond"));
    let cv_link = list.body.split("href=\"/fr/cv/").nth(1).and_then(|rest| rest.split('"').next()).expect("a CV link");
    let cv = camille.get(&format!("/fr/cv/{cv_link}")).await;
    assert_eq!(cv.headers["content-type"], "application/pdf");
    assert!(cv.headers["content-disposition"].to_str().unwrap_or_default().starts_with("attachment"));
    let id = application_id(&sent);
    let status = format!("/fr/applications/{id}/status");
    let opening_field = opening.to_string();
    let moved = camille.post(&status, &[("status", "shortlisted"), ("opening", &opening_field)]).await;
    assert!(
        moved.location().starts_with(&format!("/fr/postings/{opening}/applications")),
        "{} {}",
        moved.status,
        after_alert(&moved.body).chars().take(300).collect::<String>()
    );
    let offer = "Nous serions ravis de vous accueillir en mai.";
    camille.post(&status, &[("status", "offer_made"), ("message", offer), ("opening", &opening_field)]).await;

    // The researcher reads it in Korean, by e-mail and on the site, and accepts.
    let (lang, subject, body) = last_mail(&site, "minji@example.org").await;
    assert_eq!(lang, Lang::Ko);
    assert_eq!(subject, "지원 상태가 바뀌었습니다");
    assert!(body.contains("현재 상태: 합격 제안") && body.contains(offer), "{body}");
    let mine = minji.get("/ko/applications").await;
    assert!(mine.body.contains("합격 제안") && mine.body.contains(offer));
    assert!(mine.body.contains("이 기관은 보통 1일 안에 답변합니다."), "how long the institution takes");
    let accepted = minji.post(&format!("/ko/applications/{id}/status"), &[("status", "accepted")]).await;
    assert!(accepted.location().starts_with("/ko/applications?moved="));
    // An answer is final: the member cannot take it back.
    let late = camille.post(&status, &[("status", "not_retained"), ("opening", &opening_field)]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);

    // The CSV has every application, headings in the reader's language.
    let csv = camille.get(&format!("/fr/postings/{opening}/applications.csv")).await;
    assert!(csv.body.starts_with("\u{feff}\"Candidature\",\"Nom\""), "{}", csv.body);
    assert!(csv.body.contains("Place acceptée"));

    // Admins see the events, never the letter.
    let audit = site.db.audit_log(None, None, 50).await.expect("audit");
    assert!(audit.iter().any(|entry| entry.action == "application_sent"));
    assert!(audit.iter().all(|entry| !entry.detail.contains("수질")), "the letter reached the audit log");
    let mut admin = admin_browser(&site, "admin@passerelle.example").await;
    let overview = admin.get("/en/admin").await;
    assert!(overview.body.contains("One application sent in the last seven days."), "no counts for admins");
    assert!(!overview.body.contains("수질") && !overview.body.contains(answer), "admins read the application");
    let list = admin.get(&format!("/en/postings/{opening}/applications")).await;
    assert_eq!(list.status, StatusCode::NOT_FOUND, "admins read the applications");
}

#[tokio::test]
async fn applications_are_refused_where_they_cannot_go() {
    let site = demo_site().await;
    let mut lea = researcher(&site, "lea@example.org", Lang::Fr).await;
    let letter = [("letter", "Bonjour."), ("letter_lang", "fr")];
    // An opening that takes applications on the institution's own site.
    let elsewhere = site.catalog.opening_id("mila", "demo-mila-rl-climate").await.expect("read").expect("demo");
    let refused = lea.post(&format!("/fr/openings/{elsewhere}/apply"), &letter).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(after_alert(&refused.body).contains("site de l’établissement"));
    let opening = site.catalog.opening_id("kaist", "demo-kaist-soft-robotics").await.expect("read").expect("demo");
    // No letter: the form says so beside the field.
    let empty = lea.post(&format!("/fr/openings/{opening}/apply"), &[("letter", " "), ("letter_lang", "fr")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("field-letter-error"));
    let sent = lea.post(&format!("/fr/openings/{opening}/apply"), &letter).await;
    let id = application_id(&sent);
    // Withdrawing is final.
    let withdraw = format!("/fr/applications/{id}/status");
    assert!(lea.post(&withdraw, &[("status", "withdrawn")]).await.location().starts_with("/fr/applications"));
    assert_eq!(lea.post(&withdraw, &[("status", "withdrawn")]).await.status, StatusCode::CONFLICT);
    assert_eq!(lea.post(&format!("/fr/openings/{opening}/apply"), &letter).await.status, StatusCode::CONFLICT);
    // Someone else's application is nothing to another researcher.
    let mut other = researcher(&site, "other@example.org", Lang::En).await;
    assert_eq!(other.post(&withdraw, &[("status", "withdrawn")]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_cv_leaves_the_one_sent_with_an_application() {
    let site = demo_site().await;
    let mut dan = researcher(&site, "dan@example.org", Lang::En).await;
    dan.upload("/en/profile/cv", "cv", "first.pdf", &server::demo_people::demo_cv("first")).await;
    let opening = site.catalog.opening_id("kaist", "demo-kaist-summer-ai").await.expect("read").expect("demo");
    dan.post(&format!("/en/openings/{opening}/apply"), &[("letter", "Hello."), ("letter_lang", "en")]).await;
    dan.upload("/en/profile/cv", "cv", "second.pdf", &server::demo_people::demo_cv("second")).await;
    let (mut head, _) = member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::En).await;
    let list = head.get(&format!("/en/postings/{opening}/applications")).await;
    let cv = list.body.split("href=\"/en/cv/").nth(1).and_then(|rest| rest.split('"').next()).expect("a CV link");
    let sent = head.get(&format!("/en/cv/{cv}")).await;
    assert!(sent.headers["content-disposition"].to_str().unwrap_or_default().contains("first.pdf"));
    // The profile's new CV follows its visibility (only institutions applied to): KAIST, yes.
    let profile = dan.get("/en/profile").await;
    assert!(profile.body.contains("second.pdf"));
}

#[tokio::test]
async fn institutions_are_reminded_of_applications_left_unanswered() {
    use sea_orm::{ConnectionTrait, EntityTrait, sea_query::Expr};
    let site = demo_site().await;
    member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::Ko).await;
    let mut dan = researcher(&site, "dan@example.org", Lang::En).await;
    let opening = site.catalog.opening_id("kaist", "demo-kaist-summer-ai").await.expect("read").expect("demo");
    dan.post(&format!("/en/openings/{opening}/apply"), &[("letter", "Hello."), ("letter_lang", "en")]).await;
    assert_eq!(site.catalog.remind_unanswered().await.expect("remind"), 0, "too early");
    // Fifteen days later.
    let conn = sea_orm::Database::connect(&site.config.database_url).await.expect("connect");
    let then = chrono::Utc::now().fixed_offset() - chrono::Duration::days(15);
    db::entity::application::Entity::update_many()
        .col_expr(db::entity::application::Column::StatusAt, Expr::value(then))
        .exec(&conn)
        .await
        .expect("age the application");
    let _ = conn.execute_unprepared("SELECT 1").await;
    assert_eq!(site.catalog.remind_unanswered().await.expect("remind"), 1);
    let (lang, subject, body) = last_mail(&site, "head@kaist.ac.kr").await;
    assert_eq!((lang, subject.as_str()), (Lang::Ko, "답변을 기다리는 지원서가 있습니다"));
    assert!(body.contains(&format!("/ko/postings/{opening}/applications")), "{body}");
    assert_eq!(site.catalog.remind_unanswered().await.expect("remind"), 0, "reminded twice");
}

#[tokio::test]
async fn openings_for_you_come_with_their_reasons_and_one_set_aside_stays_gone() {
    let site = demo_site().await;
    let mut sora = researcher(&site, "sora@example.org", Lang::Ko).await;
    // Before a profile: the home page asks for one.
    let home = sora.get("/ko/").await;
    assert!(home.body.contains("프로필 작성하기"), "{}", home.body);
    // A Korean doctoral student in soft robotics; the demo's soft robotics opening is in English.
    let profile = [
        ("career_stage", "R1"),
        ("keywords", "소프트 로봇, 그리퍼"),
        ("language_1", "ko"),
        ("level_1", "C2"),
        ("language_2", "en"),
        ("level_2", "B1"),
        ("visibility", "applied_to"),
    ];
    assert!(sora.post("/ko/profile", &profile).await.location().ends_with("/ko/profile?saved=1"));
    let id = site.catalog.opening_id("kaist", "demo-kaist-soft-robotics").await.expect("read").expect("demo opening");
    let page = sora.get("/ko/profile").await;
    assert!(page.body.contains("나에게 맞는 공고"));
    let first_card = page.body.split("opening-card__title").nth(1).unwrap_or_default();
    assert!(first_card.contains(&format!("/ko/openings/{id}\"")), "{first_card}");
    assert!(first_card.contains("내 키워드 “소프트 로봇”"), "the reason names the keyword: {first_card}");
    // The opening asks for English B2: a shortfall, stated first.
    assert!(first_card.contains("reason--shortfall") && first_card.contains("영어 B2"), "{first_card}");

    let set_aside = sora.post(&format!("/ko/openings/{id}/dismiss"), &[("back", "profile")]).await;
    assert_eq!(set_aside.location(), "/ko/profile?dismissed=1");
    let page = sora.get("/ko/profile?dismissed=1").await;
    assert!(page.body.contains("더 이상 추천하지 않습니다"));
    assert!(!page.body.contains(&format!("/ko/openings/{id}/dismiss")), "set aside, it stays gone");
    // Twice is once; an opening that does not exist is a 404.
    assert_eq!(
        sora.post(&format!("/ko/openings/{id}/dismiss"), &[("back", "home")]).await.location(),
        "/ko/?dismissed=1"
    );
    assert_eq!(sora.post("/ko/openings/999999/dismiss", &[]).await.status, StatusCode::NOT_FOUND);
    let dismissed = model::account::AuditAction::OpeningDismissed;
    let audit = site.db.audit_log(Some(dismissed), Some("sora@example.org"), 50).await.expect("audit");
    assert_eq!(audit.len(), 1);
}

/// A researcher saves openings from their pages and finds them on a list only they see, in
/// their language; removing one from the list or the page takes it off; signed out, the page
/// offers to sign in first.
#[tokio::test]
async fn saved_openings_are_kept_for_their_reader_alone() {
    let site = demo_site().await;
    let id = site.catalog.opening_id("kaist", "demo-kaist-soft-robotics").await.expect("read").expect("demo opening");
    let other =
        site.catalog.opening_id("usherbrooke", "demo-usherb-quantum-materials").await.expect("read").expect("demo");
    let signed_out = Browser::new(&site).get(&format!("/fr/openings/{id}")).await;
    assert!(signed_out.body.contains("Connectez-vous pour enregistrer cette offre"));
    assert!(signed_out.body.contains(&format!("/fr/login?next=%2Ffr%2Fopenings%2F{id}")), "back to the opening after");

    let mut sora = researcher(&site, "sora@example.org", Lang::Ko).await;
    let page = sora.get(&format!("/ko/openings/{id}")).await;
    assert!(page.body.contains("이 공고 저장"), "{}", page.body);
    let saved = sora.post(&format!("/ko/openings/{id}/save"), &[("keep", "yes")]).await;
    assert_eq!(saved.location(), format!("/ko/openings/{id}?kept=1"));
    let page = sora.get(saved.location()).await;
    assert!(page.body.contains("저장했습니다.") && page.body.contains("저장한 공고에서 삭제"));
    sora.post(&format!("/ko/openings/{other}/save"), &[("keep", "yes")]).await;
    sora.post(&format!("/ko/openings/{other}/save"), &[("keep", "yes")]).await;

    let list = sora.get("/ko/saved").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("이 목록은 본인만 볼 수 있습니다."));
    let first = list.body.find(&format!("/ko/openings/{other}?back=")).expect("the latest saved");
    let second = list.body.find(&format!("/ko/openings/{id}?back=")).expect("the first saved");
    assert!(first < second, "the latest saved first");
    assert!(list.body.contains("2차원 양자 소재 박사후 연구원"), "titles in the reader's language");

    // Nobody else sees them.
    let mut kim = researcher(&site, "kim@example.org", Lang::En).await;
    let theirs = kim.get("/en/saved").await;
    assert!(theirs.body.contains("You have not saved any opening yet."));
    assert!(!theirs.body.contains(&format!("/en/openings/{id}?back=")));

    // Removed from the list, back to the list.
    let removed = sora.post(&format!("/ko/openings/{other}/save"), &[("keep", "no"), ("back", "saved")]).await;
    assert_eq!(removed.location(), "/ko/saved?unkept=1");
    let list = sora.get(removed.location()).await;
    assert!(list.body.contains("저장한 공고에서 삭제했습니다."));
    assert!(!list.body.contains(&format!("/ko/openings/{other}?back=")));
    assert_eq!(sora.post("/ko/openings/999999/save", &[("keep", "yes")]).await.status, StatusCode::NOT_FOUND);
    let saved = model::account::AuditAction::OpeningBookmarked;
    let audit = site.db.audit_log(Some(saved), Some("sora@example.org"), 50).await.expect("audit");
    assert_eq!(audit.len(), 2, "saved twice is saved once");
}
