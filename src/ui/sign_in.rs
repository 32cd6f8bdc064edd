//! The sign-in form and the new-password form.

use super::{AppCtx, Busy};
use crate::auth::PendingChallenge;
use crate::secret::Secret;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// A labelled input bound to a signal.
#[component]
fn Field(
    label: &'static str,
    /// The element id, also its `data-testid`.
    id: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input
            id=id
            data-testid=id
            type=kind
            autocomplete=autocomplete
            required
            prop:value=move || value.get()
            on:input:target=move |ev| value.set(ev.target().value())
        />
    }
}

#[component]
pub fn SignInForm() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = username.get_untracked().trim().to_string();
        if name.is_empty() || password.get_untracked().is_empty() {
            return;
        }
        ctx.sign_in(name, Secret::new(password.get_untracked()));
        password.set(String::new());
    };
    let label = move || match ctx.busy.get() {
        Some(Busy::SigningIn) => "Signing in…",
        _ => "Sign in",
    };
    view! {
        <section class="card">
            <h2>"Sign in"</h2>
            <form on:submit=submit data-testid="sign-in-form">
                <Field label="Username or email" id="username" kind="text" autocomplete="username" value=username />
                <Field label="Password" id="password" kind="password" autocomplete="current-password" value=password />
                <button type="submit" data-testid="sign-in" disabled=move || ctx.is_busy()>
                    {label}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn NewPasswordForm(challenge: PendingChallenge) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let heading = format!("Choose a new password for {}", challenge.username);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (new, again) = (password.get_untracked(), confirm.get_untracked());
        mismatch.set(new != again);
        if new.is_empty() || new != again {
            return;
        }
        ctx.set_new_password(challenge.clone(), Secret::new(new));
    };
    let label = move || match ctx.busy.get() {
        Some(Busy::SettingPassword) => "Setting password…",
        _ => "Set password and sign in",
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <p>"Your account was created with a temporary password. Choose your own to finish signing in."</p>
            <form on:submit=submit data-testid="new-password-form">
                <Field label="New password" id="new-password" kind="password" autocomplete="new-password" value=password />
                <Field label="New password again" id="new-password-confirm" kind="password" autocomplete="new-password" value=confirm />
                <Show when=move || mismatch.get()>
                    <p class="field-error" data-testid="password-mismatch">
                        "The two passwords are not the same."
                    </p>
                </Show>
                <button type="submit" data-testid="set-password" disabled=move || ctx.is_busy()>
                    {label}
                </button>
            </form>
        </section>
    }
}
