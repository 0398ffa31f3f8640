//! One opening, with every field of its record. The text is shown in the reader's language when
//! the institution wrote one, else in the original language with a note; the other languages are
//! a click away (`?text=ko`; in the browser the text alone is replaced, see `TextLanguages`).

use crate::components::page_title::{PageTitle, summary};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Lang;
use model::dto::OpeningDetail;

use crate::api::{get_opening, more_from_institution, my_application_to, opening_kept};
use crate::components::apply_form::{AppliedResource, ApplyHere};
use crate::components::copy_link::CopyLink;
use crate::components::form::{CsrfField, Select, TextArea};
use crate::components::job_posting::JobPostingData;
use crate::components::keep_opening::{KeepOpening, KeptResource};
use crate::components::more_from::{MoreFromInstitution, MoreResource};
use crate::components::text_languages::{TEXT_REGION, TextLanguages};
use crate::i18n::{days_arg, tr, tr_args, use_lang};
use crate::pages::{LoadError, NotFound};
use crate::url::{back_to_list, encode, path, route};

#[component]
pub fn OpeningPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|raw| raw.parse::<i64>().ok()).filter(|id| *id > 0));
    // Made here, not inside the `Suspend` below, so that hydration finds the server's values.
    let opening = for_opening(id, get_opening);
    let applied: AppliedResource = for_opening(id, my_application_to);
    let kept: KeptResource = for_opening(id, opening_kept);
    let more: MoreResource = Resource::new(
        move || id.get(),
        move |id| async move {
            match id {
                Some(id) => more_from_institution(lang, id).await,
                None => Ok(Vec::new()),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match opening.await {
                    Ok(Some(detail)) => {
                        let record = &detail.record;
                        let slug = record.institution.slug.clone();
                        let name = record.institution.name_in(lang, record.original_language);
                        view! {
                            <OpeningView detail applied kept />
                            <MoreFromInstitution more slug name />
                        }
                        .into_any()
                    }
                    Ok(None) => view! { <NotFound message="not-found-opening" /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What `load` answers for the opening in the URL; `None` without a valid id.
fn for_opening<T, F>(id: Memo<Option<i64>>, load: fn(i64) -> F) -> Resource<Result<Option<T>, ServerFnError>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: std::future::Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
{
    Resource::new(
        move || id.get(),
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Ok(None),
            }
        },
    )
}

/// The language to show first: `?text=` when valid, else the reader's, else the original.
fn initial_text_lang(detail: &OpeningDetail, reader: Lang, requested: Option<Lang>) -> Lang {
    let available =
        |lang: &Lang| detail.record.title.contains_key(lang) && detail.record.description.contains_key(lang);
    requested.filter(available).or_else(|| Some(reader).filter(available)).unwrap_or(detail.record.original_language)
}

/// An opening as readers see it; `preview`: as its institution previews it (no way back to
/// the search, no report form).
#[component]
pub(crate) fn OpeningView(
    detail: OpeningDetail,
    #[prop(optional)] preview: bool,
    /// The reader's application to it: the page offers to apply when the opening takes
    /// applications on Passerelle.
    #[prop(optional)]
    applied: Option<AppliedResource>,
    /// Whether the reader saved it: the page offers to save it, or to take it off the list.
    #[prop(optional)]
    kept: Option<KeptResource>,
) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let requested = query.read_untracked().get("text").and_then(|code| Lang::from_code(&code));
    let back = query.read_untracked().get("back");
    let shown = initial_text_lang(&detail, lang, requested);
    let text = |pick: fn(&model::record::OpeningRecord) -> &model::Texts| {
        let texts = pick(&detail.record);
        texts.get(&shown).or_else(|| texts.values().next()).cloned().unwrap_or_default()
    };
    let title = text(|r| &r.title);
    // Rendered from the Markdown and sanitised on the server (`catalog::markdown`).
    let html = &detail.description_html;
    let description = html.get(&shown).or_else(|| html.values().next()).cloned().unwrap_or_default();
    let languages = detail.record.languages();
    let original_note = (!languages.contains(&lang)).then(|| {
        let language = l10n::language_name(lang, detail.record.original_language.code());
        view! { <p class="notice notice--info">{tr_args("opening-original-note", &[("language", language.into())])}</p> }
    });
    let switcher = (languages.len() > 1).then(|| {
        let languages = languages.iter().map(|&text_lang| (text_lang, l10n::t(text_lang, "language-self"))).collect();
        view! { <TextLanguages languages shown label=tr("opening-read-in") /> }
    });
    let page_title = format!("{} – {}", text(|r| &r.title), tr("site-name"));
    let preview_text = summary(&text(|r| &r.description), 160);
    let id = detail.id;
    let withdrawn_now = detail.withdrawn;
    let apply_here =
        applied.filter(|_| detail.record.apply_on_passerelle && !detail.is_closed() && !withdrawn_now).map(|applied| {
            let (questions, original) = (detail.record.questions.clone(), detail.record.original_language);
            view! { <ApplyHere id applied questions original /> }
        });
    let withdrawn = detail.withdrawn.then(|| view! { <p class="notice notice--info">{tr("opening-withdrawn")}</p> });
    // Keep it for later: the deadline in one's calendar, the page in an e-mail.
    let share = (!preview).then(|| {
        let url = format!("{}{}", crate::routes::site_url(), path(route::OPENING, lang, &[&id]));
        let mailto = format!("mailto:?subject={}&body={}", encode(&text(|r| &r.title)), encode(&url));
        let calendar = (!detail.is_closed()).then(|| {
            view! {
                <a href=path(route::OPENING_DEADLINE, lang, &[&id]) rel="external" download="deadline.ics">
                    {tr("opening-add-to-calendar")}
                </a>
                " · "
            }
        });
        view! {
            <p class="opening__share">
                {calendar}
                <a href=mailto rel="external">{tr("opening-share-email")}</a>
                <CopyLink url label=tr("opening-copy-link") done=tr("opening-link-copied") />
            </p>
        }
    });
    // For search engines: what this page shows, in the language it shows it in.
    let structured = (!preview).then(|| {
        view! { <JobPostingData detail=detail.clone() lang=shown /> }
    });
    view! {
        {(!preview).then(|| view! { <PageTitle text=page_title description=preview_text /> })}
        <article class="opening">
            {(!preview).then(|| view! {
                <p class="opening__back"><a href=back_to_list(lang, back)>{tr("opening-back")}</a></p>
            })}
            {withdrawn}
            {original_note}
            {switcher}
            <div class="opening__text" id=TEXT_REGION lang=shown.code()>
                {if preview {
                    // The posting's page has its own h1 and names this section.
                    view! { <h3 class="opening__title">{title}</h3> }.into_any()
                } else {
                    view! { <h1 class="opening__title">{title}</h1> }.into_any()
                }}
                <div class="opening__description" inner_html=description></div>
            </div>
            <OpeningFacts detail preview />
            {share}
            {kept.map(|kept| view! { <KeepOpening id kept /> })}
            {structured}
            {apply_here}
            {(!preview && !withdrawn_now).then(|| view! { <ReportOpening id /> })}
        </article>
    }
}

#[component]
fn Fact(label: String, children: Children) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

/// `preview`: as its institution previews it, without "Published on" (the posting's page gives
/// its status).
#[component]
fn OpeningFacts(detail: OpeningDetail, preview: bool) -> impl IntoView {
    let lang = use_lang();
    let closed = detail.is_closed();
    let record = detail.record;
    let institution = record.institution.name_in(lang, record.original_language);
    let place = l10n::place(lang, &record.location.country, record.location.city_in(lang));
    let deadline_status = if closed {
        view! { <strong class="closed">{tr("opening-closed")}</strong> }.into_any()
    } else {
        view! { <span class="days-left">{tr_args("opening-days-left", &days_arg(detail.days_left))}</span> }.into_any()
    };
    let stages = record.career_stages.iter().map(|s| view! { <li>{tr(s.message_id())}</li> }).collect_view();
    let fields = record.fields.iter().map(|f| view! { <li>{tr(f.message_id())}</li> }).collect_view();
    let stipend = match &record.funding.stipend {
        Some(stipend) => {
            let money = l10n::format_money(lang, stipend.amount, &stipend.currency);
            tr_args(stipend.period.message_id(), &[("money", money.into())])
        }
        None => tr("opening-no-stipend"),
    };
    let travel =
        tr(if record.funding.travel_covered { "opening-travel-covered" } else { "opening-travel-not-covered" });
    let housing =
        tr(if record.funding.housing_covered { "opening-housing-covered" } else { "opening-housing-not-covered" });
    let languages = if record.languages_required.is_empty() {
        view! { <p>{tr("opening-no-language-required")}</p> }.into_any()
    } else {
        let items = record
            .languages_required
            .iter()
            .map(|req| {
                let text = tr_args(
                    "language-level",
                    &[
                        ("language", l10n::language_name(lang, &req.lang).into()),
                        ("level", tr(req.level.message_id()).into()),
                    ],
                );
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let start = record.start_date.map(|date| {
        view! {
            <Fact label=tr("opening-start")>
                <time datetime=date.to_string()>{l10n::format_date(lang, date)}</time>
            </Fact>
        }
    });
    let duration = record.duration_months.map(|months| {
        view! { <Fact label=tr("opening-duration")>{tr_args("opening-duration-months", &[("months", months.into())])}</Fact> }
    });
    let keywords = (!record.keywords.is_empty()).then(|| {
        let items = record.keywords.iter().map(|k| view! { <li>{k.clone()}</li> }).collect_view();
        view! { <Fact label=tr("opening-keywords")><ul class="keywords" lang=record.original_language.code()>{items}</ul></Fact> }
    });
    let apply = if record.apply_on_passerelle {
        (!closed).then(|| view! { <p class="apply"><a class="button" href="#apply" rel="external">{tr("opening-apply-here")}</a></p> }.into_any())
    } else {
        record.apply_url.clone().map(|url| {
            view! { <p class="apply"><a class="button" href=url rel="noopener external">{tr("opening-apply")}</a></p> }
                .into_any()
        })
    };
    let contact = record.contact_email.clone().map(|email| {
        view! { <Fact label=tr("opening-contact")><a href=format!("mailto:{email}")>{email.clone()}</a></Fact> }
    });
    let published = (!preview).then(|| {
        let text = tr_args("opening-published", &[("date", l10n::format_date(lang, detail.published_on).into())]);
        view! { <p class="opening__published">{text}</p> }
    });
    view! {
        <section class="opening__facts" aria-labelledby="facts-title">
            <h2 id="facts-title">{tr("opening-details")}</h2>
            {apply}
            <dl>
                <Fact label=tr("opening-institution")>
                    <a href=path(route::INSTITUTION, lang, &[&record.institution.slug])>{institution}</a>
                </Fact>
                <Fact label=tr("opening-location")>{place}</Fact>
                <Fact label=tr("opening-kind")>{tr(record.kind.message_id())}</Fact>
                <Fact label=tr("opening-deadline")>
                    <time datetime=record.deadline.to_string()>{l10n::format_date(lang, record.deadline)}</time>
                    " "
                    <span class="deadline-note">{tr("opening-deadline-note")}</span>
                    " · "
                    {deadline_status}
                </Fact>
                {start}
                {duration}
                <Fact label=tr("opening-positions")>{record.positions}</Fact>
                <Fact label=tr("opening-career-stages")><ul>{stages}</ul></Fact>
                <Fact label=tr("opening-fields")><ul>{fields}</ul></Fact>
                <Fact label=tr("opening-funding")>
                    <ul>
                        <li>{stipend}</li>
                        <li>{travel}</li>
                        <li>{housing}</li>
                    </ul>
                </Fact>
                <Fact label=tr("opening-languages-required")>{languages}</Fact>
                {keywords}
                {contact}
            </dl>
            {published}
        </section>
    }
}

/// "Report this opening": a form for signed-in readers, a sign-in link for others.
#[component]
fn ReportOpening(id: i64) -> impl IntoView {
    let lang = use_lang();
    let reported = use_query_map().read_untracked().get("reported").is_some();
    let here = path(route::OPENING, lang, &[&id]);
    view! {
        <section class="report" aria-labelledby="report-title">
            <h2 id="report-title">{tr("report-title")}</h2>
            {reported.then(|| view! { <p class="notice notice--info" role="status">{tr("report-thanks")}</p> })}
            <Suspense fallback=|| ()>
                {move || {
                    let here = here.clone();
                    Suspend::new(async move {
                        let state = crate::components::form::page_state().await;
                        if state.viewer.is_none() {
                            let login = crate::url::sign_in_then(lang, &here);
                            return view! { <p><a href=login>{tr("report-sign-in")}</a></p> }.into_any();
                        }
                        let echo = crate::components::form::echo_of(&state, "report");
                        let reasons = model::account::ReportReason::ALL
                            .into_iter()
                            .map(|reason| (reason.code().to_string(), tr(reason.message_id())))
                            .collect();
                        view! {
                            <form method="post" action=format!("{here}/report") class="stacked-form">
                                <CsrfField token=state.csrf.clone() />
                                <Select
                                    echo=echo.clone()
                                    name="reason"
                                    label=tr("report-reason")
                                    options=reasons
                                    placeholder="report-reason-choose"
                                />
                                <TextArea echo=echo.clone() name="details" label="report-details" rows=3 maxlength=2000 />
                                <button type="submit" class="button button--secondary">{tr("report-submit")}</button>
                            </form>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}
