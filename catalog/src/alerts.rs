//! Alerts: saved searches and "new openings for you", sent as digests of the openings first
//! published since the last one, daily or weekly at the configured hour.
//!
//! Sending is safe with several servers and after a crash: each alert is claimed in the
//! database before its digest is made, and the digest's e-mail is queued in the transaction
//! that moves the alert's `since` forward, on the condition that the claim still stands (see
//! `db::alerts`). A digest with nothing new is not sent; the next one still starts after it.

use chrono::{DateTime, Duration, Utc};
use model::Lang;
use model::account::{AuditAction, Viewer};
use model::alert::{AlertView, Frequency, Subject, followed};
use model::dto::{OpeningSummary, SearchParams};
use search::{Published, Sort};

use crate::reading::{blocking, search_query};
use crate::{Catalog, CatalogError, audit, now};

/// Openings a digest lists at most; it says how many more there are.
pub const DIGEST_MAX: usize = 20;
/// How long a server holds an alert it claimed before others may take it over.
const CLAIM_LEASE: Duration = Duration::minutes(10);
/// Openings published in the last seconds wait for the next digest: a transaction that
/// stamped its publication just before a digest began may not have committed yet (the stamp
/// is taken just before the commit, see `db::Db::log_changes`).
const SETTLE: Duration = Duration::seconds(5);
/// Alerts read at a time.
const BATCH: u64 = 500;

type Time = chrono::DateTime<chrono::FixedOffset>;

/// What one run of the alert job did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DigestRun {
    /// Digests queued in the outbox.
    pub sent: usize,
    /// Alerts with nothing new (no e-mail; the next digest starts after this one).
    pub nothing_new: usize,
    /// Alerts another server took first, or whose digest could not be made.
    pub skipped: usize,
}

