use super::{Key, Lang, Text};

/// The placeholders of a template, in the order written: `{1} … {0}` gives `[1, 0]`.
fn placeholders(template: &str) -> Vec<u8> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let digit = rest.as_bytes().get(at + 1).copied().unwrap_or(b'?');
        assert!(
            digit.is_ascii_digit() && rest.as_bytes().get(at + 2) == Some(&b'}'),
            "{template:?}: a brace that is not a {{0}}-style placeholder"
        );
        found.push(digit - b'0');
        rest = &rest[at + 3..];
    }
    assert!(!rest.contains('}'), "{template:?}: a stray closing brace");
    found
}

#[test]
fn every_key_has_words_in_both_languages_with_the_same_placeholders() {
    for &key in Key::ALL {
        let en = Lang::En.template(key);
        let ja = Lang::Ja.template(key);
        assert!(!en.trim().is_empty(), "{key:?} is blank in English");
        assert!(!ja.trim().is_empty(), "{key:?} is blank in Japanese");
        let (mut en_slots, mut ja_slots) = (placeholders(en), placeholders(ja));
        en_slots.sort_unstable();
        ja_slots.sort_unstable();
        assert_eq!(
            en_slots, ja_slots,
            "{key:?}: the two languages fill different slots"
        );
        let expected: Vec<u8> = (0..en_slots.len() as u8).collect();
        assert_eq!(
            en_slots, expected,
            "{key:?}: slots are {{0}}, {{1}}… each once"
        );
    }
}

#[test]
fn the_japanese_table_is_japanese() {
    // Words that stay as they are in Japanese too: names of things and the switch to English.
    let kept = [Key::OtherLanguage];
    let untranslated: Vec<Key> = Key::ALL
        .iter()
        .copied()
        .filter(|&key| !kept.contains(&key))
        .filter(|&key| Lang::Ja.template(key) == Lang::En.template(key))
        .collect();
    assert_eq!(
        untranslated,
        [],
        "Japanese entries copied from the English table"
    );
    let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}');
    let latin_only: Vec<Key> = Key::ALL
        .iter()
        .copied()
        .filter(|&key| !kept.contains(&key))
        .filter(|&key| {
            let words = Lang::Ja.template(key);
            words.chars().any(|c| c.is_ascii_alphabetic()) && !words.chars().any(japanese)
        })
        .collect();
    assert_eq!(latin_only, [], "Japanese entries with no Japanese in them");
}

#[test]
fn texts_fill_their_placeholders_in_each_languages_order() {
    let sent = Text::with(Key::CodeSentTo, [Text::raw("+*******1234")]);
    assert_eq!(sent.render(Lang::En), "A code was sent to +*******1234.");
    assert_eq!(sent.render(Lang::Ja), "+*******1234 にコードを送りました。");
    let failed = Text::with(
        Key::Failed,
        [Key::WhatSignIn.into(), Key::WrongCredentials.into()],
    );
    assert_eq!(
        failed.render(Lang::En),
        "Sign-in failed: Incorrect username or password."
    );
    assert_eq!(
        failed.render(Lang::Ja),
        "サインインに失敗しました：ユーザー名またはパスワードが正しくありません。"
    );
    // A missing argument leaves its slot empty rather than failing the page.
    assert_eq!(
        Text::from(Key::CodeSentTo).render(Lang::En),
        "A code was sent to ."
    );
    assert_eq!(Text::raw("{0}").render(Lang::Ja), "{0}");
}

#[test]
fn the_language_is_the_remembered_choice_then_the_browsers_first_known_one() {
    let prefs = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(Lang::choose(None, &prefs(&["ja-JP", "en-US"])), Lang::Ja);
    assert_eq!(Lang::choose(None, &prefs(&["JA"])), Lang::Ja);
    assert_eq!(Lang::choose(None, &prefs(&["en-GB", "ja"])), Lang::En);
    assert_eq!(Lang::choose(None, &prefs(&["fr-FR", "ja", "en"])), Lang::Ja);
    assert_eq!(Lang::choose(None, &prefs(&["fr-FR", "de"])), Lang::En);
    assert_eq!(Lang::choose(None, &[]), Lang::En);
    assert_eq!(Lang::choose(Some("en"), &prefs(&["ja-JP"])), Lang::En);
    assert_eq!(Lang::choose(Some("ja"), &prefs(&["en-US"])), Lang::Ja);
    // A remembered value this app does not know is ignored, not obeyed.
    assert_eq!(Lang::choose(Some("klingon"), &prefs(&["ja"])), Lang::Ja);
    assert_eq!(Lang::from_code("jav"), None);
}

#[test]
fn times_are_written_in_the_users_own_variant_of_the_language() {
    let prefs = ["en-GB".to_string(), "ja-JP".to_string()];
    assert_eq!(Lang::En.locale(&prefs), "en-GB");
    assert_eq!(Lang::Ja.locale(&prefs), "ja-JP");
    assert_eq!(Lang::Ja.locale(&[]), "ja");
    assert_eq!(Lang::En.other(), Lang::Ja);
}

