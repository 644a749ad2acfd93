//! The `http` crate's types (feature `http`).

use crate::{Category, ErrorInfo};

impl ErrorInfo {
    /// [`http_status`](Self::http_status) as an [`http::StatusCode`]; `None`
    /// when the catalog states none.
    pub fn status_code(self) -> Option<http::StatusCode> {
        http::StatusCode::from_u16(self.http_status()?).ok()
    }
}

impl Category {
    /// [`from_http_status`](Self::from_http_status) for an
    /// [`http::StatusCode`].
    pub fn from_status_code(status: http::StatusCode) -> Option<Category> {
        Category::from_http_status(status.as_u16())
    }
}

#[cfg(feature = "response")]
impl<'a> crate::response::Reader<'a> {
    /// The response's status, as the `http` crate has it.
    pub fn status(self, status: http::StatusCode) -> Self {
        self.http_status(status.as_u16())
    }

    /// The response's headers: `Retry-After` is taken from them (a value
    /// that is not text is ignored).
    pub fn headers(self, headers: &'a http::HeaderMap) -> Self {
        match headers.get(http::header::RETRY_AFTER).and_then(|v| v.to_str().ok()) {
            Some(value) => self.retry_after(value),
            None => self,
        }
    }

    /// Reads an `http::Response` whose body is bytes: its status,
    /// `Retry-After` and body.
    ///
    /// # Errors
    ///
    /// As [`read`](Self::read).
    pub fn read_response<B: AsRef<[u8]>>(
        self,
        response: &'a http::Response<B>,
    ) -> Result<crate::response::Response, crate::response::ReadError> {
        self.status(response.status()).headers(response.headers()).read(response.body().as_ref())
    }
}
