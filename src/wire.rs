//! JSON in and out through serde: [`read`], whose errors say where the fault is and what kind
//! it is but never quote the text (it holds tokens), and [`write`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use std::fmt;

/// What is wrong with a JSON text: where, and what kind of fault. Never a value from the text:
/// serde_json's own messages quote the value at fault, and here that may be a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    /// The field at fault as a path (`AuthenticationResult.ExpiresIn`); empty for the whole text.
    pub at: String,
    /// What is wrong there.
    pub fault: Fault,
}

/// The kind of a [`WireError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Not JSON, or cut short: where the reading stopped.
    NotJson {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// A field that must be there is not.
    Missing,
    /// A value of the wrong type, or one not allowed there.
    Unexpected,
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.fault {
            Fault::NotJson { line, column } => {
                write!(f, "not valid JSON (line {line}, column {column})")
            }
            Fault::Missing => write!(f, "\"{}\" is missing", self.at),
            Fault::Unexpected if self.at.is_empty() => f.write_str("not the JSON object expected"),
            Fault::Unexpected => write!(f, "\"{}\" has the wrong type or value", self.at),
        }
    }
}

impl std::error::Error for WireError {}

impl WireError {
    /// From [`parse`]'s error; compiled once for every type read.
    fn new(mut at: String, error: &serde_json::Error) -> WireError {
        if error.classify() != Category::Data {
            // The path is dropped too: the parser may have stopped inside an unknown key.
            let (line, column) = (error.line(), error.column());
            let fault = Fault::NotJson { line, column };
            return WireError {
                at: String::new(),
                fault,
            };
        }
        // Of serde's messages only a missing field's is kept: it names a field of the type,
        // never something from the text.
        let message = error.to_string();
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'));
        let fault = match missing {
            Some((field, _)) => {
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(field);
                Fault::Missing
            }
            None => Fault::Unexpected,
        };
        WireError { at, fault }
    }
}

/// Reads `text` as a `T`; the error names the place and the kind of fault, never a value.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, WireError> {
    parse(text).map_err(|(at, error)| WireError::new(at, &error))
}

/// Reads `text` as a `T`, or says where it failed (the field path, empty for the whole text)
/// with serde_json's error, which may quote the text: only for texts that hold no secret.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." { String::new() } else { at };
        (at, e.into_inner())
    })?;
    de.end().map_err(|e| (String::new(), e))?;
    Ok(value)
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
    fn a_fault_is_named_by_its_place_and_kind() {
        assert_eq!(
            fault(r#"{"n":1,"inner":{}}"#).to_string(),
            r#""inner.token" is missing"#
        );
        assert_eq!(fault("{}").to_string(), r#""n" is missing"#);
        assert_eq!(
            fault(r#"{"n":"x"}"#).to_string(),
            r#""n" has the wrong type or value"#
        );
        assert_eq!(fault("5").to_string(), "not the JSON object expected");
        assert_eq!(
            fault("{\n\"n\":").to_string(),
            "not valid JSON (line 2, column 4)"
        );
        assert_eq!(
            fault(r#"{"n":1} x"#).fault,
            Fault::NotJson { line: 1, column: 9 }
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
