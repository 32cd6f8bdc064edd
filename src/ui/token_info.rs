//! What the tokens say, with a live countdown, and the session's actions.

use super::field::Action;
use super::{AppCtx, Busy};
use crate::auth::TokenInfo;
use crate::browser::local_time;
use crate::display::{clock_drift, time_left};
use leptos::prelude::*;

#[component]
pub fn TokenPanel() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    view! {
        <section class="card" data-testid="token-info">
            <h2>"Token info"</h2>
            {move || match ctx.session.info.get() {
                None => view! { <p class="loading">"Reading token info…"</p> }.into_any(),
                Some(info) => view! { <InfoList info /> }.into_any(),
            }}
            <div class="actions">
                <Action id="read-token-info" idle="Read token info" working="Reading…" busy=Busy::Reading run=AppCtx::read_token_info />
                <Action id="refresh-now" idle="Refresh now" working="Refreshing…" busy=Busy::Refreshing run=AppCtx::refresh_now />
                <Action id="sign-out" idle="Sign out" secondary=true run=AppCtx::sign_out />
            </div>
        </section>
    }
}

#[component]
fn InfoList(info: TokenInfo) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (obtained_at, expires_at) = (info.obtained_at_ms, info.access_expires_at_ms as i64);
    // The ticking clock can lag the new tokens by up to a second: never count from before them.
    // Once ended, while a failing refresh waits, the next try (it moves with each failure).
    let seconds_left = move || {
        let now = ctx.now_ms.get().max(obtained_at);
        let next_try = ctx.auth.with_value(|a| a.retry_at_ms());
        let retry_at = next_try.filter(|&at| at > now).map(local_time);
        time_left(expires_at - now as i64, retry_at)
    };
    let rotated = info
        .refresh_rotated_at_ms
        .map(local_time)
        .unwrap_or_else(|| "not yet".to_string());
    view! {
        {info.storage_problem.map(|problem| view! {
            <p class="notice error" data-testid="storage-warning">
                {format!("Only kept in memory: {problem}. Reloading this page will sign you out.")}
            </p>
        })}
        <dl class="facts">
            <dt>"User"</dt>
            <dd data-testid="info-username">{info.username}</dd>
            <dt>"Email"</dt>
            <dd data-testid="info-email">{info.email.unwrap_or_else(|| "—".into())}</dd>
            <dt>"Access token expires in"</dt>
            <dd data-testid="info-expires-in" class="countdown">{seconds_left}</dd>
            <dt>"Tokens obtained at"</dt>
            <dd data-testid="info-obtained-at">{local_time(info.obtained_at_ms)}</dd>
            <dt>"Refresh token held"</dt>
            <dd data-testid="info-has-refresh">{if info.has_refresh_token { "yes" } else { "no" }}</dd>
            <dt>"Refresh token last rotated"</dt>
            <dd data-testid="info-rotated-at">{rotated}</dd>
            <dt>"Clock"</dt>
            <dd data-testid="info-drift">{clock_drift(info.clock_drift_ms)}</dd>
            <dt>"Access token"</dt>
            <dd><code data-testid="preview-access">{info.access_preview}</code></dd>
            <dt>"ID token"</dt>
            <dd><code data-testid="preview-id">{info.id_preview}</code></dd>
            <dt>"Refresh token"</dt>
            <dd><code data-testid="preview-refresh">{info.refresh_preview.unwrap_or_else(|| "—".into())}</code></dd>
        </dl>
    }
}
