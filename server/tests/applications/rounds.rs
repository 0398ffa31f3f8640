//! A matching round through the real router: a platform admin runs a round over three demo
//! openings (one institution never ranks); five researchers rank in French, Korean and English;
//! members rank their applicants; the coordinator closes it, sends the results and publishes
//! the anonymised round; each researcher reads their result and why, in their language; the
//! places left go to a second round.

use http::StatusCode;
use model::Lang;
use model::account::{AuditAction, InstitutionRole, Role};

use crate::common::{Browser, PASSWORD, Site, admin_browser, create_account, demo_site, member_browser};

fn later(hours: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(hours)).format("%Y-%m-%dT%H:%M").to_string()
}

/// A researcher who applied (through the database) to `openings`, signed in.
async fn applicant<'s>(site: &'s Site, name: &str, lang: Lang, openings: &[i64]) -> (Browser<'s>, i64) {
    let email = format!("{name}@example.org");
    let id = create_account(site, &email, Role::Researcher, true).await;
    site.db.set_account_lang(id, lang).await.expect("language");
    site.db.set_display_name(id, name).await.expect("name");
    for &opening in openings {
        let new = db::NewApplication {
            opening_id: opening,
            account_id: id,
            letter: "Bonjour",
            letter_lang: Lang::Fr,
            answers: &[],
            cv_id: None,
        };
        site.db.create_application(new, chrono::Utc::now().fixed_offset()).await.expect("apply");
    }
    let mut browser = Browser::new(site);
    browser.log_in(&email, PASSWORD).await;
    (browser, id)
}

async fn demo_opening(site: &Site, slug: &str, external_id: &str) -> i64 {
    site.catalog.opening_id(slug, external_id).await.expect("read").expect("a demo opening")
}

