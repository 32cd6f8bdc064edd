//! Secrets that never print: [`Secret`] for any secret string, and one type per kind of secret
//! the app handles ([`AccessToken`], [`IdToken`], [`RefreshToken`], [`Password`],
//! [`ChallengeSession`]), so the compiler refuses one where another belongs (revoking an access
//! token as if it were the refresh token, say). [`TotpSecret`] is also wiped from memory when
//! dropped. On the wire and in storage each is a plain JSON string.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Zeroes `values` with volatile writes, which the compiler may not remove as dead stores
/// (secrets about to be dropped).
pub fn wipe<T: Copy + Default>(values: &mut [T]) {
    for value in values.iter_mut() {
        // SAFETY: a valid, aligned, exclusively borrowed value.
        unsafe { std::ptr::write_volatile(value, T::default()) };
    }
}

/// An authenticator app's secret (base32), as `AssociateSoftwareToken` hands it out. Never
/// printed, never stored; each copy's bytes are zeroed when it is dropped.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct TotpSecret(String);

impl TotpSecret {
    /// Wraps the secret's text.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, to draw the QR code and show for typing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl PartialEq for TotpSecret {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Drop for TotpSecret {
    fn drop(&mut self) {
        // SAFETY: zero bytes are valid UTF-8.
        wipe(unsafe { self.0.as_mut_vec() });
    }
}

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A secret string. `Debug` and `Display` print `[redacted]`; only [`Secret::expose`] gives the
/// value, and the UI only ever shows [`Secret::preview`].
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself: for the wire and storage only, never for display.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last few characters: enough to tell two tokens apart, useless to an attacker.
    pub fn tail(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        let start = chars.len().saturating_sub(TAIL_CHARS);
        chars[start..].iter().collect()
    }

    /// A short preview for display: the first and last few characters, never the whole token.
    pub fn preview(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() <= HEAD_CHARS + TAIL_CHARS {
            return "…".to_string();
        }
        let head: String = chars[..HEAD_CHARS].iter().collect();
        format!("{head}…{}", self.tail())
    }
}

const HEAD_CHARS: usize = 10;
const TAIL_CHARS: usize = 6;

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// One kind of secret: a [`Secret`] of its own type. Same wire form (a plain string), same
/// redacted `Debug`/`Display`; the helpers are [`Secret`]'s, compiled once.
macro_rules! secret_kind {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Secret);

        impl $name {
            /// Wraps a secret value.
            pub fn new(value: impl Into<String>) -> Self {
                Self(Secret::new(value))
            }

            /// The value itself: for the wire and storage only, never for display.
            pub fn expose(&self) -> &str {
                self.0.expose()
            }

            /// See [`Secret::tail`].
            pub fn tail(&self) -> String {
                self.0.tail()
            }

            /// See [`Secret::preview`].
            pub fn preview(&self) -> String {
                self.0.preview()
            }

            /// As a plain [`Secret`], for a wire parameter map.
            pub fn to_secret(&self) -> Secret {
                self.0.clone()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("[redacted]")
            }
        }
    )*};
}

secret_kind! {
    /// The access token: what calls made on the user's behalf present.
    AccessToken;
    /// The ID token: who the user is (its claims are shown, never the token).
    IdToken;
    /// The refresh token: what a refresh, a revocation and the tabs' messages name.
    RefreshToken;
    /// A password the user typed (current, new or temporary).
    Password;
    /// The `Session` value Cognito gives a challenge, to answer it with.
    ChallengeSession;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_print_the_value() {
        let s = Secret::new("eyJhbGciOiJSUzI1NiJ9.payload.signature");
        assert_eq!(format!("{s:?}"), "[redacted]");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(s)), "Some([redacted])");
    }

    #[test]
    fn preview_shows_head_and_tail_only() {
        let s = Secret::new("abcdefghijKLMNOPQRSTuvwxyz");
        assert_eq!(s.preview(), "abcdefghij…uvwxyz");
        assert_eq!(s.tail(), "uvwxyz");
    }

    #[test]
    fn preview_of_a_short_secret_reveals_nothing() {
        assert_eq!(Secret::new("short").preview(), "…");
    }

    #[test]
    fn every_kind_is_redacted_and_exposes_the_plain_string() {
        let t = RefreshToken::new("tok");
        assert_eq!(format!("{t:?}"), "[redacted]");
        assert_eq!(t.expose(), "tok");
        assert_eq!(t.to_secret(), Secret::new("tok"));
        assert_eq!(format!("{:?}", Password::new("pw")), "[redacted]");
    }

    #[test]
    fn every_kind_is_a_plain_json_string() {
        let t = RefreshToken::new("tok\"1");
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""tok\"1""#);
        assert_eq!(
            serde_json::from_str::<RefreshToken>(r#""tok\"1""#).unwrap(),
            t
        );
        let totp: TotpSecret = serde_json::from_str(r#""JBSWY3DP""#).unwrap();
        assert_eq!(totp.expose(), "JBSWY3DP");
        assert!(serde_json::from_str::<Secret>("1").is_err());
    }
}
