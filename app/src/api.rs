//! Server functions: what pages load. Each is a thin call into the `catalog` crate, which the
//! server provides as context; errors are logged here and reach the browser only as "internal".

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use model::Lang;
use model::dto::{OpeningDetail, OpeningPage, SearchParams};

#[cfg(feature = "ssr")]
fn catalog() -> Result<catalog::Catalog, ServerFnError> {
    use_context::<catalog::Catalog>().ok_or_else(|| ServerFnError::new("internal error"))
}

#[cfg(feature = "ssr")]
fn internal(err: catalog::CatalogError) -> ServerFnError {
    tracing::error!(error = %err, "catalog request failed");
    ServerFnError::new("internal error")
}

/// A page of openings for a search (an empty query lists open openings by deadline).
#[server(input = Json)]
pub async fn search_openings(lang: Lang, params: SearchParams) -> Result<OpeningPage, ServerFnError> {
    /// The institution filter lists this many, those with the most matches first.
    const INSTITUTION_CHOICES: usize = 60;
    let catalog = catalog()?;
    let mut page = catalog.search(lang, &params, catalog::today()).await.map_err(internal)?.page;
    let selected = params.institution.as_deref();
    catalog.name_institutions(&mut page, selected, INSTITUTION_CHOICES, lang).await.map_err(internal)?;
    Ok(page)
}

/// Completions of what the searcher has typed so far, best first.
#[server(input = Json)]
pub async fn suggest_searches(lang: Lang, typed: String) -> Result<Vec<String>, ServerFnError> {
    let catalog = catalog()?;
    let typed: String = typed.chars().take(SearchParams::MAX_QUERY_CHARS).collect();
    catalog.suggest(typed, lang).await.map_err(internal)
}

/// The newest open openings; `total` counts every open opening.
#[server(input = Json)]
pub async fn recent_openings(lang: Lang, count: u32) -> Result<OpeningPage, ServerFnError> {
    let catalog = catalog()?;
    let outcome = catalog.recent(lang, count.clamp(1, 24), catalog::today()).await.map_err(internal)?;
    Ok(outcome.page)
}

/// One published opening, or `None`.
#[server(input = Json)]
pub async fn get_opening(id: i64) -> Result<Option<OpeningDetail>, ServerFnError> {
    let catalog = catalog()?;
    catalog.opening(id, catalog::today()).await.map_err(internal)
}

/// Who is signed in, this browser's CSRF token, and a rejected form's echo: what the server's
/// session layer put in the request (see `server/src/auth/session.rs`).
#[server(input = Json)]
pub async fn page_state() -> Result<model::account::PageState, ServerFnError> {
    let parts = use_context::<http::request::Parts>();
    Ok(parts.and_then(|parts| parts.extensions.get::<model::account::PageState>().cloned()).unwrap_or_default())
}

/// The signed-in viewer of this request, if any.
#[cfg(feature = "ssr")]
fn viewer() -> Option<model::account::Viewer> {
    let parts = use_context::<http::request::Parts>()?;
    parts.extensions.get::<model::account::PageState>()?.viewer.clone()
}

/// The refusal of a server function the viewer may not call: 403, not a server error.
#[cfg(feature = "ssr")]
fn forbidden() -> ServerFnError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    ServerFnError::new("forbidden")
}

/// The admin area's server functions answer platform admins only.
#[cfg(feature = "ssr")]
fn platform_admin() -> Result<model::account::Viewer, ServerFnError> {
    viewer().filter(model::account::Viewer::is_platform_admin).ok_or_else(forbidden)
}

/// Institutions the viewer may join: those on their address's domain, not joined yet.
#[server(input = Json)]
pub async fn joinable_institutions() -> Result<Vec<model::account::InstitutionRef>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(Vec::new()) };
    let domains = model::account::email_domains(&viewer.email);
    let found = catalog()?.db().institutions_of_domains(&domains).await.map_err(|err| internal(err.into()))?;
    let joined = |slug: &str| viewer.memberships.iter().any(|m| m.institution.slug == slug);
    Ok(found.into_iter().filter(|institution| !joined(&institution.slug)).collect())
}

/// Every institution, for the admin area.
#[server(input = Json)]
pub async fn admin_institutions() -> Result<Vec<model::account::InstitutionOverview>, ServerFnError> {
    platform_admin()?;
    catalog()?.db().institutions_overview().await.map_err(|err| internal(err.into()))
}

/// The newest lines of the audit log, optionally of one action and by one actor's address.
#[server(input = Json)]
pub async fn admin_audit(
    action: Option<String>,
    actor: Option<String>,
) -> Result<Vec<model::account::AuditEntry>, ServerFnError> {
    /// Lines shown at once.
    const AUDIT_PAGE: u64 = 200;
    platform_admin()?;
    let action = action.as_deref().and_then(model::account::AuditAction::from_code);
    let actor = actor.as_deref().and_then(model::account::normalize_email);
    catalog()?.db().audit_log(action, actor.as_deref(), AUDIT_PAGE).await.map_err(|err| internal(err.into()))
}

/// Reports nobody has resolved yet, for the admin area.
#[server(input = Json)]
pub async fn admin_reports() -> Result<Vec<model::account::ReportView>, ServerFnError> {
    /// Reports shown at once.
    const REPORTS_PAGE: u64 = 200;
    platform_admin()?;
    catalog()?.db().open_reports(REPORTS_PAGE).await.map_err(|err| internal(err.into()))
}

/// Accounts whose address contains `query`, for the admin area (nothing for an empty query).
#[server(input = Json)]
pub async fn admin_accounts(query: String) -> Result<Vec<model::account::AccountSummary>, ServerFnError> {
    /// Accounts shown at once.
    const ACCOUNTS_PAGE: u64 = 50;
    platform_admin()?;
    if query.trim().is_empty() {
        return Ok(Vec::new());
    }
    catalog()?.db().find_accounts(&query, ACCOUNTS_PAGE).await.map_err(|err| internal(err.into()))
}

/// "Your openings": the postings the viewer may edit and the decisions on their own; the
/// decisions count as seen from now on.
#[server(input = Json)]
pub async fn my_postings() -> Result<model::posting::PostingDashboard, ServerFnError> {
    let Some(viewer) = viewer() else { return Err(forbidden()) };
    catalog()?.dashboard(&viewer).await.map_err(internal)
}

/// A posting as the member who wrote it, their institution's admins and the platform's admins
/// see it; `None` for anyone else (as if it did not exist).
#[server(input = Json)]
pub async fn posting_view(id: i64) -> Result<Option<model::posting::PostingView>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.posting_view(&viewer, id, catalog::today()).await.map_err(internal)
}

/// What waits for a moderator, oldest first.
#[server(input = Json)]
pub async fn review_queue() -> Result<Vec<model::posting::ReviewItem>, ServerFnError> {
    /// Postings shown at once.
    const QUEUE_PAGE: u64 = 100;
    platform_admin()?;
    catalog()?.db().review_queue(QUEUE_PAGE).await.map_err(|err| internal(err.into()))
}

/// An institution's members, for its admins and platform admins; `None` for anyone else.
#[server(input = Json)]
pub async fn institution_members(slug: String) -> Result<Option<model::account::InstitutionMembers>, ServerFnError> {
    if !viewer().is_some_and(|viewer| viewer.runs_institution(&slug)) {
        return Ok(None);
    }
    catalog()?.db().institution_members(&slug).await.map_err(|err| internal(err.into()))
}
