//! Tokens and what they say: claim decoding, the signed-in session with its expiry, the record
//! kept in storage, and the policy of which refresh failures end a session. No I/O.

mod jwt;
mod policy;
mod record;

pub use jwt::{Claims, JwtError, decode_claims};
pub use policy::retry_delay_ms;
pub use record::RecordError;

use crate::cognito::AuthenticationResult;
use crate::secret::{AccessToken, IdToken, RefreshToken};

/// Refresh a little before the access token's end, so a token is never sent in its last
/// seconds and then refused on arrival.
pub const EXPIRY_MARGIN_MS: u64 = 5_000;

/// A signed-in user's tokens and the times needed to know when they end.
///
/// Expiry is reckoned from `ExpiresIn` and the device's own clock at the time the request was
/// sent (`obtained_at_ms`), never from the token's `exp` against the device clock: a device
/// clock that is hours off would otherwise loop refreshing or use dead tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The username Cognito knows the user by.
    pub username: String,
    /// The access token.
    pub access_token: AccessToken,
    /// The ID token.
    pub id_token: IdToken,
    /// The refresh token, if the sign-in gave one.
    pub refresh_token: Option<RefreshToken>,
    /// When the tokens arrived, by the device clock (ms since the epoch).
    pub obtained_at_ms: u64,
    /// The access token's lifetime, as Cognito gave it.
    pub expires_in_s: u64,
    /// When a refresh last brought a refresh token different from the one it used.
    pub refresh_rotated_at_ms: Option<u64>,
    /// The access token's claims.
    pub access_claims: Claims,
    /// The ID token's claims.
    pub id_claims: Claims,
}

impl Session {
    /// A session from a sign-in answer. `username` is what the user typed; the tokens' own
    /// username wins when they carry one.
    pub fn from_result(
        username: &str,
        result: AuthenticationResult,
        obtained_at_ms: u64,
    ) -> Result<Session, JwtError> {
        let access_claims = decode_claims(result.access_token.expose())?;
        let id_claims = decode_claims(result.id_token.expose())?;
        // The token's own lifetime (exp - iat) bounds ExpiresIn, in case an answer overstates it.
        let expires_in_s = match access_claims.exp.checked_sub(access_claims.iat) {
            Some(lifetime) if lifetime > 0 => result.expires_in.min(lifetime),
            _ => result.expires_in,
        };
        let username = access_claims
            .username
            .clone()
            .or_else(|| id_claims.cognito_username.clone())
            .unwrap_or_else(|| username.to_string());
        Ok(Session {
            username,
            access_token: result.access_token,
            id_token: result.id_token,
            refresh_token: result.refresh_token,
            obtained_at_ms,
            expires_in_s,
            refresh_rotated_at_ms: None,
            access_claims,
            id_claims,
        })
    }

    /// The session after a refresh: new access and id tokens; the new refresh token replaces
    /// the old one when the answer has one (rotation), else the old one stays.
    pub fn refreshed(
        &self,
        result: AuthenticationResult,
        obtained_at_ms: u64,
    ) -> Result<(Session, Rotation), JwtError> {
        let old_refresh = self.refresh_token.clone();
        let mut next = Session::from_result(&self.username, result, obtained_at_ms)?;
        let rotation = match (&old_refresh, &next.refresh_token) {
            (Some(old), Some(new)) if old != new => Rotation::Rotated {
                old_tail: old.tail(),
                new_tail: new.tail(),
            },
            _ => Rotation::Kept,
        };
        if next.refresh_token.is_none() {
            next.refresh_token = old_refresh;
        }
        next.refresh_rotated_at_ms = match rotation {
            Rotation::Rotated { .. } => Some(obtained_at_ms),
            Rotation::Kept => self.refresh_rotated_at_ms,
        };
        Ok((next, rotation))
    }

    /// When the access token ends, by the device clock (from `ExpiresIn`, not `exp`).
    pub fn access_expires_at_ms(&self) -> u64 {
        self.obtained_at_ms
            .saturating_add(self.expires_in_s.saturating_mul(1000))
    }

    /// True once the access token has ended (or is within [`EXPIRY_MARGIN_MS`] of its end).
    /// A device clock that went backwards past `obtained_at_ms` also counts as ended, since the
    /// token's age can no longer be known.
    pub fn needs_refresh(&self, now_ms: u64) -> bool {
        now_ms < self.obtained_at_ms
            || now_ms.saturating_add(EXPIRY_MARGIN_MS) >= self.access_expires_at_ms()
    }

    /// Server clock minus device clock, as seen when the tokens arrived (from the access
    /// token's `iat`). Shown to the user; the expiry logic does not need it.
    pub fn clock_drift_ms(&self) -> i64 {
        (self.access_claims.iat as i64) * 1000 - self.obtained_at_ms as i64
    }
}

