//! Joining one's institution by e-mail domain, and the admin area: verifying an institution,
//! naming its administrator, and the audit log that follows all of it.

use crate::common::{Browser, admin_browser, demo_site};
use http::StatusCode;
use model::account::InstitutionRole;

#[tokio::test]
async fn a_researcher_joins_kaist_and_an_admin_verifies_and_promotes() {
    let site = demo_site().await;
    let mut kim = Browser::new(&site);
    kim.sign_up("Kim Minji", "kim@ee.kaist.ac.kr", "ko").await;

    // Unconfirmed: the page says to confirm first, and the server refuses the join.
    let page = kim.get("/ko/account").await;
    assert!(page.body.contains("먼저 이메일 주소를 확인해 주세요"));
    let early = kim.post("/ko/account/join", &[("institution", "kaist")]).await;
    assert_eq!(early.status, StatusCode::FORBIDDEN);
    assert!(early.body.contains("먼저 이메일 주소를 확인해 주세요"), "shown again on the account page");

    // A forged join comes back on the account page, where the form is, not on its action URL.
    let forged = kim.post_with_token("/ko/account/join", &[("institution", "kaist")], "forged").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.body.contains("다시 제출해 주세요") && forged.body.contains("소속 기관"), "{}", forged.body);

    let (link, _, _) = site.mailed_link("kim@ee.kaist.ac.kr").await;
    kim.get(&link).await;
    let page = kim.get("/ko/account").await;
    assert!(page.body.contains("KAIST 가입하기") || page.body.contains("가입하기"), "a join button for KAIST");
    // Not on SNU's domain: refused, whatever the form says.
    assert_eq!(kim.post("/ko/account/join", &[("institution", "snu")]).await.status, StatusCode::FORBIDDEN);
    let joined = kim.post("/ko/account/join", &[("institution", "kaist")]).await;
    assert_eq!(joined.location(), "/ko/account?joined=kaist");
    let page = kim.get("/ko/account?joined=kaist").await;
    assert!(page.body.contains("소속 기관의 구성원이 되었습니다"));
    let account = site.db.account_by_email("kim@ee.kaist.ac.kr").await.expect("read").expect("kim");
    let memberships = site.db.memberships_of(account.id).await.expect("memberships");
    assert_eq!((memberships.len(), memberships[0].role), (1, InstitutionRole::Member));

    // A platform admin verifies KAIST and makes Kim its administrator.
    let mut ops = admin_browser(&site, "ops@passerelle.example").await;
    let list = ops.get("/fr/admin/institutions").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("kaist.ac.kr"));
    let verified = ops.post("/fr/admin/institutions/kaist/verify", &[]).await;
    assert_eq!(verified.location(), "/fr/admin/institutions?verified=kaist");
    let unknown = ops.post("/fr/admin/institutions/kaist/admins", &[("email", "nobody@kaist.ac.kr")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("Aucun membre de cet établissement n’utilise cette adresse."));
    assert!(unknown.body.contains("value=\"nobody@kaist.ac.kr\""), "what was typed is kept");
    let promoted = ops.post("/fr/admin/institutions/kaist/admins", &[("email", "kim@ee.kaist.ac.kr")]).await;
    assert_eq!(promoted.location(), "/fr/admin/institutions?promoted=kaist");
    assert_eq!(site.db.memberships_of(account.id).await.expect("read")[0].role, InstitutionRole::Admin);

    // The audit log has all three, newest first, and filters by action and by who acted.
    let log = ops.get("/fr/admin/audit").await;
    let order: Vec<usize> = ["Administration confiée à un membre", "Établissement vérifié", "Adhésion d’un membre"]
        .iter()
        .map(|label| {
            log.body.find(&format!("<td>{label}</td>")).unwrap_or_else(|| panic!("{label} missing from the log"))
        })
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "newest first");
    let verified_only = ops.get("/fr/admin/audit?action=institution_verified").await;
    assert!(verified_only.body.contains("<td>Établissement vérifié</td>"));
    assert!(!verified_only.body.contains("<td>Adhésion d’un membre</td>"));
    let by_kim = ops.get("/fr/admin/audit?actor=kim%40ee.kaist.ac.kr").await;
    assert!(
        by_kim.body.contains("<td>Adhésion d’un membre</td>")
            && !by_kim.body.contains("<td>Établissement vérifié</td>")
    );
}

