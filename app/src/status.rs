//! Setting the HTTP status of a server-rendered page (404, 400) from inside the app, and
//! sending the reader elsewhere (a page that needs a signed-in account).

/// Captured when a page is created, used once its data has loaded.
#[derive(Clone)]
pub struct Status {
    #[cfg(feature = "ssr")]
    response: Option<leptos_axum::ResponseOptions>,
}

impl Status {
    pub fn capture() -> Status {
        Status {
            #[cfg(feature = "ssr")]
            response: leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        }
    }

    /// Sends the reader to `path` (a 303). Pages are drawn by the server alone (islands mode).
    pub fn redirect(&self, path: &str) {
        #[cfg(feature = "ssr")]
        if let (Some(response), Ok(location)) = (&self.response, http::HeaderValue::from_str(path)) {
            response.set_status(http::StatusCode::SEE_OTHER);
            response.insert_header(http::header::LOCATION, location);
        }
        #[cfg(not(feature = "ssr"))]
        let _ = path;
    }

    /// Sets the response status.
    pub fn set(&self, code: u16) {
        #[cfg(feature = "ssr")]
        if let (Some(response), Ok(status)) = (&self.response, http::StatusCode::from_u16(code)) {
            response.set_status(status);
        }
        #[cfg(not(feature = "ssr"))]
        let _ = code;
    }
}
