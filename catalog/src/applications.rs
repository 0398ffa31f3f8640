//! Applying to openings on Passerelle, and following the answer from both sides.
//!
//! - A researcher with a confirmed address applies once per opening, before its deadline, to
//!   an opening that takes applications here: a letter in any of the three languages and the
//!   profile's CV. They get an e-mail saying it was received.
//! - The opening's institution (any of its members) reads the applications and moves each
//!   along (`model::application::ApplicationStatus::may_move`), with an optional message; the
//!   researcher gets each change by e-mail, in their language. The researcher answers an offer
//!   and may withdraw, which is final.
//! - Every move is conditional on the status it started from: of two members acting at once,
//!   one moves it and the other is told.
//! - An application left "received" for [`REMIND_AFTER_DAYS`] days reminds the institution's
//!   members by e-mail (then again every as many days while it waits).
//! - Platform admins see the events in the audit log, never the letters or CVs.

use db::{Db, DbError, NewApplication, Posting};
use model::Lang;
use model::account::{AuditAction, Viewer};
use model::application::{
    APPLICATIONS_PER_PAGE, Answer, ApplicationCounts, ApplicationFilter, ApplicationStatus, MAX_ANSWER_CHARS,
    MAX_LETTER_CHARS, MAX_STATUS_MESSAGE_CHARS, Mover, OpeningApplications, SentApplication, answer_field,
};
use model::record::without_controls;
use model::url::route;

use crate::{Catalog, CatalogError, audit, now, today};

/// Days an application may wait in "received" before the institution is reminded.
pub const REMIND_AFTER_DAYS: i64 = 14;

/// Why an application was not sent (each a Fluent message id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// The address is not confirmed yet: answers could not reach it.
    Unconfirmed,
    /// The opening takes applications elsewhere.
    Elsewhere,
    /// Its deadline has passed.
    Closed,
    AlreadyApplied,
}

impl ApplyRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            ApplyRefusal::Unconfirmed => "apply-error-unconfirmed",
            ApplyRefusal::Elsewhere => "apply-error-elsewhere",
            ApplyRefusal::Closed => "apply-error-closed",
            ApplyRefusal::AlreadyApplied => "apply-error-already",
        }
    }
}

/// A letter as sent: without control characters, trimmed; `None` when empty or too long.
pub fn clean_letter(letter: &str) -> Option<String> {
    let letter = without_controls(letter, true).trim().to_string();
    (!letter.is_empty() && letter.chars().count() <= MAX_LETTER_CHARS).then_some(letter)
}

/// The answers to `questions`, in order: each written, at most [`MAX_ANSWER_CHARS`] long.
fn answers_to(questions: &[String], answers: &[String]) -> Result<Vec<Answer>, CatalogError> {
    let mut problems = Vec::new();
    let mut kept = Vec::new();
    for (row, question) in questions.iter().enumerate() {
        let answer = answers.get(row).map(|a| without_controls(a, true).trim().to_string()).unwrap_or_default();
        if answer.is_empty() || answer.chars().count() > MAX_ANSWER_CHARS {
            problems.push((answer_field(row + 1), "apply-error-answer"));
        }
        kept.push(Answer { question: question.clone(), answer });
    }
    if problems.is_empty() { Ok(kept) } else { Err(CatalogError::Invalid(problems)) }
}

/// Whether `viewer` works at the posting's institution.
fn at_institution(viewer: &Viewer, posting: &Posting) -> bool {
    viewer.memberships.iter().any(|m| m.institution.slug == posting.institution.slug)
}

