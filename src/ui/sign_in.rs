//! The signed-out screens: sign in, new password, sign up, confirm, forgot and reset password.

use super::dom::{El, el, frag};
use super::field::{
    back_to_sign_in, card, field, form, heading, hidden_username, link, link_button, para, submit,
};
use super::language::{say, t};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, PendingChallenge};
use crate::i18n::{Key, Text};
use crate::outcome::Screen;
use crate::secret::Password;
use leptos::prelude::*;

pub fn sign_in_form() -> El {
    let ctx = expect_context::<AppCtx>();
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let password = RwSignal::new(String::new());
    let send = move || {
        let name = username.get_untracked().trim().to_string();
        if name.is_empty() || password.get_untracked().is_empty() {
            return;
        }
        ctx.sign_in(name, Password::new(password.get_untracked()));
        password.set(String::new());
    };
    card()
        .child(heading(Key::SignIn))
        .child(
            form("sign-in-form", send)
                .child(
                    field(Key::UsernameOrEmail, "username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(
                    field(Key::Password, "password")
                        .current_password()
                        .bind(password),
                )
                .child(submit(
                    "sign-in",
                    Key::SignIn,
                    Key::SigningIn,
                    Busy::SigningIn,
                )),
        )
        .child(
            el("p")
                .class("links")
                .child(link_button(
                    "go-sign-up",
                    Key::CreateAnAccount,
                    Screen::SignUp,
                ))
                .child(link_button(
                    "go-forgot-password",
                    Key::ForgotYourPassword,
                    Screen::ForgotPassword,
                )),
        )
}

/// A heading naming the account: "New password for …".
fn heading_for(key: Key, username: &str) -> El {
    el("h2").words(say(Text::with(key, [Text::raw(username)])))
}

pub fn new_password_form(challenge: PendingChallenge) -> El {
    let ctx = expect_context::<AppCtx>();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let title = heading_for(Key::NewPasswordFor, &challenge.username);
    let account = hidden_username(&challenge.username);
    let send = move || {
        let (new, again) = (password.get_untracked(), confirm.get_untracked());
        mismatch.set(new != again);
        if !new.is_empty() && new == again {
            ctx.answer(ChallengeAnswer::NewPassword(
                challenge.clone(),
                Password::new(new),
            ));
        }
    };
    let differ = move || match mismatch.get() {
        true => el("p")
            .class("field-error")
            .attr("id", "password-mismatch")
            .test_id("password-mismatch")
            .words(t(Key::PasswordsDiffer)),
        false => frag(),
    };
    card()
        .child(title)
        .child(para(Key::TemporaryPasswordHelp))
        .child(
            form("new-password-form", send)
                .child(account)
                .child(
                    field(Key::NewPassword, "new-password")
                        .new_password()
                        .bind(password),
                )
                .child(
                    field(Key::NewPasswordAgain, "new-password-confirm")
                        .new_password()
                        .described_by("password-mismatch")
                        .invalid(mismatch)
                        .bind(confirm),
                )
                .part(differ)
                .child(submit(
                    "set-password",
                    Key::SetPasswordAndSignIn,
                    Key::SettingPassword,
                    Busy::SettingPassword,
                )),
        )
}

/// The password rules, where a new password is typed (`id`, which that field names).
fn password_policy(ctx: AppCtx, id: &str) -> El {
    el("p")
        .class("hint")
        .attr("id", id)
        .words(say(ctx.password_policy()))
}

pub fn sign_up_form() -> El {
    let ctx = expect_context::<AppCtx>();
    let (username, email, password) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let send = move || {
        ctx.sign_up(
            username.get_untracked().trim().to_string(),
            email.get_untracked().trim().to_string(),
            Password::new(password.get_untracked()),
        );
    };
    card()
        .child(heading(Key::CreateAnAccount))
        .child(
            form("sign-up-form", send)
                .child(
                    field(Key::Username, "sign-up-username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(
                    field(Key::Email, "sign-up-email")
                        .kind("email")
                        .autocomplete("email")
                        .bind(email),
                )
                .child(
                    field(Key::Password, "sign-up-password")
                        .new_password()
                        .described_by("password-policy")
                        .bind(password),
                )
                .child(password_policy(ctx, "password-policy").test_id("password-policy"))
                .child(submit(
                    "sign-up",
                    Key::CreateAccount,
                    Key::CreatingAccount,
                    Busy::SigningUp,
                )),
        )
        .child(el("p").class("links").child(link_button(
            "go-sign-in",
            Key::HaveAnAccount,
            Screen::SignIn,
        )))
}

pub fn confirm_form(username: String) -> El {
    let ctx = expect_context::<AppCtx>();
    let code = RwSignal::new(String::new());
    let title = heading_for(Key::ConfirmAccountOf, &username);
    let name = username.clone();
    let send = move || ctx.confirm_sign_up(name.clone(), code.get_untracked());
    let resend = link("resend-code", Key::SendNewCode)
        .on("click", move |_| ctx.resend_code(username.clone()));
    card()
        .child(title)
        .child(para(Key::EnterCodeSent))
        .child(
            form("confirm-form", send)
                .child(
                    field(Key::ConfirmationCode, "confirm-code")
                        .autocomplete("one-time-code")
                        .bind(code),
                )
                .child(submit(
                    "confirm",
                    Key::Confirm,
                    Key::Confirming,
                    Busy::Confirming,
                )),
        )
        .child(el("p").class("links").child(resend).child(link_button(
            "go-sign-in",
            Key::BackToSignIn,
            Screen::SignIn,
        )))
}

pub fn forgot_password_form() -> El {
    let ctx = expect_context::<AppCtx>();
    let username = RwSignal::new(ctx.known_username.get_untracked());
    let send = move || ctx.forgot_password(username.get_untracked().trim().to_string());
    card()
        .child(heading(Key::ResetYourPassword))
        .child(
            form("forgot-form", send)
                .child(
                    field(Key::Username, "forgot-username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(submit(
                    "send-reset-code",
                    Key::SendMeACode,
                    Key::Sending,
                    Busy::SendingCode,
                )),
        )
        .child(back_to_sign_in())
}

pub fn reset_password_form(username: String) -> El {
    let ctx = expect_context::<AppCtx>();
    let (code, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let title = heading_for(Key::NewPasswordFor, &username);
    let account = hidden_username(&username);
    let send = move || {
        ctx.reset_password(
            username.clone(),
            code.get_untracked(),
            Password::new(password.get_untracked()),
        );
    };
    card().child(title).child(
        form("reset-form", send)
            .child(account)
            .child(
                field(Key::CodeFromEmail, "reset-code")
                    .autocomplete("one-time-code")
                    .bind(code),
            )
            .child(
                field(Key::NewPassword, "reset-password")
                    .new_password()
                    .described_by("reset-policy")
                    .bind(password),
            )
            .child(password_policy(ctx, "reset-policy"))
            .child(submit(
                "reset",
                Key::SetPasswordAndSignIn,
                Key::SettingPassword,
                Busy::Resetting,
            )),
    )
}
