//! Candidates for an opening: a member of its institution invites one to apply. The page is
//! the app's; who may see and invite, the e-mail and the audit entry are the use case's
//! (`catalog::candidates`).

use axum::extract::{Path, State};
use axum::response::Response;

use crate::ServerError;
use crate::form::{Posted, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route};

pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route(route::INVITE, axum::routing::post(invite))
}

#[derive(serde::Deserialize, Default)]
struct InviteFields {}
form_spec!(InviteFields, "invite-{account}", shown_on "postings/{id}/candidates");

async fn invite(
    State(state): State<AppState>,
    Path((_, id, account)): Path<(String, i64, i64)>,
    Posted { form, .. }: Posted<InviteFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    state.catalog.invite_candidate(&viewer, id, account).await?;
    Ok(see_other(&format!("{}?invited=1#candidate-{account}", path(route::CANDIDATES, form.lang, &[&id]))))
}
