//! One module per page.

mod account;
pub(crate) mod admin;
mod alerts;
mod applications;
mod audit;
mod candidates;
mod home;
mod institution;
mod login;
mod members;
mod moderation;
mod not_found;
pub(crate) mod opening;
mod openings;
pub(crate) mod postings;
mod profile;
pub(crate) mod received;
mod reset;
mod review;
mod round;
mod rounds;
mod saved;
mod signup;

pub use account::AccountPage;
pub use admin::{AdminInstitutionsPage, AdminPage};
pub use alerts::{AlertsPage, UnsubscribePage};
pub use applications::ApplicationsPage;
pub use audit::AdminAuditPage;
pub use candidates::CandidatesPage;
pub use home::HomePage;
pub use institution::InstitutionPage;
pub use login::{ForgotPage, LoginPage};
pub use members::InstitutionMembersPage;
pub use moderation::{AdminAccountsPage, AdminReportsPage};
pub use not_found::{NotFound, NotFoundPage};
pub use opening::OpeningPage;
pub use openings::OpeningsPage;
pub use postings::{EditPostingPage, NewPostingPage, PostingPage, PostingsPage};
pub use profile::ProfilePage;
pub use received::PostingApplicationsPage;
pub use reset::ResetPage;
pub use review::AdminReviewPage;
pub use round::RoundPage;
pub use rounds::{NewRoundPage, RoundsPage};
pub use saved::SavedPage;
pub use signup::SignupPage;

use leptos::prelude::*;

use crate::i18n::tr;

/// Shown when a server function fails; the details are in the server's log.
#[component]
pub fn LoadError() -> impl IntoView {
    view! {
        <section class="notice notice--error" role="alert">
            <h1>{tr("error-title")}</h1>
            <p>{tr("error-text")}</p>
        </section>
    }
}