/// Whether a refresh changed the refresh token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// Cognito sent a new refresh token; the tails of the old and new one, for the log.
    Rotated {
        /// The old refresh token's last characters.
        old_tail: String,
        /// The new refresh token's last characters.
        new_tail: String,
    },
    /// The refresh token stayed the same.
    Kept,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A JWT whose payload is `claims` (header and signature are not checked by the client).
    pub fn token(claims: serde_json::Value) -> String {
        let payload = jwt::tests::base64url(serde_json::to_string(&claims).unwrap().as_bytes());
        format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2lnbmF0dXJl")
    }

    pub fn result(iat: u64, refresh: Option<&str>) -> AuthenticationResult {
        AuthenticationResult {
            access_token: AccessToken::new(token(serde_json::json!({
                "sub": "s-1", "username": "alice", "token_use": "access",
                "iat": iat, "exp": iat + 3600, "client_id": "c"
            }))),
            id_token: IdToken::new(token(serde_json::json!({
                "sub": "s-1", "cognito:username": "alice", "email": "alice@example.com",
                "token_use": "id", "iat": iat, "exp": iat + 3600, "aud": "c"
            }))),
            refresh_token: refresh.map(RefreshToken::new),
            expires_in: 3600,
            token_type: Some("Bearer".into()),
        }
    }

    const T0: u64 = 1_800_000_000_000;

    #[test]
    fn a_session_takes_its_username_from_the_tokens() {
        let s = Session::from_result("ALICE@example.com", result(1_800_000_000, Some("r1")), T0)
            .unwrap();
        assert_eq!(s.username, "alice");
        assert_eq!(s.id_claims.email.as_deref(), Some("alice@example.com"));
    }

    #[test]
    fn expiry_counts_from_the_local_receipt_time() {
        let s = Session::from_result("alice", result(1_800_000_000, Some("r")), T0).unwrap();
        assert_eq!(s.access_expires_at_ms(), T0 + 3_600_000);
        assert!(!s.needs_refresh(T0));
        assert!(!s.needs_refresh(T0 + 3_600_000 - EXPIRY_MARGIN_MS - 1));
        assert!(s.needs_refresh(T0 + 3_600_000 - EXPIRY_MARGIN_MS));
        assert!(s.needs_refresh(T0 + 3_600_000 + 1));
    }

    #[test]
    fn a_device_clock_a_day_off_does_not_change_expiry() {
        let day_ms = 24 * 3_600_000;
        // The server says iat = T0, but the device thinks it is a day later (and then earlier).
        for device_now in [T0 + day_ms, T0 - day_ms] {
            let s =
                Session::from_result("alice", result(T0 / 1000, Some("r")), device_now).unwrap();
            assert!(
                !s.needs_refresh(device_now + 60_000),
                "fresh token looked expired"
            );
            assert!(
                s.needs_refresh(device_now + 3_600_001),
                "dead token looked valid"
            );
        }
        let s = Session::from_result("alice", result(T0 / 1000, Some("r")), T0 + day_ms).unwrap();
        assert_eq!(s.clock_drift_ms(), -(day_ms as i64));
    }

    #[test]
    fn the_tokens_own_lifetime_bounds_expires_in() {
        let mut overstated = result(1_800_000_000, Some("r"));
        overstated.expires_in = 86_400;
        let s = Session::from_result("alice", overstated, T0).unwrap();
        assert_eq!(s.expires_in_s, 3600);
    }

    #[test]
    fn a_clock_that_went_backwards_means_refresh() {
        let s = Session::from_result("alice", result(1_800_000_000, Some("r")), T0).unwrap();
        assert!(s.needs_refresh(T0 - 1));
    }

    #[test]
    fn rotation_replaces_the_refresh_token() {
        let s = Session::from_result(
            "alice",
            result(1_800_000_000, Some("old-refresh-AAAAAA")),
            T0,
        )
        .unwrap();
        let (next, rotation) = s
            .refreshed(
                result(1_800_003_600, Some("new-refresh-BBBBBB")),
                T0 + 3_600_000,
            )
            .unwrap();
        assert_eq!(
            next.refresh_token.as_ref().unwrap().expose(),
            "new-refresh-BBBBBB"
        );
        assert_eq!(
            rotation,
            Rotation::Rotated {
                old_tail: "AAAAAA".into(),
                new_tail: "BBBBBB".into()
            }
        );
        assert_eq!(next.refresh_rotated_at_ms, Some(T0 + 3_600_000));
        assert_eq!(next.obtained_at_ms, T0 + 3_600_000);
        assert_ne!(next.access_token, s.access_token);
    }

    #[test]
    fn a_refresh_without_a_refresh_token_keeps_the_old_one() {
        let s = Session::from_result("alice", result(1_800_000_000, Some("keep-me")), T0).unwrap();
        let (next, rotation) = s.refreshed(result(1_800_003_600, None), T0 + 1).unwrap();
        assert_eq!(rotation, Rotation::Kept);
        assert_eq!(next.refresh_token.unwrap().expose(), "keep-me");
        assert_eq!(next.refresh_rotated_at_ms, None);
    }

    #[test]
    fn a_refresh_with_garbage_tokens_fails_and_the_caller_keeps_the_old_session() {
        let s = Session::from_result("alice", result(1_800_000_000, Some("r")), T0).unwrap();
        let mut bad = result(1_800_003_600, Some("r2"));
        bad.access_token = AccessToken::new("not-a-jwt");
        assert!(s.refreshed(bad, T0 + 1).is_err());
    }
}
