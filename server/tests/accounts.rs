//! Accounts over HTTP, against the real router and a real SQLite file: signing up, confirming
//! the address from the e-mail, signing in and out, resetting a password, the CSRF and rate
//! limit guards, the account page, and `passerelle admin create`.

use crate::common::{Browser, PASSWORD, empty_site as site};
use http::{Request, StatusCode, header};

#[tokio::test]
async fn sign_up_confirm_sign_out_and_in() {
    let site = site().await;
    let mut browser = Browser::new(&site);

    // The sign-up page hands out a CSRF token with its form.
    let page = browser.get("/fr/signup").await;
    assert_eq!(page.status, StatusCode::OK);
    let token = browser.cookies.get("passerelle_csrf").cloned().expect("a CSRF cookie");
    assert!(page.body.contains(&format!("name=\"csrf\" value=\"{token}\"")), "the form carries the token");

    // Mistakes come back in the page's language, next to their fields, with what was typed.
    let rejected =
        browser.post("/fr/signup", &[("display_name", "Kim Minji"), ("email", "kim@"), ("password", "short")]).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(rejected.body.contains("Saisissez une adresse courriel"), "the e-mail problem, in French");
    assert!(rejected.body.contains("au moins 10 caractères"), "the password problem, in French");
    assert!(rejected.body.contains("value=\"Kim Minji\""), "the name is kept");
    assert!(rejected.body.contains("value=\"kim@\""), "the address is kept as typed");
    assert!(!rejected.body.contains("value=\"short\""), "a password is never sent back");
    assert!(rejected.body.contains("aria-invalid=\"true\""));

    // Accepted: signed in at once, and a confirmation link goes out in the chosen language.
    let fields = [
        ("display_name", "Kim Minji"),
        ("email", " Kim@KAIST.ac.kr "),
        ("password", PASSWORD),
        ("preferred_lang", "ko"),
    ];
    let created = browser.post("/fr/signup", &fields).await;
    assert_eq!((created.status, created.location()), (StatusCode::SEE_OTHER, "/fr/account?welcome=1"));
    let account = browser.get("/fr/account?welcome=1").await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("kim@kaist.ac.kr") && account.body.contains("Kim Minji"));
    let (link, lang, subject) = site.mailed_link("kim@kaist.ac.kr").await;
    assert_eq!((lang, subject.as_str()), (model::Lang::Ko, "Passerelle 이메일 주소를 확인해 주세요"));
    assert!(link.starts_with("/ko/confirm?token="), "{link}");

    // The same address again is refused, and says so.
    let mut other = Browser::new(&site);
    other.get("/en/signup").await;
    let taken =
        other.post("/en/signup", &[("display_name", "K"), ("email", "kim@kaist.ac.kr"), ("password", PASSWORD)]).await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert!(taken.body.contains("An account already uses this address"));

    // The link confirms the address, once.
    let confirmed = browser.get(&link).await;
    assert_eq!(confirmed.location(), "/ko/account?confirmed=1");
    assert!(site.db.account_by_email("kim@kaist.ac.kr").await.expect("read").expect("account").email_confirmed);
    assert_eq!(browser.get(&link).await.location(), "/ko/account?link=expired");

    // Signing out ends the session on the server, not only in this browser.
    let session = browser.cookies.get("passerelle_session").cloned().expect("session cookie");
    let out = browser.post("/ko/logout", &[]).await;
    assert_eq!((out.status, out.location()), (StatusCode::SEE_OTHER, "/ko/"));
    assert!(!browser.cookies.contains_key("passerelle_session"));
    browser.cookies.insert("passerelle_session".into(), session);
    let stale = browser.get("/ko/account").await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER, "the old cookie opens nothing");
    assert_eq!(stale.location(), "/ko/login?next=%2Fko%2Faccount");

    // Wrong password: one message that does not say which part was wrong.
    browser.get("/ko/login").await;
    let wrong = browser.post("/ko/login", &[("email", "kim@kaist.ac.kr"), ("password", "not the password")]).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("이메일 주소 또는 비밀번호가 올바르지 않습니다"));
    assert!(wrong.body.contains("value=\"kim@kaist.ac.kr\""));
    let right = browser
        .post("/ko/login", &[("email", "KIM@kaist.ac.kr"), ("password", PASSWORD), ("next", "/ko/openings")])
        .await;
    assert_eq!((right.status, right.location()), (StatusCode::SEE_OTHER, "/ko/openings"));
    let offsite = browser
        .post("/ko/login", &[("email", "kim@kaist.ac.kr"), ("password", PASSWORD), ("next", "//evil.example")])
        .await;
    assert_eq!(offsite.location(), "/ko/account", "no redirect off the site");

    // Settings: name and preferred language; the site follows the new language.
    let saved = browser.post("/ko/account", &[("display_name", "김민지"), ("preferred_lang", "en")]).await;
    assert_eq!(saved.location(), "/en/account?saved=1");
    let page = browser.get("/en/account?saved=1").await;
    assert!(page.body.contains("김민지") && page.body.contains("Your settings have been saved."));
}