impl Catalog {
    /// Sends `viewer`'s application to opening `opening_id`; its id, or why it was not sent.
    /// [`CatalogError::NotFound`] when no such opening is published.
    pub async fn apply(
        &self,
        viewer: &Viewer,
        opening_id: i64,
        letter: &str,
        letter_lang: Lang,
        answers: &[String],
    ) -> Result<Result<i64, ApplyRefusal>, CatalogError> {
        let opening = self.db.opening(opening_id).await?.ok_or(CatalogError::NotFound)?;
        if !opening.record.apply_on_passerelle {
            return Ok(Err(ApplyRefusal::Elsewhere));
        }
        if opening.record.deadline < today() {
            return Ok(Err(ApplyRefusal::Closed));
        }
        if !viewer.email_confirmed {
            return Ok(Err(ApplyRefusal::Unconfirmed));
        }
        let letter =
            clean_letter(letter).ok_or(CatalogError::Invalid(vec![("letter".into(), "apply-error-letter")]))?;
        let answers = answers_to(&opening.record.questions, answers)?;
        let tx = self.db.begin().await?;
        let cv_id = tx.profile(viewer.account_id).await?.and_then(|profile| profile.cv).map(|cv| cv.id);
        let new = NewApplication {
            opening_id,
            account_id: viewer.account_id,
            letter: &letter,
            letter_lang,
            answers: &answers,
            cv_id,
        };
        let id = match tx.create_application(new, now()).await {
            Ok(id) => id,
            Err(DbError::Taken) => return Ok(Err(ApplyRefusal::AlreadyApplied)),
            Err(err) => return Err(err.into()),
        };
        audit(&tx, viewer.account_id, AuditAction::ApplicationSent, ("application", id), "").await?;
        let record = &opening.record;
        self.mail_applicant(
            &tx,
            viewer.account_id,
            (&record.title, record.original_language),
            ApplicationStatus::Received,
            None,
        )
        .await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(Ok(id))
    }

    /// The id of the opening `external_id` of the institution `slug` (to refer to an imported
    /// opening by its own id).
    pub async fn opening_id(&self, slug: &str, external_id: &str) -> Result<Option<i64>, CatalogError> {
        Ok(self.db.opening_id(slug, external_id).await?)
    }

    /// Where `viewer`'s application to opening `opening_id` stands, if they sent one.
    pub async fn application_status(
        &self,
        viewer: &Viewer,
        opening_id: i64,
    ) -> Result<Option<ApplicationStatus>, CatalogError> {
        Ok(self.db.application_status(viewer.account_id, opening_id).await?)
    }

    /// The applications `viewer` sent, newest first.
    pub async fn sent_applications(&self, viewer: &Viewer) -> Result<Vec<SentApplication>, CatalogError> {
        Ok(self.db.sent_applications(viewer.account_id).await?)
    }

    /// The applications to opening `opening_id` that `filter` keeps (a page of them), for the
    /// members of its institution ([`CatalogError::NotFound`] for everyone else).
    pub async fn received_applications(
        &self,
        viewer: &Viewer,
        opening_id: i64,
        filter: &ApplicationFilter,
    ) -> Result<OpeningApplications, CatalogError> {
        let posting = self.db.posting(opening_id).await?.ok_or(CatalogError::NotFound)?;
        if !at_institution(viewer, &posting) {
            return Err(CatalogError::NotFound);
        }
        let record = posting.working();
        let (applications, matching, total) = self.db.received_applications(opening_id, filter).await?;
        Ok(OpeningApplications {
            opening_id,
            title: record.title.clone(),
            original: record.original_language,
            total,
            matching,
            page: filter.page.max(1),
            pages: matching.div_ceil(APPLICATIONS_PER_PAGE).max(1),
            applications,
        })
    }

