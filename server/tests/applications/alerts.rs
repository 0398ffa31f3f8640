//! Alerts: a search saved from the list page, its digests (new openings only, once, never
//! empty, in the reader's language, with one-click unsubscribe), profile alerts, and several
//! servers sending at once.

use chrono::{Duration, Utc};
use http::StatusCode;
use model::Lang;
use model::record::testing::record;

use super::researcher;
use crate::common::{PUBLIC_URL, Site, demo_site};

/// Publishes a new KAIST opening titled `title` (as an import would), now.
async fn publish(site: &Site, external_id: &str, title: &str) -> i64 {
    let (institution, _) = site.db.institution_record("kaist").await.expect("read").expect("kaist");
    let record = model::record::OpeningRecord { institution, ..record(external_id, "kaist", title) };
    site.catalog.import(&[record]).await.expect("import");
    site.catalog.opening_id("kaist", external_id).await.expect("read").expect("imported")
}

/// The alert job as it would run `later` from now, sending what is due by a day after that.
async fn send_later(site: &Site, later: Duration) -> catalog::DigestRun {
    let at = Utc::now() + later;
    site.catalog.send_due_alerts(at, at + Duration::days(1)).await.expect("alert job")
}

async fn digests_to(site: &Site, address: &str) -> Vec<db::Mail> {
    let mails = site.db.outbox(Some(address), 50).await.expect("outbox");
    mails.into_iter().map(|queued| queued.mail).filter(|mail| mail.unsubscribe.is_some()).collect()
}

#[tokio::test]
async fn a_saved_search_mails_its_new_openings_once_and_never_an_empty_digest() {
    let site = demo_site().await;
    let mut lea = researcher(&site, "lea@example.org", Lang::Fr).await;
    let list = lea.get("/fr/openings?q=quantique&sort=newest").await;
    assert!(list.body.contains("Enregistrer cette recherche"), "{}", list.body);
    let saved = lea.post("/fr/alerts", &[("q", "quantique"), ("frequency", "daily")]).await;
    assert_eq!(saved.location(), "/fr/alerts?saved=1");
    let page = lea.get("/fr/alerts?saved=1").await;
    assert!(page.body.contains("Alerte enregistrée") && page.body.contains("«\u{a0}quantique\u{a0}»"), "{}", page.body);
    // The same search saved again is one alert, now weekly.
    lea.post("/fr/alerts", &[("q", " quantique "), ("frequency", "weekly")]).await;
    assert_eq!(site.db.alerts_of(lea_id(&site).await).await.expect("alerts").len(), 1);

    // A new opening on the topic, written in English, and one on another topic.
    let quantum = publish(&site, "alert-quantum", "Quantum sensing stay").await;
    let other = publish(&site, "alert-pottery", "Ceramics conservation workshop").await;
    let run = send_later(&site, Duration::days(8)).await;
    assert_eq!(run.sent, 1);
    let digests = digests_to(&site, "lea@example.org").await;
    assert_eq!(digests.len(), 1);
    let digest = &digests[0];
    assert_eq!(digest.lang, Lang::Fr);
    assert_eq!(digest.subject, "Une nouvelle offre pour votre recherche «\u{a0}quantique\u{a0}»");
    assert!(digest.body.contains(&format!("{PUBLIC_URL}/fr/openings/{quantum}")), "{}", digest.body);
    assert!(!digest.body.contains(&format!("/openings/{other}")), "only what the search finds");
    assert!(digest.body.contains("Quantum sensing stay") && digest.body.contains("Bonjour"));
    let unsubscribe = digest.unsubscribe.clone().expect("a one-click address");
    assert!(digest.body.contains(&unsubscribe));

    // Run again (another server, or the next week with nothing new): nothing more is sent,
    // and never an empty digest.
    let run = send_later(&site, Duration::days(16)).await;
    assert_eq!((run.sent, run.nothing_new), (0, 1));
    assert_eq!(digests_to(&site, "lea@example.org").await.len(), 1);

    // One click, from a mail client: no cookie, no token but the address's.
    let path = unsubscribe.trim_start_matches(PUBLIC_URL);
    let page = site.get(path, &[]).await;
    assert!(page.body.contains("Me désabonner"), "{}", page.body);
    let request = http::Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from("List-Unsubscribe=One-Click"))
        .expect("request");
    assert_eq!(site.send(request).await.status, StatusCode::OK);
    assert!(site.db.alerts_of(lea_id(&site).await).await.expect("alerts").is_empty());
    assert!(site.get(path, &[]).await.body.contains("n’existe plus"));
    let deleted = model::account::AuditAction::AlertDeleted;
    assert_eq!(site.db.audit_log(Some(deleted), Some("lea@example.org"), 5).await.expect("audit").len(), 1);
}

