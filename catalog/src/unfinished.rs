//! New postings saved as drafts before every field reads: a poster who does not know the
//! deadline yet, or has written only the French text, keeps what they typed and comes back to
//! it. An unfinished posting is its author's alone (neither their institution's admins nor
//! moderators see it, and it is audited only once it becomes a posting): it is the form as
//! typed, not an opening. Saved complete, it becomes a posting and goes in the same
//! transaction (see [`Catalog::create_posting`]).

use model::account::Viewer;
use model::posting::{MAX_UNFINISHED, UnfinishedDraft, typed_titles, unfinished_fields};

use crate::postings::may_post;
use crate::{Catalog, CatalogError, now};

impl Catalog {
    /// Keeps `fields` (the posting form as typed) as `viewer`'s unfinished posting for the
    /// institution `slug`, over `id` when that one is still theirs; its id.
    /// [`CatalogError::Invalid`] once they keep [`MAX_UNFINISHED`] already.
    pub async fn save_unfinished_posting(
        &self,
        viewer: &Viewer,
        slug: &str,
        id: Option<i64>,
        fields: &[(String, String)],
    ) -> Result<i64, CatalogError> {
        if !may_post(viewer, slug) {
            return Err(CatalogError::Forbidden);
        }
        let (kept, time) = (unfinished_fields(fields), now());
        let tx = self.db.begin().await?;
        if let Some(id) = id
            && tx.replace_unfinished(viewer.account_id, id, slug, &kept, time).await?
        {
            tx.commit().await?;
            return Ok(id);
        }
        // Not theirs, or gone (finished in another tab): kept as a new one, within the limit.
        if tx.count_unfinished(viewer.account_id).await? >= MAX_UNFINISHED {
            return Err(CatalogError::Invalid(vec![(String::new(), "posting-unfinished-too-many")]));
        }
        let added = tx.add_unfinished(viewer.account_id, slug, &kept, time).await?.ok_or(CatalogError::NotFound)?;
        tx.commit().await?;
        Ok(added)
    }

    /// `viewer`'s unfinished posting `id` as typed, to take it up again; `None` for anyone
    /// else's, for one already finished or discarded, and once they left its institution.
    pub async fn unfinished_posting(
        &self,
        viewer: &Viewer,
        id: i64,
    ) -> Result<Option<Vec<(String, String)>>, CatalogError> {
        let found = self.db.unfinished(viewer.account_id, id).await?;
        Ok(found
            .filter(|unfinished| may_post(viewer, &unfinished.institution.slug))
            .map(|unfinished| unfinished.fields))
    }

    /// `viewer`'s unfinished postings for the institutions they still belong to, the latest
    /// saved first.
    pub(crate) async fn unfinished_postings(&self, viewer: &Viewer) -> Result<Vec<UnfinishedDraft>, CatalogError> {
        let stored = self.db.unfinished_of(viewer.account_id).await?;
        Ok(stored
            .into_iter()
            .filter(|unfinished| may_post(viewer, &unfinished.institution.slug))
            .map(|unfinished| {
                let (title, original_language) = typed_titles(&unfinished.fields);
                UnfinishedDraft {
                    id: unfinished.id,
                    title,
                    original_language,
                    institution: unfinished.institution,
                    saved_at: unfinished.saved_at,
                }
            })
            .collect())
    }

    /// Throws away `viewer`'s unfinished posting `id`; [`CatalogError::NotFound`] when it is
    /// not theirs or already gone.
    pub async fn discard_unfinished_posting(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        if self.db.discard_unfinished(viewer.account_id, id).await? { Ok(()) } else { Err(CatalogError::NotFound) }
    }
}
