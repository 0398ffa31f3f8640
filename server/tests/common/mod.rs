//! What the HTTP tests share: a site on a fresh data directory (the real router, a real SQLite
//! file and index), replies, and a browser that keeps cookies and sends forms with their CSRF
//! token.

#![allow(dead_code)] // Each test file uses part of this.

use std::collections::BTreeMap;

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use server::config::Config;
use tower::ServiceExt;

pub const PUBLIC_URL: &str = "https://passerelle.example";

pub struct Site {
    pub router: Router,
    pub db: db::Db,
    pub catalog: catalog::Catalog,
    pub config: Config,
    _dir: tempfile::TempDir,
}

/// A site with no openings.
pub async fn empty_site() -> Site {
    site(false).await
}

/// A site with the demo openings.
pub async fn demo_site() -> Site {
    site(true).await
}

async fn site(with_demo: bool) -> Site {
    let dir = tempfile::tempdir().expect("temp dir");
    let addr = "127.0.0.1:3000".parse().expect("addr");
    let config = Config::new(dir.path().to_path_buf(), None, addr, None, Some(PUBLIC_URL.into()));
    let catalog = config.open_catalog().await.expect("catalog");
    if with_demo {
        server::demo::seed(&catalog, catalog::today()).await.expect("demo");
    }
    let auth = config.auth(&catalog);
    // The tests look into the database beside the site, as an operator would.
    let db = db::Db::connect(&config.database_url).await.expect("database");
    let router = server::router::router(&config, catalog.clone(), auth);
    Site { router, db, catalog, config, _dir: dir }
}

#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    /// The body, without Leptos' hydration markers.
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }
}

/// The `passerelle` binary, run on `data_dir`'s SQLite database.
pub fn passerelle_command(data_dir: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_passerelle"));
    command.env("PASSERELLE_DATA_DIR", data_dir).env_remove("DATABASE_URL").env("PASSERELLE_LOG", "warn");
    command
}

impl Site {
    /// The ids in the site's search index, sorted.
    pub fn indexed_ids(&self) -> Vec<i64> {
        self.catalog.indexed_ids().expect("index ids")
    }

    /// A GET with no cookies.
    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        // Leptos' hydration markers (empty comments) sit between text and tags; the tests read
        // the page as a reader does, without them.
        let body = String::from_utf8_lossy(&bytes).replace("<!---->", "");
        Reply { status, headers, body }
    }

    pub async fn json(&self, uri: &str) -> (StatusCode, serde_json::Value) {
        let reply = self.get(uri, &[]).await;
        (reply.status, reply.json())
    }

    /// The link in the newest e-mail to `address` (as a path), the e-mail's language and subject.
    pub async fn mailed_link(&self, address: &str) -> (String, model::Lang, String) {
        let mails = self.db.outbox(Some(address), 1).await.expect("outbox");
        let mail = &mails.first().expect("an e-mail was queued").mail;
        let link = mail.body.split_whitespace().find(|w| w.starts_with(PUBLIC_URL)).expect("a link");
        (link.trim_start_matches(PUBLIC_URL).to_string(), mail.lang, mail.subject.clone())
    }
}

/// A browser: keeps cookies, and sends forms with the CSRF token of its cookie.
pub struct Browser<'s> {
    site: &'s Site,
    pub cookies: BTreeMap<String, String>,
    /// The address the requests come from, as the server's listener would tell it.
    client: Option<std::net::SocketAddr>,
}

