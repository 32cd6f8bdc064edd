//! What the tokens say, with a live countdown, and the session's actions.

use super::field::{Action, redrawn};
use super::language::{say, t, words};
use super::{AppCtx, Busy};
use crate::auth::TokenInfo;
use crate::display::{clock_drift, time_left};
use crate::i18n::{Key, Text};
use leptos::prelude::*;

#[component]
pub fn TokenPanel() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    view! {
        <section class="card" data-testid="token-info">
            <h2>{t(Key::TokenInfo)}</h2>
            {redrawn(move || match ctx.session.info.get() {
                None => view! { <p class="loading">{t(Key::ReadingTokenInfo)}</p> }.into_any(),
                Some(info) => view! { <InfoList info /> }.into_any(),
            })}
            <div class="actions">
                <Action id="read-token-info" idle=Key::ReadTokenInfo working=Key::Reading busy=Busy::Reading run=AppCtx::read_token_info />
                <Action id="refresh-now" idle=Key::RefreshNow working=Key::Refreshing busy=Busy::Refreshing run=AppCtx::refresh_now />
                <Action id="sign-out" idle=Key::SignOut secondary=true run=AppCtx::sign_out />
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
    let language = ctx.language;
    let seconds_left = words(move || {
        let now = ctx.now_ms.get().max(obtained_at);
        let next_try = ctx.auth.with_value(|a| a.retry_at_ms());
        let retry_at = next_try.filter(|&at| at > now).map(|at| language.time(at));
        language.say(&time_left(expires_at - now as i64, retry_at))
    });
    let rotated_at = info.refresh_rotated_at_ms;
    let rotated = words(move || match rotated_at {
        Some(at) => language.time(at),
        None => language.get().template(Key::NotYet).to_string(),
    });
    let drift = clock_drift(info.clock_drift_ms);
    let held = if info.has_refresh_token {
        Key::Yes
    } else {
        Key::No
    };
    view! {
        {info.storage_problem.map(|problem| view! {
            <p class="notice error" data-testid="storage-warning">
                {say(Text::with(Key::OnlyInMemory, [Text::Raw(problem)]))}
            </p>
        })}
        <dl class="facts">
            <dt>{t(Key::User)}</dt>
            <dd data-testid="info-username">{info.username}</dd>
            <dt>{t(Key::Email)}</dt>
            <dd data-testid="info-email">{info.email.unwrap_or_else(|| "—".into())}</dd>
            <dt>{t(Key::ExpiresIn)}</dt>
            <dd data-testid="info-expires-in" class="countdown">{seconds_left}</dd>
            <dt>{t(Key::ObtainedAt)}</dt>
            <dd data-testid="info-obtained-at">{words(move || language.time(obtained_at))}</dd>
            <dt>{t(Key::RefreshHeld)}</dt>
            <dd data-testid="info-has-refresh">{t(held)}</dd>
            <dt>{t(Key::LastRotated)}</dt>
            <dd data-testid="info-rotated-at">{rotated}</dd>
            <dt>{t(Key::Clock)}</dt>
            <dd data-testid="info-drift">{say(drift)}</dd>
            <dt>{t(Key::AccessToken)}</dt>
            <dd><code data-testid="preview-access">{info.access_preview}</code></dd>
            <dt>{t(Key::IdToken)}</dt>
            <dd><code data-testid="preview-id">{info.id_preview}</code></dd>
            <dt>{t(Key::RefreshToken)}</dt>
            <dd><code data-testid="preview-refresh">{info.refresh_preview.unwrap_or_else(|| "—".into())}</code></dd>
        </dl>
    }
}
