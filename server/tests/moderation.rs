//! Reports and suspensions: a reader flags an opening (in their language, what they typed kept
//! when refused), an admin handles the report and suspends the account behind abuse; the
//! suspended account is signed out at once and cannot sign in; the audit log has it all.

use crate::common::{Browser, PASSWORD, admin_browser, demo_site};
use http::StatusCode;

#[tokio::test]
async fn a_report_is_filed_handled_and_an_account_suspended() {
    let site = demo_site().await;
    let (_, api) = site.json("/api/v1/openings?per_page=1").await;
    let id = api["hits"][0]["id"].as_i64().expect("an opening");
    let opening = format!("/ko/openings/{id}");

    let mut anonymous = Browser::new(&site);
    assert!(anonymous.get(&opening).await.body.contains("로그인하고 이 공고 신고하기"));

    let mut lee = Browser::new(&site);
    lee.sign_up("Lee", "lee@snu.ac.kr", "ko").await;
    let page = lee.get(&opening).await;
    assert!(page.body.contains("이 공고 신고하기") && page.body.contains("name=\"reason\""));
    let refused = lee.post(&format!("{opening}/report"), &[("reason", ""), ("details", "마감된 공고입니다")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("하나를 선택해 주세요."));
    assert!(refused.body.contains("마감된 공고입니다"), "the details are kept");
    let filed =
        lee.post(&format!("{opening}/report"), &[("reason", "unavailable"), ("details", "마감된 공고입니다")]).await;
    assert_eq!(filed.location(), format!("{opening}?reported=1"));
    assert!(lee.get(&format!("{opening}?reported=1")).await.body.contains("신고 내용을 확인하겠습니다"));

    let mut ops = admin_browser(&site, "ops@passerelle.example").await;
    // The admin area's home says what waits, each count leading to where it is handled.
    let home = ops.get("/en/admin").await.body;
    assert!(home.contains(r#"<a href="/en/admin/reports">One report to handle</a>"#), "{home}");
    assert!(home.contains(r#"<a href="/en/admin/review">No opening to review</a>"#));
    let reports = ops.get("/en/admin/reports").await;
    assert!(reports.body.contains("Filled or withdrawn, but still listed") && reports.body.contains("lee@snu.ac.kr"));
    let report_id = site.db.open_reports(10).await.expect("reports")[0].id;
    let handled = ops.post(&format!("/en/admin/reports/{report_id}/resolve"), &[]).await;
    assert_eq!(handled.location(), "/en/admin/reports?resolved=1");
    assert!(ops.get("/en/admin/reports").await.body.contains("No report is waiting."));
    assert!(ops.get("/fr/admin").await.body.contains("Aucun signalement à traiter"));

    // Suspension: a reason is required; then Lee is signed out and cannot sign back in.
    let lee_id = site.db.account_by_email("lee@snu.ac.kr").await.expect("read").expect("lee").id;
    let found = ops.get("/en/admin/accounts?q=snu.ac").await;
    assert!(found.body.contains("lee@snu.ac.kr"));
    let no_reason = ops.post(&format!("/en/admin/accounts/{lee_id}/suspend"), &[("reason", " ")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("Please fill in this field."));
    let suspended = ops.post(&format!("/en/admin/accounts/{lee_id}/suspend"), &[("reason", "fake reports")]).await;
    assert_eq!(suspended.location(), "/en/admin/accounts?q=lee%40snu.ac.kr&done=suspended");
    assert_eq!(lee.get("/ko/account").await.status, StatusCode::SEE_OTHER, "signed out at once");
    lee.get("/ko/login").await;
    let again = lee.post("/ko/login", &[("email", "lee@snu.ac.kr"), ("password", PASSWORD)]).await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    assert!(again.body.contains("이용이 정지된 계정입니다"));
    let ops_id = site.db.account_by_email("ops@passerelle.example").await.expect("read").expect("ops").id;
    let own = ops.post(&format!("/en/admin/accounts/{ops_id}/suspend"), &[("reason", "oops")]).await;
    assert!(own.body.contains("You cannot suspend your own account."));
    let back = ops.post(&format!("/en/admin/accounts/{lee_id}/reinstate"), &[]).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    assert_eq!(
        lee.post("/ko/login", &[("email", "lee@snu.ac.kr"), ("password", PASSWORD)]).await.status,
        StatusCode::SEE_OTHER
    );

    let log = ops.get("/en/admin/audit").await;
    for action in ["Report handled", "Account suspended", "Account reinstated"] {
        assert!(log.body.contains(&format!("<td>{action}</td>")), "{action} missing from the audit log");
    }
    assert!(log.body.contains("lee@snu.ac.kr: fake reports"));
}
