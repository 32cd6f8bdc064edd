//! The operation log: every action and its outcome, newest first, always rendered as text.

use super::AppCtx;
use leptos::prelude::*;

#[component]
pub fn OperationLog() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    view! {
        <section class="card log" aria-live="polite">
            <div class="log-head">
                <h2>"Operation log"</h2>
                <button class="secondary small" data-testid="log-clear" on:click=move |_| ctx.clear_log()>
                    "Clear"
                </button>
            </div>
            <ol data-testid="log">
                // Redrawn whole on each change: a keyed <For> cost 3.2 KB of bundle, and the
                // log is short text.
                {move || {
                    ctx.log
                        .get()
                        .into_iter()
                        .map(|entry| view! {
                            <li class=entry.tone.class() data-testid="log-entry">
                                <time>{entry.time}</time>
                                <span>{entry.text}</span>
                            </li>
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
