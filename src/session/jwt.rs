//! Reading a JWT's claims. The client never checks signatures: Cognito does that on every call.

use crate::wire;
use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde::Deserialize;
use std::fmt;

/// The claims this app reads from access and id tokens (the others are left unread).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Claims {
    /// The user's stable id.
    pub sub: String,
    /// Expiry (seconds since the epoch, by the server's clock).
    pub exp: u64,
    /// Issue time (seconds since the epoch, by the server's clock).
    pub iat: u64,
    /// `access` or `id`.
    pub token_use: Option<String>,
    /// Access tokens name the user here.
    pub username: Option<String>,
    /// Id tokens name the user here.
    #[serde(rename = "cognito:username")]
    pub cognito_username: Option<String>,
    /// The `email` claim (ID tokens).
    pub email: Option<String>,
}

/// Why a token's claims could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    /// The token is not three dot-separated parts.
    NotThreeParts,
    /// A part is not base64url.
    NotBase64Url,
    /// The claims are not the JSON object expected; says why.
    BadClaims(String),
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwtError::NotThreeParts => {
                f.write_str("a token is not in the header.payload.signature form")
            }
            JwtError::NotBase64Url => f.write_str("a token's payload is not base64url"),
            JwtError::BadClaims(e) => write!(f, "a token's claims are unreadable ({e})"),
        }
    }
}

impl std::error::Error for JwtError {}

/// base64url (`-`, `_`), as a JWT's parts are written: read with or without `=` padding.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The claims of a JWT (`token` is its compact form), unverified: the server checks signatures.
pub fn decode_claims(token: &str) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::NotThreeParts);
    };
    let bytes = BASE64URL
        .decode(payload)
        .map_err(|_| JwtError::NotBase64Url)?;
    let text = String::from_utf8(bytes).map_err(|_| JwtError::BadClaims("not UTF-8".into()))?;
    // The errors name the field or the place, never the token.
    wire::read(&text).map_err(|e| JwtError::BadClaims(e.to_string()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An independent encoder for the tests (bit by bit, the slow way).
    pub fn base64url(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let bits: Vec<u8> = bytes
            .iter()
            .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
            .collect();
        bits.chunks(6)
            .map(|chunk| {
                let v = chunk
                    .iter()
                    .enumerate()
                    .fold(0u8, |acc, (i, bit)| acc | (bit << (5 - i)));
                ALPHABET[v as usize] as char
            })
            .collect()
    }

    #[test]
    fn the_test_encoder_agrees_with_the_decoder() {
        let data: Vec<u8> = (0u8..=255).collect();
        for len in 0..40 {
            let slice = &data[200 - len..200];
            assert_eq!(BASE64URL.decode(base64url(slice)).unwrap(), slice);
        }
    }

    #[test]
    fn a_payload_reads_the_same_with_or_without_padding() {
        let claims = br#"{"sub":"xy","iat":1,"exp":2}"#;
        let unpadded = base64url(claims);
        assert!(!unpadded.len().is_multiple_of(4));
        let padded = format!("{unpadded}{}", "=".repeat(4 - unpadded.len() % 4));
        assert_eq!(
            decode_claims(&format!("a.{padded}.c")),
            decode_claims(&format!("a.{unpadded}.c"))
        );
        assert_eq!(decode_claims(&format!("a.{padded}.c")).unwrap().exp, 2);
    }

    #[test]
    fn decodes_cognito_claims() {
        let claims = serde_json::json!({
            "sub": "0a1b", "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x",
            "cognito:username": "alice", "email": "a@example.com", "token_use": "id",
            "iat": 1_800_000_000u64, "exp": 1_800_003_600u64, "aud": "client"
        });
        let token = format!("h.{}.s", base64url(claims.to_string().as_bytes()));
        let c = decode_claims(&token).unwrap();
        assert_eq!(c.cognito_username.as_deref(), Some("alice"));
        assert_eq!(c.exp, 1_800_003_600);
        assert_eq!(c.token_use.as_deref(), Some("id"));
    }

    #[test]
    fn rejects_tampered_tokens() {
        assert_eq!(decode_claims("abc"), Err(JwtError::NotThreeParts));
        assert_eq!(decode_claims("a.b.c.d"), Err(JwtError::NotThreeParts));
        assert_eq!(decode_claims("a.!!.c"), Err(JwtError::NotBase64Url));
        let not_json = format!("a.{}.c", base64url(b"{\"sub\":"));
        assert!(matches!(
            decode_claims(&not_json),
            Err(JwtError::BadClaims(_))
        ));
        let no_exp = format!("a.{}.c", base64url(br#"{"sub":"x","iat":1}"#));
        assert!(matches!(
            decode_claims(&no_exp),
            Err(JwtError::BadClaims(_))
        ));
    }

    #[test]
    fn bad_claims_are_placed_without_quoting_them() {
        let secret = "eyJzZWNyZXQ.c2VjcmV0LWNsYWlt.c2ln";
        let token = |claims: &str| format!("a.{}.c", base64url(claims.as_bytes()));
        for (claims, says) in [
            (
                format!(r#"{{"sub":"x","iat":1,"exp":"{secret}"}}"#),
                "a value of the wrong type (line 1, column 60)",
            ),
            (
                format!(r#"{{"sub":{{"{secret}":1}},"iat":1,"exp":2}}"#),
                "a value of the wrong type (line 1, column 7)",
            ),
            (
                format!(r#"{{"sub":"x","iat":1,"exp":2,"email":["{secret}"]}}"#),
                "a value of the wrong type (line 1, column 35)",
            ),
            (
                format!(r#"{{"{secret}":"x","iat":1,"exp":2}}"#),
                r#""sub" is missing"#,
            ),
            (format!(r#"{{"sub":"{secret}"#), "not valid JSON"),
            (
                format!(r#""{secret}""#),
                "a value of the wrong type (line 1, column 35)",
            ),
        ] {
            let err = decode_claims(&token(&claims)).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(shown.contains(says), "{claims}: {shown}");
            for part in secret.split('.') {
                assert!(!shown.contains(part), "{claims}: {shown}");
            }
        }
    }
}
