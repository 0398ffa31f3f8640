//! The router: every page lives under `/{lang}/`. The layout reads the language from the URL,
//! sets `<html lang>`, the `hreflang` alternates and the canonical link, and draws the header.

use leptos::prelude::*;
use leptos_meta::{Html, Link, provide_meta_context};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};
use model::Lang;

use crate::components::form::{FormAlert, provide_page_state};
use crate::components::layout::{Footer, Header};
use crate::i18n::{Locale, tr};
use crate::pages::{
    AccountPage, AdminAccountsPage, AdminAuditPage, AdminInstitutionsPage, AdminPage, AdminReportsPage,
    AdminReviewPage, AlertsPage, ApplicationsPage, CandidatesPage, EditPostingPage, ForgotPage, HomePage,
    InstitutionMembersPage, InstitutionPage, LoginPage, NewPostingPage, NewRoundPage, NotFoundPage, OpeningPage,
    OpeningsPage, PostingApplicationsPage, PostingPage, PostingsPage, ProfilePage, ResetPage, RoundPage, RoundsPage,
    SavedPage, SignupPage, UnsubscribePage,
};
use crate::url::same_page_in;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <ParentRoute path=ParamSegment("lang") view=LangLayout ssr=SsrMode::Async>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("openings") view=OpeningsPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("openings"), ParamSegment("id"))
                        view=OpeningPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("rounds") view=RoundsPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("rounds"), StaticSegment("new")) view=NewRoundPage ssr=SsrMode::Async />
                    <Route path=(StaticSegment("rounds"), ParamSegment("id")) view=RoundPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("signup") view=SignupPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("forgot") view=ForgotPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("reset") view=ResetPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("profile") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("applications") view=ApplicationsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("saved") view=SavedPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("alerts") view=AlertsPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("alerts"), StaticSegment("unsubscribe"), ParamSegment("key"))
                        view=UnsubscribePage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("postings") view=PostingsPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("postings"), StaticSegment("new"))
                        view=NewPostingPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("postings"), ParamSegment("id"))
                        view=PostingPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("postings"), ParamSegment("id"), StaticSegment("applications"))
                        view=PostingApplicationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("postings"), ParamSegment("id"), StaticSegment("candidates"))
                        view=CandidatesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("postings"), ParamSegment("id"), StaticSegment("edit"))
                        view=EditPostingPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("institutions"), ParamSegment("slug"))
                        view=InstitutionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("institutions"), ParamSegment("slug"), StaticSegment("members"))
                        view=InstitutionMembersPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("admin") view=AdminPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("review"))
                        view=AdminReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("institutions"))
                        view=AdminInstitutionsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("reports"))
                        view=AdminReportsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("accounts"))
                        view=AdminAccountsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("audit"))
                        view=AdminAuditPage
                        ssr=SsrMode::Async
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The public origin used in canonical and alternate links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl(pub String);

/// The site's origin: the configured public URL.
pub(crate) fn site_url() -> String {
    use_context::<SiteUrl>().map(|SiteUrl(url)| url).unwrap_or_default()
}

/// Everything under `/{lang}/`. An unknown language prefix is a 404 in the negotiated language.
#[component]
fn LangLayout() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| params.read().get("lang").and_then(|code| Lang::from_code(&code)));
    // The subtree is rebuilt when the language changes (back and forward between languages).
    move || match lang.get() {
        Some(lang) => {
            provide_context(Locale(lang));
            view! { <LangChrome lang /> }.into_any()
        }
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn LangChrome(lang: Lang) -> impl IntoView {
    provide_page_state();
    let location = use_location();
    let origin = site_url();
    // Re-rendered on client-side navigation so that the head always describes the current URL.
    let head_links = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let alternates = Lang::ALL
            .into_iter()
            .map(|other| {
                let href = format!("{origin}{}", same_page_in(other, &path, &search));
                view! { <Link rel="alternate" hreflang=other.code() href=href /> }
            })
            .collect_view();
        view! {
            <Link rel="canonical" href=format!("{origin}{path}") />
            {alternates}
        }
    };
    view! {
        <Html {..} lang=lang.code() />
        {head_links}
        // rel="external": the browser, not the router, follows it, so focus moves to <main>.
        <a class="skip-link" href="#main" rel="external">
            {tr("skip-to-content")}
        </a>
        <Header />
        <main id="main" tabindex="-1">
            <FormAlert />
            <Outlet />
        </main>
        <Footer />
    }
}
