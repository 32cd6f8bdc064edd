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
                <For each=move || ctx.log.get() key=|entry| entry.id let:entry>
                    <li class=entry.tone.class() data-testid="log-entry">
                        <time>{entry.time}</time>
                        <span>{entry.text}</span>
                    </li>
                </For>
            </ol>
        </section>
    }
}
