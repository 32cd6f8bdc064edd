//! The token-info view model: what the app shows of a session. Tokens appear only as short
//! previews, never whole.

use super::refresh::Refreshed;
use super::{Auth, AuthError, Environment, HttpClient, SessionStore, StorageError, TabLink};
use crate::secret::RefreshToken;
use crate::session::Claims;

/// What the token-info view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenInfo {
    /// The signed-in user's username.
    pub username: String,
    /// The `email` claim of the ID token, if any.
    pub email: Option<String>,
    /// When the tokens arrived, by the device clock (ms since the epoch).
    pub obtained_at_ms: u64,
    /// When the access token expires, by the device clock (ms since the epoch).
    pub access_expires_at_ms: u64,
    /// Whether a refresh token is held.
    pub has_refresh_token: bool,
    /// When the refresh token was last rotated, if it ever was in this session.
    pub refresh_rotated_at_ms: Option<u64>,
    /// The access token's first and last characters, never the whole token.
    pub access_preview: String,
    /// The ID token's first and last characters.
    pub id_preview: String,
    /// The refresh token's first and last characters, if one is held.
    pub refresh_preview: Option<String>,
    /// Server clock minus device clock when the tokens arrived.
    pub clock_drift_ms: i64,
    /// Why the session could not be saved in this tab's storage, if it could not.
    pub storage_problem: Option<StorageError>,
}

/// A token-info read, and the refresh it made first if the access token had ended.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRead {
    /// The session as it is after the read.
    pub info: TokenInfo,
    /// The refresh the read made first, if the access token had ended.
    pub refreshed: Option<Refreshed>,
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// The token info, refreshing first if the access token has ended.
    pub async fn token_info(&self) -> Result<TokenRead, AuthError> {
        let refreshed = self.refresh_if_expired().await?;
        Ok(TokenRead {
            info: self.info()?,
            refreshed,
        })
    }

    /// What the ID token of the session held says of the user, if a session is held.
    pub fn id_claims(&self) -> Option<Claims> {
        self.state().session.as_ref().map(|s| s.id_claims.clone())
    }

    /// The token info of the session held, as it is: no refresh, so an ended access token shows
    /// as ended. For showing the session while a refresh fails (`token_info` says why it
    /// failed; [`Auth::retry_at_ms`] says when the next try is).
    pub fn info(&self) -> Result<TokenInfo, AuthError> {
        let state = self.state();
        let s = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
        Ok(TokenInfo {
            username: s.username.clone(),
            email: s.id_claims.email.clone(),
            obtained_at_ms: s.obtained_at_ms,
            access_expires_at_ms: s.access_expires_at_ms(),
            has_refresh_token: s.refresh_token.is_some(),
            refresh_rotated_at_ms: s.refresh_rotated_at_ms,
            access_preview: s.access_token.preview(),
            id_preview: s.id_token.preview(),
            refresh_preview: s.refresh_token.as_ref().map(RefreshToken::preview),
            clock_drift_ms: s.clock_drift_ms(),
            storage_problem: state.storage_problem.clone(),
        })
    }
}
