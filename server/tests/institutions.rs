//! Joining one's institution by e-mail domain, and the admin area: verifying an institution,
//! naming its administrator, and the audit log that follows all of it.

mod common;

use common::{Browser, admin_browser, demo_site};
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
    let order: Vec<usize> = ["Membre nommé administrateur", "Établissement vérifié", "Adhésion d’un membre"]
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
