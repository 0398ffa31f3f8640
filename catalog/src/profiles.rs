//! A researcher's profile and CV: saving them, and who may read them.
//!
//! - The profile is the researcher's own; institutions see it as its owner chose: those they
//!   applied to (`applied_to`), every verified institution (`verified`), or none (`nobody`,
//!   when institutions applied to see only the letter and the CV sent).
//! - A CV is a PDF (checked by its content) of at most 5 MB. A new upload replaces the
//!   profile's CV; applications keep the one they were sent with. Whoever received a CV with
//!   an application may read that one; the current one follows the profile's visibility.
//! - Platform admins see neither: the audit log has the events only.

use db::NewCv;
use model::account::{AuditAction, Viewer};
use model::profile::{CvInfo, Profile, StoredProfile, Visibility};
use sha2::{Digest, Sha256};

use crate::{Catalog, CatalogError, audit, now};

/// The largest CV accepted.
pub const MAX_CV_BYTES: usize = 5 * 1024 * 1024;

/// Why an upload was refused (each a Fluent message id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CvRefusal {
    NotPdf,
    TooLarge,
    Empty,
}

impl CvRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            CvRefusal::NotPdf => "cv-error-not-pdf",
            CvRefusal::TooLarge => "cv-error-too-large",
            CvRefusal::Empty => "cv-error-empty",
        }
    }
}

/// Whether `content` is a PDF file: its header, and an end-of-file marker near its end
/// (whatever the name or the type the browser claimed).
pub fn check_pdf(content: &[u8]) -> Result<(), CvRefusal> {
    if content.is_empty() {
        return Err(CvRefusal::Empty);
    }
    if content.len() > MAX_CV_BYTES {
        return Err(CvRefusal::TooLarge);
    }
    let tail = &content[content.len().saturating_sub(1024)..];
    let has_end = tail.windows(5).any(|window| window == b"%%EOF");
    if content.starts_with(b"%PDF-") && has_end { Ok(()) } else { Err(CvRefusal::NotPdf) }
}

/// A download name: the uploaded name's letters, digits and a few marks, ending in `.pdf`.
fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let base = base.strip_suffix(".pdf").or_else(|| base.strip_suffix(".PDF")).unwrap_or(base);
    let cleaned: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '))
        .take(100)
        .collect::<String>()
        .trim()
        .to_string();
    if cleaned.is_empty() { "cv.pdf".to_string() } else { format!("{cleaned}.pdf") }
}

/// Whether `viewer` works at an institution that `owner`'s profile is shown to.
fn may_see_profile(viewer: &Viewer, visibility: Visibility, applied_to: &[String]) -> bool {
    match visibility {
        Visibility::Nobody => false,
        Visibility::AppliedTo => viewer.memberships.iter().any(|m| applied_to.contains(&m.institution.slug)),
        Visibility::Verified => {
            viewer.memberships.iter().any(|m| m.institution.verified || applied_to.contains(&m.institution.slug))
        }
    }
}

impl Catalog {
    /// The viewer's own profile and CV (`None` before they save one).
    pub async fn my_profile(&self, viewer: &Viewer) -> Result<Option<StoredProfile>, CatalogError> {
        Ok(self.db.profile(viewer.account_id).await?)
    }

    /// Saves the viewer's profile. [`CatalogError::Invalid`] names what is wrong, field by field.
    pub async fn save_profile(&self, viewer: &Viewer, profile: &Profile) -> Result<(), CatalogError> {
        let problems = profile.problems();
        if !problems.is_empty() {
            return Err(CatalogError::Invalid(problems));
        }
        let tx = self.db.begin().await?;
        tx.save_profile(viewer.account_id, profile, now()).await?;
        audit(&tx, viewer.account_id, AuditAction::ProfileSaved, ("account", viewer.account_id), "").await?;
        let seq = tx.log_profile_change(viewer.account_id, now()).await?;
        tx.commit().await?;
        self.profiles_indexed(seq, viewer.account_id).await;
        Ok(())
    }

    /// Stores `content` as the viewer's CV; its id, or why it was refused.
    pub async fn upload_cv(
        &self,
        viewer: &Viewer,
        file_name: &str,
        content: &[u8],
    ) -> Result<Result<i64, CvRefusal>, CatalogError> {
        if let Err(refusal) = check_pdf(content) {
            return Ok(Err(refusal));
        }
        let sha256 = Sha256::digest(content).iter().map(|byte| format!("{byte:02x}")).collect::<String>();
        let file_name = clean_file_name(file_name);
        let tx = self.db.begin().await?;
        let cv = NewCv { account_id: viewer.account_id, file_name: &file_name, sha256: &sha256, content };
        let id = tx.store_cv(cv, now()).await?;
        let detail = format!("{} bytes", content.len());
        audit(&tx, viewer.account_id, AuditAction::CvUploaded, ("cv", id), &detail).await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// CV `id` with its content, when `viewer` may read it: its owner; an institution it was
    /// sent to with an application; or, for the profile's current CV, an institution the
    /// profile is shown to. Everyone else (platform admins included) gets
    /// [`CatalogError::NotFound`].
    pub async fn cv(&self, viewer: &Viewer, id: i64) -> Result<(CvInfo, Vec<u8>), CatalogError> {
        let info = self.db.cv_info(id).await?.ok_or(CatalogError::NotFound)?;
        if info.account_id != viewer.account_id && !self.may_read_cv(viewer, &info).await? {
            return Err(CatalogError::NotFound);
        }
        // Read only once allowed: a CV is up to 5 MB.
        self.db.cv_content(id).await?.ok_or(CatalogError::NotFound)
    }

    /// Whether `viewer`, who does not own the CV, works at an institution that may read it.
    async fn may_read_cv(&self, viewer: &Viewer, info: &CvInfo) -> Result<bool, CatalogError> {
        let id = info.id;
        let applied = self.db.applied_institutions(info.account_id, Some(id)).await?;
        let received = viewer.memberships.iter().any(|m| applied.sent_cv.contains(&m.institution.slug));
        let profile = self.db.profile(info.account_id).await?;
        let current = profile.as_ref().and_then(|p| p.cv.as_ref()).is_some_and(|cv| cv.id == id);
        let shown = profile.is_some_and(|p| may_see_profile(viewer, p.profile.visibility, &applied.institutions));
        Ok(received || (current && shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cv_is_a_pdf_by_its_content() {
        let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
        assert_eq!(check_pdf(pdf), Ok(()));
        assert_eq!(check_pdf(b"<html><script>alert(1)</script>%%EOF"), Err(CvRefusal::NotPdf));
        assert_eq!(check_pdf(b"%PDF-1.7 cut short"), Err(CvRefusal::NotPdf), "no end marker");
        assert_eq!(check_pdf(b""), Err(CvRefusal::Empty));
        let mut large = pdf.to_vec();
        large.resize(MAX_CV_BYTES + 1, b' ');
        assert_eq!(check_pdf(&large), Err(CvRefusal::TooLarge));
    }

    #[test]
    fn download_names_are_tamed() {
        assert_eq!(clean_file_name("Kim Minji CV.pdf"), "Kim Minji CV.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd.pdf");
        assert_eq!(clean_file_name("a\"; filename=x.exe"), "a filenamex.exe.pdf");
        assert_eq!(clean_file_name("이력서.PDF"), "이력서.pdf");
        assert_eq!(clean_file_name("\"\";"), "cv.pdf");
    }
}
