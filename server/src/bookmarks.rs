//! Saving an opening to come back to, from its page, and taking it off the list again
//! (`catalog::bookmarks`); the list is a page (`app::pages::saved`).

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;

use crate::ServerError;
use crate::form::{Posted, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route};

pub fn routes() -> Router<AppState> {
    Router::new().route(route::KEEP_OPENING, post(keep_opening))
}

/// The opening page's Save button: `keep` is `yes`, or `no` to remove it; `back` is `saved`
/// when it comes from the list of saved openings, which it then returns to.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct KeepFields {
    keep: String,
    back: String,
}
form_spec!(KeepFields, "keep", shown_on "openings/{id}");

async fn keep_opening(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<KeepFields>,
) -> Result<Response, ServerError> {
    let keep = fields.keep != "no";
    state.catalog.keep_opening(&form.signed_in()?, id, keep).await?;
    let done = if keep { "kept" } else { "unkept" };
    let page = if fields.back == "saved" {
        path(route::SAVED, form.lang, &[])
    } else {
        path(route::OPENING, form.lang, &[&id])
    };
    Ok(see_other(&format!("{page}?{done}=1")))
}
