//! A researcher's profile: who they are as a candidate, what they look for, who may see it, and
//! their CV. One form for the profile, one for the CV (a file, so a form of its own).

use leptos::prelude::*;
use model::Lang;
use model::account::{FormEcho, PageState};
use model::profile::{CvInfo, StoredProfile, Visibility};
use model::profile_form::{interests_field, profile_fields};
use model::vocab::{CareerStage, Field as ResearchField, Kind};

use crate::api::my_profile;
use crate::components::choices::{Choice, LanguagesSection, Radios, Ticks};
use crate::components::for_you::{ForYou, PROFILE_COUNT, for_you_resource};
use crate::components::form::{CsrfField, Field, PageForm, TextArea, echo_of, page_state};
use crate::components::local_time::When;
use crate::components::notice::DoneNotice;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::admin::Loaded;
use crate::pages::postings::SignedInFrame;
use crate::url::{path, route};

#[component]
pub fn ProfilePage() -> impl IntoView {
    // Made with the page, not once the page state has loaded (see `PostingsPage`).
    let profile = Resource::new(|| (), |_| my_profile());
    let for_you = for_you_resource(PROFILE_COUNT);
    view! {
        <SignedInFrame
            title="profile-title"
            here="profile".to_string()
            content=move |_: PageState| {
                let show = |stored: Option<StoredProfile>| {
                    let (profile, cv) = stored.map(|s| (s.profile, s.cv)).unwrap_or_default();
                    view! {
                        <ProfileForm initial=profile_fields(&profile) />
                        <CvSection cv />
                    }
                };
                view! {
                    <h1>{tr("profile-title")}</h1>
                    <p>{tr("profile-intro")}</p>
                    <DoneNotice notices=&[("saved", "profile-saved"), ("cv", "profile-cv-saved"), ("dismissed", "for-you-dismissed")] />
                    <ForYou recommended=for_you invite=false back="profile" />
                    <Loaded resource=profile show />
                }
            }
        />
    }
}

/// The profile form, starting from the saved profile (or what was typed, when refused).
#[component]
fn ProfileForm(initial: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    let fields = move |echo: FormEcho| {
        let echo = if echo.is_rejected() { echo } else { FormEcho { values: initial.clone(), ..echo } };
        let interests = Lang::ALL
            .into_iter()
            .map(|written| {
                let label = match written {
                    Lang::Fr => "profile-interests-fr",
                    Lang::En => "profile-interests-en",
                    Lang::Ko => "profile-interests-ko",
                };
                view! {
                    <div lang=written.code()>
                        <TextArea echo=echo.clone() name=interests_field(written) label rows=4 maxlength=2000 />
                    </div>
                }
            })
            .collect_view();
        let visibility = Visibility::ALL.iter().map(|v| (v.code(), v.message_id())).collect();
        view! {
            <fieldset class="form-section">
                <legend>{tr("profile-section-research")}</legend>
                <Choice echo=echo.clone() name="career_stage" label="profile-career-stage" options=CareerStage::ALL.iter().map(|s| (s.code(), s.message_id())).collect() />
                <Ticks echo=echo.clone() name="fields" label="profile-fields" options=ResearchField::ALL.iter().map(|f| (f.code(), f.message_id())).collect() />
                <Field echo=echo.clone() name="keywords" label="profile-keywords" hint="profile-keywords-hint" required=false />
                <p class="field__hint">{tr("profile-interests-hint")}</p>
                {interests}
            </fieldset>
            <LanguagesSection echo=echo.clone() legend="profile-section-languages" hint="profile-languages-hint" />
            <fieldset class="form-section">
                <legend>{tr("profile-section-looking")}</legend>
                <Ticks echo=echo.clone() name="kinds" label="profile-kinds" options=Kind::ALL.iter().map(|k| (k.code(), k.message_id())).collect() />
                <Field echo=echo.clone() name="countries" label="profile-countries" hint="profile-countries-hint" required=false />
                <Field echo=echo.clone() name="available_from" label="profile-available-from" kind="date" required=false />
            </fieldset>
            <fieldset class="form-section">
                <legend>{tr("profile-section-links")}</legend>
                <Field echo=echo.clone() name="orcid" label="profile-orcid" hint="profile-orcid-hint" required=false />
                <Field echo=echo.clone() name="website" label="profile-website" kind="url" required=false />
            </fieldset>
            <Radios echo=echo.clone() name="visibility" label="profile-visibility" options=visibility default=Visibility::default().code() />
            <div class="form-actions">
                <button type="submit" class="button">{tr("profile-save")}</button>
            </div>
        }
    };
    view! { <PageForm name="profile" action=path(route::PROFILE, lang, &[]) fields /> }
}

/// The current CV (a download) and the upload form.
#[component]
fn CvSection(cv: Option<CvInfo>) -> impl IntoView {
    let lang = use_lang();
    let current = match cv {
        Some(cv) => {
            let size = tr_args("profile-cv-size", &[("kilobytes", ((cv.size_bytes + 1023) / 1024).into())]);
            view! {
                <p>
                    {tr("profile-cv-current")} " "
                    <a href=path(route::CV, lang, &[&cv.id]) download=cv.file_name.clone()>{cv.file_name.clone()}</a>
                    " (" {size} ", " <When at=cv.uploaded_at /> ")"
                </p>
            }
            .into_any()
        }
        None => view! { <p>{tr("profile-cv-none")}</p> }.into_any(),
    };
    view! {
        <section class="form-section cv" aria-labelledby="cv">
            <h2 id="cv">{tr("profile-cv")}</h2>
            {current}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let state = page_state().await;
                    let echo = echo_of(&state, "cv");
                    let error = echo.error("cv").map(tr);
                    let invalid = error.is_some();
                    let described = if invalid { "field-cv-hint field-cv-error" } else { "field-cv-hint" };
                    view! {
                        <form method="post" action=path(route::PROFILE_CV, lang, &[]) enctype="multipart/form-data" class="stacked-form">
                            <CsrfField token=state.csrf.clone() />
                            <div class="field" class:field--invalid=invalid>
                                <label for="field-cv">{tr("profile-cv-file")}</label>
                                <p class="field__hint" id="field-cv-hint">{tr("profile-cv-hint")}</p>
                                <input
                                    type="file"
                                    id="field-cv"
                                    name="cv"
                                    accept="application/pdf,.pdf"
                                    required=true
                                    aria-invalid=invalid.then_some("true")
                                    aria-describedby=described
                                />
                                {error.map(|message| view! { <p class="field__error" id="field-cv-error">{message}</p> })}
                            </div>
                            <button type="submit" class="button button--secondary">{tr("profile-cv-upload")}</button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}
