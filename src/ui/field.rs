//! The pieces every screen is made of: a labelled input bound to a signal, a submit button, a
//! link-like button, a button that runs one of the app's intents, and `redrawn` for a part
//! that is redrawn whole.

use super::language::{t, words};
use super::{AppCtx, Busy};
use crate::i18n::Key;
use crate::outcome::Screen;
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// A part of the page drawn by `view` and redrawn whenever what it reads changes. Every such
/// part is this one type, so tachys compiles its redrawing once (bundle size).
pub fn redrawn(view: impl FnMut() -> AnyView + Send + 'static) -> Redrawn {
    Arc::new(Mutex::new(view))
}

/// What [`redrawn`] makes.
pub type Redrawn = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

#[component]
pub fn Field(
    /// The visible label.
    label: Key,
    /// The element id, also its `data-testid`.
    id: &'static str,
    /// `text`, `password`, `email`, …
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
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
        <label for=id>{t(label)}</label>
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
pub fn HiddenUsername(username: String) -> impl IntoView {
    view! {
        <input type="text" hidden readonly autocomplete="username" data-testid="hidden-username" value=username />
    }
}

/// A submit button that says what it is doing while its action (`busy`) runs, and is disabled
/// while any action runs.
#[component]
pub fn Submit(
    id: &'static str,
    idle: Key,
    working: Key,
    /// What runs when this button's form is sent.
    busy: Busy,
) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let label = words(move || {
        let key = if ctx.busy.get() == Some(busy) {
            working
        } else {
            idle
        };
        ctx.language.get().template(key).to_string()
    });
    view! {
        <button type="submit" data-testid=id disabled=move || ctx.is_busy()>
            {label}
        </button>
    }
}

/// A button that looks like a link, for moving between the signed-out screens.
#[component]
pub fn LinkButton(id: &'static str, text: Key, to: Screen) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    view! {
        <button type="button" class="link" data-testid=id on:click=move |_| ctx.show(to.clone())>
            {t(text)}
        </button>
    }
}

/// The way back from a signed-out screen to the sign-in form.
#[component]
pub fn BackToSignIn() -> impl IntoView {
    view! {
        <p class="links">
            <LinkButton id="go-sign-in" text=Key::BackToSignIn to=Screen::SignIn />
        </p>
    }
}

/// A button that runs one of the app's intents, disabled while anything runs, saying what it
/// is doing while its own intent (`busy`) runs. `run` is a plain function, not a closure, so
/// every such button shares one compiled component (bundle size).
#[component]
pub fn Action(
    id: &'static str,
    idle: Key,
    /// What it says while `busy` runs (intents that do not wait have no `busy`).
    #[prop(optional)]
    working: Option<Key>,
    #[prop(optional)] busy: Option<Busy>,
    #[prop(optional)] secondary: bool,
    run: fn(AppCtx),
) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let label = words(move || {
        let key = match working {
            Some(working) if busy.is_some() && ctx.busy.get() == busy => working,
            _ => idle,
        };
        ctx.language.get().template(key).to_string()
    });
    view! {
        <button
            class:secondary=secondary
            data-testid=id
            disabled=move || ctx.is_busy()
            on:click=move |_| run(ctx)
        >
            {label}
        </button>
    }
}