    /// Moves application `id` to `to`: a member of the opening's institution moving it along
    /// (with `message` for the researcher), or the researcher answering an offer or
    /// withdrawing. [`CatalogError::Stale`] when it moved meanwhile or cannot go there.
    pub async fn move_application(
        &self,
        viewer: &Viewer,
        id: i64,
        to: ApplicationStatus,
        message: &str,
    ) -> Result<(), CatalogError> {
        let message = without_controls(message, true).trim().to_string();
        if message.chars().count() > MAX_STATUS_MESSAGE_CHARS {
            return Err(CatalogError::Invalid(vec![("message".into(), "form-error-too-long")]));
        }
        let tx = self.db.begin().await?;
        let application = tx.application(id).await?.ok_or(CatalogError::NotFound)?;
        let posting = tx.posting(application.opening_id).await?.ok_or(CatalogError::NotFound)?;
        let mover = if application.account_id == viewer.account_id {
            Mover::Applicant
        } else if at_institution(viewer, &posting) {
            Mover::Institution
        } else {
            return Err(CatalogError::NotFound);
        };
        if !application.status.may_move(to, mover) {
            return Err(CatalogError::Stale);
        }
        let message = (mover == Mover::Institution && !message.is_empty()).then_some(message.as_str());
        if !tx.move_application(id, (application.status, to), message, viewer.account_id, now()).await? {
            return Err(CatalogError::Stale);
        }
        let action = if to == ApplicationStatus::Withdrawn {
            AuditAction::ApplicationWithdrawn
        } else {
            AuditAction::ApplicationMoved
        };
        audit(&tx, viewer.account_id, action, ("application", id), to.code()).await?;
        if mover == Mover::Institution {
            let record = posting.working();
            let opening = (&record.title, record.original_language);
            self.mail_applicant(&tx, application.account_id, opening, to, message).await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    /// Applications on the platform, for platform admins: counts only (admins never read
    /// letters, profiles or CVs).
    pub async fn application_counts(&self, admin: &Viewer) -> Result<ApplicationCounts, CatalogError> {
        if !admin.is_platform_admin() {
            return Err(CatalogError::Forbidden);
        }
        Ok(self.db.application_counts(now() - chrono::Duration::days(7)).await?)
    }

    /// E-mails the researcher `account_id` where their application to the opening stands, in
    /// their language.
    async fn mail_applicant(
        &self,
        tx: &Db,
        account_id: i64,
        (title, original): (&model::Texts, Lang),
        status: ApplicationStatus,
        message: Option<&str>,
    ) -> Result<(), CatalogError> {
        let Some(account) = tx.account(account_id).await? else { return Ok(()) };
        let title = model::lang::pick(title, account.lang, original).map_or("", |(_, title)| title).to_string();
        let args = vec![
            ("title", title.into()),
            ("status", l10n::t(account.lang, status.message_id()).into()),
            ("message", message.unwrap_or("—").to_string().into()),
            ("link", self.link_for(&account, route::APPLICATIONS, &[]).into()),
        ];
        let (subject, body) = match status {
            ApplicationStatus::Received => ("mail-application-received-subject", "mail-application-received-body"),
            _ => ("mail-application-status-subject", "mail-application-status-body"),
        };
        self.queue_mail(tx, &account, subject, body, args).await
    }

    /// Reminds the members of institutions with applications left "received" for
    /// [`REMIND_AFTER_DAYS`] days; how many applications were reminded of.
    pub async fn remind_unanswered(&self) -> Result<usize, CatalogError> {
        let before = now() - chrono::Duration::days(REMIND_AFTER_DAYS);
        let waiting = self.db.unanswered_applications(before).await?;
        let mut by_opening: std::collections::BTreeMap<i64, Vec<i64>> = Default::default();
        for application in &waiting {
            by_opening.entry(application.opening_id).or_default().push(application.id);
        }
        let mut reminded = 0;
        for (opening_id, ids) in &by_opening {
            let tx = self.db.begin().await?;
            // Claimed first, so that of several servers one reminds.
            let mut claimed = 0;
            for id in ids {
                claimed += usize::from(tx.claim_reminder(*id, before, now()).await?);
            }
            let Some(posting) = tx.posting(*opening_id).await?.filter(|_| claimed > 0) else { continue };
            let record = posting.working();
            for member in tx.member_accounts(&posting.institution.slug).await? {
                let title = model::lang::pick(&record.title, member.lang, record.original_language)
                    .map_or("", |(_, title)| title)
                    .to_string();
                let link = self.link_for(&member, route::POSTING_APPLICATIONS, &[&opening_id]);
                let args = vec![
                    ("title", title.into()),
                    ("count", claimed.into()),
                    ("days", REMIND_AFTER_DAYS.into()),
                    ("link", link.into()),
                ];
                self.queue_mail(
                    &tx,
                    &member,
                    "mail-application-reminder-subject",
                    "mail-application-reminder-body",
                    args,
                )
                .await?;
            }
            tx.commit().await?;
            reminded += claimed;
        }
        if reminded > 0 {
            self.mail_queued();
        }
        Ok(reminded)
    }
}
