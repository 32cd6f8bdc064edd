//! The operation log: every request the sign-in made and its outcome, newest first, always
//! rendered as text. An [`AuthLog`] provided above an `<Authenticator>` collects its lines;
//! `<OperationLog/>` shows them, anywhere below the same provider.

use super::language::use_language;
use crate::browser::local_time;
use crate::i18n::{Key, Text};
use crate::outcome::Tone;
use leptos::prelude::*;

/// One line of the operation log, as [`AuthLog::entries`] gives it.
///
/// ```no_run
/// use cognito_client::i18n::Lang;
/// use cognito_client::ui::AuthLog;
///
/// fn last_line(log: AuthLog) -> Option<String> {
///     log.entries().first().map(|entry| entry.text.render(Lang::En))
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// When it happened (ms since the epoch), written in the page's language when drawn.
    pub at_ms: u64,
    /// How it reads.
    pub tone: Tone,
    /// What happened.
    pub text: Text,
}

const LOG_LIMIT: usize = 200;

/// Where an `<Authenticator>` writes what it does, newest first (at most 200 lines); `Copy`.
/// Provide one above it to show the log with [`OperationLog`].
///
/// ```no_run
/// use cognito_client::ui::AuthLog;
/// use leptos::prelude::*;
///
/// provide_context(AuthLog::new());
/// ```
#[derive(Clone, Copy)]
pub struct AuthLog(RwSignal<Vec<LogEntry>>);

impl AuthLog {
    /// An empty log, owned by the current owner.
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    /// Adds a line.
    pub fn add(self, tone: Tone, text: Text) {
        let entry = LogEntry {
            at_ms: js_sys::Date::now() as u64,
            tone,
            text,
        };
        self.0.update(|log| {
            log.insert(0, entry);
            log.truncate(LOG_LIMIT);
        });
    }

    /// The lines, newest first (tracked).
    pub fn entries(self) -> Vec<LogEntry> {
        self.0.get()
    }

    /// Empties the log.
    pub fn clear(self) {
        self.0.set(Vec::new());
    }
}

impl Default for AuthLog {
    fn default() -> Self {
        Self::new()
    }
}

/// The [`AuthLog`] provided above, or a new one for what is below.
pub(crate) fn use_log() -> AuthLog {
    super::use_or_provide(AuthLog::new)
}

/// The operation log of the [`AuthLog`] provided above: every line with its time, and a button
/// that clears it. Redrawn whole on each change: the log is short text.
///
/// ```no_run
/// use cognito_client::config::Config;
/// use cognito_client::ui::{AuthLog, Authenticator, OperationLog};
/// use leptos::prelude::*;
///
/// #[component]
/// fn WithLog(config: Config) -> impl IntoView {
///     provide_context(AuthLog::new());
///     view! {
///         <Authenticator config />
///         <OperationLog />
///     }
/// }
/// ```
#[component]
pub fn OperationLog() -> impl IntoView {
    let (log, language) = (use_log(), use_language());
    let entries = move || {
        let (lang, locale) = (language.get(), language.locale());
        log.0.with(|entries| {
            entries
                .iter()
                .map(|entry| {
                    view! {
                        <li class=entry.tone.class() data-testid="log-entry">
                            <time>{local_time(entry.at_ms, &locale)}</time>
                            <span>{entry.text.render(lang)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card log" aria-live="polite">
            <div class="log-head">
                <h2 id="log-title">{language.t(Key::OperationLog)}</h2>
                <button class="secondary small" data-testid="log-clear" on:click=move |_| log.clear()>
                    {language.t(Key::Clear)}
                </button>
            </div>
            // It scrolls once long: a keyboard reaches it (and scrolls it) with Tab.
            <ol data-testid="log" tabindex="0" aria-labelledby="log-title">{entries}</ol>
        </section>
    }
}
