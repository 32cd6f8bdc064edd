//! What the tokens say, with a live countdown, and the session's actions.

use super::dom::{El, el, frag};
use super::field::{action, heading};
use super::language::words;
use super::{AppCtx, Busy, Language};
use crate::auth::TokenInfo;
use crate::display::{clock_drift, time_left};
use crate::i18n::{Key, Text};
use crate::outcome;
use crate::reactive::untrack;

pub fn token_panel(ctx: AppCtx) -> El {
    let info = move || match ctx.session.info.get() {
        None => el("p")
            .class("loading")
            .words(ctx.language.t(Key::ReadingTokenInfo)),
        Some(info) => untrack(|| info_list(ctx, info)),
    };
    let actions = el("div")
        .class("actions")
        .child(
            action(ctx, "read-token-info", Key::ReadTokenInfo)
                .busy(Busy::Reading, Key::Reading)
                .runs(AppCtx::read_token_info),
        )
        .child(
            action(ctx, "refresh-now", Key::RefreshNow)
                .busy(Busy::Refreshing, Key::Refreshing)
                .runs(AppCtx::refresh_now),
        )
        .child(
            action(ctx, "sign-out", Key::SignOut)
                .secondary()
                .runs(AppCtx::sign_out),
        );
    el("section")
        .class("card")
        .test_id("token-info")
        .child(heading(ctx, Key::TokenInfo))
        .part(info)
        .child(actions)
}

/// One fact of the list: its name, and where what it says goes (`id`, its `data-testid`).
fn fact(language: Language, list: &El, name: Key, id: &str) -> El {
    let value = el("dd").test_id(id);
    list.add(&el("dt").words(language.t(name)));
    list.add(&value);
    value
}

/// One token's preview, in `<code>`.
fn preview(language: Language, list: &El, name: Key, id: &str, value: &str) {
    list.add(&el("dt").words(language.t(name)));
    list.add(&el("dd").child(el("code").test_id(id).text(value)));
}

fn info_list(ctx: AppCtx, info: TokenInfo) -> El {
    let (obtained_at, expires_at) = (info.obtained_at_ms, info.access_expires_at_ms as i64);
    // The ticking clock can lag the new tokens by up to a second: never count from before them.
    // Once ended, while a failing refresh waits, the next try (it moves with each failure).
    let language = ctx.language;
    let seconds_left = words(move || {
        let now = ctx.now_ms.get().max(obtained_at);
        let next_try = ctx.auth.with_untracked(|a| a.retry_at_ms());
        let retry_at = next_try.filter(|&at| at > now).map(|at| language.time(at));
        language.say(&time_left(expires_at - now as i64, retry_at))
    });
    let rotated_at = info.refresh_rotated_at_ms;
    let rotated = words(move || match rotated_at {
        Some(at) => language.time(at),
        None => language.get().template(Key::NotYet).to_string(),
    });
    let held = if info.has_refresh_token {
        Key::Yes
    } else {
        Key::No
    };
    let shown = frag();
    if let Some(problem) = info.storage_problem {
        shown.add(
            &el("p")
                .class("notice error")
                .test_id("storage-warning")
                .words(ctx.language.text(Text::with(
                    Key::OnlyInMemory,
                    [outcome::storage_problem(&problem)],
                ))),
        );
    }
    let list = el("dl").class("facts");
    let email = info.email.unwrap_or_else(|| "—".into());
    fact(language, &list, Key::User, "info-username").text(&info.username);
    fact(language, &list, Key::Email, "info-email").text(&email);
    fact(language, &list, Key::ExpiresIn, "info-expires-in")
        .class("countdown")
        .words(seconds_left);
    fact(language, &list, Key::ObtainedAt, "info-obtained-at")
        .words(words(move || language.time(obtained_at)));
    fact(language, &list, Key::RefreshHeld, "info-has-refresh").words(ctx.language.t(held));
    fact(language, &list, Key::LastRotated, "info-rotated-at").words(rotated);
    fact(language, &list, Key::Clock, "info-drift")
        .words(ctx.language.text(clock_drift(info.clock_drift_ms)));
    preview(
        language,
        &list,
        Key::AccessToken,
        "preview-access",
        &info.access_preview,
    );
    preview(
        language,
        &list,
        Key::IdToken,
        "preview-id",
        &info.id_preview,
    );
    let refresh = info.refresh_preview.unwrap_or_else(|| "—".into());
    preview(
        language,
        &list,
        Key::RefreshToken,
        "preview-refresh",
        &refresh,
    );
    shown.child(list)
}
