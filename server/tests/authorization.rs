//! The authorisation matrix: every route, as every kind of visitor, gets the answer its role
//! allows (checked on the server, whatever the page shows). A new page of the app fails this
//! test until it has a row here.

use crate::common::{Browser, Site, create_account, demo_site};

use http::StatusCode;

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Visitor {
    Anonymous,
    /// Signed up, address not confirmed, no institution.
    Researcher,
    /// A confirmed member of KAIST, who wrote the posting `{posting}`.
    Member,
    /// A confirmed member of another institution (Université de Sherbrooke).
    OtherMember,
    /// An administrator of KAIST.
    InstitutionAdmin,
    PlatformAdmin,
}

const VISITORS: [Visitor; 6] = [
    Visitor::Anonymous,
    Visitor::Researcher,
    Visitor::Member,
    Visitor::OtherMember,
    Visitor::InstitutionAdmin,
    Visitor::PlatformAdmin,
];

/// What a visitor gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Page,
    /// 303 to a path starting with this.
    Redirect(&'static str),
    /// This status (a refusal: 403, or a form shown again with its problem).
    Status(u16),
}

use Answer::{Page, Redirect, Status};

struct Row {
    method: &'static str,
    path: &'static str,
    fields: &'static [(&'static str, &'static str)],
    /// As [`VISITORS`]: anonymous, researcher, member, member elsewhere, institution admin,
    /// platform admin.
    answers: [Answer; 6],
}

const fn get(path: &'static str, answers: [Answer; 6]) -> Row {
    Row { method: "GET", path, fields: &[], answers }
}

const fn post(path: &'static str, fields: &'static [(&'static str, &'static str)], answers: [Answer; 6]) -> Row {
    Row { method: "POST", path, fields, answers }
}

/// The CV form: a file in its `cv` field.
const fn upload_cv(path: &'static str, answers: [Answer; 6]) -> Row {
    Row { method: "UPLOAD", path, fields: &[("cv", "")], answers }
}

const EVERYONE: [Answer; 6] = [Page, Page, Page, Page, Page, Page];
/// Public once the platform admin (the last visitor) has published it anonymised.
const ANONYMISED_LAST: [Answer; 6] = [Status(404), Status(404), Status(404), Status(404), Status(404), Page];
const SIGNED_IN: [Answer; 6] = [Redirect("/en/login?next="), Page, Page, Page, Page, Page];
const ADMINS: [Answer; 6] = [Redirect("/en/login?next="), Status(403), Status(403), Status(403), Status(403), Page];
/// Forms for members of KAIST (a Sherbrooke member cannot choose KAIST).
const POSTERS: [Answer; 6] = [
    Redirect("/en/login"),
    Status(403),
    Redirect("/en/postings/"),
    Status(422),
    Redirect("/en/postings/"),
    Status(403),
];
/// What only KAIST's members may read: an opening's applications, and what comes with them.
const KAIST_ONLY: [Answer; 6] = [Redirect("/en/login?next="), Status(404), Page, Status(404), Page, Status(404)];

/// A complete posting form (saved as a draft).
const POSTING: &[(&str, &str)] = &[
    ("institution", "kaist"),
    ("original_language", "en"),
    ("title_en", "Quantum sensing stay"),
    ("description_en", "A research stay in Daejeon."),
    ("kind", "phd_exchange"),
    ("career_stages", "R1"),
    ("fields", "1.3"),
    ("country", "KR"),
    ("city", "Daejeon"),
    ("deadline", "2099-01-15"),
    ("positions", "1"),
    ("action", "draft"),
];

