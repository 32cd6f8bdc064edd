//! What the user can ask about the account: sign-up and its confirmation, a new code, password
//! reset and change, the profile and its sign-in factors, signing out everywhere. The profile
//! and an app being set up belong to the [`AccountView`] of the `<AccountSettings/>` that
//! asked, so they go with it.

use super::account::AccountView;
use super::context::Ctx;
use super::intents::Intent;
use crate::auth::{MfaSettings, NewAccount};
use crate::browser::BrowserAuth;
use crate::i18n::{Key, Text};
use crate::outcome::{self, Screen, Tone};
use leptos::prelude::*;

impl Ctx {
    /// Runs an account `intent` (the rest of [`Ctx::perform`]).
    pub(super) async fn perform_account(self, auth: BrowserAuth, intent: Intent) {
        match intent {
            Intent::SignUp {
                username,
                email,
                password,
            } => {
                self.log(
                    Tone::Info,
                    Text::with(Key::CreatingAccountOf, [Text::raw(username.as_str())]),
                );
                match auth.sign_up(&username, &email, &password).await {
                    Ok(NewAccount::Confirmed) => {
                        self.apply(outcome::done(Key::AccountCreated));
                        self.show(Screen::SignIn);
                    }
                    Ok(NewAccount::AwaitsCode(sent)) => {
                        let sent = outcome::code_sent(&sent);
                        self.apply(outcome::done(Text::with(Key::AccountCreatedSent, [sent])));
                        self.show(Screen::Confirm(username));
                    }
                    Err(e) => self.fail(Key::WhatCreating, e),
                }
            }
            Intent::ConfirmSignUp(username, code) => {
                match auth.confirm_sign_up(&username, &code).await {
                    Ok(()) => {
                        self.apply(outcome::done(Text::with(
                            Key::AccountConfirmed,
                            [Text::raw(username.as_str())],
                        )));
                        self.show(Screen::SignIn);
                    }
                    Err(e) => self.fail(Key::WhatConfirming, e),
                }
            }
            Intent::ResendCode(username) => match auth.resend_confirmation_code(&username).await {
                Ok(sent) => self.apply(outcome::done(outcome::code_sent(&sent))),
                Err(e) => self.fail(Key::WhatSendingCode, e),
            },
            Intent::ForgotPassword(username) => match auth.forgot_password(&username).await {
                Ok(sent) => {
                    self.apply(outcome::done(outcome::code_sent(&sent)));
                    self.show(Screen::ResetPassword(username));
                }
                Err(e) => self.fail(Key::WhatResetCode, e),
            },
            Intent::ResetPassword {
                username,
                code,
                password,
            } => match auth.reset_password(&username, &code, &password).await {
                Ok(()) => {
                    self.log(Tone::Success, Key::PasswordResetSigningIn);
                    match auth.sign_in(&username, &password).await {
                        Ok(step) => self.apply(outcome::after_step(step)),
                        Err(e) => self.fail(Key::WhatSignIn, e),
                    }
                }
                Err(e) => self.fail(Key::WhatResetting, e),
            },
            Intent::ChangePassword(current, new) => {
                match auth.change_password(&current, &new).await {
                    Ok(()) => self.apply(outcome::done(Key::PasswordChanged)),
                    Err(e) => self.fail(Key::WhatChanging, e),
                }
            }
            Intent::LoadProfile(account) => match auth.profile().await {
                Ok(profile) => {
                    self.log(Tone::Success, Key::ProfileRead);
                    account.profile.set(Some(profile));
                }
                Err(e) => self.fail(Key::WhatProfile, e),
            },
            Intent::SignOutEverywhere => match auth.sign_out_everywhere().await {
                Ok(()) => {
                    self.show(Screen::SignIn);
                    self.apply(outcome::done(Key::SignedOutEverywhere));
                }
                Err(e) => self.fail(Key::WhatSignOutEverywhere, e),
            },
            Intent::StartAppSetup(account) => match auth.new_app().await {
                Ok(app) => {
                    self.log(Tone::Info, Key::NewAppKey);
                    account.new_app.set(Some(app));
                }
                Err(e) => self.fail(Key::WhatAppSetup, e),
            },
            Intent::EnableApp(account, code) => {
                match auth.enable_app(&code, &account.mfa_settings()).await {
                    Ok(settings) => {
                        account.new_app.set(None);
                        account.set_mfa_settings(settings);
                        self.apply(outcome::done(Key::AppSetUpDone));
                    }
                    Err(e) => self.fail(Key::WhatAppCode, e),
                }
            }
            Intent::SetFactor(account, factor, on) => {
                match auth.set_factor(&account.mfa_settings(), factor, on).await {
                    Ok(settings) => {
                        account.set_mfa_settings(settings);
                        self.apply(outcome::done(outcome::factor_changed(factor, on)));
                    }
                    Err(e) => self.fail(Key::WhatFactors, e),
                }
            }
            // The session's own requests are `perform`'s.
            Intent::SignIn(..) | Intent::Answer(..) | Intent::ReadTokenInfo | Intent::Refresh => {}
        }
    }

    /// The name authenticator apps list the account under: the config's, or the page's host.
    pub fn mfa_issuer(self) -> String {
        let configured = self.with_auth(|auth| auth.config().mfa_issuer.clone());
        configured.unwrap_or_else(|| {
            web_sys::window()
                .and_then(|w| w.location().host().ok())
                .unwrap_or_default()
        })
    }

    /// The password rules to show where a password is chosen: the config's, or Cognito's
    /// default policy.
    pub fn password_policy(self) -> Text {
        let configured = self.with_auth(|auth| auth.config().password_policy.clone());
        configured.map_or(Key::PasswordPolicy.into(), Text::Raw)
    }
}

impl AccountView {
    /// The factors as last read (none before the profile is loaded).
    fn mfa_settings(self) -> MfaSettings {
        self.profile
            .try_with_untracked(|p| p.as_ref().map(|p| p.mfa.clone()))
            .flatten()
            .unwrap_or_default()
    }

    fn set_mfa_settings(self, settings: MfaSettings) {
        self.profile.update(|p| {
            if let Some(profile) = p {
                profile.mfa = settings;
            }
        });
    }
}
