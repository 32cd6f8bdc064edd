//! `<TokenPanel/>`: what the tokens say, with a live countdown, and the session's buttons
//! (read the token info, refresh now, sign out).

use super::context::{Ctx, expect_ctx};
use super::field::ActionButton;
use super::intents::Intent;
use crate::auth::TokenInfo;
use crate::display::{clock_drift, time_left};
use crate::i18n::{Key, Text};
use crate::outcome;
use leptos::prelude::*;

/// The signed-in session's token info — who, until when (counting down), when the tokens came,
/// whether a refresh token is held and when it last rotated, the clock drift and short token
/// previews (never whole tokens) — and the buttons "Read token info" (which refreshes first if
/// the access token has ended), "Refresh now" and "Sign out". Place it among an
/// [`Authenticator`](super::Authenticator)'s children.
///
/// ```no_run
/// use cognito_client::config::Config;
/// use cognito_client::ui::{Authenticator, TokenPanel};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Debug(config: Config) -> impl IntoView {
///     view! {
///         <Authenticator config>
///             <TokenPanel />
///         </Authenticator>
///     }
/// }
/// ```
#[component]
pub fn TokenPanel() -> impl IntoView {
    let ctx = expect_ctx();
    let info = move || match ctx.info.get() {
        None => view! { <p class="loading">{ctx.language.t(Key::ReadingTokenInfo)}</p> }.into_any(),
        Some(info) => view! { <InfoList ctx info /> }.into_any(),
    };
    view! {
        <section class="card" data-testid="token-info">
            <h2>{ctx.language.t(Key::TokenInfo)}</h2>
            {info}
            <div class="actions">
                <ActionButton ctx id="read-token-info" idle=Key::ReadTokenInfo working=Key::Reading
                    intent=Intent::ReadTokenInfo />
                <ActionButton ctx id="refresh-now" idle=Key::RefreshNow working=Key::Refreshing
                    intent=Intent::Refresh />
                <button
                    class="secondary"
                    data-testid="sign-out"
                    disabled=move || ctx.is_busy()
                    on:click=move |_| ctx.sign_out()
                >
                    {ctx.language.t(Key::SignOut)}
                </button>
            </div>
        </section>
    }
}

/// One fact: its name and what it says (`id`, its `data-testid`).
fn fact(ctx: Ctx, name: Key, id: &'static str, value: impl IntoView) -> impl IntoView {
    view! {
        <dt>{ctx.language.t(name)}</dt>
        <dd data-testid=id>{value}</dd>
    }
}

/// One token's preview, in `<code>`.
fn preview(ctx: Ctx, name: Key, id: &'static str, value: String) -> impl IntoView {
    view! {
        <dt>{ctx.language.t(name)}</dt>
        <dd><code data-testid=id>{value}</code></dd>
    }
}

#[component]
fn InfoList(ctx: Ctx, info: TokenInfo) -> impl IntoView {
    let (obtained_at, expires_at) = (info.obtained_at_ms, info.access_expires_at_ms as i64);
    let language = ctx.language;
    // The ticking clock can lag the new tokens by up to a second: never count from before them.
    // Once ended, while a failing refresh waits, the next try (it moves with each failure).
    let seconds_left = move || {
        let now = ctx.now_ms.get().max(obtained_at);
        let next_try = ctx.with_auth(|auth| auth.retry_at_ms());
        let retry_at = next_try.filter(|&at| at > now).map(|at| language.time(at));
        language.say(&time_left(expires_at - now as i64, retry_at))
    };
    let rotated_at = info.refresh_rotated_at_ms;
    let rotated = move || match rotated_at {
        Some(at) => language.time(at),
        None => language.get().template(Key::NotYet).to_string(),
    };
    let held = if info.has_refresh_token {
        Key::Yes
    } else {
        Key::No
    };
    let storage_warning = info.storage_problem.map(|problem| {
        let words = Text::with(Key::OnlyInMemory, [outcome::storage_problem(&problem)]);
        view! {
            <p class="notice error" data-testid="storage-warning">{language.text(words)}</p>
        }
    });
    let email = info.email.unwrap_or_else(|| "—".into());
    let refresh = info.refresh_preview.unwrap_or_else(|| "—".into());
    view! {
        {storage_warning}
        <dl class="facts">
            {fact(ctx, Key::User, "info-username", info.username)}
            {fact(ctx, Key::Email, "info-email", email)}
            <dt>{language.t(Key::ExpiresIn)}</dt>
            <dd class="countdown" data-testid="info-expires-in">{seconds_left}</dd>
            {fact(ctx, Key::ObtainedAt, "info-obtained-at", move || language.time(obtained_at))}
            {fact(ctx, Key::RefreshHeld, "info-has-refresh", language.t(held))}
            {fact(ctx, Key::LastRotated, "info-rotated-at", rotated)}
            {fact(ctx, Key::Clock, "info-drift", language.text(clock_drift(info.clock_drift_ms)))}
            {preview(ctx, Key::AccessToken, "preview-access", info.access_preview)}
            {preview(ctx, Key::IdToken, "preview-id", info.id_preview)}
            {preview(ctx, Key::RefreshToken, "preview-refresh", refresh)}
        </dl>
    }
}
