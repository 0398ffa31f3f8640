//! The header (site name, navigation, language switcher) and the footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use model::Lang;

use crate::components::form::{CsrfField, page_state};
use crate::components::local_time::LocalTimes;
use crate::i18n::{tr, tr_args, use_lang};
use crate::url::{encode, same_page_in};
use crate::url::{path, route};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let home = path(route::HOME, lang, &[]);
    let openings = path(route::OPENINGS, lang, &[]);
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href=home.clone()>
                    <span class="brand__name">{tr("site-name")}</span>
                    <span class="brand__tagline">{tr("site-tagline")}</span>
                </a>
                <nav aria-label=tr("nav-main") class="main-nav">
                    <a href=home>{tr("nav-home")}</a>
                    <a href=openings>{tr("nav-openings")}</a>
                </nav>
                <AccountNav />
                <LanguageSwitcher />
            </div>
        </header>
    }
}

/// Sign in and sign up, or the account and sign out.
#[component]
fn AccountNav() -> impl IntoView {
    let lang = use_lang();
    let href = move |page: &str| format!("/{}/{page}", lang.code());
    view! {
        <nav class="account-nav" aria-label=tr("nav-account")>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let state = page_state().await;
                    match state.viewer {
                        Some(viewer) => view! {
                            {(!viewer.memberships.is_empty()).then(|| {
                                let unseen = viewer.unseen_decisions;
                                view! {
                                    <a href=href("postings")>
                                        {tr("nav-postings")}
                                        {(unseen > 0).then(|| view! {
                                            " " <span class="badge badge--count">{unseen}</span>
                                            <span class="visually-hidden">{tr_args("nav-unseen-decisions", &[("count", unseen.into())])}</span>
                                        })}
                                    </a>
                                }
                            })}
                            <a href=href("applications")>{tr("nav-applications")}</a>
                            <a href=href("saved")>{tr("nav-saved")}</a>
                            <a href=href("profile")>{tr("nav-profile")}</a>
                            <a href=href("alerts")>{tr("nav-alerts")}</a>
                            <a href=href("rounds")>{tr("nav-rounds")}</a>
                            <a href=href("account")>{viewer.display_name.clone()}</a>
                            <form method="post" action=href("logout") class="account-nav__logout">
                                <CsrfField token=state.csrf.clone() />
                                <button type="submit" class="link-button">{tr("nav-logout")}</button>
                            </form>
                        }
                        .into_any(),
                        None => view! {
                            <a href=href("login")>{tr("nav-login")}</a>
                            <a href=href("signup")>{tr("nav-signup")}</a>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </nav>
    }
}

/// Links to this same page in the other languages. They go through `/set-lang/…`, which
/// remembers the choice in a cookie and redirects, so they work with or without JavaScript.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let current = use_lang();
    let location = use_location();
    let links = Lang::ALL
        .into_iter()
        .map(|lang| {
            let own_name = l10n::t(lang, "language-self");
            if lang == current {
                view! {
                    <li>
                        <span class="lang-switch__current" aria-current="true" lang=lang.code()>
                            {own_name}
                        </span>
                    </li>
                }
                .into_any()
            } else {
                let href = move || {
                    let target = same_page_in(lang, &location.pathname.get(), &location.search.get());
                    format!("/set-lang/{}?next={}", lang.code(), encode(&target))
                };
                // Announced in the page's language, shown in the target language's own name.
                let label =
                    tr_args("language-switch-to", &[("language", l10n::language_name(current, lang.code()).into())]);
                view! {
                    <li>
                        <a
                            href=href
                            hreflang=lang.code()
                            lang=lang.code()
                            rel="external alternate"
                            title=label
                        >
                            {own_name}
                        </a>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="lang-switch" aria-label=tr("nav-language")>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr("footer-about")}</p>
            <LocalTimes />
        </footer>
    }
}
