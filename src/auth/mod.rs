//! The auth service: what the app can ask (sign in, read the token info, refresh, sign out) and
//! the ports it needs from the outside (HTTP, storage, clock). Host tests plug in fakes; the
//! browser build plugs in `crate::browser`.

mod error;
mod ports;
mod service;

pub use error::{AuthError, Step};
pub use ports::{
    Environment, HttpClient, SessionStore, SoloTab, StorageError, TabLink, TabMessage,
};
pub use service::{
    Auth, PendingChallenge, Refreshed, SignInStep, SignOutReport, TabNews, TokenInfo, TokenRead,
};

#[cfg(test)]
mod tests;
