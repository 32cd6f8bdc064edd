//! The signed-in user's account: profile, sign-in factors, password change, sign-out
//! everywhere.

use super::app_setup::app_setup_form;
use super::dom::{El, el, frag};
use super::field::{action, field, form, heading, hidden_username, submit};
use super::{AppCtx, Busy};
use crate::auth::{Factor, Profile};
use crate::i18n::Key;
use crate::outcome::factor_state;
use crate::reactive::{Signal, untrack};
use crate::secret::Password;

pub fn account_panel(ctx: AppCtx) -> El {
    let (current, new) = (Signal::new(String::new()), Signal::new(String::new()));
    let username = ctx
        .auth
        .with_untracked(|a| a.info().map(|info| info.username));
    let change = move || {
        ctx.change_password(
            Password::new(current.get_untracked()),
            Password::new(new.get_untracked()),
        );
        current.set(String::new());
        new.set(String::new());
    };
    let profile = move || match ctx.session.profile.get() {
        None => frag(),
        Some(profile) => untrack(|| profile_view(ctx, profile)),
    };
    el("section")
        .class("card")
        .test_id("account")
        .child(heading(ctx, Key::Account))
        .child(
            el("div")
                .class("actions")
                .child(
                    action(ctx, "load-profile", Key::ShowProfile)
                        .busy(Busy::LoadingProfile, Key::Loading)
                        .runs(AppCtx::load_profile),
                )
                .child(
                    action(ctx, "sign-out-everywhere", Key::SignOutEverywhere)
                        .busy(Busy::SigningOutEverywhere, Key::SigningOutEverywhere)
                        .secondary()
                        .runs(AppCtx::sign_out_everywhere),
                ),
        )
        .part(profile)
        .child(el("h3").words(ctx.language.t(Key::ChangePassword)))
        .child(
            form("change-password-form", change)
                .child(hidden_username(&username.unwrap_or_default()))
                .child(
                    field(ctx, Key::CurrentPassword, "current-password")
                        .current_password()
                        .bind(current),
                )
                .child(
                    field(ctx, Key::NewPassword, "changed-password")
                        .new_password()
                        .bind(new),
                )
                .child(submit(
                    ctx,
                    "change-password",
                    Key::ChangePassword,
                    Key::Changing,
                    Busy::ChangingPassword,
                )),
        )
}

/// The profile's attributes, then the sign-in factors.
fn profile_view(ctx: AppCtx, profile: Profile) -> El {
    let list = el("dl").class("facts").test_id("profile");
    for attribute in &profile.attributes {
        list.add(&el("dt").text(&attribute.name));
        list.add(
            &el("dd")
                .test_id(&format!("profile-{}", attribute.name))
                .text(&attribute.value),
        );
    }
    frag().child(list).child(mfa_section(ctx, &profile))
}

/// The sign-in factors: which are on, and the buttons that change them. An authenticator app
/// is set up here (secret, then its first code); text-message codes need a verified phone.
fn mfa_section(ctx: AppCtx, profile: &Profile) -> El {
    let mfa = &profile.mfa;
    let mut factors = vec![Factor::App, Factor::Sms];
    if mfa.is_on(Factor::Email) {
        factors.push(Factor::Email);
    }
    let states = el("ul").class("facts").test_id("mfa-status");
    for factor in factors {
        states.add(
            &el("li")
                .test_id(&format!("mfa-{}", factor.challenge()))
                .words(ctx.language.text(factor_state(mfa, factor))),
        );
    }
    let buttons = el("div").class("actions");
    buttons.add(&match mfa.is_on(Factor::App) {
        true => action(ctx, "mfa-app-off", Key::AppOffButton)
            .busy(Busy::ChangingFactors, Key::TurningOff)
            .secondary()
            .runs(AppCtx::app_off),
        false => action(ctx, "mfa-app-setup", Key::SetUpApp)
            .busy(Busy::StartingAppSetup, Key::Preparing)
            .runs(AppCtx::start_app_setup),
    });
    match (mfa.is_on(Factor::Sms), profile.has_verified_phone()) {
        (true, _) => buttons.add(
            &action(ctx, "mfa-sms-off", Key::SmsOffButton)
                .busy(Busy::ChangingFactors, Key::TurningOff)
                .secondary()
                .runs(AppCtx::sms_off),
        ),
        (false, true) => buttons.add(
            &action(ctx, "mfa-sms-on", Key::SmsOnButton)
                .busy(Busy::ChangingFactors, Key::TurningOn)
                .runs(AppCtx::sms_on),
        ),
        (false, false) => {}
    }
    let new_app = move || match ctx.session.new_app.get() {
        None => frag(),
        Some(app) => untrack(|| {
            el("div")
                .test_id("app-setup")
                .child(app_setup_form(
                    ctx,
                    app,
                    Box::new(move |code| ctx.enable_app(code)),
                ))
                .child(
                    action(ctx, "cancel-app-setup", Key::Cancel)
                        .secondary()
                        .runs(AppCtx::cancel_app_setup),
                )
        }),
    };
    frag()
        .child(el("h3").words(ctx.language.t(Key::TwoStepSignIn)))
        .child(states)
        .child(buttons)
        .part(new_app)
}