impl<'s> Browser<'s> {
    pub fn new(site: &'s Site) -> Browser<'s> {
        Browser { site, cookies: BTreeMap::new(), client: None }
    }

    /// A browser on another machine, at `address`.
    pub fn at(site: &'s Site, address: &str) -> Browser<'s> {
        let client = Some(std::net::SocketAddr::new(address.parse().expect("IP address"), 50_000));
        Browser { site, cookies: BTreeMap::new(), client }
    }

    pub async fn send(&mut self, request: http::request::Builder, body: String) -> Reply {
        self.send_bytes(request, body.into_bytes()).await
    }

    pub async fn send_bytes(&mut self, request: http::request::Builder, body: Vec<u8>) -> Reply {
        let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let mut request = request.header(header::HOST, "passerelle.example").header(header::COOKIE, cookie);
        if let Some(client) = self.client {
            request = request.extension(axum::extract::ConnectInfo(client));
        }
        let reply = self.site.send(request.body(Body::from(body)).expect("request")).await;
        for set in reply.headers.get_all(header::SET_COOKIE) {
            let text = set.to_str().expect("cookie");
            assert!(text.contains("HttpOnly") && text.contains("SameSite=Lax") && text.contains("Secure"), "{text}");
            let (pair, _) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').expect("name=value");
            if value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        reply
    }

    pub async fn get(&mut self, uri: &str) -> Reply {
        self.send(Request::get(uri), String::new()).await
    }

    /// Posts a form as the page would, with the CSRF token of the browser's cookie.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = self.cookies.get("passerelle_csrf").cloned().unwrap_or_default();
        self.post_with_token(uri, fields, &csrf).await
    }

    pub async fn post_with_token(&mut self, uri: &str, fields: &[(&str, &str)], csrf: &str) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf)];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("form");
        let request = Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(request, body).await
    }

    /// Posts a form with a file (`multipart/form-data`) as the page would, with the CSRF token
    /// of the browser's cookie.
    pub async fn upload(&mut self, uri: &str, field: &str, file_name: &str, content: &[u8]) -> Reply {
        const BOUNDARY: &str = "passerelle-test-boundary-7d1f";
        let csrf = self.cookies.get("passerelle_csrf").cloned().unwrap_or_default();
        let mut body = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{BOUNDARY}\r\n\
             Content-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
        let request = Request::post(uri).header(header::CONTENT_TYPE, content_type);
        // Bytes that are not UTF-8 stay as they are.
        self.send_bytes(request, body).await
    }

    /// Signs up (and stays signed in) with a new account.
    pub async fn sign_up(&mut self, name: &str, email: &str, lang: &str) -> Reply {
        self.get(&format!("/{lang}/signup")).await;
        let fields = [("display_name", name), ("email", email), ("password", PASSWORD), ("preferred_lang", lang)];
        self.post(&format!("/{lang}/signup"), &fields).await
    }

    pub async fn log_in(&mut self, email: &str, password: &str) -> Reply {
        self.get("/en/login").await;
        self.post("/en/login", &[("email", email), ("password", password)]).await
    }
}

pub const PASSWORD: &str = "a long enough passphrase";

/// Creates an account straight in the database (password [`PASSWORD`]); returns its id.
pub async fn create_account(site: &Site, email: &str, role: model::account::Role, confirmed: bool) -> i64 {
    let hash = server::auth::password::hash_password(PASSWORD).expect("hash");
    let new = db::NewAccount {
        email,
        password_hash: &hash,
        display_name: "Someone",
        lang: model::Lang::En,
        role,
        email_confirmed: confirmed,
    };
    site.db.create_account(new, chrono::Utc::now().fixed_offset()).await.expect("account").id
}

/// A platform admin, signed in in a browser of their own.
pub async fn admin_browser<'s>(site: &'s Site, email: &str) -> Browser<'s> {
    create_account(site, email, model::account::Role::PlatformAdmin, true).await;
    let mut browser = Browser::new(site);
    browser.log_in(email, PASSWORD).await;
    browser
}

/// A confirmed member (or admin) of the institution `slug` who reads the site in `lang`, signed
/// in in a browser of their own; returns the browser and the account's id.
pub async fn member_browser<'s>(
    site: &'s Site,
    email: &str,
    slug: &str,
    role: model::account::InstitutionRole,
    lang: model::Lang,
) -> (Browser<'s>, i64) {
    let id = create_account(site, email, model::account::Role::Researcher, true).await;
    site.db.set_account_lang(id, lang).await.expect("language");
    let now = chrono::Utc::now().fixed_offset();
    site.db.join_institution(id, slug, role, now).await.expect("join").expect("the institution exists");
    let mut browser = Browser::new(site);
    browser.log_in(email, PASSWORD).await;
    (browser, id)
}

/// The posting form filled in for an opening in Korean and English (Korean first), with its
/// deadline a year ahead.
pub fn posting_fields(title_ko: &str, title_en: &str) -> Vec<(String, String)> {
    let deadline = (catalog::today() + chrono::Duration::days(365)).to_string();
    let pairs = [
        ("institution", "kaist"),
        ("original_language", "ko"),
        ("title_ko", title_ko),
        (
            "description_ko",
            "다이아몬드 NV 센터를 이용한 **양자 센싱** 연구에 참여할 박사과정생을 찾습니다.\n\n- 6개월 체류\n- 연구비 지원",
        ),
        ("title_en", title_en),
        (
            "description_en",
            "Join our **quantum sensing** group working with NV centres in diamond.\n\n<script>alert('x')</script>",
        ),
        ("kind", "phd_exchange"),
        ("career_stages", "R1"),
        ("career_stages", "R2"),
        ("fields", "1.3"),
        ("keywords", "quantum sensing, NV centre"),
        ("language_1", "en"),
        ("level_1", "B2"),
        ("country", "KR"),
        ("city", "Daejeon"),
        ("deadline", deadline.as_str()),
        ("duration_months", "6"),
        ("positions", "2"),
        ("stipend_amount", "2,000,000"),
        ("stipend_currency", "KRW"),
        ("stipend_period", "month"),
        ("travel_covered", "1"),
        ("apply_url", "https://kaist.ac.kr/apply"),
        ("contact_email", "quantum@kaist.ac.kr"),
    ];
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Borrowed pairs for [`Browser::post`], with `action` added.
pub fn with_action<'a>(fields: &'a [(String, String)], action: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    pairs.push(("action", action));
    pairs
}