#[tokio::test]
async fn a_round_is_ranked_solved_explained_published_and_checked() {
    let site = demo_site().await;
    let water = demo_opening(&site, "usherbrooke", "demo-usherb-water-treatment").await;
    let soft = demo_opening(&site, "kaist", "demo-kaist-soft-robotics").await;
    let llm = demo_opening(&site, "kaist", "demo-kaist-llm-korean").await;
    let (mut camille, camille_id) = applicant(&site, "camille", Lang::Fr, &[water, soft]).await;
    let (mut jiwoo, jiwoo_id) = applicant(&site, "jiwoo", Lang::Ko, &[water, soft]).await;
    let (mut sam, sam_id) = applicant(&site, "sam", Lang::En, &[soft, llm]).await;
    let (mut hana, hana_id) = applicant(&site, "hana", Lang::Ko, &[water]).await;
    let (mut lea, lea_id) = applicant(&site, "lea", Lang::Fr, &[water, llm]).await;
    let (mut outsider, _) = applicant(&site, "outsider", Lang::En, &[]).await;

    // A refused round form keeps what was typed and says why, in the reader's language.
    let mut admin = admin_browser(&site, "coordinator@example.org").await;
    let form = admin.get("/en/rounds/new").await;
    assert!(form.body.contains(&format!("name=\"places_{water}\"")), "the demo openings with applications are offered");
    let mut fields = vec![
        ("name_en".to_string(), "KAIST–Sherbrooke summer exchange".to_string()),
        ("name_fr".to_string(), "Échange d’été KAIST–Sherbrooke".to_string()),
        (format!("places_{water}"), "1".to_string()),
        (format!("places_{soft}"), "1".to_string()),
        (format!("places_{llm}"), "2".to_string()),
        ("applications_close".to_string(), later(1)),
        ("rankings_close".to_string(), "2020-01-01T00:00".to_string()),
        ("results_at".to_string(), later(72)),
        ("max_ranking".to_string(), "2".to_string()),
    ];
    let refused = admin.post("/fr/rounds/new", &pairs(&fields)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Cette date est passée"), "{}", refused.body);
    assert!(refused.body.contains("Échange d’été KAIST–Sherbrooke"), "what was typed is lost");
    fields[6].1 = later(48);
    let created = admin.post("/en/rounds/new", &pairs(&fields)).await;
    let round: i64 = created
        .location()
        .split("/rounds/")
        .nth(1)
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .expect("the new round's page");
    let page = format!("/en/rounds/{round}");
    let told = site.db.outbox(Some("jiwoo@example.org"), 1).await.expect("outbox");
    assert!(told[0].mail.subject.starts_with("매칭 라운드 안내"), "participants are told, in their language");

    // Researchers see the round waiting for them beside their applications.
    assert!(jiwoo.get("/ko/applications").await.body.contains("순위 제출을 기다리는 매칭 라운드"));

    // Researchers rank the openings they applied to; a tie is refused, in Korean.
    let rank = |opening: i64, position: &'static str| (format!("rank_{opening}"), position.to_string());
    let tie = jiwoo.post(&format!("/ko/rounds/{round}/ranking"), &pairs(&[rank(soft, "1"), rank(water, "1")])).await;
    assert_eq!(tie.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tie.body.contains("동률이 없습니다"), "{}", tie.body);
    for (browser, ranking) in [
        (&mut camille, vec![rank(soft, "1"), rank(water, "2")]),
        (&mut jiwoo, vec![rank(soft, "1"), rank(water, "2")]),
        (&mut sam, vec![rank(llm, "1"), rank(soft, "2")]),
        (&mut hana, vec![rank(water, "1")]),
        (&mut lea, vec![rank(water, "1"), rank(llm, "2")]),
    ] {
        let saved = browser.post(&format!("/en/rounds/{round}/ranking"), &pairs(&ranking)).await;
        assert!(saved.location().ends_with("?ranked=1"), "{} {}", saved.status, saved.body);
    }
    assert!(!jiwoo.get("/ko/applications").await.body.contains("순위 제출을 기다리는 매칭 라운드"), "ranked");
    assert_eq!(outsider.get(&page).await.status, StatusCode::NOT_FOUND, "no part in the round");
    let not_mine = outsider.post(&format!("/en/rounds/{round}/ranking"), &pairs(&[rank(water, "1")])).await;
    assert_eq!(not_mine.status, StatusCode::NOT_FOUND);

    // Members rank their applicants; nobody at KAIST ranks the LLM opening.
    let (mut sherbrooke, _) =
        member_browser(&site, "member@usherbrooke.ca", "usherbrooke", InstitutionRole::Member, Lang::Fr).await;
    let (mut kaist, _) = member_browser(&site, "member@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::Ko).await;
    let person = |account: i64, position: &'static str| (format!("rank_{account}"), position.to_string());
    let ranked = sherbrooke
        .post(
            &format!("/fr/rounds/{round}/openings/{water}"),
            &pairs(&[person(camille_id, "1"), person(lea_id, "2"), person(hana_id, "3"), person(jiwoo_id, "no")]),
        )
        .await;
    assert!(ranked.location().ends_with("?ranked=1"), "{} {}", ranked.status, ranked.body);
    let ranked = kaist
        .post(
            &format!("/ko/rounds/{round}/openings/{soft}"),
            &pairs(&[person(jiwoo_id, "1"), person(camille_id, "2"), person(sam_id, "3")]),
        )
        .await;
    assert!(ranked.location().ends_with("?ranked=1"));
    let elsewhere =
        kaist.post(&format!("/ko/rounds/{round}/openings/{water}"), &pairs(&[person(camille_id, "1")])).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND, "a member ranks only their institution's openings");

    // Rankings are private: a researcher sees no one else's; the coordinator sees the opening
    // without a ranking.
    let own = camille.get(&format!("/fr/rounds/{round}")).await.body;
    assert!(!own.contains("jiwoo") && !own.contains("lea"), "another participant is named");
    let coordination = admin.get(&page).await.body;
    assert!(coordination.contains("Openings without a ranking"), "{coordination}");

    // Closing solves it; a late ranking changes nothing.
    assert!(admin.post(&format!("/en/rounds/{round}/close"), &[]).await.location().ends_with("?closed=1"));
    let late = lea.post(&format!("/fr/rounds/{round}/ranking"), &pairs(&[rank(llm, "1")])).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("rien n’a été modifié"), "{}", late.body);
    assert!(
        !camille.get(&format!("/fr/rounds/{round}")).await.body.contains("Votre résultat"),
        "results before their date"
    );

    // The results: Camille gets Sherbrooke (KAIST took Jiwoo, whom it ranked higher); Léa, Sam
    // and Hana are told why, each in their language.
    assert!(admin.post(&format!("/en/rounds/{round}/publish"), &[]).await.location().ends_with("?published=1"));
    let result = camille.get(&format!("/fr/rounds/{round}")).await.body;
    assert!(result.contains("Vous êtes jumelé·e à"), "{result}");
    assert!(result.contains("sa place est allée à une personne qu’il a classée plus haut"), "{result}");
    let result = hana.get(&format!("/ko/rounds/{round}")).await.body;
    assert!(result.contains("이번 라운드에서는 매칭되지 않았습니다"), "{result}");
    assert!(result.contains("더 높은 순위로 둔 지원자로 1자리를 모두 채웠습니다"), "{result}");
    let result = lea.get(&format!("/fr/rounds/{round}")).await.body;
    assert!(result.contains("n’a soumis aucun classement avant la date limite"), "{result}");
    let result = jiwoo.get(&format!("/ko/rounds/{round}")).await.body;
    assert!(result.contains("공고와 매칭되었습니다"), "{result}");
    let mails = site.db.outbox(Some("camille@example.org"), 1).await.expect("outbox");
    assert!(mails[0].mail.subject.starts_with("Votre résultat"), "{}", mails[0].mail.subject);
    assert!(kaist.get(&format!("/ko/rounds/{round}")).await.body.contains("jiwoo"), "the institution sees who matched");

    // The anonymised round: tokens only, stable, and each participant sees their own token.
    assert!(admin.post(&format!("/en/rounds/{round}/anonymised"), &[]).await.location().ends_with("?anonymised=1"));
    let (status, instance) = site.json(&format!("/api/v1/rounds/{round}/instance.json")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, result) = site.json(&format!("/api/v1/rounds/{round}/result.json")).await;
    let instance: matching::Instance = serde_json::from_value(instance).expect("an instance");
    let result: matching::Matching = serde_json::from_value(result).expect("a result");
    assert_eq!(instance.market().expect("valid").verify(&result), matching::Verdict::Stable);
    assert_eq!(result.assignments.len(), 2);
    let ids = instance.applicants.iter().map(|a| &a.id).chain(instance.openings.iter().map(|o| &o.id));
    assert!(
        ids.into_iter().all(|id| matches!(id, matching::Id::Text(token) if token.len() == 12)),
        "an id is not a token"
    );
    assert!(camille.get(&format!("/fr/rounds/{round}")).await.body.contains("Votre jeton"));

    // A second round for the places left (two at the LLM opening), for those not matched.
    let second = admin.get(&format!("/en/rounds/new?scramble={round}")).await.body;
    assert!(
        second.contains(&format!("name=\"places_{llm}\"")) && !second.contains(&format!("name=\"places_{water}\"")),
        "{second}"
    );
    let fields = vec![
        ("scramble_of".to_string(), round.to_string()),
        ("name_en".to_string(), "Second round".to_string()),
        (format!("places_{llm}"), "2".to_string()),
        ("applications_close".to_string(), later(1)),
        ("rankings_close".to_string(), later(24)),
        ("results_at".to_string(), later(48)),
        ("max_ranking".to_string(), "1".to_string()),
    ];
    let created = admin.post("/en/rounds/new", &pairs(&fields)).await;
    let second: i64 = created
        .location()
        .split("/rounds/")
        .nth(1)
        .and_then(|rest| rest.split('?').next())
        .and_then(|id| id.parse().ok())
        .expect("the second round");
    assert!(
        hana.get(&format!("/ko/rounds/{second}")).await.body.contains("순위 저장"),
        "an unmatched researcher ranks in the second round"
    );
    assert_eq!(
        camille.get(&format!("/fr/rounds/{second}")).await.status,
        StatusCode::NOT_FOUND,
        "a matched one has no part"
    );

    // Every step is in the audit log, the rankings' contents never.
    let log = site.db.audit_log(None, None, 100).await.expect("log");
    for action in [
        AuditAction::RoundCreated,
        AuditAction::RoundRanked,
        AuditAction::RoundSolved,
        AuditAction::RoundPublished,
        AuditAction::RoundAnonymised,
    ] {
        assert!(log.iter().any(|entry| entry.action == action.code()), "{action:?}");
    }
    assert!(
        log.iter()
            .filter(|e| e.action == AuditAction::RoundRanked.code())
            .all(|e| e.detail == "researcher" || e.detail == "opening")
    );
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// How many audit entries `action` has for round `round`.
async fn audited(site: &Site, action: AuditAction, round: i64) -> usize {
    let log = site.db.audit_log(Some(action), None, 100).await.expect("log");
    log.iter().filter(|entry| entry.target == format!("round {round}")).count()
}

#[tokio::test]
async fn rounds_remind_close_and_publish_at_their_dates_once_with_two_servers() {
    let site = demo_site().await;
    let soft = demo_opening(&site, "kaist", "demo-kaist-soft-robotics").await;
    let (mut ana, ana_id) = applicant(&site, "ana", Lang::Fr, &[soft]).await;
    let (_, bo_id) = applicant(&site, "bo", Lang::Ko, &[soft]).await;
    let coordinator = create_account(&site, "coordinator@example.org", Role::PlatformAdmin, true).await;
    let name = model::Texts::from([(Lang::En, "Spring round".to_string())]);
    let now = chrono::Utc::now().fixed_offset();
    let hours = |n: i64| now + chrono::Duration::hours(n);
    let openings = [(soft, 1)];
    let round = |applications_close, rankings_close, results_at| db::NewRound {
        name: &name,
        institution_id: None,
        created_by: coordinator,
        applications_close,
        rankings_close,
        results_at,
        max_ranking: 3,
        scramble_of: None,
        openings: &openings,
    };

    // Rankings close in an hour: those who have not ranked are reminded, once, whichever
    // server gets there first.
    let closing = site.db.create_round(round(hours(-1), hours(1), hours(2)), now).await.expect("round");
    let saved = ana.post(&format!("/fr/rounds/{closing}/ranking"), &[(format!("rank_{soft}").as_str(), "1")]).await;
    assert!(saved.location().ends_with("?ranked=1"));
    let (first, second) = tokio::join!(site.catalog.run_due_rounds(), site.catalog.run_due_rounds());
    assert_eq!(first.expect("run") + second.expect("run"), 1, "one reminder run");
    let to_bo = site.db.outbox(Some("bo@example.org"), 10).await.expect("outbox");
    assert_eq!(to_bo.iter().filter(|m| m.mail.subject.starts_with("순위 제출 마감 임박")).count(), 1);
    let to_ana = site.db.outbox(Some("ana@example.org"), 10).await.expect("outbox");
    assert!(to_ana.iter().all(|m| !m.mail.subject.starts_with("Les classements ferment")), "she has ranked");

    // Rankings closed an hour ago, results due: solved once, then published once.
    let closed = site.db.create_round(round(hours(-3), hours(-1), hours(-1)), now).await.expect("round");
    site.db.set_ranking(closed, db::Side::Researcher, ana_id, &[soft], now).await.expect("rank");
    site.db.set_ranking(closed, db::Side::Opening, soft, &[bo_id, ana_id], now).await.expect("rank");
    let (first, second) = tokio::join!(site.catalog.run_due_rounds(), site.catalog.run_due_rounds());
    first.expect("run");
    second.expect("run");
    let (first, second) = tokio::join!(site.catalog.run_due_rounds(), site.catalog.run_due_rounds());
    first.expect("run");
    second.expect("run");
    assert_eq!(audited(&site, AuditAction::RoundSolved, closed).await, 1);
    assert_eq!(audited(&site, AuditAction::RoundPublished, closed).await, 1);
    let results = site.db.outbox(Some("ana@example.org"), 10).await.expect("outbox");
    assert_eq!(results.iter().filter(|m| m.mail.subject.starts_with("Votre résultat")).count(), 1);
    // Bo did not rank: no result, and Ana, the only researcher who ranked, got the place.
    let page = ana.get(&format!("/fr/rounds/{closed}")).await.body;
    assert!(page.contains("Vous êtes jumelé·e à"), "{page}");
    assert!(
        site.db
            .outbox(Some("bo@example.org"), 10)
            .await
            .expect("outbox")
            .iter()
            .all(|m| !m.mail.subject.contains("résultat"))
    );
}
