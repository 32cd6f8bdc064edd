//! The pieces every screen is made of: a card, a form, a labelled input bound to a signal, a
//! submit button, a link-like button and a button that runs one of the app's intents.

use super::dom::{El, el, frag};
use super::language::words;
use super::{AppCtx, Busy, Language};
use crate::i18n::Key;
use crate::outcome::Screen;
use crate::reactive::Signal;

/// A card: one screen, or one part of the signed-in screen.
pub fn card() -> El {
    el("section").class("card")
}

/// A card's heading, in the page's language.
pub fn heading(ctx: AppCtx, key: Key) -> El {
    el("h2").words(ctx.language.t(key))
}

/// A paragraph of `key`'s words.
pub fn para(ctx: AppCtx, key: Key) -> El {
    el("p").words(ctx.language.t(key))
}

/// A form (`data-testid` `id`) whose sending runs `send` instead of loading a page.
pub fn form(id: &str, mut send: impl FnMut() + 'static) -> El {
    el("form").test_id(id).on("submit", move |ev| {
        ev.prevent_default();
        send();
    })
}

/// A labelled input; [`field`] makes one, its methods set what differs from a plain text
/// field, and [`Field::bind`] makes it, bound to its value.
pub struct Field {
    language: Language,
    label: Key,
    id: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    inputmode: &'static str,
    optional: bool,
    described_by: Option<&'static str>,
    invalid: Option<Signal<bool>>,
}

/// A required text field labelled `label`, whose element id (also its `data-testid`) is `id`.
pub fn field(ctx: AppCtx, label: Key, id: &'static str) -> Field {
    Field {
        language: ctx.language,
        label,
        id,
        kind: "text",
        autocomplete: "off",
        inputmode: "text",
        optional: false,
        described_by: None,
        invalid: None,
    }
}

impl Field {
    /// `email`, … (passwords: [`Field::new_password`], [`Field::current_password`]).
    pub fn kind(self, kind: &'static str) -> Self {
        Self { kind, ..self }
    }

    /// A password being chosen: a password manager offers to make one and files it.
    pub fn new_password(self) -> Self {
        Self {
            kind: "password",
            autocomplete: "new-password",
            ..self
        }
    }

    /// The password the user has now: a password manager fills it in.
    pub fn current_password(self) -> Self {
        Self {
            kind: "password",
            autocomplete: "current-password",
            ..self
        }
    }

    /// What a password manager or the browser may fill in.
    pub fn autocomplete(self, autocomplete: &'static str) -> Self {
        Self {
            autocomplete,
            ..self
        }
    }

    /// A one-time code: autofilled from a message, typed on the phone's number pad.
    pub fn code(self) -> Self {
        Self {
            autocomplete: "one-time-code",
            inputmode: "numeric",
            ..self
        }
    }

    /// The field may be left empty.
    pub fn optional(self) -> Self {
        Self {
            optional: true,
            ..self
        }
    }

    /// The id of the text that explains the field (a rule, a prompt, its error).
    pub fn described_by(self, id: &'static str) -> Self {
        Self {
            described_by: Some(id),
            ..self
        }
    }

    /// `aria-invalid` while `wrong` is true.
    pub fn invalid(self, wrong: Signal<bool>) -> Self {
        Self {
            invalid: Some(wrong),
            ..self
        }
    }

    /// The label and the input, whose value is `value`'s.
    pub fn bind(self, value: Signal<String>) -> El {
        let mut input = el("input")
            .attr("id", self.id)
            .test_id(self.id)
            .attr("type", self.kind)
            .attr("autocomplete", self.autocomplete)
            .attr("inputmode", self.inputmode);
        if !self.optional {
            input = input.attr("required", "");
        }
        if let Some(described_by) = self.described_by {
            input = input.attr("aria-describedby", described_by);
        }
        if let Some(wrong) = self.invalid {
            input = input.flag("aria-invalid", move || wrong.get());
        }
        frag()
            .child(
                el("label")
                    .attr("for", self.id)
                    .words(self.language.t(self.label)),
            )
            .child(input.bind(value))
    }
}

/// The account's username in a form that sets a password, unseen: a password manager files
/// the new password under the right entry.
pub fn hidden_username(username: &str) -> El {
    el("input")
        .attr("type", "text")
        .attr("hidden", "")
        .attr("readonly", "")
        .attr("autocomplete", "username")
        .test_id("hidden-username")
        .attr("value", username)
}

/// A button saying `idle`, or `working` (and `aria-busy`) while `busy` runs, disabled while
/// anything runs.
fn busy_button(ctx: AppCtx, idle: Key, working: Key, busy: Option<Busy>) -> El {
    let running = move || busy.is_some() && ctx.busy.get() == busy;
    let label = words(move || {
        let key = if running() { working } else { idle };
        ctx.language.get().template(key).to_string()
    });
    el("button")
        .flag("disabled", move || ctx.is_busy())
        .flag("aria-busy", running)
        .words(label)
}

/// A submit button that says what it is doing while its action (`busy`) runs, and is disabled
/// while any action runs.
pub fn submit(ctx: AppCtx, id: &str, idle: Key, working: Key, busy: Busy) -> El {
    busy_button(ctx, idle, working, Some(busy))
        .attr("type", "submit")
        .test_id(id)
}

/// A button that looks like a link, for moving between the signed-out screens.
pub fn link_button(ctx: AppCtx, id: &str, text: Key, to: Screen) -> El {
    link(ctx, id, text).on("click", move |_| ctx.show(to.clone()))
}

/// A link-like button, its action still to add.
pub fn link(ctx: AppCtx, id: &str, text: Key) -> El {
    el("button")
        .attr("type", "button")
        .class("link")
        .test_id(id)
        .words(ctx.language.t(text))
}

/// The way back from a signed-out screen to the sign-in form.
pub fn back_to_sign_in(ctx: AppCtx) -> El {
    el("p").class("links").child(link_button(
        ctx,
        "go-sign-in",
        Key::BackToSignIn,
        Screen::SignIn,
    ))
}

/// A button that runs one of the app's intents, disabled while anything runs; with `busy`, it
/// says `working` while its own intent runs (intents that do not wait have none).
pub struct Action {
    ctx: AppCtx,
    id: &'static str,
    idle: Key,
    busy: Option<(Busy, Key)>,
    secondary: bool,
}

/// A button `id` saying `idle`.
pub fn action(ctx: AppCtx, id: &'static str, idle: Key) -> Action {
    Action {
        ctx,
        id,
        idle,
        busy: None,
        secondary: false,
    }
}

impl Action {
    /// Says `working` while `busy` runs.
    pub fn busy(self, busy: Busy, working: Key) -> Self {
        Self {
            busy: Some((busy, working)),
            ..self
        }
    }

    /// Drawn as the less likely choice.
    pub fn secondary(self) -> Self {
        Self {
            secondary: true,
            ..self
        }
    }

    /// The button, running `run` when pressed. `run` is a plain function, not a closure, so
    /// every such button shares one compiled body (bundle size).
    pub fn runs(self, run: fn(AppCtx)) -> El {
        let ctx = self.ctx;
        let (busy, working) = match self.busy {
            Some((busy, working)) => (Some(busy), working),
            None => (None, self.idle),
        };
        let button = busy_button(ctx, self.idle, working, busy).test_id(self.id);
        let button = match self.secondary {
            true => button.class("secondary"),
            false => button,
        };
        button.on("click", move |_| run(ctx))
    }
}
