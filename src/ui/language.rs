//! The page's language: the user's remembered choice, else the browser's preferred languages
//! (`crate::i18n::Lang::choose`). A button switches it at once; the choice — the language
//! only, nothing about the session — is remembered in `localStorage`; `<html lang>` and the
//! page's title follow. Views take their words from here, redrawn when it changes.

use super::dom::{El, Words, document, el};
use crate::i18n::{Key, Lang, Text};
use crate::reactive::Signal;

/// Where the choice is remembered (`localStorage`, this origin).
const REMEMBERED: &str = "cognito-client:language";

/// The page's language; `Copy`.
#[derive(Clone, Copy)]
pub struct Language(Signal<Lang>);

impl Language {
    /// The language the user chose before, or the first of the browser's the app speaks.
    pub fn from_browser() -> Self {
        let remembered = local_storage().and_then(|s| s.get_item(REMEMBERED).ok().flatten());
        let lang = Lang::choose(remembered.as_deref(), &preferred());
        follow(lang);
        Self(Signal::new(lang))
    }

    /// The language (tracked: a view reading it is redrawn when it changes).
    pub fn get(self) -> Lang {
        self.0.get()
    }

    /// Switches to `lang` now and remembers it for the next visit.
    pub fn set(self, lang: Lang) {
        if let Some(storage) = local_storage() {
            // Storage refused (private mode, quota): the switch still works for this visit.
            let _ = storage.set_item(REMEMBERED, lang.code());
        }
        follow(lang);
        self.0.set(lang);
    }

    /// `text` in the page's language (tracked).
    pub fn say(self, text: &Text) -> String {
        text.render(self.get())
    }

    /// The words for `key` (one with no placeholders), redrawn when the language changes.
    pub fn t(self, key: Key) -> Words {
        self.text(key.into())
    }

    /// `text`, redrawn when the language changes.
    pub fn text(self, text: Text) -> Words {
        words(move || self.say(&text))
    }

    /// The locale times are written in (tracked): the user's own variant of the language.
    pub fn locale(self) -> String {
        self.get().locale(&preferred())
    }

    /// A time of day in the page's language, in the user's own variant of it and time zone.
    pub fn time(self, ms: u64) -> String {
        crate::browser::local_time(ms, &self.locale())
    }

    /// Writes one time while the page is idle, so the browser loads the locale's data then:
    /// its first use costs ~15 ms (~60 at 4× CPU), which would otherwise fall in the sign-in
    /// click, between the click and the busy button's paint (the click's first log line). Where
    /// the browser has no `requestIdleCallback` (Safari), a timer a moment after the first
    /// screen does it instead.
    pub(super) fn warm_clock(self) {
        use wasm_bindgen::JsCast;
        let warm = wasm_bindgen::closure::Closure::once_into_js(move || {
            if self.0.is_alive() {
                self.time(0);
            }
        });
        if let Some(window) = web_sys::window()
            && window.request_idle_callback(warm.unchecked_ref()).is_err()
        {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 500);
        }
    }
}

/// `words` as the page shows them, redrawn when what they read changes.
pub fn words(words: impl FnMut() -> String + 'static) -> Words {
    Box::new(words)
}

/// The button that switches to the other language, named in that language.
pub fn language_switch(language: Language) -> El {
    el("button")
        .attr("type", "button")
        .class("link language")
        .test_id("language-switch")
        .attr_words("lang", words(move || language.get().other().code().into()))
        .on("click", move |_| {
            language.set(language.0.get_untracked().other())
        })
        .words(language.t(Key::OtherLanguage))
}

/// `<html lang>` and the title say the page's language.
fn follow(lang: Lang) {
    let document = document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(lang.template(Key::AppTitle));
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `navigator.languages`, most preferred first.
fn preferred() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|code| code.as_string())
        .collect()
}
