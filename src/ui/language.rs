//! The language the components speak: chosen by the host app ([`Language::new`]), or the
//! page's — the user's remembered choice, else the browser's preferred languages
//! (`crate::i18n::Lang::choose`, [`Language::from_browser`]). A page language switches at once,
//! is remembered in `localStorage` (the language only, nothing about the session) and sets
//! `<html lang>`. Components take their words from here, redrawn when it changes.

use crate::i18n::{Key, Lang, Text};
use leptos::prelude::*;

/// Where the page's choice is remembered (`localStorage`, this origin).
const REMEMBERED: &str = "cognito-client:language";

/// The language the components speak; `Copy`. Provide one near the root
/// (`provide_context(Language::from_browser())`), or let `<Authenticator>` make the page's.
///
/// ```no_run
/// use cognito_client::i18n::Lang;
/// use cognito_client::ui::Language;
/// use leptos::prelude::*;
///
/// // The host app speaks Japanese, whatever the browser prefers.
/// provide_context(Language::new(Lang::Ja));
/// ```
#[derive(Clone, Copy)]
pub struct Language {
    lang: RwSignal<Lang>,
    /// The page's own language: a switch is remembered and sets `<html lang>`.
    page: bool,
}

impl Language {
    /// The page's language: the one the user chose before, or the first of the browser's the
    /// components speak.
    pub fn from_browser() -> Self {
        let remembered = local_storage().and_then(|s| s.get_item(REMEMBERED).ok().flatten());
        let lang = Lang::choose(remembered.as_deref(), &preferred());
        follow(lang);
        Self {
            lang: RwSignal::new(lang),
            page: true,
        }
    }

    /// `lang`, as the host app chose it: switching it is the host's business alone.
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
            page: false,
        }
    }

    /// The language now (tracked: what reads it is redrawn when it changes).
    pub fn get(self) -> Lang {
        self.lang.get()
    }

    /// Switches to `lang` now; the page's language is also remembered for the next visit.
    pub fn set(self, lang: Lang) {
        if self.page {
            if let Some(storage) = local_storage() {
                // Storage refused (private mode, quota): the switch still works for this visit.
                let _ = storage.set_item(REMEMBERED, lang.code());
            }
            follow(lang);
        }
        self.lang.set(lang);
    }

    /// `text` in the language now (tracked).
    pub fn say(self, text: &Text) -> String {
        text.render(self.get())
    }

    /// The words for `key` (one with no placeholders), redrawn when the language changes. One
    /// closure type for every key, so tachys compiles its text once (bundle size).
    pub fn t(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.get().template(key)
    }

    /// `text`, redrawn when the language changes.
    pub fn text(self, text: Text) -> impl Fn() -> String + Send + Sync + 'static {
        move || self.say(&text)
    }

    /// The locale times are written in (tracked): the user's own variant of the language.
    pub fn locale(self) -> String {
        self.get().locale(&preferred())
    }

    /// A time of day in the language now, in the user's own variant of it and time zone.
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
            if !self.lang.is_disposed() {
                self.time(0);
            }
        });
        let window = window();
        if window.request_idle_callback(warm.unchecked_ref()).is_err() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 500);
        }
    }
}

/// The [`Language`] provided above, or else the page's, provided here for what is below.
pub(crate) fn use_language() -> Language {
    super::use_or_provide(Language::from_browser)
}

/// The button that switches to the other language, named in that language. It switches the
/// [`Language`] provided above (or the page's).
///
/// ```no_run
/// use cognito_client::config::Config;
/// use cognito_client::ui::{Authenticator, LanguageSwitch};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Page(config: Config) -> impl IntoView {
///     view! {
///         <LanguageSwitch />
///         <Authenticator config />
///     }
/// }
/// ```
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = use_language();
    view! {
        <button
            type="button"
            class="link language"
            data-testid="language-switch"
            lang=move || language.get().other().code()
            on:click=move |_| language.set(language.lang.get_untracked().other())
        >
            {language.t(Key::OtherLanguage)}
        </button>
    }
}

/// `<html lang>` says the page's language.
fn follow(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// `navigator.languages`, most preferred first.
fn preferred() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|code| code.as_string())
        .collect()
}
