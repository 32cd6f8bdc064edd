//! The signed-out screens: sign in, new password, sign up, confirm, forgot and reset password.

use super::dom::{El, el, frag};
use super::field::{
    back_to_sign_in, card, field, form, heading, hidden_username, link, link_button, para, submit,
};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, PendingChallenge};
use crate::i18n::{Key, Text};
use crate::outcome::Screen;
use crate::reactive::Signal;
use crate::secret::Password;

pub fn sign_in_form(ctx: AppCtx) -> El {
    let username = Signal::new(ctx.known_username.get_untracked());
    let password = Signal::new(String::new());
    let send = move || {
        let name = username.get_untracked().trim().to_string();
        if name.is_empty() || password.get_untracked().is_empty() {
            return;
        }
        ctx.sign_in(name, Password::new(password.get_untracked()));
        password.set(String::new());
    };
    card()
        .child(heading(ctx, Key::SignIn))
        .child(
            form("sign-in-form", send)
                .child(
                    field(ctx, Key::UsernameOrEmail, "username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(
                    field(ctx, Key::Password, "password")
                        .current_password()
                        .bind(password),
                )
                .child(submit(
                    ctx,
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
                    ctx,
                    "go-sign-up",
                    Key::CreateAnAccount,
                    Screen::SignUp,
                ))
                .child(link_button(
                    ctx,
                    "go-forgot-password",
                    Key::ForgotYourPassword,
                    Screen::ForgotPassword,
                )),
        )
}

/// A heading naming the account: "New password for …".
fn heading_for(ctx: AppCtx, key: Key, username: &str) -> El {
    el("h2").words(ctx.language.text(Text::with(key, [Text::raw(username)])))
}

pub fn new_password_form(ctx: AppCtx, challenge: PendingChallenge) -> El {
    let password = Signal::new(String::new());
    let confirm = Signal::new(String::new());
    let mismatch = Signal::new(false);
    let title = heading_for(ctx, Key::NewPasswordFor, &challenge.username);
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
            .words(ctx.language.t(Key::PasswordsDiffer)),
        false => frag(),
    };
    card()
        .child(title)
        .child(para(ctx, Key::TemporaryPasswordHelp))
        .child(
            form("new-password-form", send)
                .child(account)
                .child(
                    field(ctx, Key::NewPassword, "new-password")
                        .new_password()
                        .bind(password),
                )
                .child(
                    field(ctx, Key::NewPasswordAgain, "new-password-confirm")
                        .new_password()
                        .described_by("password-mismatch")
                        .invalid(mismatch)
                        .bind(confirm),
                )
                .part(differ)
                .child(submit(
                    ctx,
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
        .words(ctx.language.text(ctx.password_policy()))
}

pub fn sign_up_form(ctx: AppCtx) -> El {
    let (username, email, password) = (
        Signal::new(String::new()),
        Signal::new(String::new()),
        Signal::new(String::new()),
    );
    let send = move || {
        ctx.sign_up(
            username.get_untracked().trim().to_string(),
            email.get_untracked().trim().to_string(),
            Password::new(password.get_untracked()),
        );
    };
    card()
        .child(heading(ctx, Key::CreateAnAccount))
        .child(
            form("sign-up-form", send)
                .child(
                    field(ctx, Key::Username, "sign-up-username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(
                    field(ctx, Key::Email, "sign-up-email")
                        .kind("email")
                        .autocomplete("email")
                        .bind(email),
                )
                .child(
                    field(ctx, Key::Password, "sign-up-password")
                        .new_password()
                        .described_by("password-policy")
                        .bind(password),
                )
                .child(password_policy(ctx, "password-policy").test_id("password-policy"))
                .child(submit(
                    ctx,
                    "sign-up",
                    Key::CreateAccount,
                    Key::CreatingAccount,
                    Busy::SigningUp,
                )),
        )
        .child(el("p").class("links").child(link_button(
            ctx,
            "go-sign-in",
            Key::HaveAnAccount,
            Screen::SignIn,
        )))
}

pub fn confirm_form(ctx: AppCtx, username: String) -> El {
    let code = Signal::new(String::new());
    let title = heading_for(ctx, Key::ConfirmAccountOf, &username);
    let name = username.clone();
    let send = move || ctx.confirm_sign_up(name.clone(), code.get_untracked());
    let resend = link(ctx, "resend-code", Key::SendNewCode)
        .on("click", move |_| ctx.resend_code(username.clone()));
    card()
        .child(title)
        .child(para(ctx, Key::EnterCodeSent))
        .child(
            form("confirm-form", send)
                .child(
                    field(ctx, Key::ConfirmationCode, "confirm-code")
                        .autocomplete("one-time-code")
                        .bind(code),
                )
                .child(submit(
                    ctx,
                    "confirm",
                    Key::Confirm,
                    Key::Confirming,
                    Busy::Confirming,
                )),
        )
        .child(el("p").class("links").child(resend).child(link_button(
            ctx,
            "go-sign-in",
            Key::BackToSignIn,
            Screen::SignIn,
        )))
}

pub fn forgot_password_form(ctx: AppCtx) -> El {
    let username = Signal::new(ctx.known_username.get_untracked());
    let send = move || ctx.forgot_password(username.get_untracked().trim().to_string());
    card()
        .child(heading(ctx, Key::ResetYourPassword))
        .child(
            form("forgot-form", send)
                .child(
                    field(ctx, Key::Username, "forgot-username")
                        .autocomplete("username")
                        .bind(username),
                )
                .child(submit(
                    ctx,
                    "send-reset-code",
                    Key::SendMeACode,
                    Key::Sending,
                    Busy::SendingCode,
                )),
        )
        .child(back_to_sign_in(ctx))
}

pub fn reset_password_form(ctx: AppCtx, username: String) -> El {
    let (code, password) = (Signal::new(String::new()), Signal::new(String::new()));
    let title = heading_for(ctx, Key::NewPasswordFor, &username);
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
                field(ctx, Key::CodeFromEmail, "reset-code")
                    .autocomplete("one-time-code")
                    .bind(code),
            )
            .child(
                field(ctx, Key::NewPassword, "reset-password")
                    .new_password()
                    .described_by("reset-policy")
                    .bind(password),
            )
            .child(password_policy(ctx, "reset-policy"))
            .child(submit(
                ctx,
                "reset",
                Key::SetPasswordAndSignIn,
                Key::SettingPassword,
                Busy::Resetting,
            )),
    )
}
