//! `use_auth()`: the signed-in session for the components an `<Authenticator>` shows, and a
//! fresh access token for calls made on the user's behalf.

use super::context::{Ctx, expect_ctx};
use crate::auth::{AuthError, TokenInfo};
use crate::i18n::Key;
use crate::outcome::{Tone, refresh_report};
use crate::secret::AccessToken;
use crate::session::Claims;
use leptos::prelude::*;

/// The session of the `<Authenticator>` above, for the components it shows; `Copy`. Its
/// readers are reactive: a view that reads them is redrawn when the session changes (a
/// sign-in, a refresh, a sign-out here or in another tab).
///
/// ```no_run
/// use cognito_client::ui::use_auth;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Greeting() -> impl IntoView {
///     let auth = use_auth();
///     view! {
///         <p>{move || auth.username()}</p>
///         <button on:click=move |_| auth.sign_out()>"Sign out"</button>
///     }
/// }
/// ```
#[derive(Clone, Copy)]
pub struct UseAuth(Ctx);

/// The session of the [`Authenticator`](super::Authenticator) above this component.
///
/// ```no_run
/// use cognito_client::ui::use_auth;
/// use leptos::prelude::*;
///
/// #[component]
/// fn Expiry() -> impl IntoView {
///     let auth = use_auth();
///     view! { <p>{move || auth.expires_at_ms().map(|ms| format!("until {ms}"))}</p> }
/// }
/// ```
///
/// # Panics
/// Outside an `Authenticator`.
pub fn use_auth() -> UseAuth {
    UseAuth(expect_ctx())
}

impl UseAuth {
    /// Whether someone is signed in (tracked).
    pub fn is_signed_in(self) -> bool {
        self.0.signed_in()
    }

    /// What the page knows of the session (tracked): none when signed out.
    pub fn info(self) -> Option<TokenInfo> {
        let ctx = self.0;
        let shown = ctx.info.get();
        if !ctx.signed_in() {
            return None;
        }
        shown.or_else(|| ctx.with_auth(|auth| auth.info().ok()))
    }

    /// The signed-in user's username (tracked).
    pub fn username(self) -> Option<String> {
        self.info().map(|info| info.username)
    }

    /// What the ID token says of the user (tracked): `sub`, `email`, `cognito:groups`, …
    pub fn claims(self) -> Option<Claims> {
        self.info()?;
        self.0.with_auth(|auth| auth.id_claims())
    }

    /// When the access token ends, by the device clock (ms since the epoch; tracked).
    pub fn expires_at_ms(self) -> Option<u64> {
        self.info().map(|info| info.access_expires_at_ms)
    }

    /// A valid access token, for `Authorization: Bearer …` on a call to your own API: the one
    /// held, or a new one if it has ended (the refresh is shared with every other caller and
    /// the app's other tabs). If the session cannot be kept, the `Authenticator` goes back to
    /// its sign-in and says why; once it is gone, this is `Err(AuthError::NotSignedIn)`.
    ///
    /// ```no_run
    /// # async fn call(url: &str) -> Result<(), cognito_client::auth::AuthError> {
    /// use cognito_client::ui::use_auth;
    /// let token = use_auth().fresh_access_token().await?;
    /// let answer = gloo_net::http::Request::get(url)
    ///     .header("Authorization", &format!("Bearer {}", token.expose()))
    ///     .send()
    ///     .await;
    /// # Ok(()) }
    /// ```
    pub async fn fresh_access_token(self) -> Result<AccessToken, AuthError> {
        let ctx = self.0;
        let auth = ctx.try_auth().ok_or(AuthError::NotSignedIn)?;
        let token = match auth.token_info().await {
            Ok(read) => {
                if let Some(refreshed) = read.refreshed {
                    ctx.log(Tone::Success, refresh_report(Key::LeadExpired, &refreshed));
                    ctx.session_healthy();
                    ctx.info.set(Some(read.info));
                }
                auth.fresh_access_token().await
            }
            Err(error) => Err(error),
        };
        token.map_err(|error| self.failed(error))
    }

    /// A new access token, whatever the one held says: for when your API refused the one
    /// [`UseAuth::fresh_access_token`] gave (HTTP 401, the token was revoked): try once more
    /// with this one (`examples/api` shows the whole path).
    ///
    /// ```no_run
    /// # async fn retry(url: &str) -> Result<(), cognito_client::auth::AuthError> {
    /// use cognito_client::ui::use_auth;
    /// let auth = use_auth();
    /// let token = auth.fresh_access_token().await?;
    /// let send = |token: String| gloo_net::http::Request::get(url)
    ///     .header("Authorization", &format!("Bearer {token}"))
    ///     .send();
    /// if let Ok(answer) = send(token.expose().to_string()).await
    ///     && answer.status() == 401
    /// {
    ///     let token = auth.refreshed_access_token().await?;
    ///     let _ = send(token.expose().to_string()).await;
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn refreshed_access_token(self) -> Result<AccessToken, AuthError> {
        let ctx = self.0;
        let auth = ctx.try_auth().ok_or(AuthError::NotSignedIn)?;
        let token = match auth.refresh().await {
            Ok(refreshed) => {
                ctx.log(
                    Tone::Success,
                    refresh_report(Key::LeadRefreshed, &refreshed),
                );
                ctx.session_healthy();
                if let Ok(info) = auth.info() {
                    ctx.info.set(Some(info));
                }
                auth.fresh_access_token().await
            }
            Err(error) => Err(error),
        };
        token.map_err(|error| self.failed(error))
    }

    /// Signs out here and in the app's other tabs at once, then revokes the refresh token.
    pub fn sign_out(self) {
        self.0.sign_out();
    }

    /// A token for a caller could not be had: the page says why (and goes back to the sign-in if
    /// the session has ended).
    fn failed(self, error: AuthError) -> AuthError {
        self.0.fail(Key::WhatRefresh, error.clone());
        error
    }
}