/// The string literals of `source` outside its tests and comments.
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut chars = line.chars();
        let mut current: Option<String> = None;
        while let Some(c) = chars.next() {
            match (&mut current, c) {
                (None, '"') => current = Some(String::new()),
                (None, '/') if chars.as_str().starts_with('/') => break,
                (None, _) => {}
                (Some(_), '"') => found.extend(current.take()),
                (Some(text), '\\') => {
                    text.push('\\');
                    text.extend(chars.next());
                }
                (Some(text), c) => text.push(c),
            }
        }
    }
    found
}

/// Reads as words a person would read: more than one word, a capital, sentence punctuation,
/// or a letter outside ASCII.
fn is_prose(literal: &str) -> bool {
    let words = literal
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    words.count() > 1
        || literal.starts_with(|c: char| c.is_ascii_uppercase())
        || literal.ends_with(['.', '…', '?', '!', ':'])
        || literal.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

#[test]
fn no_user_facing_text_is_written_outside_the_tables() {
    // Everything that decides or draws what the page shows. Literals that are not words a
    // person reads (a CSS selector, attribute values) are listed with their reason.
    let sources = [
        ("outcome.rs", include_str!("../outcome.rs")),
        ("display.rs", include_str!("../display.rs")),
        ("main.rs", include_str!("../main.rs")),
        ("ui/mod.rs", include_str!("../ui/mod.rs")),
        ("ui/account.rs", include_str!("../ui/account.rs")),
        (
            "ui/account_intents.rs",
            include_str!("../ui/account_intents.rs"),
        ),
        ("ui/app_setup.rs", include_str!("../ui/app_setup.rs")),
        (
            "ui/authenticator.rs",
            include_str!("../ui/authenticator.rs"),
        ),
        ("ui/context.rs", include_str!("../ui/context.rs")),
        ("ui/field.rs", include_str!("../ui/field.rs")),
        ("ui/hooks.rs", include_str!("../ui/hooks.rs")),
        ("ui/intents.rs", include_str!("../ui/intents.rs")),
        ("ui/language.rs", include_str!("../ui/language.rs")),
        ("ui/log.rs", include_str!("../ui/log.rs")),
        ("ui/mfa.rs", include_str!("../ui/mfa.rs")),
        ("ui/sign_in.rs", include_str!("../ui/sign_in.rs")),
        ("ui/token_info.rs", include_str!("../ui/token_info.rs")),
        ("ui/use_auth.rs", include_str!("../ui/use_auth.rs")),
    ];
    let not_words = [
        ".card h2:not(#early-sign-in *)", // the selector of a screen's heading
        // CSS class lists.
        "notice {}",
        "notice error",
        "card error-page",
        "card log",
        "secondary small",
        "link language",
        // A developer's mistake, said in a panic: no user ever meets it.
        "this component belongs inside an <Authenticator>",
    ];
    // A new file under src/ui is checked too: the list above must name every one.
    let ui_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui");
    let mut on_disk: Vec<String> = std::fs::read_dir(ui_dir)
        .expect("src/ui")
        .map(|entry| {
            format!(
                "ui/{}",
                entry.expect("an entry").file_name().to_string_lossy()
            )
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = sources
        .iter()
        .filter(|(file, _)| file.starts_with("ui/"))
        .map(|(file, _)| file.to_string())
        .collect();
    listed.sort();
    assert_eq!(listed, on_disk, "every file of src/ui is checked");
    let mut outside = Vec::new();
    for (file, source) in sources {
        for literal in literals(source) {
            if is_prose(&literal) && !not_words.contains(&literal.as_str()) {
                outside.push(format!("{file}: {literal:?}"));
            }
        }
    }
    assert_eq!(outside, Vec::<String>::new(), "words outside src/i18n");
    // The check itself sees words when they are there.
    assert!(is_prose("Sign in") && is_prose("サインイン") && is_prose("Clear"));
    assert!(!is_prose("sign-in-form") && !is_prose("one-time-code") && !is_prose("—"));
    assert_eq!(
        literals("let a = \"x\\\"y\"; // \"not this\"\n/// \"nor\"\n"),
        ["x\\\"y"]
    );
}

#[test]
fn the_early_sign_in_screen_says_the_tables_words() {
    // index.html draws the sign-in screen before the app arrives, each word in both languages
    // (`<span data-for="ja" …>サインイン</span>`): every one must be an entry of that language's
    // table, so changing a table without the page shows here (tests/e2e/early.spec.js then
    // checks the words are the very ones the app draws, where it draws them).
    let page = include_str!("../../index.html");
    let screen = &page[page.find("id=\"early-sign-in\"").expect("the early screen")..];
    let screen = &screen[..screen.find("</main>").expect("its end")];
    let mut seen = [0, 0];
    for piece in screen.split("data-for=\"").skip(1) {
        let lang = Lang::from_code(&piece[..2]).expect("data-for names en or ja");
        let words = piece[piece.find('>').expect("a tag's end") + 1..]
            .split('<')
            .next()
            .expect("words");
        assert!(
            Key::ALL.iter().any(|&key| lang.template(key) == words),
            "index.html's {words:?} ({lang:?}) is no entry of the table"
        );
        seen[usize::from(lang == Lang::Ja)] += 1;
    }
    assert_eq!(seen[0], seen[1], "every word in both languages");
    assert!(seen[0] >= 9, "the early screen's words were found");
}
