//! The session as kept in sessionStorage: one versioned JSON record. A record this version
//! cannot read is reported and reset, never half-used.

use super::{JwtError, Session, decode_claims};
use crate::secret::{AccessToken, IdToken, RefreshToken};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The record format written today. Bump it (and teach [`Session::from_record`] the old one)
/// when the shape changes.
pub const RECORD_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct RecordV1 {
    v: u32,
    username: String,
    access_token: AccessToken,
    id_token: IdToken,
    refresh_token: Option<RefreshToken>,
    obtained_at_ms: u64,
    expires_in_s: u64,
    refresh_rotated_at_ms: Option<u64>,
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    NotJson,
    UnknownVersion(Option<u64>),
    MissingFields(String),
    BadToken(JwtError),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotJson => f.write_str("it is not valid JSON"),
            RecordError::UnknownVersion(Some(v)) => {
                write!(
                    f,
                    "it was written in format version {v}, which this version of the app does not know"
                )
            }
            RecordError::UnknownVersion(None) => f.write_str("it has no format version"),
            RecordError::MissingFields(e) => write!(f, "it is incomplete ({e})"),
            RecordError::BadToken(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RecordError {}

impl Session {
    /// The record to keep in storage (the current format version).
    pub fn to_record(&self) -> String {
        let record = RecordV1 {
            v: RECORD_VERSION,
            username: self.username.clone(),
            access_token: self.access_token.clone(),
            id_token: self.id_token.clone(),
            refresh_token: self.refresh_token.clone(),
            obtained_at_ms: self.obtained_at_ms,
            expires_in_s: self.expires_in_s,
            refresh_rotated_at_ms: self.refresh_rotated_at_ms,
        };
        serde_json::to_string(&record).expect("a session record always serializes")
    }

    /// Reads a stored record; anything it cannot fully read is an error, never half a session.
    pub fn from_record(raw: &str) -> Result<Session, RecordError> {
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|_| RecordError::NotJson)?;
        match value.get("v").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(RECORD_VERSION) => {}
            other => return Err(RecordError::UnknownVersion(other)),
        }
        // Read again as text rather than from `value`: one deserializer less in the bundle.
        // The serde error names the missing field; it never quotes a token.
        let r: RecordV1 =
            serde_json::from_str(raw).map_err(|e| RecordError::MissingFields(e.to_string()))?;
        Ok(Session {
            access_claims: decode_claims(r.access_token.expose()).map_err(RecordError::BadToken)?,
            id_claims: decode_claims(r.id_token.expose()).map_err(RecordError::BadToken)?,
            username: r.username,
            access_token: r.access_token,
            id_token: r.id_token,
            refresh_token: r.refresh_token,
            obtained_at_ms: r.obtained_at_ms,
            expires_in_s: r.expires_in_s,
            refresh_rotated_at_ms: r.refresh_rotated_at_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::result;

    fn session() -> Session {
        Session::from_result(
            "alice",
            result(1_800_000_000, Some("refresh")),
            1_800_000_000_500,
        )
        .unwrap()
    }

    #[test]
    fn a_record_round_trips() {
        let mut s = session();
        s.refresh_rotated_at_ms = Some(42);
        assert_eq!(Session::from_record(&s.to_record()).unwrap(), s);
    }

    #[test]
    fn the_record_is_versioned() {
        let value: serde_json::Value = serde_json::from_str(&session().to_record()).unwrap();
        assert_eq!(value["v"], 1);
        assert_eq!(value["expires_in_s"], 3600);
    }

    #[test]
    fn corrupt_records_are_told_apart() {
        assert_eq!(Session::from_record("{not json"), Err(RecordError::NotJson));
        assert_eq!(
            Session::from_record(r#"{"v":2,"username":"a"}"#),
            Err(RecordError::UnknownVersion(Some(2)))
        );
        assert_eq!(
            Session::from_record(r#"{"username":"a"}"#),
            Err(RecordError::UnknownVersion(None))
        );
        let err = Session::from_record(r#"{"v":1,"username":"a"}"#).unwrap_err();
        assert!(
            matches!(err, RecordError::MissingFields(ref m) if m.contains("access_token")),
            "{err:?}"
        );
    }

    #[test]
    fn a_tampered_token_in_the_record_is_refused_without_quoting_it() {
        let mut value: serde_json::Value = serde_json::from_str(&session().to_record()).unwrap();
        value["access_token"] = "secret-garbage-token".into();
        let err = Session::from_record(&value.to_string()).unwrap_err();
        assert_eq!(err, RecordError::BadToken(JwtError::NotThreeParts));
        assert!(!err.to_string().contains("secret-garbage-token"));
    }
}
