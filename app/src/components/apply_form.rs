//! "Apply on Passerelle", on an opening's page: the letter form for signed-in researchers
//! (their profile's CV goes with it), a sign-in link for others, and where their application
//! stands once sent.

use leptos::prelude::*;
use model::Lang;
use model::application::ApplicationStatus;

use crate::components::form::{CsrfField, Label, Select, TextArea, echo_of, page_state};
use crate::i18n::{tr, use_lang};
use crate::url::{path, route};

/// Where the viewer's application to the opening stands, as `api::my_application_to` loads it.
pub type AppliedResource = Resource<Result<Option<ApplicationStatus>, ServerFnError>>;

/// `questions` are the opening's, written in `original`.
#[component]
pub fn ApplyHere(id: i64, applied: AppliedResource, questions: Vec<String>, original: Lang) -> impl IntoView {
    let lang = use_lang();
    let here = path(route::OPENING, lang, &[&id]);
    view! {
        <section class="apply-here" id="apply" aria-labelledby="apply-title">
            <h2 id="apply-title">{tr("apply-title")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let (here, questions) = (here.clone(), questions.clone());
                    Suspend::new(async move {
                        let state = page_state().await;
                        if state.viewer.is_none() {
                            let login = crate::url::sign_in_then(lang, &here);
                            return view! { <p><a class="button" href=login>{tr("apply-sign-in")}</a></p> }.into_any();
                        }
                        if let Ok(Some(status)) = applied.await {
                            let status = tr(status.message_id());
                            return view! {
                                <p class="notice notice--info">
                                    {crate::i18n::tr_args("apply-already", &[("status", status.into())])} " "
                                    <a href=path(route::APPLICATIONS, lang, &[])>{tr("apply-follow")}</a>
                                </p>
                            }
                            .into_any();
                        }
                        let echo = echo_of(&state, "apply");
                        let languages = Lang::ALL
                            .iter()
                            .map(|l| (l.code().to_string(), l10n::language_name(lang, l.code())))
                            .collect();
                        let echo = if echo.value("letter_lang").is_none() {
                            let mut echo = echo;
                            echo.keep("letter_lang", lang.code());
                            echo
                        } else {
                            echo
                        };
                        let answers = questions
                            .into_iter()
                            .enumerate()
                            .map(|(row, question)| {
                                // A question of the opening, in its own language.
                                let name = model::application::answer_field(row + 1);
                                let label = Label::Written(question, original);
                                view! { <TextArea echo=echo.clone() name label rows=4 maxlength=2000 /> }
                            })
                            .collect_view();
                        view! {
                            <p>{tr("apply-intro")}</p>
                            <form method="post" action=path(route::APPLY, lang, &[&id]) class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                <TextArea echo=echo.clone() name="letter" label="apply-letter" rows=10 hint="apply-letter-hint" maxlength=5000 />
                                <Select echo=echo.clone() name="letter_lang" label=tr("apply-letter-lang") options=languages />
                                {answers}
                                <p class="field__hint">
                                    {tr("apply-profile-note")} " "
                                    <a href=path(route::PROFILE, lang, &[])>{tr("apply-profile-link")}</a>
                                </p>
                                <button type="submit" class="button">{tr("apply-submit")}</button>
                            </form>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}
