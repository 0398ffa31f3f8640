//! Setting the HTTP status of a server-rendered page (404, 400) from inside the app.

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

    /// Sets the response status on the server; nothing to do in the browser.
    pub fn set(&self, code: u16) {
        #[cfg(feature = "ssr")]
        if let (Some(response), Ok(status)) = (&self.response, http::StatusCode::from_u16(code)) {
            response.set_status(status);
        }
        #[cfg(not(feature = "ssr"))]
        let _ = code;
    }
}
