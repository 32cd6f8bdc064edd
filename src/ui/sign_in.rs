//! The signed-out screens: sign in, new password, sign up, confirm, forgot and reset password.

use super::context::{Busy, Ctx};
use super::field::{BackToSignIn, Field, HiddenUsername, Link, LinkButton, Submit};
use super::intents::Intent;
use crate::auth::{ChallengeAnswer, PendingChallenge};
use crate::i18n::{Key, Text};
use crate::outcome::Screen;
use crate::secret::Password;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub(crate) fn SignInForm(ctx: Ctx) -> impl IntoView {
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let password = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = username.get_untracked().trim().to_string();
        if name.is_empty() || password.with_untracked(String::is_empty) {
            return;
        }
        ctx.known_username.set(name.clone());
        ctx.act(Intent::SignIn(
            name,
            Password::new(password.get_untracked()),
        ));
        password.set(String::new());
    };
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::SignIn)}</h2>
            <form on:submit=submit data-testid="sign-in-form">
                <Field ctx label=Key::UsernameOrEmail id="username" autocomplete="username" value=username />
                <Field ctx label=Key::Password id="password" kind="password" autocomplete="current-password" value=password />
                <Submit ctx id="sign-in" idle=Key::SignIn working=Key::SigningIn busy=Busy::SigningIn />
            </form>
            <p class="links">
                <LinkButton ctx id="go-sign-up" text=Key::CreateAnAccount to=Screen::SignUp />
                <LinkButton ctx id="go-forgot-password" text=Key::ForgotYourPassword to=Screen::ForgotPassword />
            </p>
        </section>
    }
}

/// A heading naming the account: "New password for …".
fn heading_for(ctx: Ctx, key: Key, username: &str) -> impl IntoView + use<> {
    let words = ctx.language.text(Text::with(key, [Text::raw(username)]));
    view! { <h2>{words}</h2> }
}

#[component]
pub(crate) fn NewPasswordForm(ctx: Ctx, challenge: PendingChallenge) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let title = heading_for(ctx, Key::NewPasswordFor, &challenge.username);
    let account = challenge.username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (new, again) = (password.get_untracked(), confirm.get_untracked());
        mismatch.set(new != again);
        if !new.is_empty() && new == again {
            let answer = ChallengeAnswer::NewPassword(challenge.clone(), Password::new(new));
            ctx.act(Intent::Answer(answer));
        }
    };
    let differ = move || {
        mismatch.get().then(|| {
            view! {
                <p class="field-error" id="password-mismatch" data-testid="password-mismatch">
                    {ctx.language.t(Key::PasswordsDiffer)}
                </p>
            }
        })
    };
    view! {
        <section class="card">
            {title}
            <p>{ctx.language.t(Key::TemporaryPasswordHelp)}</p>
            <form on:submit=submit data-testid="new-password-form">
                <HiddenUsername username=account />
                <Field ctx label=Key::NewPassword id="new-password" kind="password" autocomplete="new-password" value=password />
                <Field ctx label=Key::NewPasswordAgain id="new-password-confirm" kind="password" autocomplete="new-password"
                    described_by="password-mismatch" invalid=mismatch value=confirm />
                {differ}
                <Submit ctx id="set-password" idle=Key::SetPasswordAndSignIn working=Key::SettingPassword busy=Busy::SettingPassword />
            </form>
        </section>
    }
}

/// The password rules, where a new password is typed (`id`, which that field names).
fn password_policy(ctx: Ctx, id: &'static str) -> impl IntoView + use<> {
    let words = ctx.language.text(ctx.password_policy());
    view! { <p class="hint" id=id data-testid=id>{words}</p> }
}

#[component]
pub(crate) fn SignUpForm(ctx: Ctx) -> impl IntoView {
    let (username, email, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let username = username.get_untracked().trim().to_string();
        ctx.known_username.set(username.clone());
        ctx.act(Intent::SignUp {
            username,
            email: email.get_untracked().trim().to_string(),
            password: Password::new(password.get_untracked()),
        });
    };
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::CreateAnAccount)}</h2>
            <form on:submit=submit data-testid="sign-up-form">
                <Field ctx label=Key::Username id="sign-up-username" autocomplete="username" value=username />
                <Field ctx label=Key::Email id="sign-up-email" kind="email" autocomplete="email" value=email />
                <Field ctx label=Key::Password id="sign-up-password" kind="password" autocomplete="new-password"
                    described_by="password-policy" value=password />
                {password_policy(ctx, "password-policy")}
                <Submit ctx id="sign-up" idle=Key::CreateAccount working=Key::CreatingAccount busy=Busy::SigningUp />
            </form>
            <p class="links">
                <LinkButton ctx id="go-sign-in" text=Key::HaveAnAccount to=Screen::SignIn />
            </p>
        </section>
    }
}

#[component]
pub(crate) fn ConfirmForm(ctx: Ctx, username: String) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let title = heading_for(ctx, Key::ConfirmAccountOf, &username);
    let name = username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.act(Intent::ConfirmSignUp(name.clone(), code.get_untracked()));
    };
    let resend = move || ctx.act(Intent::ResendCode(username.clone()));
    view! {
        <section class="card">
            {title}
            <p>{ctx.language.t(Key::EnterCodeSent)}</p>
            <form on:submit=submit data-testid="confirm-form">
                <Field ctx label=Key::ConfirmationCode id="confirm-code" autocomplete="one-time-code" value=code />
                <Submit ctx id="confirm" idle=Key::Confirm working=Key::Confirming busy=Busy::Confirming />
            </form>
            <p class="links">
                <Link ctx id="resend-code" text=Key::SendNewCode on_click=resend />
                <LinkButton ctx id="go-sign-in" text=Key::BackToSignIn to=Screen::SignIn />
            </p>
        </section>
    }
}

#[component]
pub(crate) fn ForgotPasswordForm(ctx: Ctx) -> impl IntoView {
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let username = username.get_untracked().trim().to_string();
        ctx.known_username.set(username.clone());
        ctx.act(Intent::ForgotPassword(username));
    };
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::ResetYourPassword)}</h2>
            <form on:submit=submit data-testid="forgot-form">
                <Field ctx label=Key::Username id="forgot-username" autocomplete="username" value=username />
                <Submit ctx id="send-reset-code" idle=Key::SendMeACode working=Key::Sending busy=Busy::SendingCode />
            </form>
            <BackToSignIn ctx />
        </section>
    }
}

#[component]
pub(crate) fn ResetPasswordForm(ctx: Ctx, username: String) -> impl IntoView {
    let (code, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let title = heading_for(ctx, Key::NewPasswordFor, &username);
    let account = username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.act(Intent::ResetPassword {
            username: username.clone(),
            code: code.get_untracked(),
            password: Password::new(password.get_untracked()),
        });
    };
    view! {
        <section class="card">
            {title}
            <form on:submit=submit data-testid="reset-form">
                <HiddenUsername username=account />
                <Field ctx label=Key::CodeFromEmail id="reset-code" autocomplete="one-time-code" value=code />
                <Field ctx label=Key::NewPassword id="reset-password" kind="password" autocomplete="new-password"
                    described_by="reset-policy" value=password />
                {password_policy(ctx, "reset-policy")}
                <Submit ctx id="reset" idle=Key::SetPasswordAndSignIn working=Key::SettingPassword busy=Busy::Resetting />
            </form>
        </section>
    }
}
