//! The session as kept in sessionStorage: one versioned JSON record. A record this version
//! cannot read is reported and reset, never half-used.

use super::{JwtError, Session, decode_claims};
use crate::secret::{AccessToken, IdToken, RefreshToken};
use crate::wire::{self, WireError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The record format written today. Bump it (and teach [`Session::from_record`] the old one)
/// when the shape changes.
pub const RECORD_VERSION: u32 = 1;

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON.
    NotJson,
    /// A record version this app does not read.
    UnknownVersion(Option<u64>),
    /// A field is missing (named) or holds the wrong type of value (placed).
    BadField(WireError),
    /// A token in it cannot be read.
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
            RecordError::BadField(WireError::Missing(field)) => {
                write!(f, "it is incomplete (\"{field}\" is missing)")
            }
            RecordError::BadField(e) => write!(f, "it cannot be read ({e})"),
            RecordError::BadToken(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RecordError {}

/// The record as stored, version [`RECORD_VERSION`]. Fields are written in this order; an
/// absent value is written as `null`.
#[derive(Serialize, Deserialize)]
struct Record {
    v: u64,
    username: String,
    access_token: AccessToken,
    id_token: IdToken,
    refresh_token: Option<RefreshToken>,
    obtained_at_ms: u64,
    expires_in_s: u64,
    refresh_rotated_at_ms: Option<u64>,
}

/// What every version of the record has: its version, read before the rest.
#[derive(Deserialize)]
struct Version {
    v: Option<u64>,
}

impl Session {
    /// The record to keep in storage (the current format version).
    pub fn to_record(&self) -> String {
        wire::write(&Record {
            v: RECORD_VERSION.into(),
            username: self.username.clone(),
            access_token: self.access_token.clone(),
            id_token: self.id_token.clone(),
            refresh_token: self.refresh_token.clone(),
            obtained_at_ms: self.obtained_at_ms,
            expires_in_s: self.expires_in_s,
            refresh_rotated_at_ms: self.refresh_rotated_at_ms,
        })
    }

    /// Reads a record written by [`Session::to_record`]; the error says what is wrong with it
    /// without quoting a token.
    pub fn from_record(raw: &str) -> Result<Session, RecordError> {
        let version: Version = wire::read(raw).map_err(|e| match e {
            WireError::NotJson(_) => RecordError::NotJson,
            WireError::Missing(_) | WireError::Unexpected(_) => RecordError::UnknownVersion(None),
        })?;
        if version.v != Some(RECORD_VERSION.into()) {
            return Err(RecordError::UnknownVersion(version.v));
        }
        let record: Record = wire::read(raw).map_err(RecordError::BadField)?;
        Ok(Session {
            access_claims: decode_claims(record.access_token.expose())
                .map_err(RecordError::BadToken)?,
            id_claims: decode_claims(record.id_token.expose()).map_err(RecordError::BadToken)?,
            username: record.username,
            access_token: record.access_token,
            id_token: record.id_token,
            refresh_token: record.refresh_token,
            obtained_at_ms: record.obtained_at_ms,
            expires_in_s: record.expires_in_s,
            refresh_rotated_at_ms: record.refresh_rotated_at_ms,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Claims;
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
    fn the_record_is_byte_for_byte_what_it_was() {
        let claims = Claims {
            sub: "s-1".into(),
            exp: 2,
            iat: 1,
            token_use: None,
            username: None,
            cognito_username: None,
            email: None,
        };
        let full = Session {
            username: "an\"n\\é\u{1}".into(),
            access_token: AccessToken::new("at-1"),
            id_token: IdToken::new("it-1"),
            refresh_token: Some(RefreshToken::new("rt-1")),
            obtained_at_ms: 1_800_000_000_500,
            expires_in_s: 0,
            refresh_rotated_at_ms: Some(u64::MAX),
            access_claims: claims.clone(),
            id_claims: claims,
        };
        assert_eq!(
            full.to_record(),
            r#"{"v":1,"username":"an\"n\\é\u0001","access_token":"at-1","id_token":"it-1","refresh_token":"rt-1","obtained_at_ms":1800000000500,"expires_in_s":0,"refresh_rotated_at_ms":18446744073709551615}"#
        );
        let bare = Session {
            refresh_token: None,
            refresh_rotated_at_ms: None,
            expires_in_s: 3600,
            ..full
        };
        assert_eq!(
            bare.to_record(),
            r#"{"v":1,"username":"an\"n\\é\u0001","access_token":"at-1","id_token":"it-1","refresh_token":null,"obtained_at_ms":1800000000500,"expires_in_s":3600,"refresh_rotated_at_ms":null}"#
        );
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
        // As the first version wrote it: absent values are written as null.
        assert!(value["refresh_rotated_at_ms"].is_null());
        let fields: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(fields.len(), 8, "{fields:?}");
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
            matches!(err, RecordError::BadField(WireError::Missing(ref m)) if m == "access_token"),
            "{err:?}"
        );
    }

    #[test]
    fn a_bad_record_is_refused_without_quoting_a_token() {
        let token = "eyJzZWNyZXQtaGVhZGVy.eyJzZWNyZXQtY2xhaW1z.c2VjcmV0LXNpZ25hdHVyZQ";
        let record: serde_json::Value = serde_json::from_str(&session().to_record()).unwrap();
        let with = |field: &str, value: serde_json::Value| {
            let mut record = record.clone();
            record[field] = value;
            record.to_string()
        };
        for raw in [
            with("obtained_at_ms", token.into()),
            with("expires_in_s", serde_json::json!([token])),
            with("refresh_token", serde_json::json!({ token: 1 })),
            format!(r#"{{"v":1,"{token}":"x","username":"a"}}"#),
            format!(r#"{{"v":1,"username":{{"{token}":"x"}}}}"#),
            with("v", token.into()),
            format!(r#"{{"v":1,"{token}":[}}"#),
            format!(r#"{{"{token}":"#),
            format!(r#"{{"v":1,"username":"a","access_token":{token}}}"#),
        ] {
            let err = Session::from_record(&raw).unwrap_err();
            let shown = format!("{err} {err:?}");
            for part in token.split('.') {
                assert!(!shown.contains(part), "{raw}: {shown}");
            }
        }
        let err = Session::from_record(&with("obtained_at_ms", token.into())).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it cannot be read (a value of the wrong type (line 1, column 514))"
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
