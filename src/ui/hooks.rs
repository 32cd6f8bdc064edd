//! The browser events that keep the session alive: a one-second clock (polling wall-clock time
//! survives the device sleeping), the tab becoming visible, the network coming back. All are
//! removed when the app unmounts.

use super::dom::{keep, listen};
use super::state::AppCtx;
use gloo_timers::callback::Interval;

pub(super) fn keep_alive_hooks(ctx: AppCtx) {
    let now_ms = ctx.now_ms;
    keep(Box::new(Interval::new(1000, move || {
        now_ms.set(js_sys::Date::now() as u64);
        ctx.keep_alive();
    })));
    let Some(window) = web_sys::window() else {
        return;
    };
    // `visibilitychange` bubbles from the document to the window.
    listen(
        &window,
        "visibilitychange",
        Box::new(move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                ctx.keep_alive();
            }
        }),
    );
    listen(
        &window,
        "online",
        Box::new(move |_| {
            if ctx.alive() {
                ctx.auth.with_untracked(|a| a.retry_soon());
                ctx.keep_alive();
            }
        }),
    );
}
