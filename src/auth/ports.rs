//! What the auth service needs from the outside world.

use crate::cognito::{HttpRequest, HttpResponse, TransportError};
use std::fmt;

/// Sends one request. Single-threaded (the browser), so futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait HttpClient {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// Where the session record lives (sessionStorage in the browser).
pub trait SessionStore {
    fn load(&self) -> Result<Option<String>, StorageError>;
    fn save(&self, record: &str) -> Result<(), StorageError>;
    fn remove(&self) -> Result<(), StorageError>;
}

/// Wall-clock time in milliseconds since the Unix epoch.
pub trait Clock {
    fn now_ms(&self) -> u64;
}

/// Storage refused: unavailable (privacy settings), full, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError(pub String);

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
