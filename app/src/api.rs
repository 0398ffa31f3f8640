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
    catalog.search_page(lang, &params, catalog::today(), INSTITUTION_CHOICES).await.map_err(internal)
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

/// The public page of the institution `slug`, with page `page` of its open openings; `None` for
/// an unknown institution.
#[server(input = Json)]
pub async fn institution_page(
    lang: Lang,
    slug: String,
    page: u32,
) -> Result<Option<model::dto::InstitutionPage>, ServerFnError> {
    let catalog = catalog()?;
    catalog.institution_page(lang, &slug, page, catalog::today()).await.map_err(internal)
}

/// Other open openings of the institution that published opening `id` (four at most).
#[server(input = Json)]
pub async fn more_from_institution(lang: Lang, id: i64) -> Result<Vec<model::dto::OpeningSummary>, ServerFnError> {
    let catalog = catalog()?;
    catalog.more_from_institution(lang, id, 4, catalog::today()).await.map_err(internal)
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

/// The admin area's answer to what its use cases refuse: 403 for a viewer who may not.
#[cfg(feature = "ssr")]
fn refused(err: catalog::CatalogError) -> ServerFnError {
    match err {
        catalog::CatalogError::Forbidden => forbidden(),
        err => internal(err),
    }
}

/// The signed-in viewer, or the refusal.
#[cfg(feature = "ssr")]
fn signed_in() -> Result<model::account::Viewer, ServerFnError> {
    viewer().ok_or_else(forbidden)
}

/// Institutions the viewer may join: those on their address's domain, not joined yet.
#[server(input = Json)]
pub async fn joinable_institutions() -> Result<Vec<model::account::InstitutionRef>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(Vec::new()) };
    catalog()?.joinable_institutions(&viewer).await.map_err(internal)
}

/// Every institution, for the admin area.
#[server(input = Json)]
pub async fn admin_institutions() -> Result<Vec<model::account::InstitutionOverview>, ServerFnError> {
    catalog()?.institutions_overview(&signed_in()?).await.map_err(refused)
}

/// The newest lines of the audit log, optionally of one action and by one actor's address.
#[server(input = Json)]
pub async fn admin_audit(
    action: Option<String>,
    actor: Option<String>,
) -> Result<Vec<model::account::AuditEntry>, ServerFnError> {
    let action = action.as_deref().and_then(model::account::AuditAction::from_code);
    let actor = actor.as_deref().and_then(model::account::normalize_email);
    catalog()?.audit_log(&signed_in()?, action, actor.as_deref()).await.map_err(refused)
}

/// What waits for platform admins, as counts, for the admin area's home.
#[server(input = Json)]
pub async fn admin_waiting_counts() -> Result<model::account::WaitingCounts, ServerFnError> {
    catalog()?.waiting_counts(&signed_in()?).await.map_err(refused)
}

/// Applications on the platform, as counts, for the admin area.
#[server(input = Json)]
pub async fn admin_application_counts() -> Result<model::application::ApplicationCounts, ServerFnError> {
    catalog()?.application_counts(&signed_in()?).await.map_err(refused)
}

/// Reports nobody has resolved yet, for the admin area.
#[server(input = Json)]
pub async fn admin_reports() -> Result<Vec<model::account::ReportView>, ServerFnError> {
    catalog()?.open_reports(&signed_in()?).await.map_err(refused)
}

/// Accounts whose address contains `query`, for the admin area (nothing for an empty query).
#[server(input = Json)]
pub async fn admin_accounts(query: String) -> Result<Vec<model::account::AccountSummary>, ServerFnError> {
    catalog()?.find_accounts(&signed_in()?, &query).await.map_err(refused)
}

/// "Your openings": the postings the viewer may edit and the decisions on their own; the
/// decisions count as seen from now on.
#[server(input = Json)]
pub async fn my_postings() -> Result<model::posting::PostingDashboard, ServerFnError> {
    catalog()?.dashboard(&signed_in()?).await.map_err(internal)
}

/// The viewer's unfinished posting `id` as typed, to take it up again; `None` for anyone
/// else's and once it is finished or discarded.
#[server(input = Json)]
pub async fn unfinished_posting(id: i64) -> Result<Option<Vec<(String, String)>>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.unfinished_posting(&viewer, id).await.map_err(internal)
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
    catalog()?.review_queue(&signed_in()?).await.map_err(refused)
}

/// The viewer's profile and CV; `None` before they save one.
#[server(input = Json)]
pub async fn my_profile() -> Result<Option<model::profile::StoredProfile>, ServerFnError> {
    catalog()?.my_profile(&signed_in()?).await.map_err(internal)
}

/// "Openings for you": the openings that suit the viewer's profile, best first, with their
/// reasons in `lang`; `None` when signed out or before they save a profile.
#[server(input = Json)]
pub async fn openings_for_me(lang: Lang, count: u32) -> Result<Option<Vec<model::dto::Recommended>>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    let count = usize::try_from(count).unwrap_or(0).clamp(1, catalog::DEFAULT_RECOMMENDATIONS);
    catalog()?.openings_for_me(&viewer, lang, count, catalog::today()).await.map_err(internal)
}