/// Every route of the site. `{id}` is a demo opening; `{open}` a KAIST demo opening that takes
/// applications on Passerelle; `{application}` an application to it, sent with the CV `{cv}`.
const MATRIX: &[Row] = &[
    get("/en/", EVERYONE),
    get("/en/openings", EVERYONE),
    get("/en/openings/{id}", EVERYONE),
    get("/en/openings/{open}", EVERYONE),
    get("/en/institutions/kaist", EVERYONE),
    get("/en/login", EVERYONE),
    get("/en/signup", EVERYONE),
    get("/en/forgot", EVERYONE),
    get("/en/reset", EVERYONE),
    get("/en/account", SIGNED_IN),
    get("/en/admin", ADMINS),
    get("/en/admin/institutions", ADMINS),
    get("/en/admin/audit", ADMINS),
    get("/en/admin/reports", ADMINS),
    get("/en/admin/accounts?q=kaist", ADMINS),
    get("/api/v1/openings", EVERYONE),
    get("/api/v1/openings/{id}", EVERYONE),
    get("/api/v1/suggestions?q=qu", EVERYONE),
    get("/healthz", EVERYONE),
    post(
        "/en/account",
        &[("display_name", "Renamed"), ("preferred_lang", "en")],
        [
            Redirect("/en/login"),
            Redirect("/en/account?saved=1"),
            Redirect("/en/account?saved=1"),
            Redirect("/en/account?saved=1"),
            Redirect("/en/account?saved=1"),
            Redirect("/en/account?saved=1"),
        ],
    ),
    post(
        "/en/account/confirm",
        &[],
        [
            Redirect("/en/login"),
            Redirect("/en/account?sent=1"),
            Redirect("/en/account"),
            Redirect("/en/account"),
            Redirect("/en/account"),
            Redirect("/en/account"),
        ],
    ),
    post(
        "/en/logout",
        &[],
        [Redirect("/en/"), Redirect("/en/"), Redirect("/en/"), Redirect("/en/"), Redirect("/en/"), Redirect("/en/")],
    ),
    // Wrong current password: refused; the page stays (and nothing changes).
    post(
        "/en/account/password",
        &[("current_password", "not the password"), ("password", "another long passphrase")],
        [Redirect("/en/login"), Status(401), Status(401), Status(401), Status(401), Status(401)],
    ),
    // The researcher's address is not confirmed, the Sherbrooke member's and the admin's are
    // not on KAIST's domain; members are members already.
    post(
        "/en/account/join",
        &[("institution", "kaist")],
        [
            Redirect("/en/login"),
            Status(403),
            Redirect("/en/account?joined=kaist"),
            Status(403),
            Redirect("/en/account?joined=kaist"),
            Status(403),
        ],
    ),
    post(
        "/en/admin/institutions/kaist/verify",
        &[],
        [
            Redirect("/en/login"),
            Status(403),
            Status(403),
            Status(403),
            Status(403),
            Redirect("/en/admin/institutions?verified=kaist"),
        ],
    ),
    // Anyone signed in may set an opening aside from their own recommendations.
    post(
        "/en/openings/{id}/dismiss",
        &[("back", "profile")],
        [
            Redirect("/en/login"),
            Redirect("/en/profile?dismissed=1"),
            Redirect("/en/profile?dismissed=1"),
            Redirect("/en/profile?dismissed=1"),
            Redirect("/en/profile?dismissed=1"),
            Redirect("/en/profile?dismissed=1"),
        ],
    ),
    // Anyone signed in may save an opening, on a list only they see.
    post(
        "/en/openings/{id}/save",
        &[("keep", "yes")],
        [
            Redirect("/en/login"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
        ],
    ),
    get("/en/saved", SIGNED_IN),
    // Adding an institution: only on a domain of one's own confirmed address, which no
    // institution has (these visitors' domains are not example.org).
    post(
        "/en/account/institution",
        &[("name", "Somewhere"), ("domain", "example.org"), ("country", "CA"), ("city", "Montréal")],
        [Redirect("/en/login"), Status(422), Status(422), Status(422), Status(422), Status(422)],
    ),
    post(
        "/en/openings/{id}/report",
        &[("reason", "spam")],
        [
            Redirect("/en/login?next="),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
            Redirect("/en/openings/"),
        ],
    ),
    // No report 999999: nothing to do, and no error either.
    post(
        "/en/admin/reports/999999/resolve",
        &[],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(403), Redirect("/en/admin/reports")],
    ),
    post(
        "/en/admin/accounts/999999/suspend",
        &[("reason", "spam")],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(403), Status(404)],
    ),
    post(
        "/en/admin/accounts/999999/reinstate",
        &[],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(403), Status(404)],
    ),
    post(
        "/en/admin/institutions/kaist/admins",
        &[("email", "researcher@kaist.ac.kr")],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(403), Status(422)],
    ),
    get("/en/postings", SIGNED_IN),
    get("/en/postings/new", SIGNED_IN),
    // An unfinished posting is its author's alone; those without an institution are asked to
    // join one first.
    get(
        "/en/postings/new?draft={unfinished}",
        [Redirect("/en/login?next="), Page, Page, Status(404), Status(404), Page],
    ),
    // Only its author, their institution's admins and platform admins see a posting.
    get("/en/postings/{posting}", [Redirect("/en/login?next="), Status(404), Page, Status(404), Page, Page]),
    get(
        "/en/postings/{posting}/edit",
        [Redirect("/en/login?next="), Status(404), Page, Status(404), Page, Status(404)],
    ),
    get("/en/admin/review", ADMINS),
    // An institution's members: its admins and platform admins only.
    get(
        "/en/institutions/kaist/members",
        [Redirect("/en/login?next="), Status(404), Status(404), Status(404), Page, Page],
    ),
    post(
        "/en/institutions/kaist/members/999999/admin",
        &[],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(404), Status(404)],
    ),
    post(
        "/en/institutions/kaist/members/999999/remove",
        &[],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(404), Status(404)],
    ),
    post(
        "/en/institutions/kaist/members/999999/readmit",
        &[],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(404), Status(404)],
    ),
    post("/en/postings/new", POSTING, POSTERS),
    // Anyone signed in may discard their own unfinished postings; another's stays.
    post(
        "/en/postings/unfinished/{unfinished}/discard",
        &[],
        [
            Redirect("/en/login"),
            Redirect("/en/postings"),
            Redirect("/en/postings"),
            Redirect("/en/postings"),
            Redirect("/en/postings"),
            Redirect("/en/postings"),
        ],
    ),
    post(
        "/en/postings/{posting}/edit",
        POSTING,
        [
            Redirect("/en/login"),
            Status(403),
            Redirect("/en/postings/"),
            Status(404),
            Redirect("/en/postings/"),
            Status(403),
        ],
    ),
    // No posting 999999: members get a 404, others the refusal they get for any posting.
    post(
        "/en/postings/999999/close",
        &[],
        [Redirect("/en/login"), Status(403), Status(404), Status(404), Status(404), Status(403)],
    ),
    // A draft: nothing waits for a decision.
    post(
        "/en/admin/review/{posting}",
        &[("verdict", "approve")],
        [Redirect("/en/login"), Status(403), Status(403), Status(403), Status(403), Redirect("/en/admin/review?gone=")],
    ),
    // The researcher's side: anyone signed in keeps a profile and applies (with a confirmed
    // address); an opening's applications and the CVs sent are for its institution's members
    // only, never for platform admins.
    get("/en/profile", SIGNED_IN),
    get("/en/applications", SIGNED_IN),
    post(
        "/en/profile",
        &[("visibility", "applied_to"), ("keywords", "quantum sensing"), ("language_1", "en"), ("level_1", "B2")],
        [
            Redirect("/en/login"),
            Redirect("/en/profile?saved=1"),
            Redirect("/en/profile?saved=1"),
            Redirect("/en/profile?saved=1"),
            Redirect("/en/profile?saved=1"),
            Redirect("/en/profile?saved=1"),
        ],
    ),
    upload_cv(
        "/en/profile/cv",
        [
            Redirect("/en/login"),
            Redirect("/en/profile?cv=saved"),
            Redirect("/en/profile?cv=saved"),
            Redirect("/en/profile?cv=saved"),
            Redirect("/en/profile?cv=saved"),
            Redirect("/en/profile?cv=saved"),
        ],
    ),
    post(
        "/en/openings/{open}/apply",
        &[("letter", "I would like to join your group."), ("letter_lang", "en")],
        [
            Redirect("/en/login?next="),
            Status(409),
            Redirect("/en/applications?applied="),
            Redirect("/en/applications?applied="),
            Redirect("/en/applications?applied="),
            Redirect("/en/applications?applied="),
        ],
    ),
    get("/en/postings/{posting}/applications", KAIST_ONLY),
    // Candidates: KAIST's members only (its profiles appear once KAIST is verified, which the
    // platform admin's row above does after the others have run); invitations likewise.
    get("/en/postings/{posting}/candidates", KAIST_ONLY),
    post(
        "/en/postings/{open}/candidates/{application}/invite",
        &[],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(404), Status(404)],
    ),
    get("/en/postings/{open}/applications", KAIST_ONLY),
    get("/en/postings/{open}/applications.csv", KAIST_ONLY),
    get("/en/cv/{cv}", KAIST_ONLY),
    // The member moves it first; for the institution's admin it has moved already.
    post(
        "/en/applications/{application}/status",
        &[("status", "under_review"), ("opening", "{open}")],
        [Redirect("/en/login"), Status(404), Redirect("/en/postings/"), Status(404), Status(409), Status(404)],
    ),
    // Alerts: anyone signed in with a confirmed address saves searches; an alert is its
    // owner's alone ({alert} is the applicant's); its unsubscribe link works for whoever holds
    // it, signed in or not.
    get("/en/alerts", SIGNED_IN),
    post(
        "/en/alerts",
        &[("q", "quantum"), ("frequency", "weekly")],
        [
            Redirect("/en/login"),
            Status(422),
            Redirect("/en/alerts?saved=1"),
            Redirect("/en/alerts?saved=1"),
            Redirect("/en/alerts?saved=1"),
            Redirect("/en/alerts?saved=1"),
        ],
    ),
    post(
        "/en/alerts/{alert}",
        &[("action", "change"), ("frequency", "daily")],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(404), Status(404)],
    ),
    get("/en/alerts/unsubscribe/{key}", EVERYONE),
    // Matching rounds ({round}: the platform admin's, over the opening {open}, to which every
    // confirmed visitor has applied above): coordinators create them (KAIST's admin for KAIST,
    // the platform admin for any), applicants rank, members of an opening's institution rank
    // its applicants, the coordinator closes, publishes and anonymises (in the platform admin's
    // pass, the last); then anyone reads the anonymised round.
    get("/en/rounds", SIGNED_IN),
    get("/en/rounds/new", SIGNED_IN),
    get("/en/rounds/{round}", [Redirect("/en/login?next="), Status(404), Page, Page, Page, Page]),
    post(
        "/en/rounds/new",
        &[("name_en", "")],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(422), Status(422)],
    ),
    post(
        "/en/rounds/{round}/ranking",
        &[],
        [
            Redirect("/en/login"),
            Status(404),
            Redirect("/en/rounds/"),
            Redirect("/en/rounds/"),
            Redirect("/en/rounds/"),
            Redirect("/en/rounds/"),
        ],
    ),
    post(
        "/en/rounds/{round}/openings/{open}",
        &[],
        [
            Redirect("/en/login"),
            Status(404),
            Redirect("/en/rounds/"),
            Status(404),
            Redirect("/en/rounds/"),
            Status(404),
        ],
    ),
    post(
        "/en/rounds/{round}/close",
        &[],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(404), Redirect("/en/rounds/")],
    ),
    post(
        "/en/rounds/{round}/publish",
        &[],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(404), Redirect("/en/rounds/")],
    ),
    post(
        "/en/rounds/{round}/anonymised",
        &[],
        [Redirect("/en/login"), Status(404), Status(404), Status(404), Status(404), Redirect("/en/rounds/")],
    ),
    get("/api/v1/rounds/{round}/instance.json", ANONYMISED_LAST),
    get("/api/v1/rounds/{round}/result.json", ANONYMISED_LAST),
];

