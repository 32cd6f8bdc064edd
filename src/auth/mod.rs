//! The auth service: what the app can ask (sign in, read the token info, refresh, sign out,
//! account calls) and the ports it needs from the outside (HTTP, storage, clock, other tabs).
//! Host tests plug in fakes; the browser build plugs in `crate::browser`.
//!
//! One handle, [`Auth`] (`service.rs`), and one `impl Auth` block per concern: `sign_in.rs`,
//! `refresh.rs`, `tabs.rs`, `account.rs`; `token_info.rs` is the view model and `error.rs`
//! the failure table.

mod account;
mod app_setup;
mod error;
mod mfa;
mod ports;
mod refresh;
mod service;
mod sign_in;
mod tabs;
mod token_info;

pub use crate::cognito::{Attribute, ChallengeName, Factor, MfaSettings};
pub use account::{CodeSentTo, NewAccount, Profile, SignOutReport};
pub use app_setup::{AppCode, NewApp, SetupChallenge};
pub use error::{AuthError, Effect, Step};
pub use mfa::{CodeChallenge, FactorChoice};
pub use ports::{
    Backoff, Environment, HttpClient, SessionStore, SoloTab, StorageError, TabLink, TabMessage,
};
pub use refresh::Refreshed;
pub use service::Auth;
pub use sign_in::{ChallengeAnswer, PendingChallenge, SignInStep};
pub use tabs::TabNews;
pub use token_info::{TokenInfo, TokenRead};

#[cfg(test)]
mod tests;
