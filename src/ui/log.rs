//! The operation log: every action and its outcome, newest first, always rendered as text.

use super::AppCtx;
use super::dom::{El, el, frag};
use crate::browser::local_time;
use crate::i18n::Key;

pub fn operation_log(ctx: AppCtx) -> El {
    // Redrawn whole on each change: the log is short text.
    let entries = move || {
        let (lang, locale) = (ctx.language.get(), ctx.language.locale());
        let list = frag();
        for entry in ctx.log.get() {
            let time = el("time").text(&local_time(entry.at_ms, &locale));
            let text = el("span").text(&entry.text.render(lang));
            list.add(
                &el("li")
                    .class(entry.tone.class())
                    .test_id("log-entry")
                    .child(time)
                    .child(text),
            );
        }
        list
    };
    let clear = el("button")
        .class("secondary small")
        .test_id("log-clear")
        .on("click", move |_| ctx.clear_log())
        .words(ctx.language.t(Key::Clear));
    el("section")
        .class("card log")
        .attr("aria-live", "polite")
        .child(
            el("div")
                .class("log-head")
                .child(
                    el("h2")
                        .attr("id", "log-title")
                        .words(ctx.language.t(Key::OperationLog)),
                )
                .child(clear),
        )
        // It scrolls once long: a keyboard reaches it (and scrolls it) with Tab.
        .child(
            el("ol")
                .test_id("log")
                .attr("tabindex", "0")
                .attr("aria-labelledby", "log-title")
                .part(entries),
        )
}