/// The rows' placeholders: `{posting}` and the rest (see [`MATRIX`]).
struct Fixtures {
    id: String,
    posting: i64,
    open: i64,
    application: i64,
    cv: i64,
    /// An alert of the applicant's, and its unsubscribe key.
    alert: i64,
    key: String,
    /// A matching round of the platform admin's, over `open`.
    round: i64,
    /// An unfinished posting of the member's.
    unfinished: i64,
}

/// The accounts behind the signed-in visitors, in [`VISITORS`] order (anonymous has none), a
/// draft posting written by the member, and an application (with a CV) from someone else to
/// a KAIST opening that takes applications on Passerelle.
async fn accounts(site: &Site) -> ([Option<i64>; 6], Fixtures) {
    use model::account::{InstitutionRole, Role};
    let researcher = create_account(site, "researcher@kaist.ac.kr", Role::Researcher, false).await;
    let now = chrono::Utc::now().fixed_offset();
    let mut members = Vec::new();
    for (email, slug, role) in [
        ("member@kaist.ac.kr", "kaist", InstitutionRole::Member),
        ("member@usherbrooke.ca", "usherbrooke", InstitutionRole::Member),
        ("head@kaist.ac.kr", "kaist", InstitutionRole::Admin),
    ] {
        let id = create_account(site, email, Role::Researcher, true).await;
        site.db.join_institution(id, slug, role, now).await.expect("join");
        members.push(id);
    }
    let admin = create_account(site, "admin@passerelle.example", Role::PlatformAdmin, true).await;
    let record = model::record::testing::record("passerelle-matrix", "kaist", "Quantum sensing stay");
    let (institution, _) = site.db.institution_record("kaist").await.expect("read").expect("kaist");
    let record = model::record::OpeningRecord { institution, ..record };
    let draft =
        db::NewPosting { record: &record, created_by: members[0], status: model::posting::PostingStatus::Draft };
    let posting = site.db.create_posting(draft, now).await.expect("posting").expect("kaist exists");
    let typed = [("title_en".to_string(), "Half-written".to_string())];
    let unfinished = site.db.add_unfinished(members[0], "kaist", &typed, now).await.expect("save").expect("kaist");
    let open = site.catalog.opening_id("kaist", "demo-kaist-soft-robotics").await.expect("read").expect("demo");
    let hash = server::auth::password::hash_password(crate::common::PASSWORD).expect("hash");
    let new = db::NewAccount {
        email: "applicant@example.org",
        password_hash: &hash,
        display_name: "Applicant",
        lang: model::Lang::Fr,
        role: Role::Researcher,
        email_confirmed: true,
    };
    let applicant = site.catalog.create_demo_account(new, None).await.expect("account").expect("new");
    let cv = site.catalog.upload_cv(&applicant, "cv.pdf", &server::demo_people::demo_cv("applicant")).await;
    let cv = cv.expect("stored").expect("a PDF");
    let application = site.catalog.apply(&applicant, open, "Bonjour.", model::Lang::Fr, &[]).await.expect("apply");
    let application = application.expect("sent");
    let search = model::alert::Subject::search(model::Lang::Fr, &model::dto::SearchParams::default());
    let alert = site.catalog.save_alert(&applicant, &search, model::alert::Frequency::Weekly).await.expect("alert");
    let key = site.db.alerts_of(applicant.account_id).await.expect("alerts")[0].unsubscribe_key.clone();
    let (_, api) = site.json("/api/v1/openings?per_page=1").await;
    let id = api["hits"][0]["id"].as_i64().expect("a demo opening").to_string();
    let visitors = [None, Some(researcher), Some(members[0]), Some(members[1]), Some(members[2]), Some(admin)];
    let name = model::Texts::from([(model::Lang::En, "A matrix round".to_string())]);
    let later = |days| now + chrono::Duration::days(days);
    let new_round = db::NewRound {
        name: &name,
        institution_id: None,
        created_by: admin,
        applications_close: later(1),
        rankings_close: later(2),
        results_at: later(3),
        max_ranking: 5,
        scramble_of: None,
        openings: &[(open, 1)],
    };
    let round = site.db.create_round(new_round, now).await.expect("round");
    (visitors, Fixtures { id, posting, open, application, cv, alert, key, round, unfinished })
}

