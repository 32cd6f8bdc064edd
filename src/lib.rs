//! A browser client for Amazon Cognito user pools.
//!
//! Layers, inside out (see README "Architecture"):
//! - [`cognito`]: the wire protocol as plain data — no I/O.
//! - [`session`]: tokens, claims, the stored record, expiry and the error policy — no I/O.
//! - [`auth`]: the ports (HTTP, storage, clock) and the service that drives them.
//! - [`i18n`]: every word the page shows, in English and Japanese — no I/O.
//! - [`outcome`]: what the page shows after each outcome (screen, notice, log) — no I/O.
//! - [`qr`]: QR codes as SVG paths (authenticator-app setup) — no I/O.
//! - `browser`: the adapters that plug the ports into the browser (wasm32 only).
//! - `ui`: the sign-in as Leptos components (`Authenticator`, `AccountSettings`, `use_auth`),
//!   talking to one auth handle (wasm32 only).

#![warn(missing_docs)]

pub mod auth;
pub mod cognito;
pub mod config;
mod hex;
pub mod i18n;
// Pure text for the UI (wasm32 only), tested on the host.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod display;
pub mod outcome;
pub mod qr;
pub mod secret;
pub mod session;
mod wire;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
