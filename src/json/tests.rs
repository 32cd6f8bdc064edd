use super::parse::MAX_DEPTH;
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