/// A browser with a fresh session of `account` (or none), and the CSRF cookie a first page gives.
async fn browser_as(site: &Site, account: Option<i64>) -> Browser<'_> {
    let mut browser = Browser::new(site);
    if let Some(id) = account {
        let token = catalog::token::random_token();
        let now = chrono::Utc::now().fixed_offset();
        let hash = catalog::token::token_hash(&token);
        site.db.start_session(&hash, id, now, now + chrono::Duration::days(1)).await.expect("session");
        browser.cookies.insert("passerelle_session".into(), token);
    }
    browser.get("/en/").await;
    browser
}

#[tokio::test]
async fn every_route_answers_each_role_as_allowed() {
    let site = demo_site().await;
    let (visitors, fixtures) = accounts(&site).await;
    let fill = |text: &str| {
        text.replace("{id}", &fixtures.id)
            .replace("{posting}", &fixtures.posting.to_string())
            .replace("{open}", &fixtures.open.to_string())
            .replace("{application}", &fixtures.application.to_string())
            .replace("{cv}", &fixtures.cv.to_string())
            .replace("{alert}", &fixtures.alert.to_string())
            .replace("{key}", &fixtures.key)
            .replace("{round}", &fixtures.round.to_string())
            .replace("{unfinished}", &fixtures.unfinished.to_string())
    };
    let mut failures = Vec::new();
    for (slot, visitor) in VISITORS.into_iter().enumerate() {
        let account = visitors[slot];
        for row in MATRIX {
            // A fresh session per row: some rows (sign-out) end it.
            let mut browser = browser_as(&site, account).await;
            let path = fill(row.path);
            let fields: Vec<(String, String)> = row.fields.iter().map(|(k, v)| (k.to_string(), fill(v))).collect();
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = match row.method {
                "GET" => browser.get(&path).await,
                "UPLOAD" => browser.upload(&path, fields[0].0, "cv.pdf", &server::demo_people::demo_cv("matrix")).await,
                _ => browser.post(&path, &fields).await,
            };
            let expected = row.answers[slot];
            let ok = match expected {
                Page => reply.status == StatusCode::OK,
                Redirect(to) => reply.status == StatusCode::SEE_OTHER && reply.location().starts_with(to),
                Status(code) => reply.status.as_u16() == code,
            };
            if !ok {
                failures.push(format!(
                    "{visitor:?} {} {path}: expected {expected:?}, got {} {}",
                    row.method,
                    reply.status,
                    reply.location()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_page_of_the_app_has_a_row() {
    let paths: Vec<String> = server::router::page_routes().into_iter().map(|route| route.path().to_string()).collect();
    for path in paths {
        let as_row = path
            .replace("{lang}", "en")
            .replace(":lang", "en")
            .replace(":id", "{id}")
            .replace(":slug", "kaist")
            .replace(":key", "{key}")
            .replace("{slug}", "kaist");
        let as_row = if as_row == "/en" { "/en/".to_string() } else { as_row };
        // Postings have ids of their own in the matrix.
        let as_row = if as_row.starts_with("/en/postings/") { as_row.replace("{id}", "{posting}") } else { as_row };
        let as_row = if as_row.starts_with("/en/rounds/") { as_row.replace("{id}", "{round}") } else { as_row };
        let covers = |row: &Row| row.method == "GET" && row.path.split('?').next() == Some(as_row.as_str());
        assert!(MATRIX.iter().any(covers), "no row for the page {path}");
    }
}
