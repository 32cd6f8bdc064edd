//! The token-info view model: what the app shows of a session. Tokens appear only as short
//! previews, never whole.

use super::refresh::Refreshed;
use super::{Auth, AuthError, Environment, HttpClient, SessionStore, TabLink};
use crate::secret::RefreshToken;

/// What the token-info view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenInfo {
    pub username: String,
    pub email: Option<String>,
    pub obtained_at_ms: u64,
    pub access_expires_at_ms: u64,
    pub has_refresh_token: bool,
    pub refresh_rotated_at_ms: Option<u64>,
    pub access_preview: String,
    pub id_preview: String,
    pub refresh_preview: Option<String>,
    /// Server clock minus device clock when the tokens arrived.
    pub clock_drift_ms: i64,
    pub storage_problem: Option<String>,
}

/// A token-info read, and the refresh it made first if the access token had ended.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRead {
    pub info: TokenInfo,
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

    pub(super) fn info(&self) -> Result<TokenInfo, AuthError> {
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
