//! Reading an object's fields by name, with errors that name the field.

use super::Value;
use std::fmt;

/// An object's fields, read by name. Absent and `null` are the same to the optional readers;
/// a field of the wrong type is an error that names it.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a>(pub &'a [(String, Value)]);

/// What is wrong with one field, e.g. `"ExpiresIn" is missing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as written in the JSON.
    pub field: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" {}", self.field, self.problem)
    }
}

impl std::error::Error for FieldError {}

impl FieldError {
    /// What is wrong with `field`.
    pub fn new(field: &str, problem: &'static str) -> FieldError {
        FieldError {
            field: field.to_string(),
            problem,
        }
    }
}

/// A field that must be there.
fn required<T>(key: &str, value: Option<T>) -> Result<T, FieldError> {
    value.ok_or_else(|| FieldError::new(key, "is missing"))
}

impl<'a> Fields<'a> {
    /// The field's value, `None` when absent or `null`.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    /// A field read by `read`, `None` when absent or null, an error when `read` refuses it.
    fn read<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Value) -> Option<T>,
        problem: &'static str,
    ) -> Result<Option<T>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => read(v)
                .map(Some)
                .ok_or_else(|| FieldError::new(key, problem)),
        }
    }

    /// An optional string field.
    pub fn opt_str(&self, key: &str) -> Result<Option<String>, FieldError> {
        self.read(key, |v| v.as_str().map(str::to_string), "is not a string")
    }

    /// A string field that must be there.
    pub fn str(&self, key: &str) -> Result<String, FieldError> {
        required(key, self.opt_str(key)?)
    }

    /// An optional whole-number field.
    pub fn opt_u64(&self, key: &str) -> Result<Option<u64>, FieldError> {
        self.read(key, Value::as_u64, "is not a whole number")
    }

    /// A whole-number field that must be there.
    pub fn u64(&self, key: &str) -> Result<u64, FieldError> {
        required(key, self.opt_u64(key)?)
    }

    /// An optional `true`/`false` field.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, FieldError> {
        self.read(
            key,
            |v| match v {
                Value::Bool(b) => Some(*b),
                _ => None,
            },
            "is not true or false",
        )
    }

    /// A `true`/`false` field that must be there.
    pub fn bool(&self, key: &str) -> Result<bool, FieldError> {
        required(key, self.opt_bool(key)?)
    }

    /// An object field that must be there.
    pub fn object(&self, key: &str) -> Result<Fields<'a>, FieldError> {
        required(key, self.opt_object(key)?)
    }

    /// An optional object field.
    pub fn opt_object(&self, key: &str) -> Result<Option<Fields<'a>>, FieldError> {
        self.read(key, Value::fields, "is not an object")
    }

    /// An optional array field.
    pub fn opt_array(&self, key: &str) -> Result<Option<&'a [Value]>, FieldError> {
        self.read(
            key,
            |v| match v {
                Value::Array(items) => Some(items.as_slice()),
                _ => None,
            },
            "is not a list",
        )
    }
}
