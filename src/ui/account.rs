//! `<AccountSettings/>`: the signed-in user's profile, two-step sign-in settings, password
//! change and sign-out everywhere. What it reads of the account (the profile, an app being
//! set up with its secret) is its own: it goes when the component does, at sign-out at the
//! latest.

use super::app_setup::AppSetupForm;
use super::context::{Busy, Ctx, expect_ctx};
use super::field::{ActionButton, Field, HiddenUsername, Submit};
use super::intents::Intent;
use crate::auth::{Factor, NewApp, Profile};
use crate::i18n::Key;
use crate::outcome::factor_state;
use crate::secret::Password;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// What the account panel has read: the profile, and an authenticator app being set up
/// (dropping it wipes its secret).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AccountView {
    pub profile: RwSignal<Option<Profile>>,
    pub new_app: RwSignal<Option<NewApp>>,
}

/// The signed-in user's account: "Show profile" (their attributes, and which second factors
/// are on, with the buttons that set up an authenticator app or turn a factor on or off),
/// "Sign out everywhere", and the password change. Place it among an
/// [`Authenticator`](super::Authenticator)'s children: it is shown while someone is signed in.
///
/// ```no_run
/// use cognito_client::config::Config;
/// use cognito_client::ui::{AccountSettings, Authenticator};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Settings(config: Config) -> impl IntoView {
///     view! {
///         <Authenticator config>
///             <AccountSettings />
///         </Authenticator>
///     }
/// }
/// ```
#[component]
pub fn AccountSettings() -> impl IntoView {
    let ctx = expect_ctx();
    let account = AccountView {
        profile: RwSignal::new(None),
        new_app: RwSignal::new(None),
    };
    let (current, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let username = ctx.with_auth(|auth| auth.info().map(|info| info.username));
    let change = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.act(Intent::ChangePassword(
            Password::new(current.get_untracked()),
            Password::new(new.get_untracked()),
        ));
        current.set(String::new());
        new.set(String::new());
    };
    let profile = move || {
        account
            .profile
            .get()
            .map(|profile| view! { <ProfileView ctx account profile /> })
    };
    view! {
        <section class="card" data-testid="account">
            <h2>{ctx.language.t(Key::Account)}</h2>
            <div class="actions">
                <ActionButton ctx id="load-profile" idle=Key::ShowProfile working=Key::Loading
                    intent=Intent::LoadProfile(account) />
                <ActionButton ctx id="sign-out-everywhere" idle=Key::SignOutEverywhere working=Key::SigningOutEverywhere
                    secondary=true intent=Intent::SignOutEverywhere />
            </div>
            {profile}
            <h3>{ctx.language.t(Key::ChangePassword)}</h3>
            <form on:submit=change data-testid="change-password-form">
                <HiddenUsername username=username.unwrap_or_default() />
                <Field ctx label=Key::CurrentPassword id="current-password" kind="password" autocomplete="current-password" value=current />
                <Field ctx label=Key::NewPassword id="changed-password" kind="password" autocomplete="new-password" value=new />
                <Submit ctx id="change-password" idle=Key::ChangePassword working=Key::Changing busy=Busy::ChangingPassword />
            </form>
        </section>
    }
}

/// The profile's attributes, then the sign-in factors.
#[component]
fn ProfileView(ctx: Ctx, account: AccountView, profile: Profile) -> impl IntoView {
    let attributes = profile
        .attributes
        .iter()
        .map(|attribute| {
            view! {
                <dt>{attribute.name.clone()}</dt>
                <dd data-testid=format!("profile-{}", attribute.name)>{attribute.value.clone()}</dd>
            }
        })
        .collect_view();
    view! {
        <dl class="facts" data-testid="profile">{attributes}</dl>
        <MfaSection ctx account profile />
    }
}

/// The sign-in factors: which are on, and the buttons that change them. An authenticator app
/// is set up here (secret, then its first code); text-message codes need a verified phone.
#[component]
fn MfaSection(ctx: Ctx, account: AccountView, profile: Profile) -> impl IntoView {
    let mfa = &profile.mfa;
    let mut factors = vec![Factor::App, Factor::Sms];
    if mfa.is_on(Factor::Email) {
        factors.push(Factor::Email);
    }
    let states = factors
        .into_iter()
        .map(|factor| {
            view! {
                <li data-testid=format!("mfa-{}", factor.challenge())>
                    {ctx.language.text(factor_state(mfa, factor))}
                </li>
            }
        })
        .collect_view();
    let app = match mfa.is_on(Factor::App) {
        true => view! {
            <ActionButton ctx id="mfa-app-off" idle=Key::AppOffButton working=Key::TurningOff secondary=true
                intent=Intent::SetFactor(account, Factor::App, false) />
        }
        .into_any(),
        false => view! {
            <ActionButton ctx id="mfa-app-setup" idle=Key::SetUpApp working=Key::Preparing
                intent=Intent::StartAppSetup(account) />
        }
        .into_any(),
    };
    let sms = match (mfa.is_on(Factor::Sms), profile.has_verified_phone()) {
        (true, _) => Some(
            view! {
                <ActionButton ctx id="mfa-sms-off" idle=Key::SmsOffButton working=Key::TurningOff secondary=true
                    intent=Intent::SetFactor(account, Factor::Sms, false) />
            }
            .into_any(),
        ),
        (false, true) => Some(
            view! {
                <ActionButton ctx id="mfa-sms-on" idle=Key::SmsOnButton working=Key::TurningOn
                    intent=Intent::SetFactor(account, Factor::Sms, true) />
            }
            .into_any(),
        ),
        (false, false) => None,
    };
    let new_app = move || {
        account.new_app.get().map(|app| {
            view! {
                <div data-testid="app-setup">
                    <AppSetupForm ctx app answer=move |code| Intent::EnableApp(account, code) />
                    <button
                        class="secondary"
                        data-testid="cancel-app-setup"
                        disabled=move || ctx.is_busy()
                        on:click=move |_| account.new_app.set(None)
                    >
                        {ctx.language.t(Key::Cancel)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <h3>{ctx.language.t(Key::TwoStepSignIn)}</h3>
        <ul class="facts" data-testid="mfa-status">{states}</ul>
        <div class="actions">{app}{sms}</div>
        {new_app}
    }
}
