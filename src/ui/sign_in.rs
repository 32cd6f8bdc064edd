//! The signed-out screens: sign in, new password, sign up, confirm, forgot and reset password.

use super::field::{BackToSignIn, Field, HiddenUsername, LinkButton, Submit, redrawn};
use super::language::{say, t};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, PendingChallenge};
use crate::i18n::{Key, Text};
use crate::outcome::Screen;
use crate::secret::Password;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn SignInForm() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let password = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = username.get_untracked().trim().to_string();
        if name.is_empty() || password.get_untracked().is_empty() {
            return;
        }
        ctx.sign_in(name, Password::new(password.get_untracked()));
        password.set(String::new());
    };
    view! {
        <section class="card">
            <h2>{t(Key::SignIn)}</h2>
            <form on:submit=submit data-testid="sign-in-form">
                <Field label=Key::UsernameOrEmail id="username" autocomplete="username" value=username />
                <Field label=Key::Password id="password" kind="password" autocomplete="current-password" value=password />
                <Submit id="sign-in" idle=Key::SignIn working=Key::SigningIn busy=Busy::SigningIn />
            </form>
            <p class="links">
                <LinkButton id="go-sign-up" text=Key::CreateAnAccount to=Screen::SignUp />
                <LinkButton id="go-forgot-password" text=Key::ForgotYourPassword to=Screen::ForgotPassword />
            </p>
        </section>
    }
}

#[component]
pub fn NewPasswordForm(challenge: PendingChallenge) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let heading = say(Text::with(
        Key::NewPasswordFor,
        [Text::raw(challenge.username.as_str())],
    ));
    let account = challenge.username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (new, again) = (password.get_untracked(), confirm.get_untracked());
        mismatch.set(new != again);
        if !new.is_empty() && new == again {
            ctx.answer(ChallengeAnswer::NewPassword(
                challenge.clone(),
                Password::new(new),
            ));
        }
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <p>{t(Key::TemporaryPasswordHelp)}</p>
            <form on:submit=submit data-testid="new-password-form">
                <HiddenUsername username=account />
                <Field label=Key::NewPassword id="new-password" kind="password" autocomplete="new-password" value=password />
                <Field label=Key::NewPasswordAgain id="new-password-confirm" kind="password" autocomplete="new-password"
                    described_by="password-mismatch" invalid=mismatch value=confirm />
                {redrawn(move || mismatch.get().then(|| view! {
                    <p class="field-error" id="password-mismatch" data-testid="password-mismatch">{t(Key::PasswordsDiffer)}</p>
                }).into_any())}
                <Submit id="set-password" idle=Key::SetPasswordAndSignIn working=Key::SettingPassword busy=Busy::SettingPassword />
            </form>
        </section>
    }
}

#[component]
pub fn SignUpForm() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (username, email, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.sign_up(
            username.get_untracked().trim().to_string(),
            email.get_untracked().trim().to_string(),
            Password::new(password.get_untracked()),
        );
    };
    view! {
        <section class="card">
            <h2>{t(Key::CreateAnAccount)}</h2>
            <form on:submit=submit data-testid="sign-up-form">
                <Field label=Key::Username id="sign-up-username" autocomplete="username" value=username />
                <Field label=Key::Email id="sign-up-email" kind="email" autocomplete="email" value=email />
                <Field label=Key::Password id="sign-up-password" kind="password" autocomplete="new-password" described_by="password-policy" value=password />
                <p class="hint" id="password-policy" data-testid="password-policy">{say(ctx.password_policy())}</p>
                <Submit id="sign-up" idle=Key::CreateAccount working=Key::CreatingAccount busy=Busy::SigningUp />
            </form>
            <p class="links">
                <LinkButton id="go-sign-in" text=Key::HaveAnAccount to=Screen::SignIn />
            </p>
        </section>
    }
}

#[component]
pub fn ConfirmForm(username: String) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let code = RwSignal::new(String::new());
    let heading = say(Text::with(
        Key::ConfirmAccountOf,
        [Text::raw(username.as_str())],
    ));
    let name = username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.confirm_sign_up(name.clone(), code.get_untracked());
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <p>{t(Key::EnterCodeSent)}</p>
            <form on:submit=submit data-testid="confirm-form">
                <Field label=Key::ConfirmationCode id="confirm-code" autocomplete="one-time-code" value=code />
                <Submit id="confirm" idle=Key::Confirm working=Key::Confirming busy=Busy::Confirming />
            </form>
            <p class="links">
                <button type="button" class="link" data-testid="resend-code" on:click=move |_| ctx.resend_code(username.clone())>
                    {t(Key::SendNewCode)}
                </button>
                <LinkButton id="go-sign-in" text=Key::BackToSignIn to=Screen::SignIn />
            </p>
        </section>
    }
}

#[component]
pub fn ForgotPasswordForm() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.forgot_password(username.get_untracked().trim().to_string());
    };
    view! {
        <section class="card">
            <h2>{t(Key::ResetYourPassword)}</h2>
            <form on:submit=submit data-testid="forgot-form">
                <Field label=Key::Username id="forgot-username" autocomplete="username" value=username />
                <Submit id="send-reset-code" idle=Key::SendMeACode working=Key::Sending busy=Busy::SendingCode />
            </form>
            <BackToSignIn />
        </section>
    }
}

#[component]
pub fn ResetPasswordForm(username: String) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (code, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let heading = say(Text::with(
        Key::NewPasswordFor,
        [Text::raw(username.as_str())],
    ));
    let account = username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.reset_password(
            username.clone(),
            code.get_untracked(),
            Password::new(password.get_untracked()),
        );
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <form on:submit=submit data-testid="reset-form">
                <HiddenUsername username=account />
                <Field label=Key::CodeFromEmail id="reset-code" autocomplete="one-time-code" value=code />
                <Field label=Key::NewPassword id="reset-password" kind="password" autocomplete="new-password" described_by="reset-policy" value=password />
                <p class="hint" id="reset-policy">{say(ctx.password_policy())}</p>
                <Submit id="reset" idle=Key::SetPasswordAndSignIn working=Key::SettingPassword busy=Busy::Resetting />
            </form>
        </section>
    }
}
