//! The browser events that keep the session alive: a one-second clock (polling wall-clock time
//! survives the device sleeping), the tab becoming visible, the network coming back. All are
//! removed when the app unmounts.

use super::state::AppCtx;
use leptos::prelude::*;

pub(super) fn keep_alive_hooks(ctx: AppCtx) {
    let now_ms = ctx.now_ms;
    let ticking = set_interval_with_handle(
        move || {
            now_ms.set(js_sys::Date::now() as u64);
            ctx.keep_alive();
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    // `visibilitychange` bubbles from the document to the window.
    let on_visible = window_event_listener_untyped("visibilitychange", move |_| {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if visible {
            ctx.keep_alive();
        }
    });
    let on_online = window_event_listener_untyped("online", move |_| {
        if ctx.alive() {
            ctx.auth.with_value(|a| a.retry_soon());
            ctx.keep_alive();
        }
    });
    on_cleanup(move || {
        if let Some(ticking) = ticking {
            ticking.clear();
        }
        on_visible.remove();
        on_online.remove();
    });
}
