//! The signed-in user's account: profile, sign-in factors, password change, sign-out
//! everywhere.

use super::app_setup::AppSetupForm;
use super::field::{Action, Field, HiddenUsername, Submit, redrawn};
use super::language::{say, t};
use super::{AppCtx, Busy};
use crate::auth::{Factor, Profile};
use crate::i18n::Key;
use crate::outcome::factor_state;
use crate::secret::Password;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn AccountPanel() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (current, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let username = ctx.auth.with_value(|a| a.info().map(|info| info.username));
    let change = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.change_password(
            Password::new(current.get_untracked()),
            Password::new(new.get_untracked()),
        );
        current.set(String::new());
        new.set(String::new());
    };
    view! {
        <section class="card" data-testid="account">
            <h2>{t(Key::Account)}</h2>
            <div class="actions">
                <Action id="load-profile" idle=Key::ShowProfile working=Key::Loading busy=Busy::LoadingProfile run=AppCtx::load_profile />
                <Action id="sign-out-everywhere" idle=Key::SignOutEverywhere working=Key::SigningOutEverywhere busy=Busy::SigningOutEverywhere secondary=true run=AppCtx::sign_out_everywhere />
            </div>
            {redrawn(move || ctx.session.profile.get().map(|profile| view! {
                <dl class="facts" data-testid="profile">
                    {profile.attributes.iter().map(|a| view! {
                        <dt>{a.name.clone()}</dt>
                        <dd data-testid=format!("profile-{}", a.name)>{a.value.clone()}</dd>
                    }).collect_view()}
                </dl>
                <MfaSection profile />
            }).into_any())}
            <h3>{t(Key::ChangePassword)}</h3>
            <form on:submit=change data-testid="change-password-form">
                <HiddenUsername username=username.unwrap_or_default() />
                <Field label=Key::CurrentPassword id="current-password" kind="password" autocomplete="current-password" value=current />
                <Field label=Key::NewPassword id="changed-password" kind="password" autocomplete="new-password" value=new />
                <Submit id="change-password" idle=Key::ChangePassword working=Key::Changing busy=Busy::ChangingPassword />
            </form>
        </section>
    }
}

/// The sign-in factors: which are on, and the buttons that change them. An authenticator app
/// is set up here (secret, then its first code); text-message codes need a verified phone.
#[component]
fn MfaSection(profile: Profile) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let mfa = &profile.mfa;
    let mut factors = vec![Factor::App, Factor::Sms];
    if mfa.is_on(Factor::Email) {
        factors.push(Factor::Email);
    }
    let states = factors
        .into_iter()
        .map(|f| view! { <li data-testid=format!("mfa-{}", f.challenge())>{say(factor_state(mfa, f))}</li> })
        .collect_view();
    let app = match mfa.is_on(Factor::App) {
        true => {
            view! { <Action id="mfa-app-off" idle=Key::AppOffButton busy=Busy::ChangingFactors working=Key::TurningOff secondary=true run=AppCtx::app_off /> }
        }
        false => {
            view! { <Action id="mfa-app-setup" idle=Key::SetUpApp busy=Busy::StartingAppSetup working=Key::Preparing run=AppCtx::start_app_setup /> }
        }
    };
    let sms = match (mfa.is_on(Factor::Sms), profile.has_verified_phone()) {
        (true, _) => Some(
            view! { <Action id="mfa-sms-off" idle=Key::SmsOffButton busy=Busy::ChangingFactors working=Key::TurningOff secondary=true run=AppCtx::sms_off /> },
        ),
        (false, true) => Some(
            view! { <Action id="mfa-sms-on" idle=Key::SmsOnButton busy=Busy::ChangingFactors working=Key::TurningOn run=AppCtx::sms_on /> },
        ),
        (false, false) => None,
    };
    let on_code = Callback::new(move |code| ctx.enable_app(code));
    view! {
        <h3>{t(Key::TwoStepSignIn)}</h3>
        <ul class="facts" data-testid="mfa-status">{states}</ul>
        <div class="actions">{app}{sms}</div>
        {redrawn(move || ctx.session.new_app.get().map(|app| view! {
            <div data-testid="app-setup">
                <AppSetupForm app on_code />
                <Action id="cancel-app-setup" idle=Key::Cancel secondary=true run=AppCtx::cancel_app_setup />
            </div>
        }).into_any())}
    }
}
