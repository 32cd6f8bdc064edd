//! JSON as the Cognito wire, the session record, `config.json` and the tab messages use it: a
//! parser into [`Value`], a writer, and [`Fields`] to read an object's fields with errors that
//! name the field.
//!
//! Hand-written rather than serde: the app reads and writes a dozen small flat shapes, and
//! serde's per-type code cost ~14 KB brotli of the bundle (README "Size"). Numbers are kept as
//! their text and read as whole numbers only, which is all these shapes hold (no float parser
//! in the bundle). The tests check both directions against `serde_json`.

use std::fmt::{self, Write as _};

/// A parsed JSON value. An object keeps its fields in order; a key appears at most once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text, as written (checked against JSON's grammar).
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The field `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number from 0 to `u64::MAX` (no fraction, no exponent).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// An object's fields, in order.
    pub fn fields(&self) -> Option<Fields<'_>> {
        match self {
            Value::Object(fields) => Some(Fields(fields)),
            _ => None,
        }
    }

    /// A string value.
    pub fn str(s: &str) -> Value {
        Value::String(s.to_string())
    }

    /// An object from `(key, value)` pairs; pairs whose value is `None` are left out.
    pub fn object<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<Value>)>) -> Value {
        Value::Object(
            pairs
                .into_iter()
                .filter_map(|(k, v)| Some((k.to_string(), v?)))
                .collect(),
        )
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(n.to_string())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

/// The compact JSON text (no spaces), as `serde_json::to_string` writes it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Number(n) => f.write_str(n),
            Value::String(s) => write_string(f, s),
            Value::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    item.fmt(f)?;
                }
                f.write_char(']')
            }
            Value::Object(fields) => {
                f.write_char('{')?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    f.write_char(':')?;
                    value.fmt(f)?;
                }
                f.write_char('}')
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            c if c < ' ' => {
                f.write_str("\\u00")?;
                f.write_str(&crate::base64::hex(&[c as u8]))?;
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The byte offset where reading stopped.
    pub at: usize,
    /// What was wrong there.
    pub what: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at character {}", self.what, self.at + 1)
    }
}

impl std::error::Error for ParseError {}

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// Parses one JSON value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser { text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < text.len() {
        return Err(parser.fail("unexpected text after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn fail(&self, what: &'static str) -> ParseError {
        ParseError { at: self.at, what }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `byte` (after whitespace) if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        self.skip_space();
        let rest = &self.text[self.at..];
        for (word, value) in [
            ("null", Value::Null),
            ("true", Value::Bool(true)),
            ("false", Value::Bool(false)),
        ] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("expected , or ]"));
                        }
                    }
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields: Vec<(String, Value)> = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_space();
                        if self.peek() != Some(b'"') {
                            return Err(self.fail("expected a field name in quotes"));
                        }
                        let key = self.string()?;
                        if fields.iter().any(|(k, _)| *k == key) {
                            return Err(self.fail("a field name appears twice"));
                        }
                        if !self.eat(b':') {
                            return Err(self.fail("expected :"));
                        }
                        fields.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.fail("expected , or }"));
                        }
                    }
                }
                Ok(Value::Object(fields))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.fail("the text ends where a value should be")),
            Some(_) => Err(self.fail("expected a value")),
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = self.at;
        if bytes[at] == b'-' {
            at += 1;
        }
        let leading_zero = bytes.get(at) == Some(&b'0');
        let whole = digits(&mut at);
        let mut ok = whole == 1 || (whole > 1 && !leading_zero);
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            ok &= digits(&mut at) > 0;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            ok &= digits(&mut at) > 0;
        }
        self.at = at;
        if !ok {
            return Err(self.fail("a malformed number"));
        }
        Ok(Value::Number(self.text[start..at].to_string()))
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(end) = rest.find(['"', '\\']) else {
                return Err(self.fail("a string is not closed"));
            };
            if rest[..end].chars().any(|c| c < ' ') {
                return Err(self.fail("a control character inside a string"));
            }
            out.push_str(&rest[..end]);
            self.at += end + 1;
            if rest.as_bytes()[end] == b'"' {
                return Ok(out);
            }
            let escaped = self.peek();
            self.at += 1;
            out.push(match escaped {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => self.escaped_char()?,
                _ => return Err(self.fail("an unknown escape in a string")),
            });
        }
    }

    /// The character of a `\u` escape (after the `u`), a surrogate pair taken together.
    fn escaped_char(&mut self) -> Result<char, ParseError> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.text[self.at..].starts_with("\\u") {
                return Err(self.fail("half of a surrogate pair"));
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.fail("half of a surrogate pair"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.fail("half of a surrogate pair"))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.at..self.at + 4);
        match digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(d) => {
                self.at += 4;
                Ok(u32::from_str_radix(d, 16).unwrap_or_default())
            }
            None => Err(self.fail("a \\u escape needs four hex digits")),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Both parsers agree on `text`: the same value, or both refuse it.
    fn same_as_serde(text: &str) {
        let ours = parse(text).map(|v| v.to_string());
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                let a: serde_json::Value = serde_json::from_str(a).unwrap();
                assert_eq!(&a, b, "{text}");
            }
            (Err(_), Err(_)) => {}
            _ => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
            " [ 1 , -2 , 0 , 3.25 , 1e9 , -0.5E-3 , 12345678901234567890 ] ",
            r#""esc: \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00""#,
            r#""日本語のテキスト""#,
            "{}",
            "[]",
            "",
            "{",
            "[1,]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            "01",
            "1.",
            "-",
            ".5",
            "1e",
            "tru",
            "nul",
            r#""\x""#,
            r#""\ud83d""#,
            r#""\ud83dx""#,
            r#""\u12""#,
            "\"line\nbreak\"",
            r#"{"a":1} x"#,
            r#"{1:2}"#,
            "[[[[[[[[[[]]]]]]]]]]",
        ] {
            same_as_serde(text);
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let strings = [
            "plain",
            "quote \" backslash \\ slash /",
            "controls \n\r\t\u{8}\u{c}\u{1}\u{1f}",
            "日本語 😀",
            "",
        ];
        for s in strings {
            assert_eq!(Value::str(s).to_string(), serde_json::to_string(s).unwrap());
            assert_eq!(parse(&Value::str(s).to_string()), Ok(Value::str(s)));
        }
        let value = Value::object([
            ("n", Some(Value::from(42))),
            ("skipped", None),
            ("list", Some(Value::Array(vec![Value::Null, true.into()]))),
        ]);
        assert_eq!(value.to_string(), r#"{"n":42,"list":[null,true]}"#);
    }

    #[test]
    fn refuses_duplicate_keys_and_deep_nesting() {
        assert_eq!(
            parse(r#"{"a":1,"a":2}"#).unwrap_err().what,
            "a field name appears twice"
        );
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).unwrap_err().what, "nested too deeply");
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn a_parse_error_says_where() {
        let err = parse(r#"{"a": tru}"#).unwrap_err();
        assert_eq!(err.to_string(), "expected a value at character 7");
    }

    #[test]
    fn numbers_are_whole_numbers_or_nothing() {
        let v = parse(r#"[0, 18446744073709551615, 18446744073709551616, -1, 1.5, 1e3]"#).unwrap();
        let Value::Array(items) = v else { panic!() };
        let read: Vec<Option<u64>> = items.iter().map(Value::as_u64).collect();
        assert_eq!(read, [Some(0), Some(u64::MAX), None, None, None, None]);
    }

    #[test]
    fn fields_name_what_is_wrong() {
        let v = parse(r#"{"s":"x","n":7,"b":true,"null":null,"o":{},"a":[1]}"#).unwrap();
        let f = v.fields().unwrap();
        assert_eq!(f.str("s"), Ok("x".into()));
        assert_eq!(f.u64("n"), Ok(7));
        assert_eq!(f.opt_bool("b"), Ok(Some(true)));
        assert_eq!(f.opt_str("null"), Ok(None));
        assert_eq!(f.opt_str("absent"), Ok(None));
        assert!(f.opt_object("o").unwrap().is_some());
        assert!(f.object("o").is_ok());
        assert_eq!(f.bool("b"), Ok(true));
        assert_eq!(f.object("absent").unwrap_err().problem, "is missing");
        assert_eq!(f.bool("absent").unwrap_err().problem, "is missing");
        assert_eq!(f.opt_array("a").unwrap().map(<[Value]>::len), Some(1));
        assert_eq!(
            f.str("absent").unwrap_err().to_string(),
            "\"absent\" is missing"
        );
        assert_eq!(
            f.u64("s").unwrap_err().to_string(),
            "\"s\" is not a whole number"
        );
        assert_eq!(
            f.opt_str("n").unwrap_err().to_string(),
            "\"n\" is not a string"
        );
        assert_eq!(f.opt_bool("s").unwrap_err().problem, "is not true or false");
        assert_eq!(f.opt_object("a").unwrap_err().problem, "is not an object");
        assert_eq!(f.opt_array("o").unwrap_err().problem, "is not a list");
    }
}
