//! The pieces every screen is made of: a labelled input bound to a signal, a submit button, a
//! link-like button and a button that runs one of the user's requests.

use super::context::{Busy, Ctx};
use super::intents::Intent;
use crate::i18n::Key;
use crate::outcome::Screen;
use leptos::prelude::*;

/// A labelled input whose value is `value`'s, both ways.
#[component]
pub(crate) fn Field(
    ctx: Ctx,
    /// The visible label.
    label: Key,
    /// The element id, also its `data-testid`.
    id: &'static str,
    /// `text`, `password`, `email`, …
    #[prop(default = "text")]
    kind: &'static str,
    /// What a password manager or the browser may fill in.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The keyboard a phone shows: `numeric` for codes.
    #[prop(default = "text")]
    inputmode: &'static str,
    /// The field may be left empty.
    #[prop(optional)]
    optional: bool,
    /// The id of the text that explains the field (a rule, a prompt, its error).
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// True while what was typed is wrong (`aria-invalid`).
    #[prop(optional)]
    invalid: Option<RwSignal<bool>>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{ctx.language.t(label)}</label>
        <input
            id=id
            data-testid=id
            type=kind
            autocomplete=autocomplete
            inputmode=inputmode
            required=!optional
            aria-describedby=described_by
            aria-invalid=move || invalid.and_then(|wrong| wrong.get().then_some("true"))
            prop:value=move || value.get()
            on:input:target=move |ev| value.set(ev.target().value())
        />
    }
}

/// The account's username in a form that sets a password, unseen: a password manager files
/// the new password under the right entry.
#[component]
pub(crate) fn HiddenUsername(username: String) -> impl IntoView {
    view! {
        <input type="text" hidden readonly autocomplete="username" data-testid="hidden-username" value=username />
    }
}

/// Whether `busy` runs, and the words of a button saying `idle`, or `working` while it runs.
fn busy_label(
    ctx: Ctx,
    idle: Key,
    working: Key,
    busy: Busy,
) -> (
    impl Fn() -> bool + Copy + Send + Sync + 'static,
    impl Fn() -> &'static str + Send + Sync + 'static,
) {
    let running = move || ctx.busy() == Some(busy);
    let label = move || {
        let key = if running() { working } else { idle };
        ctx.language.get().template(key)
    };
    (running, label)
}

/// A submit button that says what it is doing while its request (`busy`) runs, and is disabled
/// while any request runs.
#[component]
pub(crate) fn Submit(
    ctx: Ctx,
    id: &'static str,
    idle: Key,
    working: Key,
    busy: Busy,
) -> impl IntoView {
    let (running, label) = busy_label(ctx, idle, working, busy);
    view! {
        <button
            type="submit"
            data-testid=id
            disabled=move || ctx.is_busy()
            aria-busy=move || running().then_some("true")
        >
            {label}
        </button>
    }
}

/// A link-like button running `on_click`.
#[component]
pub(crate) fn Link(
    ctx: Ctx,
    id: &'static str,
    text: Key,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="link" data-testid=id on:click=move |_| on_click()>
            {ctx.language.t(text)}
        </button>
    }
}

/// A button that looks like a link, for moving between the signed-out screens.
#[component]
pub(crate) fn LinkButton(ctx: Ctx, id: &'static str, text: Key, to: Screen) -> impl IntoView {
    view! { <Link ctx id text on_click=move || ctx.show(to.clone()) /> }
}

/// The way back from a signed-out screen to the sign-in form.
#[component]
pub(crate) fn BackToSignIn(ctx: Ctx) -> impl IntoView {
    view! {
        <p class="links">
            <LinkButton ctx id="go-sign-in" text=Key::BackToSignIn to=Screen::SignIn />
        </p>
    }
}

/// A button that sends `intent`, one of the user's requests, disabled while any runs, saying
/// `working` while its own runs.
#[component]
pub(crate) fn ActionButton(
    ctx: Ctx,
    id: &'static str,
    idle: Key,
    working: Key,
    /// Drawn as the less likely choice.
    #[prop(optional)]
    secondary: bool,
    intent: Intent,
) -> impl IntoView {
    let (running, label) = busy_label(ctx, idle, working, intent.busy());
    view! {
        <button
            class:secondary=secondary
            data-testid=id
            disabled=move || ctx.is_busy()
            aria-busy=move || running().then_some("true")
            on:click=move |_| ctx.act(intent.clone())
        >
            {label}
        </button>
    }
}
