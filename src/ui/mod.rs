//! The sign-in as Leptos components another Leptos app drops in (wasm32 only):
//!
//! - [`Authenticator`]: the whole signed-out flow, then its children once signed in;
//! - [`AccountSettings`]: the profile, two-step sign-in settings, password change and
//!   sign-out everywhere, among the `Authenticator`'s children;
//! - [`TokenPanel`]: what the tokens say, with a countdown and the session's buttons;
//! - [`use_auth`]: the session, reactive, and a fresh access token for your API calls;
//! - [`Language`] and [`LanguageSwitch`]: the words, English or Japanese, chosen by the host
//!   app or by the browser; [`AuthLog`] and [`OperationLog`]: what the sign-in did.
//!
//! The components share one state (`context.rs`, a `Copy` handle of Leptos signals and a
//! `StoredValue` of the auth service) through a Leptos context; inside, each screen is given it
//! as a prop. (A Leptos `Action` for the requests cost 3.5 KB brotli more than a signal saying
//! which one runs: docs/size.md.) Views never call Cognito or storage: they send it intents
//! (`intents.rs`), and `crate::outcome` decides what the page shows next.
//!
//! Views are written with `view!`, but never a fully static element (one with only literal
//! attributes and text): tachys makes those from an HTML string through `innerHTML`, which the
//! app's Trusted Types policy refuses. Every element here holds a word of the page's language
//! or a reactive value, so none is; `tests/scripts/trusted-types.test.mjs` fails if the release
//! wasm holds an HTML string, and the end-to-end tests count the page's policy violations.

mod account;
mod account_intents;
mod app_setup;
mod authenticator;
mod context;
mod field;
mod hooks;
mod intents;
mod language;
mod log;
mod mfa;
mod sign_in;
mod token_info;
mod use_auth;

pub use account::AccountSettings;
pub use authenticator::Authenticator;
pub use language::{Language, LanguageSwitch};
pub use log::{AuthLog, LogEntry, OperationLog};
pub use token_info::TokenPanel;
pub use use_auth::{UseAuth, use_auth};

use leptos::prelude::{provide_context, use_context};

/// The `T` provided above, or else `make`'s, provided here (to the rest of this owner: the
/// component's later siblings too).
fn use_or_provide<T: Clone + Send + Sync + 'static>(make: impl FnOnce() -> T) -> T {
    use_context::<T>().unwrap_or_else(|| {
        let made = make();
        provide_context(made.clone());
        made
    })
}