async fn lea_id(site: &Site) -> i64 {
    site.db.account_by_email("lea@example.org").await.expect("read").expect("lea").id
}

#[tokio::test]
async fn a_profile_alert_brings_new_openings_for_the_profile_and_needs_one() {
    let site = demo_site().await;
    let mut sora = researcher(&site, "sora@example.org", Lang::Ko).await;
    let refused = sora.post("/ko/alerts", &[("profile", "1"), ("frequency", "weekly")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("먼저 프로필을 작성해 주세요"), "{}", refused.body);
    let profile = [("career_stage", "R2"), ("keywords", "양자 센싱"), ("visibility", "applied_to")];
    sora.post("/ko/profile", &profile).await;
    let saved = sora.post("/ko/alerts", &[("profile", "1"), ("frequency", "weekly")]).await;
    assert_eq!(saved.location(), "/ko/alerts?saved=1");
    let page = sora.get("/ko/alerts").await;
    assert!(page.body.contains("내 프로필에 맞는 새 공고"));

    let quantum = publish(&site, "alert-quantum-sensing", "Quantum sensing stay").await;
    assert_eq!(send_later(&site, Duration::days(8)).await.sent, 1);
    let digests = digests_to(&site, "sora@example.org").await;
    assert_eq!(digests.len(), 1, "one digest");
    assert!(digests[0].subject.contains("내 프로필에 맞는 새 공고"), "{}", digests[0].subject);
    assert!(digests[0].body.contains(&format!("/ko/openings/{quantum}")), "{}", digests[0].body);
    assert_eq!(digests[0].body.matches(&format!("/ko/openings/{quantum}")).count(), 1, "listed once");
}

#[tokio::test]
async fn servers_sending_at_once_or_after_a_crash_send_each_digest_once() {
    let site = demo_site().await;
    let mut alerts = Vec::new();
    for n in 0..6 {
        let address = format!("reader{n}@example.org");
        let mut reader = researcher(&site, &address, Lang::En).await;
        reader.post("/en/alerts", &[("q", "quantum"), ("frequency", "daily")]).await;
        alerts.push(address);
    }
    publish(&site, "alert-quantum-race", "Quantum sensing stay").await;
    // A second server on the same database, with its own index.
    let other_dir = tempfile::tempdir().expect("temp dir");
    let other = catalog::Catalog::connect(&site.config.database_url)
        .await
        .expect("connect")
        .with_index(other_dir.path())
        .await
        .expect("index");
    // A server that claimed the first alert, then died before sending.
    let first = site.db.alerts_of(lea_like(&site, &alerts[0]).await).await.expect("alerts")[0].clone();
    let crashed_at = (Utc::now() + Duration::days(2)).fixed_offset();
    assert!(site.db.claim_alert(first.id, crashed_at, crashed_at, Duration::minutes(10)).await.expect("claim"));

    let at = Utc::now() + Duration::days(2);
    let (one, two) = tokio::join!(
        site.catalog.send_due_alerts(at, at + Duration::days(1)),
        other.send_due_alerts(at, at + Duration::days(1))
    );
    let (one, two) = (one.expect("run"), two.expect("run"));
    assert_eq!(one.sent + two.sent, 5, "every alert but the one held by the crashed server, once");
    // Once its lease is over, the next run sends it; the crashed server's late finish is refused.
    let later = at + Duration::minutes(11);
    let run = site.catalog.send_due_alerts(later, later + Duration::days(1)).await.expect("run");
    assert_eq!(run.sent, 1);
    let finished = site.db.finish_alert(first.id, crashed_at, crashed_at, crashed_at).await.expect("finish");
    assert!(!finished, "the claim it held is gone");
    for address in &alerts {
        assert_eq!(digests_to(&site, address).await.len(), 1, "{address} got one digest");
    }
}

async fn lea_like(site: &Site, address: &str) -> i64 {
    site.db.account_by_email(address).await.expect("read").expect("account").id
}
