//! Openings recommended for a profile (see `search::recommend` for the ranking and
//! `model::fit` for what suits a researcher besides the topic), with each reason written out in
//! the reader's language.

use chrono::NaiveDate;
use model::Lang;
use model::account::{AuditAction, Viewer};
use model::dto::{Reason, Recommended};
use model::fit::Finding;
use model::profile::Profile;
use search::{Published, RecommendQuery, Recommendation, TopicMatch, TopicSource};

use crate::reading::blocking;
use crate::{Catalog, CatalogError, audit, now};

/// Openings recommended by default, and at most (see `search::MAX_RECOMMENDATIONS`).
pub const DEFAULT_RECOMMENDATIONS: usize = 10;

impl Catalog {
    /// Openings for a profile given as it is, stored nowhere (the partners' API): best first,
    /// each with its reasons in `lang`. [`CatalogError::Invalid`] names what is wrong with it.
    pub async fn recommend_for_profile(
        &self,
        profile: &Profile,
        lang: Lang,
        limit: usize,
        today: NaiveDate,
    ) -> Result<Vec<Recommended>, CatalogError> {
        // Codes written in the other case ("ca", "FR" for French) are what they obviously mean.
        let mut profile = profile.clone();
        profile.countries.iter_mut().for_each(|code| *code = code.trim().to_uppercase());
        profile.languages.iter_mut().for_each(|language| language.lang = language.lang.trim().to_lowercase());
        let problems = profile.problems();
        if !problems.is_empty() {
            return Err(CatalogError::Invalid(problems));
        }
        self.recommend(profile, lang, limit, Vec::new(), Published::default(), today).await
    }

    /// "Openings for you": the viewer's own profile's recommendations, with their reasons in
    /// `lang` (`None` before they save a profile).
    pub async fn openings_for_me(
        &self,
        viewer: &Viewer,
        lang: Lang,
        limit: usize,
        today: NaiveDate,
    ) -> Result<Option<Vec<Recommended>>, CatalogError> {
        let Some(stored) = self.db.profile(viewer.account_id).await? else { return Ok(None) };
        let dismissed = self.db.dismissed_openings(viewer.account_id).await?;
        Ok(Some(self.recommend(stored.profile, lang, limit, dismissed, Published::default(), today).await?))
    }

