//! Candidates for an opening: researchers who show their profile to verified institutions,
//! ranked for the opening across languages with reasons told to the institution; only the
//! opening's institution sees them, once verified; profiles shown to fewer never appear; a
//! member invites one to apply (an e-mail in the researcher's language, once).

use http::StatusCode;
use model::Lang;
use model::account::InstitutionRole;

use super::{last_mail, researcher};
use crate::common::{Site, demo_site, member_browser};

async fn profile(site: &Site, email: &str, lang: Lang, keywords: &str, visibility: &str) -> i64 {
    let mut browser = researcher(site, email, lang).await;
    let fields = [
        ("career_stage", "R1"),
        ("keywords", keywords),
        ("language_1", "en"),
        ("level_1", "C1"),
        ("visibility", visibility),
    ];
    assert!(browser.post(&format!("/{}/profile", lang.code()), &fields).await.location().contains("saved=1"));
    site.db.account_by_email(email).await.expect("read").expect("account").id
}

#[tokio::test]
async fn an_openings_candidates_come_across_languages_and_a_member_invites_one() {
    let site = demo_site().await;
    let opening = site.catalog.opening_id("kaist", "demo-kaist-soft-robotics").await.expect("read").expect("demo");
    // A French researcher in soft robotics who shows her profile to verified institutions;
    // another who shows it only where she applies; one on another topic.
    let camille = profile(&site, "camille@example.org", Lang::Fr, "robotique souple, préhenseurs", "verified").await;
    let hidden = profile(&site, "hidden@example.org", Lang::Fr, "robotique souple", "applied_to").await;
    let other = profile(&site, "other@example.org", Lang::En, "medieval manuscripts", "verified").await;

    let (mut member, _) = member_browser(&site, "member@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let path = format!("/en/postings/{opening}/candidates");
    // Not verified yet: no profile is shown.
    let page = member.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("verified institutions only") && !page.body.contains("candidate-"), "{}", page.body);

    site.db.verify_institution("kaist", chrono::Utc::now().fixed_offset()).await.expect("verify");
    let (mut member, _) = member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;
    let page = member.get(&path).await;
    let first = page.body.split("id=\"candidate-").nth(1).unwrap_or_default();
    assert!(first.starts_with(&format!("{camille}\"")), "the soft-robotics researcher first: {}", page.body);
    assert!(first.contains("in their profile"), "the reason is told to the institution: {first}");
    assert!(!page.body.contains(&format!("candidate-{hidden}\"")), "a profile not shown to institutions");
    assert!(!page.body.contains(&format!("candidate-{other}\"")), "a profile on another topic");

    // Another institution's member sees nothing of it.
    let (mut stranger, _) =
        member_browser(&site, "someone@usherbrooke.ca", "usherbrooke", InstitutionRole::Member, Lang::Fr).await;
    let page = stranger.get(&format!("/fr/postings/{opening}/candidates")).await;
    assert!(page.body.contains("Cette offre n’existe pas") && !page.body.contains("candidate-"), "{}", page.body);
    let refused = stranger.post(&format!("/fr/postings/{opening}/candidates/{camille}/invite"), &[]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    // Nor can anyone invite a researcher who does not show their profile.
    let hidden_invite = member.post(&format!("/en/postings/{opening}/candidates/{hidden}/invite"), &[]).await;
    assert_eq!(hidden_invite.status, StatusCode::NOT_FOUND);

    let invited = member.post(&format!("/en/postings/{opening}/candidates/{camille}/invite"), &[]).await;
    assert!(invited.location().starts_with(&format!("/en/postings/{opening}/candidates?invited=1")));
    let (lang, subject, body) = last_mail(&site, "camille@example.org").await;
    assert_eq!(lang, Lang::Fr);
    assert_eq!(subject, "Une invitation à postuler sur Passerelle");
    assert!(body.contains(&format!("/fr/openings/{opening}")), "{body}");
    // Twice is once.
    member.post(&format!("/en/postings/{opening}/candidates/{camille}/invite"), &[]).await;
    let invitations = model::account::AuditAction::CandidateInvited;
    assert_eq!(site.db.audit_log(Some(invitations), Some("head@kaist.ac.kr"), 5).await.expect("audit").len(), 1);
    assert!(member.get(&path).await.body.contains("Invited to apply"));

    // Hidden afterwards, a profile leaves the candidates.
    let mut camille_browser = crate::common::Browser::new(&site);
    camille_browser.log_in("camille@example.org", crate::common::PASSWORD).await;
    let fields = [("career_stage", "R1"), ("keywords", "robotique souple"), ("visibility", "nobody")];
    camille_browser.post("/fr/profile", &fields).await;
    assert!(!member.get(&path).await.body.contains(&format!("candidate-{camille}\"")));
}
