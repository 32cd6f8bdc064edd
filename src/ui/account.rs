//! The signed-in user's account: profile, sign-in factors, password change, sign-out
//! everywhere.

use super::app_setup::AppSetupForm;
use super::field::{Action, Field, HiddenUsername, Submit};
use super::{AppCtx, Busy};
use crate::auth::{Factor, Profile};
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
            <h2>"Account"</h2>
            <div class="actions">
                <Action id="load-profile" idle="Show profile" working="Loading…" busy=Busy::LoadingProfile run=AppCtx::load_profile />
                <Action id="sign-out-everywhere" idle="Sign out everywhere" working="Signing out everywhere…" busy=Busy::SigningOutEverywhere secondary=true run=AppCtx::sign_out_everywhere />
            </div>
            {move || ctx.session.profile.get().map(|profile| view! {
                <dl class="facts" data-testid="profile">
                    {profile.attributes.into_iter().map(|a| view! {
                        <dt>{a.name.clone()}</dt>
                        <dd data-testid=format!("profile-{}", a.name)>{a.value}</dd>
                    }).collect_view()}
                </dl>
            })}
            {move || ctx.session.profile.get().map(|profile| view! { <MfaSection profile /> })}
            <h3>"Change password"</h3>
            <form on:submit=change data-testid="change-password-form">
                <HiddenUsername username=username.unwrap_or_default() />
                <Field label="Current password" id="current-password" kind="password" autocomplete="current-password" value=current />
                <Field label="New password" id="changed-password" kind="password" autocomplete="new-password" value=new />
                <Submit id="change-password" idle="Change password" working="Changing…" busy=Busy::ChangingPassword />
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
        .map(|f| view! { <li data-testid=format!("mfa-{}", f.challenge())>{factor_state(mfa, f)}</li> })
        .collect_view();
    let app = match mfa.is_on(Factor::App) {
        true => {
            view! { <Action id="mfa-app-off" idle="Turn off the authenticator app" busy=Busy::ChangingFactors working="Turning off…" secondary=true run=AppCtx::app_off /> }
        }
        false => {
            view! { <Action id="mfa-app-setup" idle="Set up an authenticator app" busy=Busy::StartingAppSetup working="Preparing…" run=AppCtx::start_app_setup /> }
        }
    };
    let sms = match (mfa.is_on(Factor::Sms), profile.has_verified_phone()) {
        (true, _) => Some(
            view! { <Action id="mfa-sms-off" idle="Turn off text-message codes" busy=Busy::ChangingFactors working="Turning off…" secondary=true run=AppCtx::sms_off /> },
        ),
        (false, true) => Some(
            view! { <Action id="mfa-sms-on" idle="Turn on text-message codes" busy=Busy::ChangingFactors working="Turning on…" run=AppCtx::sms_on /> },
        ),
        (false, false) => None,
    };
    let on_code = Callback::new(move |code| ctx.enable_app(code));
    view! {
        <h3>"Two-step sign-in"</h3>
        <ul class="facts" data-testid="mfa-status">{states}</ul>
        <div class="actions">{app}{sms}</div>
        {move || ctx.session.new_app.get().map(|app| view! {
            <div data-testid="app-setup">
                <AppSetupForm app on_code />
                <Action id="cancel-app-setup" idle="Cancel" secondary=true run=AppCtx::cancel_app_setup />
            </div>
        })}
    }
}