#[tokio::test]
async fn an_institution_admin_runs_its_members() {
    use crate::common::{member_browser, posting_fields, with_action};
    use model::Lang;
    let site = demo_site().await;
    let (mut head, _) = member_browser(&site, "head@kaist.ac.kr", "kaist", InstitutionRole::Admin, Lang::Fr).await;
    let (mut kim, kim_id) = member_browser(&site, "kim@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::En).await;

    // Members do not see the list; the institution's admin does, and is sent there from
    // "Your openings".
    assert_eq!(kim.get("/en/institutions/kaist/members").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        kim.post(&format!("/en/institutions/kaist/members/{kim_id}/admin"), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(head.get("/fr/postings").await.body.contains("/fr/institutions/kaist/members"));
    let page = head.get("/fr/institutions/kaist/members").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Membres de KAIST") && page.body.contains("kim@kaist.ac.kr"));

    // Making Park an administrator.
    let (_, park_id) = member_browser(&site, "park@kaist.ac.kr", "kaist", InstitutionRole::Member, Lang::Ko).await;
    let promoted = head.post(&format!("/fr/institutions/kaist/members/{park_id}/admin"), &[]).await;
    assert_eq!(promoted.location(), "/fr/institutions/kaist/members?saved=1");
    assert_eq!(site.db.memberships_of(park_id).await.expect("read")[0].role, InstitutionRole::Admin);

    // Removing Kim: they can no longer post for KAIST, and the audit log says who did it.
    let removed = head.post(&format!("/fr/institutions/kaist/members/{kim_id}/remove"), &[]).await;
    assert_eq!(removed.location(), "/fr/institutions/kaist/members?saved=1");
    assert!(site.db.memberships_of(kim_id).await.expect("read").is_empty());
    let fields = posting_fields("양자", "Quantum");
    assert_eq!(kim.post("/en/postings/new", &with_action(&fields, "draft")).await.status, StatusCode::FORBIDDEN);
    let log = site.db.audit_log(Some(model::account::AuditAction::MemberRemoved), Some("head@kaist.ac.kr"), 5).await;
    assert_eq!(log.expect("log").len(), 1);

    // The removal sticks: Kim's address is still on KAIST's domain, but joining is refused
    // until an administrator lets Kim back in.
    let again = kim.post("/en/account/join", &[("institution", "kaist")]).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert!(again.body.contains("removed you from it"), "the reason, in English");
    assert!(site.db.memberships_of(kim_id).await.expect("read").is_empty());
    let page = head.get("/fr/institutions/kaist/members").await;
    assert!(page.body.contains("Membres retirés") && page.body.contains("Réintégrer"));
    let readmitted = head.post(&format!("/fr/institutions/kaist/members/{kim_id}/readmit"), &[]).await;
    assert_eq!(readmitted.location(), "/fr/institutions/kaist/members?saved=1");
    assert_eq!(site.db.memberships_of(kim_id).await.expect("read").len(), 1);
    let log = site.db.audit_log(Some(model::account::AuditAction::MemberReadmitted), None, 5).await;
    assert_eq!(log.expect("log").len(), 1);
    assert_eq!(
        head.post(&format!("/fr/institutions/kaist/members/{kim_id}/readmit"), &[]).await.status,
        StatusCode::NOT_FOUND,
        "nothing to let back in"
    );
}

/// Someone whose institution is not on Passerelle adds it on their address's domain and
/// becomes its administrator; admins find it waiting for verification; a colleague joins it;
/// nobody adds it twice, and a webmail address cannot add one.
#[tokio::test]
async fn a_researcher_adds_an_institution_that_is_not_listed() {
    use crate::common::{PASSWORD, create_account};
    use model::account::Role;
    let site = demo_site().await;
    create_account(&site, "ana@eecs.uottawa.ca", Role::Researcher, true).await;
    let mut ana = Browser::new(&site);
    ana.log_in("ana@eecs.uottawa.ca", PASSWORD).await;
    let page = ana.get("/fr/account").await;
    assert!(page.body.contains("Ajouter votre établissement"), "{}", page.body);
    assert!(page.body.contains("<option value=\"uottawa.ca\""), "the address's domains are offered");

    // A refused form keeps what was typed and names each problem.
    let typed = "Université d’Ottawa";
    let refused =
        ana.post("/fr/account/institution", &[("name", typed), ("domain", "mcgill.ca"), ("country", "CA")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(typed) && refused.body.contains("Choisissez l’un des domaines de votre adresse."));

    let fields = [("name", typed), ("domain", "uottawa.ca"), ("country", "CA"), ("city", "Ottawa")];
    let added = ana.post("/fr/account/institution", &fields).await;
    assert_eq!(added.location(), "/fr/account?added=uottawa");
    let page = ana.get(added.location()).await;
    assert!(page.body.contains("vous en êtes l’administrateur ou l’administratrice"));
    assert!(page.body.contains(&format!("{typed} — ")), "a membership of the new institution");
    let institution = Browser::new(&site).get("/fr/institutions/uottawa").await;
    assert!(institution.body.contains(typed) && institution.body.contains("Ottawa"));
    let audit = site.db.audit_log(Some(model::account::AuditAction::InstitutionAdded), None, 10).await.expect("audit");
    assert_eq!(audit.len(), 1);
    let mut ops = admin_browser(&site, "ops@passerelle.example").await;
    assert!(ops.get("/en/admin/institutions").await.body.contains(typed), "waiting for verification");

    // A colleague on the domain joins it; adding it again is refused.
    create_account(&site, "li@uottawa.ca", Role::Researcher, true).await;
    let mut li = Browser::new(&site);
    li.log_in("li@uottawa.ca", PASSWORD).await;
    assert_eq!(li.post("/en/account/institution", &fields).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        li.post("/en/account/join", &[("institution", "uottawa")]).await.location(),
        "/en/account?joined=uottawa"
    );

    // A webmail address is nobody's institution.
    create_account(&site, "someone@gmail.com", Role::Researcher, true).await;
    let mut someone = Browser::new(&site);
    someone.log_in("someone@gmail.com", PASSWORD).await;
    assert!(someone.get("/en/account").await.body.contains("use your address at the institution"));
    let gmail = [("name", "Gmail"), ("domain", "gmail.com"), ("country", "US"), ("city", "Mountain View")];
    assert_eq!(someone.post("/en/account/institution", &gmail).await.status, StatusCode::UNPROCESSABLE_ENTITY);
}