impl Catalog {
    /// Saves an alert on `subject` for the viewer, sent at `frequency` (the same search saved
    /// again only changes its frequency). A profile alert needs a profile; an alert needs a
    /// confirmed address.
    pub async fn save_alert(
        &self,
        viewer: &Viewer,
        subject: &Subject,
        frequency: Frequency,
    ) -> Result<i64, CatalogError> {
        if !viewer.email_confirmed {
            return Err(CatalogError::Invalid(vec![(String::new(), "alert-error-unconfirmed")]));
        }
        let (lang, params, for_profile) = match subject {
            Subject::Search { lang, params } => (*lang, stored_params(&followed(params))?, false),
            Subject::Profile => (viewer.lang, String::new(), true),
        };
        let tx = self.db.begin().await?;
        if for_profile && tx.profile(viewer.account_id).await?.is_none() {
            return Err(CatalogError::Invalid(vec![(String::new(), "alert-error-no-profile")]));
        }
        let key = crate::token::random_token();
        let alert = db::NewAlert {
            account_id: viewer.account_id,
            lang: lang.code(),
            params: &params,
            for_profile,
            frequency: frequency.code(),
            next_due_at: self.next_due(frequency, now()),
            unsubscribe_key: &key,
        };
        let (id, new) = tx.save_alert(&alert, now()).await?;
        if new {
            audit(&tx, viewer.account_id, AuditAction::AlertSaved, ("alert", id), frequency.code()).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The viewer's alerts, oldest first.
    pub async fn my_alerts(&self, viewer: &Viewer) -> Result<Vec<AlertView>, CatalogError> {
        let stored = self.db.alerts_of(viewer.account_id).await?;
        Ok(stored.into_iter().filter_map(|alert| view_of(&alert)).collect())
    }

    /// Sends the viewer's alert `id` at `frequency` from now on.
    pub async fn change_alert(&self, viewer: &Viewer, id: i64, frequency: Frequency) -> Result<(), CatalogError> {
        let next = self.next_due(frequency, now());
        if !self.db.change_alert(viewer.account_id, id, frequency.code(), next).await? {
            return Err(CatalogError::NotFound);
        }
        Ok(())
    }

    /// Deletes the viewer's alert `id`.
    pub async fn delete_alert(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        if !tx.delete_alert(viewer.account_id, id).await? {
            return Err(CatalogError::NotFound);
        }
        audit(&tx, viewer.account_id, AuditAction::AlertDeleted, ("alert", id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The alert a digest's unsubscribe link names, as its owner sees it (`None` once it is
    /// gone, or for a key that names none).
    pub async fn alert_to_unsubscribe(&self, key: &str) -> Result<Option<AlertView>, CatalogError> {
        if !crate::token::looks_like_token(key) {
            return Ok(None);
        }
        Ok(self.db.alert_by_key(key).await?.as_ref().and_then(view_of))
    }

    /// One-click unsubscribe (the digest's link or its `List-Unsubscribe` header): deletes the
    /// alert the key names. Whoever holds the key may; `false` when it was gone already.
    pub async fn unsubscribe(&self, key: &str) -> Result<bool, CatalogError> {
        if !crate::token::looks_like_token(key) {
            return Ok(false);
        }
        let tx = self.db.begin().await?;
        let Some(alert) = tx.alert_by_key(key).await? else { return Ok(false) };
        tx.delete_alert(alert.account_id, alert.id).await?;
        audit(&tx, alert.account_id, AuditAction::AlertDeleted, ("alert", alert.id), "unsubscribe link").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// When a digest at `frequency` sent (or an alert saved) at `at` is next due.
    fn next_due(&self, frequency: Frequency, at: Time) -> Time {
        frequency.next_due(at.with_timezone(&Utc), self.alert_hour).fixed_offset()
    }

    /// Sends, as at the moment `at` (now, but for tests), the digests of every alert due by
    /// `horizon` (the job at the configured hour passes `at`; `passerelle alerts send` the
    /// next such hour, bringing the day's digests forward). Waits first until this server's
    /// index holds every opening published so far.
    pub async fn send_due_alerts(&self, at: DateTime<Utc>, horizon: DateTime<Utc>) -> Result<DigestRun, CatalogError> {
        let started = at.fixed_offset();
        // The run's clock: `at` when it began, then on as time goes (claims' leases count on it).
        let offset = started - now();
        let moment = move || now() + offset;
        self.indexed(self.db.log_head().await?.latest, &[]).await;
        let mut run = DigestRun::default();
        let horizon = horizon.fixed_offset();
        // Each alert once a run, even one whose digest failed and was let go.
        let mut seen = std::collections::HashSet::new();
        loop {
            let due = self.db.due_alerts(horizon, moment(), CLAIM_LEASE, BATCH).await?;
            let due: Vec<_> = due.into_iter().filter(|alert| seen.insert(alert.id)).collect();
            if due.is_empty() {
                break;
            }
            for alert in due {
                let claimed_at = moment();
                if !self.db.claim_alert(alert.id, horizon, claimed_at, CLAIM_LEASE).await? {
                    run.skipped += 1;
                    continue;
                }
                match self.send_digest(&alert, claimed_at, started - SETTLE, horizon).await {
                    Ok(Some(true)) => run.sent += 1,
                    Ok(Some(false)) => run.nothing_new += 1,
                    Ok(None) => run.skipped += 1,
                    Err(err) => {
                        tracing::error!(alert = alert.id, error = %err, "a digest could not be made; it will be tried again");
                        self.db.release_alert(alert.id, claimed_at).await?;
                        run.skipped += 1;
                    }
                }
            }
        }
        if run.sent > 0 {
            self.mail_queued();
        }
        Ok(run)
    }

    /// Makes and queues the digest of the claimed `alert` covering openings first published up
    /// to `until`: `Some(true)` when an e-mail was queued, `Some(false)` when there was nothing
    /// to send, `None` when the claim was lost meanwhile (nothing done). The next digest falls
    /// due after `horizon` (a run that brought digests forward has sent those of that hour).
    async fn send_digest(
        &self,
        alert: &db::StoredAlert,
        claimed_at: Time,
        until: Time,
        horizon: Time,
    ) -> Result<Option<bool>, CatalogError> {
        let frequency = Frequency::from_code(&alert.frequency).unwrap_or(Frequency::Daily);
        let next_due = self.next_due(frequency, claimed_at.max(horizon));
        let until = until.max(alert.since);
        let account = self.db.account(alert.account_id).await?;
        let reader = account.as_ref().filter(|account| account.email_confirmed && !account.suspended);
        let digest = match (reader, view_of(alert)) {
            (Some(account), Some(view)) => {
                let window =
                    Published { after: Some(alert.since.timestamp_millis()), until: Some(until.timestamp_millis()) };
                self.digest_openings(alert, &view.subject, account.lang, window)
                    .await?
                    .map(|found| (account, view, found))
            }
            _ => None,
        };
        let tx = self.db.begin().await?;
        if !tx.finish_alert(alert.id, claimed_at, until, next_due).await? {
            return Ok(None);
        }
        let Some((account, view, (openings, total))) = digest.filter(|(_, _, (openings, _))| !openings.is_empty())
        else {
            tx.commit().await?;
            return Ok(Some(false));
        };
        let mail = crate::digest::compose(self, account, &view, frequency, &openings, total, &alert.unsubscribe_key);
        tx.queue_mail(&mail, now()).await?;
        tx.commit().await?;
        Ok(Some(true))
    }

    /// The new openings of an alert, in the reader's language, best first, and how many there
    /// are; `None` when a profile alert's profile is gone.
    async fn digest_openings(
        &self,
        alert: &db::StoredAlert,
        subject: &Subject,
        reader: Lang,
        window: Published,
    ) -> Result<Option<(Vec<OpeningSummary>, usize)>, CatalogError> {
        let today = crate::today();
        let (ids, total) = match subject {
            Subject::Search { lang, params } => {
                let index = self.index()?;
                let (lang, params) = (*lang, params.clone());
                let results = blocking(move || {
                    let mut query = search_query(&params, lang, today);
                    query.filters.published = window;
                    query.offset = 0;
                    query.limit = DIGEST_MAX;
                    if params.q.trim().is_empty() {
                        query.sort = Sort::Newest;
                    }
                    index.search(&query)
                })
                .await??;
                (results.hits.iter().map(|hit| hit.id).collect::<Vec<_>>(), results.total)
            }
            Subject::Profile => {
                let Some(stored) = self.db.profile(alert.account_id).await? else { return Ok(None) };
                let dismissed = self.db.dismissed_openings(alert.account_id).await?;
                let found = self.recommend(stored.profile, reader, DIGEST_MAX, dismissed, window, today).await?;
                let total = found.len();
                (found.into_iter().map(|hit| hit.opening.id).collect(), total)
            }
        };
        let openings = self.db.opening_cards(&ids).await?.iter().map(|card| card.summary(reader, today)).collect();
        Ok(Some((openings, total)))
    }
}

/// A search's parameters as an alert stores them: JSON of its canonical form, so that the same
/// search saved twice is one alert.
fn stored_params(params: &SearchParams) -> Result<String, CatalogError> {
    serde_json::to_string(params).map_err(|err| CatalogError::Invalid(vec![(err.to_string(), "alert-error-search")]))
}

fn view_of(alert: &db::StoredAlert) -> Option<AlertView> {
    let subject = if alert.for_profile {
        Subject::Profile
    } else {
        let lang = Lang::from_code(&alert.lang)?;
        let params: SearchParams = serde_json::from_str(&alert.params).ok()?;
        Subject::search(lang, &params)
    };
    Some(AlertView {
        id: alert.id,
        subject,
        frequency: Frequency::from_code(&alert.frequency)?,
        next_due_at: alert.next_due_at.with_timezone(&Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}