    /// "Not for me": opening `id` is never recommended to the viewer again.
    /// [`CatalogError::NotFound`] when there is no such published opening.
    pub async fn dismiss_opening(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        if tx.opening(id).await?.is_none() {
            return Err(CatalogError::NotFound);
        }
        // Set aside twice (two tabs, a double click), it is recorded once.
        if tx.dismiss_opening(viewer.account_id, id, now()).await? {
            audit(&tx, viewer.account_id, AuditAction::OpeningDismissed, ("opening", id), "").await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Recommendations for `profile`, without the openings in `exclude`, among those first
    /// published in `published`.
    pub(crate) async fn recommend(
        &self,
        profile: Profile,
        lang: Lang,
        limit: usize,
        exclude: Vec<i64>,
        published: Published,
        today: NaiveDate,
    ) -> Result<Vec<Recommended>, CatalogError> {
        let index = self.search.as_ref().ok_or(CatalogError::NoIndex)?.index();
        let ranked = blocking(move || {
            index.recommend(&RecommendQuery { profile: &profile, lang, limit, today, exclude: &exclude, published })
        })
        .await??;
        let ids: Vec<i64> = ranked.iter().map(|hit| hit.id).collect();
        let cards = self.db.opening_cards(&ids).await?;
        Ok(ranked
            .into_iter()
            .filter_map(|hit| {
                let card = cards.iter().find(|card| card.id == hit.id)?;
                let reasons = reasons(&hit, lang, Perspective::Researcher);
                let opening = card.summary(lang, today);
                Some(Recommended { opening, score: hit.score, reasons })
            })
            .collect())
    }
}

/// Topics named at most among one opening's reasons (the strongest: keywords first).
const MAX_TOPIC_REASONS: usize = 4;

/// Who reads the reasons: the researcher (of an opening recommended to them) or the
/// opening's institution (of a candidate). The same findings, told to each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Perspective {
    Researcher,
    Institution,
}

/// Each reason's message as the researcher reads it, and as the institution does.
const TOLD_TO_INSTITUTIONS: &[(&str, &str)] = &[
    ("reason-keyword", "candidate-reason-keyword"),
    ("reason-keyword-translated", "candidate-reason-keyword-translated"),
    ("reason-interest", "candidate-reason-interest"),
    ("reason-interest-translated", "candidate-reason-interest-translated"),
    ("reason-meaning", "candidate-reason-meaning"),
    ("reason-stage-match", "candidate-reason-stage-match"),
    ("reason-stage-mismatch", "candidate-reason-stage-mismatch"),
    ("reason-language-met", "candidate-reason-language-met"),
    ("reason-language-short", "candidate-reason-language-short"),
    ("reason-kind-sought", "candidate-reason-kind-sought"),
    ("reason-kind-not-sought", "candidate-reason-kind-not-sought"),
    ("reason-country-sought", "candidate-reason-country-sought"),
    ("reason-country-not-sought", "candidate-reason-country-not-sought"),
    ("reason-starts-when-available", "candidate-reason-starts-when-available"),
    ("reason-starts-too-early", "candidate-reason-starts-too-early"),
    ("reason-field-shared", "candidate-reason-field-shared"),
    ("reason-funded", "candidate-reason-funded"),
    ("reason-little-said", "candidate-reason-little-said"),
];

impl Perspective {
    /// The Fluent message saying `id` (a `reason-…` id) to this reader.
    fn message(self, id: &'static str) -> &'static str {
        match self {
            Perspective::Researcher => id,
            Perspective::Institution => {
                TOLD_TO_INSTITUTIONS.iter().find(|(theirs, _)| *theirs == id).map_or(id, |(_, ours)| ours)
            }
        }
    }
}

/// The reasons for one match in `lang`, told from `perspective`: its shortfalls, then the
/// topics it matched, then what else suits.
pub fn reasons(hit: &Recommendation, lang: Lang, perspective: Perspective) -> Vec<Reason> {
    // A stipend says something of the opening, nothing of a candidate.
    let told = |f: &&Finding| perspective == Perspective::Researcher || !matches!(f, Finding::Funded);
    let (shortfalls, others): (Vec<&Finding>, Vec<&Finding>) =
        hit.findings.iter().filter(told).partition(|f| f.is_shortfall());
    let finding = |f: &Finding| Reason {
        code: f.names().0.to_string(),
        text: finding_text(f, lang, perspective),
        shortfall: f.is_shortfall(),
    };
    let mut out: Vec<Reason> = shortfalls.into_iter().map(finding).collect();
    out.extend(hit.topics.iter().take(MAX_TOPIC_REASONS).map(|topic| topic_reason(topic, lang, perspective)));
    out.extend(others.into_iter().map(finding));
    if out.is_empty() {
        // A profile that says nothing this opening could be judged on: say so, never nothing.
        let text = l10n::t(lang, perspective.message("reason-little-said"));
        out.push(Reason { code: "little_said".into(), text, shortfall: false });
    }
    out
}

fn topic_reason(topic: &TopicMatch, lang: Lang, perspective: Perspective) -> Reason {
    let (code, id) = match (&topic.source, &topic.theirs) {
        (TopicSource::Keyword, Some(_)) => ("keyword", "reason-keyword-translated"),
        (TopicSource::Keyword, None) => ("keyword", "reason-keyword"),
        (TopicSource::Interests, Some(_)) => ("interest", "reason-interest-translated"),
        (TopicSource::Interests, None) => ("interest", "reason-interest"),
        (TopicSource::Meaning, _) => ("meaning", "reason-meaning"),
    };
    let args = [("yours", topic.yours.clone().into()), ("theirs", topic.theirs.clone().unwrap_or_default().into())];
    Reason { code: code.to_string(), text: l10n::t_args(lang, perspective.message(id), &args), shortfall: false }
}

fn finding_text(finding: &Finding, lang: Lang, perspective: Perspective) -> String {
    let t = |id: &str| l10n::t(lang, id);
    let language = |code: &str| l10n::language_name(lang, code);
    let args: Vec<(&str, l10n::FluentValue<'_>)> = match finding {
        Finding::StageMatch { stage } => vec![("stage", t(stage.message_id()).into())],
        Finding::StageMismatch { yours, wanted } => vec![
            ("yours", t(yours.message_id()).into()),
            ("wanted", wanted.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ").into()),
        ],
        Finding::LanguageMet { lang: code, required, yours } => vec![
            ("language", language(code).into()),
            ("required", required.code().into()),
            ("yours", yours.code().into()),
        ],
        Finding::LanguageShort { lang: code, required, yours } => vec![
            ("language", language(code).into()),
            ("required", required.code().into()),
            ("yours", yours.map_or("none", |level| level.code()).into()),
        ],
        Finding::KindSought { kind } | Finding::KindNotSought { kind } => {
            vec![("kind", t(kind.message_id()).into())]
        }
        Finding::CountrySought { country } | Finding::CountryNotSought { country } => {
            vec![("country", l10n::country_name(lang, country).into())]
        }
        Finding::StartsWhenAvailable { start } => vec![("start", l10n::format_date(lang, *start).into())],
        Finding::StartsTooEarly { start, available } => vec![
            ("start", l10n::format_date(lang, *start).into()),
            ("available", l10n::format_date(lang, *available).into()),
        ],
        Finding::FieldShared { field } => vec![("field", t(field.message_id()).into())],
        Finding::Funded => Vec::new(),
    };
    l10n::t_args(lang, perspective.message(finding.names().1), &args)
}