/// The applications the viewer sent, newest first.
#[server(input = Json)]
pub async fn my_applications() -> Result<Vec<model::application::SentApplication>, ServerFnError> {
    catalog()?.sent_applications(&signed_in()?).await.map_err(internal)
}

/// The viewer's saved openings, the latest saved first, in `lang`.
#[server(input = Json)]
pub async fn saved_openings(lang: Lang) -> Result<Vec<model::dto::OpeningSummary>, ServerFnError> {
    catalog()?.saved_openings(&signed_in()?, lang, catalog::today()).await.map_err(internal)
}

/// Whether the viewer saved opening `id` (`None` when signed out).
#[server(input = Json)]
pub async fn opening_kept(id: i64) -> Result<Option<bool>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.is_kept(&viewer, id).await.map(Some).map_err(internal)
}

/// Where the viewer's application to opening `id` stands, if they sent one (`None` when
/// signed out).
#[server(input = Json)]
pub async fn my_application_to(id: i64) -> Result<Option<model::application::ApplicationStatus>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.application_status(&viewer, id).await.map_err(internal)
}

/// A page of the applications to opening `id` that `filter` keeps, for the members of its
/// institution; `None` for anyone else.
#[server(input = Json)]
pub async fn opening_applications(
    id: i64,
    filter: model::application::ApplicationFilter,
) -> Result<Option<model::application::OpeningApplications>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    // A page at a time: the CSV has them all.
    let filter = model::application::ApplicationFilter { page: filter.page.max(1), ..filter };
    match catalog()?.received_applications(&viewer, id, &filter).await {
        Ok(applications) => Ok(Some(applications)),
        Err(catalog::CatalogError::NotFound) => Ok(None),
        Err(err) => Err(internal(err)),
    }
}

/// An institution's members, for its admins and platform admins; `None` for anyone else.
#[server(input = Json)]
pub async fn institution_members(slug: String) -> Result<Option<model::account::InstitutionMembers>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.institution_members(&viewer, &slug).await.map_err(internal)
}

/// The viewer's alerts (saved searches and their profile alert), oldest first.
#[server(input = Json)]
pub async fn my_alerts() -> Result<Vec<model::alert::AlertView>, ServerFnError> {
    catalog()?.my_alerts(&signed_in()?).await.map_err(internal)
}

/// The alert a digest's unsubscribe link names (the key is all it takes); `None` once it is
/// gone.
#[server(input = Json)]
pub async fn alert_to_unsubscribe(key: String) -> Result<Option<model::alert::AlertView>, ServerFnError> {
    catalog()?.alert_to_unsubscribe(&key).await.map_err(internal)
}

/// The candidates for opening `id`, with their reasons in `lang`, for the members of its
/// institution; `None` for anyone else.
#[server(input = Json)]
pub async fn opening_candidates(
    id: i64,
    lang: Lang,
) -> Result<Option<model::candidate::OpeningCandidates>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    match catalog()?.candidates_for(&viewer, id, lang, catalog::CANDIDATES_SHOWN).await {
        Ok(candidates) => Ok(Some(candidates)),
        Err(catalog::CatalogError::NotFound) => Ok(None),
        Err(err) => Err(internal(err)),
    }
}

/// The rounds that concern the viewer; `None` when signed out.
#[server(input = Json)]
pub async fn my_rounds(lang: Lang) -> Result<Option<Vec<model::round::RoundSummary>>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    catalog()?.rounds_for(&viewer, lang).await.map(Some).map_err(internal)
}

/// Round `id` as the viewer sees it; `None` when they have no part in it.
#[server(input = Json)]
pub async fn round_details(id: i64, lang: Lang) -> Result<Option<model::round::RoundView>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    match catalog()?.round_view(&viewer, id, lang).await {
        Ok(round) => Ok(Some(round)),
        Err(catalog::CatalogError::NotFound) => Ok(None),
        Err(err) => Err(internal(err)),
    }
}

/// The openings the viewer may put in a new round (`scramble_of`: the second round of a
/// published one, with the places it left); `None` when they coordinate no rounds.
#[server(input = Json)]
pub async fn round_form_openings(
    lang: Lang,
    scramble_of: Option<i64>,
) -> Result<Option<Vec<model::round::RoundOpening>>, ServerFnError> {
    let Some(viewer) = viewer() else { return Ok(None) };
    match catalog()?.round_form_openings(&viewer, lang, scramble_of).await {
        Ok(openings) => Ok(Some(openings)),
        Err(catalog::CatalogError::Forbidden | catalog::CatalogError::NotFound | catalog::CatalogError::Stale) => {
            Ok(None)
        }
        Err(err) => Err(internal(err)),
    }
}
