//! Secrets (tokens, passwords, challenge sessions) that never print.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A secret string. `Debug` and `Display` print `[redacted]`; only [`Secret::expose`] gives the
/// value, and the UI only ever shows [`Secret::preview`].
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

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
    fn serializes_as_the_plain_string() {
        let s = Secret::new("tok");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"tok\"");
        let back: Secret = serde_json::from_str("\"tok\"").unwrap();
        assert_eq!(back, s);
    }
}
