//! A form that sends a file (`multipart/form-data`): the CV upload. Read whole under a size
//! limit, its text fields checked like any form's (CSRF token, who sent it), the file kept as
//! bytes for the use case to check by content.

use axum::body::to_bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};

use super::{FormSpec, Submission};
use crate::ServerError;
use crate::state::AppState;

/// The largest upload read: the largest CV and room for the form's other fields.
pub const MAX_UPLOAD_BYTES: usize = catalog::MAX_CV_BYTES + 64 * 1024;

/// A posted form with one file: its other fields as `F`, the file's name and content.
pub struct Uploaded<F> {
    pub fields: F,
    pub form: Submission,
    pub file_name: String,
    pub content: Vec<u8>,
}

impl<F: FormSpec> FromRequest<AppState> for Uploaded<F> {
    type Rejection = ServerError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ServerError> {
        let (mut parts, body) = request.into_parts();
        let boundary = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| multer::parse_boundary(value).ok());
        let bytes = to_bytes(body, MAX_UPLOAD_BYTES).await.ok();
        let (mut fields, mut file) = (Vec::new(), None);
        if let (Some(boundary), Some(bytes)) = (boundary, bytes.clone()) {
            let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
            let mut multipart = multer::Multipart::new(stream, boundary);
            while let Ok(Some(field)) = multipart.next_field().await {
                let name = field.name().unwrap_or_default().to_string();
                match field.file_name().map(str::to_string) {
                    Some(file_name) => file = Some((file_name, field.bytes().await.unwrap_or_default().to_vec())),
                    None => fields.push((name, field.text().await.unwrap_or_default())),
                }
            }
        }
        let form = Submission::begin(&mut parts, state, fields, (F::NAME, F::SHOWN_ON)).await?;
        if bytes.is_none() {
            return Err(form.refuse("cv", "cv-error-too-large", StatusCode::PAYLOAD_TOO_LARGE));
        }
        form.check_token()?;
        let Some((file_name, content)) = file.filter(|(_, content)| !content.is_empty()) else {
            return Err(form.refuse("cv", "cv-error-empty", StatusCode::UNPROCESSABLE_ENTITY));
        };
        let encoded = serde_urlencoded::to_string(form.fields()).unwrap_or_default();
        let fields = serde_urlencoded::from_str(&encoded).unwrap_or_default();
        Ok(Uploaded { fields, form, file_name, content })
    }
}
