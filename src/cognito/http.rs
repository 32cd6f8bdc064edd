//! HTTP requests and responses as plain values, so the protocol is testable without a network.

use std::fmt;

/// A `POST` to the Cognito endpoint (every operation is one).
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    /// The endpoint to POST to.
    pub url: String,
    /// The headers to send.
    pub headers: Vec<(String, String)>,
    /// The JSON body. It carries passwords and tokens, so `Debug` never prints it.
    pub body: String,
}

impl HttpRequest {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("url", &self.url)
            .field("target", &self.header("x-amz-target"))
            .field("body", &"[redacted]")
            .finish()
    }
}

/// What came back: status, headers and the body text.
#[derive(Clone, PartialEq)]
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// The answer's headers.
    pub headers: Vec<(String, String)>,
    /// Tokens come back in the body, so `Debug` never prints it.
    pub body: String,
}

impl HttpResponse {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish()
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