#[tokio::test]
async fn forms_without_the_token_or_from_elsewhere_are_refused() {
    let site = site().await;
    let mut browser = Browser::new(&site);
    browser.get("/en/signup").await;
    let fields = [("display_name", "Lee"), ("email", "lee@kriss.re.kr"), ("password", PASSWORD)];
    let forged = browser.post_with_token("/en/signup", &fields, "").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.body.contains("Please send it again"));
    assert!(forged.body.contains("value=\"lee@kriss.re.kr\""), "what was typed is kept");

    let csrf = browser.cookies.get("passerelle_csrf").cloned().unwrap_or_default();
    let body = serde_urlencoded::to_string([
        ("csrf", csrf.as_str()),
        ("display_name", "Lee"),
        ("email", "lee@kriss.re.kr"),
        ("password", PASSWORD),
    ])
    .expect("form");
    let elsewhere = Request::post("/en/signup")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example");
    assert_eq!(browser.send(elsewhere, body).await.status, StatusCode::FORBIDDEN);
    assert!(site.db.account_by_email("lee@kriss.re.kr").await.expect("read").is_none());
}

#[tokio::test]
async fn guessing_passwords_is_slowed_down() {
    let site = site().await;
    let mut browser = Browser::new(&site);
    browser.get("/en/login").await;
    let mut statuses = Vec::new();
    for _ in 0..11 {
        statuses.push(
            browser
                .post("/en/login", &[("email", "target@mila.quebec"), ("password", "guess guess guess")])
                .await
                .status,
        );
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    let limited = browser.post("/en/login", &[("email", "target@mila.quebec"), ("password", "guess")]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.body.contains("Too many attempts"));
}

/// Guessing from one place does not lock the owner out: the guesser is slowed down, the owner
/// signs in from elsewhere; and guesses spread over many places only stop those places.
#[tokio::test]
async fn nobody_can_lock_someone_else_out() {
    let site = site().await;
    crate::common::create_account(&site, "owner@mila.quebec", model::account::Role::Researcher, true).await;
    let guess = [("email", "owner@mila.quebec"), ("password", "guess guess guess")];
    let mut guesser = Browser::at(&site, "198.51.100.7");
    guesser.get("/en/login").await;
    for _ in 0..10 {
        assert_eq!(guesser.post("/en/login", &guess).await.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(guesser.post("/en/login", &guess).await.status, StatusCode::TOO_MANY_REQUESTS);
    let right = [("email", "owner@mila.quebec"), ("password", PASSWORD)];
    assert_eq!(guesser.post("/en/login", &right).await.status, StatusCode::TOO_MANY_REQUESTS, "even when right");

    let mut owner = Browser::at(&site, "203.0.113.5");
    let signed_in = owner.log_in("owner@mila.quebec", PASSWORD).await;
    assert_eq!(signed_in.location(), "/en/account", "the owner is not locked out");

    // Many guessers, a few guesses each: past the account's limit, a place that guessed wrong
    // is stopped, a place that has not (the owner at home) still gets in.
    for n in 0..45 {
        let mut another = Browser::at(&site, &format!("192.0.2.{}", n + 1));
        another.get("/en/login").await;
        assert_eq!(another.post("/en/login", &guess).await.status, StatusCode::UNAUTHORIZED);
        if n == 44 {
            assert_eq!(another.post("/en/login", &guess).await.status, StatusCode::TOO_MANY_REQUESTS);
        }
    }
    let mut home = Browser::at(&site, "203.0.113.99");
    assert_eq!(home.log_in("owner@mila.quebec", PASSWORD).await.location(), "/en/account");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_e_mail() {
    let site = site().await;
    let mut browser = Browser::new(&site);
    browser.get("/fr/signup").await;
    let fields =
        [("display_name", "Léa"), ("email", "lea@usherbrooke.ca"), ("password", PASSWORD), ("preferred_lang", "fr")];
    browser.post("/fr/signup", &fields).await;
    browser.post("/fr/logout", &[]).await;

    // Known and unknown addresses get the same answer.
    browser.get("/en/forgot").await;
    let unknown = browser.post("/en/forgot", &[("email", "nobody@usherbrooke.ca")]).await;
    let known = browser.post("/en/forgot", &[("email", "lea@usherbrooke.ca")]).await;
    assert_eq!((unknown.status, unknown.location()), (known.status, known.location()));
    assert_eq!(known.location(), "/en/login?reset=sent");
    let (link, lang, subject) = site.mailed_link("lea@usherbrooke.ca").await;
    assert_eq!((lang, subject.as_str()), (model::Lang::Fr, "Choisissez un nouveau mot de passe Passerelle"));
    assert!(link.starts_with("/fr/reset?token="));

    // A rejected new password keeps the link usable.
    let page = browser.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    let short = browser.post(&link, &[("password", "short")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.body.contains("au moins 10 caractères"));
    let done = browser.post(&link, &[("password", "another long passphrase")]).await;
    assert_eq!(done.location(), "/fr/login?reset=done");
    assert_eq!(browser.post(&link, &[("password", "a third long passphrase")]).await.status, StatusCode::BAD_REQUEST);

    let old = browser.post("/fr/login", &[("email", "lea@usherbrooke.ca"), ("password", PASSWORD)]).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new =
        browser.post("/fr/login", &[("email", "lea@usherbrooke.ca"), ("password", "another long passphrase")]).await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_first_admin_is_made_from_the_command_line() {
    let site = site().await;
    let passerelle = env!("CARGO_BIN_EXE_passerelle");
    let run = |password: &str| {
        std::process::Command::new(passerelle)
            .args(["admin", "create", "Admin@Passerelle.example", "--name", "Ops", "--lang", "fr"])
            .env("PASSERELLE_DATA_DIR", &site.config.data_dir)
            .env("PASSERELLE_ADMIN_PASSWORD", password)
            .env_remove("DATABASE_URL")
            .output()
            .expect("passerelle runs")
    };
    let weak = run("short");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));
    let made = run(PASSWORD);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let admin = site.db.account_by_email("admin@passerelle.example").await.expect("read").expect("created");
    assert_eq!(
        (admin.role, admin.email_confirmed, admin.lang),
        (model::account::Role::PlatformAdmin, true, model::Lang::Fr)
    );

    let mut browser = Browser::new(&site);
    browser.get("/fr/login").await;
    let signed_in = browser.post("/fr/login", &[("email", "admin@passerelle.example"), ("password", PASSWORD)]).await;
    assert_eq!(signed_in.location(), "/fr/account");
}

#[tokio::test]
async fn a_signed_in_password_change_needs_the_current_one_and_signs_out_other_devices() {
    let site = site().await;
    let mut laptop = Browser::new(&site);
    laptop.sign_up("Noah", "noah@mila.quebec", "en").await;
    let mut phone = Browser::new(&site);
    phone.log_in("noah@mila.quebec", PASSWORD).await;
    assert_eq!(phone.get("/en/account").await.status, StatusCode::OK);

    let wrong = laptop
        .post("/en/account/password", &[("current_password", "nope nope nope"), ("password", "a brand new passphrase")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("This is not your current password."));
    let short = laptop.post("/en/account/password", &[("current_password", PASSWORD), ("password", "short")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let changed = laptop
        .post("/en/account/password", &[("current_password", PASSWORD), ("password", "a brand new passphrase")])
        .await;
    assert_eq!(changed.location(), "/en/account?password=changed");
    assert!(laptop.get("/en/account?password=changed").await.body.contains("Your password has been changed."));
    assert_eq!(phone.get("/en/account").await.status, StatusCode::SEE_OTHER, "the other device is signed out");
    assert_eq!(phone.log_in("noah@mila.quebec", "a brand new passphrase").await.status, StatusCode::SEE_OTHER);
}
