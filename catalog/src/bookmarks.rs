//! Saved openings: a signed-in person keeps openings to come back to, on a list only they see.
//! The audit log records that an opening was saved or removed, as for "Not for me".

use chrono::NaiveDate;
use model::Lang;
use model::account::{AuditAction, Viewer};
use model::dto::OpeningSummary;

use crate::{Catalog, CatalogError, audit, now};

impl Catalog {
    /// Saves opening `id` for the viewer (`keep`), or takes it out of their saved openings.
    /// [`CatalogError::NotFound`] when saving an opening that is not published.
    pub async fn keep_opening(&self, viewer: &Viewer, id: i64, keep: bool) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        // Saved twice or removed twice (two tabs, a double click), it is recorded once.
        let changed = if keep {
            if tx.opening(id).await?.is_none() {
                return Err(CatalogError::NotFound);
            }
            tx.add_bookmark(viewer.account_id, id, now()).await?
        } else {
            tx.remove_bookmark(viewer.account_id, id).await?
        };
        if changed {
            let action = if keep { AuditAction::OpeningBookmarked } else { AuditAction::BookmarkRemoved };
            audit(&tx, viewer.account_id, action, ("opening", id), "").await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The viewer's saved openings still published, the latest saved first, in `lang`; those
    /// past their deadline stay on the list, marked closed.
    pub async fn saved_openings(
        &self,
        viewer: &Viewer,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<Vec<OpeningSummary>, CatalogError> {
        let ids = self.db.bookmarks(viewer.account_id).await?;
        let cards = self.db.opening_cards(&ids).await?;
        Ok(cards.iter().map(|card| card.summary(lang, today)).collect())
    }

    /// Whether the viewer saved opening `id`.
    pub async fn is_kept(&self, viewer: &Viewer, id: i64) -> Result<bool, CatalogError> {
        Ok(self.db.has_bookmark(viewer.account_id, id).await?)
    }
}
