//! JSON in and out through serde: [`read`], whose errors say what kind of fault and where but
//! never quote the text (it holds tokens), and [`write`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use std::fmt;

/// What is wrong with a JSON text: what kind of fault, and where. Never a value from the text:
/// serde_json's own messages quote the value at fault, and here that may be a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    /// Not JSON, or cut short, where the reading stopped.
    NotJson(Place),
    /// A field that must be there is not: its name (a name of the type read, never of the text).
    Missing(String),
    /// A value of the wrong type, or one not allowed there.
    Unexpected(Place),
}

/// Where a fault is in a JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WireError::NotJson(at) => write!(f, "not valid JSON ({at})"),
            WireError::Missing(field) => write!(f, "\"{field}\" is missing"),
            WireError::Unexpected(at) => write!(f, "a value of the wrong type ({at})"),
        }
    }
}

impl std::error::Error for WireError {}

impl From<serde_json::Error> for WireError {
    /// Compiled once for every type read.
    fn from(error: serde_json::Error) -> WireError {
        let at = Place {
            line: error.line(),
            column: error.column(),
        };
        if error.classify() != Category::Data {
            return WireError::NotJson(at);
        }
        // Of serde's messages only a missing field's is kept: it names a field of the type,
        // never something from the text.
        let message = error.to_string();
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'));
        match missing {
            Some((field, _)) => WireError::Missing(field.to_string()),
            None => WireError::Unexpected(at),
        }
    }
}

/// Reads `text` as a `T`; the error says the kind of fault and where, never a value. (No field
/// path: `serde_path_to_error` on every type read cost 4.6 KB brotli; `config.json` has it.)
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, WireError> {
    Ok(serde_json::from_str(text)?)
}

/// The compact JSON text of `value` (no spaces), fields in their declared order.
pub fn write<T: Serialize>(value: &T) -> String {
    // Structs and string-keyed maps only: serde_json has no way to fail on them.
    serde_json::to_string(value).expect("wire types always serialize")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    // Only their faults are looked at, never their fields.
    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    struct Outer {
        n: u64,
        inner: Option<Inner>,
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    struct Inner {
        token: String,
    }

    fn fault(text: &str) -> WireError {
        read::<Outer>(text).unwrap_err()
    }

    #[test]
    fn a_fault_is_named_by_its_kind_and_place() {
        assert_eq!(
            fault(r#"{"n":1,"inner":{}}"#).to_string(),
            r#""token" is missing"#
        );
        assert_eq!(fault("{}").to_string(), r#""n" is missing"#);
        assert_eq!(
            fault(r#"{"n":"x"}"#).to_string(),
            "a value of the wrong type (line 1, column 8)"
        );
        assert_eq!(
            fault("5").to_string(),
            "a value of the wrong type (line 1, column 1)"
        );
        assert_eq!(
            fault("{\n\"n\":").to_string(),
            "not valid JSON (line 2, column 4)"
        );
        assert_eq!(
            fault(r#"{"n":1} x"#),
            WireError::NotJson(Place { line: 1, column: 9 })
        );
    }

    #[test]
    fn no_fault_quotes_the_text() {
        let secret = "eyJzZWNyZXQ.c2VjcmV0.c2ln";
        for text in [
            format!(r#"{{"n":"{secret}"}}"#),
            format!(r#"{{"n":1,"inner":{{"token":["{secret}"]}}}}"#),
            format!(r#"{{"n":1,"inner":{{"{secret}":1}}}}"#),
            format!(r#"{{"n":1,"{secret}":[1,}}"#),
            format!(r#"{{"n":1,"{secret}""#),
            format!(r#"{{"n":{secret}}}"#),
            format!(r#""{secret}""#),
        ] {
            let error = fault(&text);
            let shown = format!("{error} {error:?}");
            for part in secret.split('.') {
                assert!(!shown.contains(part), "{text}: {shown}");
            }
        }
    }
}
