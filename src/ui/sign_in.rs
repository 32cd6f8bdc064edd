//! The signed-out screens: sign in, new password, sign up, confirm, forgot and reset password.

use super::field::{BackToSignIn, Field, HiddenUsername, LinkButton, Submit};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, PendingChallenge};
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
            <h2>"Sign in"</h2>
            <form on:submit=submit data-testid="sign-in-form">
                <Field label="Username or email" id="username" autocomplete="username" value=username />
                <Field label="Password" id="password" kind="password" autocomplete="current-password" value=password />
                <Submit id="sign-in" idle="Sign in" working="Signing in…" busy=Busy::SigningIn />
            </form>
            <p class="links">
                <LinkButton id="go-sign-up" text="Create an account" to=Screen::SignUp />
                <LinkButton id="go-forgot-password" text="Forgot your password?" to=Screen::ForgotPassword />
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
    let heading = format!("Choose a new password for {}", challenge.username);
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
            <p>"Your account was created with a temporary password. Choose your own to finish signing in."</p>
            <form on:submit=submit data-testid="new-password-form">
                <HiddenUsername username=account />
                <Field label="New password" id="new-password" kind="password" autocomplete="new-password" value=password />
                <Field label="New password again" id="new-password-confirm" kind="password" autocomplete="new-password"
                    described_by="password-mismatch" invalid=mismatch value=confirm />
                {move || mismatch.get().then(|| view! {
                    <p class="field-error" id="password-mismatch" data-testid="password-mismatch">"The two passwords are not the same."</p>
                })}
                <Submit id="set-password" idle="Set password and sign in" working="Setting password…" busy=Busy::SettingPassword />
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
            <h2>"Create an account"</h2>
            <form on:submit=submit data-testid="sign-up-form">
                <Field label="Username" id="sign-up-username" autocomplete="username" value=username />
                <Field label="Email" id="sign-up-email" kind="email" autocomplete="email" value=email />
                <Field label="Password" id="sign-up-password" kind="password" autocomplete="new-password" described_by="password-policy" value=password />
                <p class="hint" id="password-policy" data-testid="password-policy">{ctx.password_policy()}</p>
                <Submit id="sign-up" idle="Create account" working="Creating account…" busy=Busy::SigningUp />
            </form>
            <p class="links">
                <LinkButton id="go-sign-in" text="I have an account: sign in" to=Screen::SignIn />
            </p>
        </section>
    }
}

#[component]
pub fn ConfirmForm(username: String) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let code = RwSignal::new(String::new());
    let heading = format!("Confirm the account {username}");
    let name = username.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.confirm_sign_up(name.clone(), code.get_untracked());
    };
    view! {
        <section class="card">
            <h2>{heading}</h2>
            <p>"Enter the code Cognito sent you."</p>
            <form on:submit=submit data-testid="confirm-form">
                <Field label="Confirmation code" id="confirm-code" autocomplete="one-time-code" value=code />
                <Submit id="confirm" idle="Confirm" working="Confirming…" busy=Busy::Confirming />
            </form>
            <p class="links">
                <button type="button" class="link" data-testid="resend-code" on:click=move |_| ctx.resend_code(username.clone())>
                    "Send a new code"
                </button>
                <LinkButton id="go-sign-in" text="Back to sign in" to=Screen::SignIn />
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
            <h2>"Reset your password"</h2>
            <form on:submit=submit data-testid="forgot-form">
                <Field label="Username" id="forgot-username" autocomplete="username" value=username />
                <Submit id="send-reset-code" idle="Send me a code" working="Sending…" busy=Busy::SendingCode />
            </form>
            <BackToSignIn />
        </section>
    }
}

#[component]
pub fn ResetPasswordForm(username: String) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (code, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let heading = format!("Choose a new password for {username}");
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
                <Field label="Code from the email" id="reset-code" autocomplete="one-time-code" value=code />
                <Field label="New password" id="reset-password" kind="password" autocomplete="new-password" described_by="reset-policy" value=password />
                <p class="hint" id="reset-policy">{ctx.password_policy()}</p>
                <Submit id="reset" idle="Set password and sign in" working="Setting password…" busy=Busy::Resetting />
            </form>
        </section>
    }
}
