//! The browser events that keep the session alive: a one-second clock (polling wall-clock time
//! survives the device sleeping), the tab becoming visible, the network coming back. All are
//! removed when the Authenticator that set them up goes (`on_cleanup`).

use super::context::Ctx;
use leptos::prelude::*;
use std::time::Duration;

pub(super) fn keep_alive_hooks(ctx: Ctx) {
    let now_ms = ctx.now_ms;
    let tick = set_interval_with_handle(
        move || {
            now_ms.set(js_sys::Date::now() as u64);
            ctx.keep_alive();
        },
        Duration::from_secs(1),
    );
    // `visibilitychange` bubbles from the document to the window.
    let visible = window_event_listener_untyped("visibilitychange", move |_| {
        let visible = document().visibility_state() == web_sys::VisibilityState::Visible;
        if visible {
            ctx.keep_alive();
        }
    });
    let online = window_event_listener_untyped("online", move |_| {
        if ctx.alive() {
            ctx.with_auth(|auth| auth.retry_soon());
            ctx.keep_alive();
        }
    });
    on_cleanup(move || {
        if let Ok(tick) = tick {
            tick.clear();
        }
        visible.remove();
        online.remove();
    });
}
