//! The operation log: every action and its outcome, newest first, always rendered as text.

use super::AppCtx;
use super::field::redrawn;
use super::language::t;
use crate::browser::local_time;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn OperationLog() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    view! {
        <section class="card log" aria-live="polite">
            <div class="log-head">
                <h2 id="log-title">{t(Key::OperationLog)}</h2>
                <button class="secondary small" data-testid="log-clear" on:click=move |_| ctx.clear_log()>
                    {t(Key::Clear)}
                </button>
            </div>
            // It scrolls once long: a keyboard reaches it (and scrolls it) with Tab.
            <ol data-testid="log" tabindex="0" aria-labelledby="log-title">
                // Redrawn whole on each change: a keyed <For> cost 3.2 KB of bundle, and the
                // log is short text.
                {redrawn(move || {
                    let (lang, locale) = (ctx.language.get(), ctx.language.locale());
                    ctx.log
                        .get()
                        .into_iter()
                        .map(|entry| view! {
                            <li class=entry.tone.class() data-testid="log-entry">
                                <time>{local_time(entry.at_ms, &locale)}</time>
                                <span>{entry.text.render(lang)}</span>
                            </li>
                        })
                        .collect_view()
                        .into_any()
                })}
            </ol>
        </section>
    }
}
