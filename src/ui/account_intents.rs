//! What the user can ask about the account: sign-up and its confirmation, a new code, password
//! reset and change, the profile and its sign-in factors, signing out everywhere.

use super::state::{AppCtx, Busy};
use crate::auth::{AppCode, Factor, MfaSettings, NewAccount};
use crate::i18n::{Key, Text};
use crate::outcome::{self, Screen, Tone};
use crate::secret::Password;

impl AppCtx {
    /// Creates an account, then asks for its code (or says to sign in).
    pub fn sign_up(self, username: String, email: String, password: Password) {
        self.known_username.set(username.clone());
        self.run(Busy::SigningUp, move |auth| async move {
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
        });
    }

    /// Confirms an account with its code.
    pub fn confirm_sign_up(self, username: String, code: String) {
        self.run(Busy::Confirming, move |auth| async move {
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
        });
    }

    /// Asks for a new confirmation code.
    pub fn resend_code(self, username: String) {
        self.run(Busy::SendingCode, move |auth| async move {
            match auth.resend_confirmation_code(&username).await {
                Ok(sent) => self.apply(outcome::done(outcome::code_sent(&sent))),
                Err(e) => self.fail(Key::WhatSendingCode, e),
            }
        });
    }

    /// Asks for a reset code, then shows the reset form.
    pub fn forgot_password(self, username: String) {
        self.known_username.set(username.clone());
        self.run(Busy::SendingCode, move |auth| async move {
            match auth.forgot_password(&username).await {
                Ok(sent) => {
                    self.apply(outcome::done(outcome::code_sent(&sent)));
                    self.show(Screen::ResetPassword(username));
                }
                Err(e) => self.fail(Key::WhatResetCode, e),
            }
        });
    }

    /// Sets the new password, then signs in with it.
    pub fn reset_password(self, username: String, code: String, password: Password) {
        self.run(Busy::Resetting, move |auth| async move {
            match auth.reset_password(&username, &code, &password).await {
                Ok(()) => {
                    self.log(Tone::Success, Key::PasswordResetSigningIn);
                    match auth.sign_in(&username, &password).await {
                        Ok(step) => self.apply(outcome::after_step(step)),
                        Err(e) => self.fail(Key::WhatSignIn, e),
                    }
                }
                Err(e) => self.fail(Key::WhatResetting, e),
            }
        });
    }

    /// Changes the signed-in user's password.
    pub fn change_password(self, current: Password, new: Password) {
        self.run(Busy::ChangingPassword, move |auth| async move {
            match auth.change_password(&current, &new).await {
                Ok(()) => self.apply(outcome::done(Key::PasswordChanged)),
                Err(e) => self.fail(Key::WhatChanging, e),
            }
        });
    }

    /// Reads the profile (`GetUser`) and shows it.
    pub fn load_profile(self) {
        self.run(Busy::LoadingProfile, move |auth| async move {
            match auth.profile().await {
                Ok(profile) => {
                    self.log(Tone::Success, Key::ProfileRead);
                    self.session.profile.set(Some(profile));
                }
                Err(e) => self.fail(Key::WhatProfile, e),
            }
        });
    }

    /// Signs out on every device (`GlobalSignOut`), then here.
    pub fn sign_out_everywhere(self) {
        self.run(Busy::SigningOutEverywhere, move |auth| async move {
            match auth.sign_out_everywhere().await {
                Ok(()) => {
                    self.show(Screen::SignIn);
                    self.apply(outcome::done(Key::SignedOutEverywhere));
                }
                Err(e) => self.fail(Key::WhatSignOutEverywhere, e),
            }
        });
    }

    /// Asks for a new authenticator-app secret and shows it (never logged).
    pub fn start_app_setup(self) {
        self.run(Busy::StartingAppSetup, move |auth| async move {
            match auth.new_app().await {
                Ok(app) => {
                    self.log(Tone::Info, Key::NewAppKey);
                    self.session.new_app.set(Some(app));
                }
                Err(e) => self.fail(Key::WhatAppSetup, e),
            }
        });
    }

    /// Checks the new app's first code, then turns the app on; the secret is dropped (wiped).
    pub fn enable_app(self, code: AppCode) {
        self.run(Busy::CheckingCode, move |auth| async move {
            match auth.enable_app(&code, &self.mfa_settings()).await {
                Ok(settings) => {
                    self.session.new_app.set(None);
                    self.set_mfa_settings(settings);
                    self.apply(outcome::done(Key::AppSetUpDone));
                }
                Err(e) => self.fail(Key::WhatAppCode, e),
            }
        });
    }

    /// Drops the authenticator app being set up (its secret is wiped).
    pub fn cancel_app_setup(self) {
        self.session.new_app.set(None);
    }

    /// Turns the authenticator app off.
    pub fn app_off(self) {
        self.set_factor(Factor::App, false);
    }

    /// Turns text-message codes on.
    pub fn sms_on(self) {
        self.set_factor(Factor::Sms, true);
    }

    /// Turns text-message codes off.
    pub fn sms_off(self) {
        self.set_factor(Factor::Sms, false);
    }

    fn set_factor(self, factor: Factor, on: bool) {
        self.run(Busy::ChangingFactors, move |auth| async move {
            match auth.set_factor(&self.mfa_settings(), factor, on).await {
                Ok(settings) => {
                    self.set_mfa_settings(settings);
                    self.apply(outcome::done(outcome::factor_changed(factor, on)));
                }
                Err(e) => self.fail(Key::WhatFactors, e),
            }
        });
    }

    fn mfa_settings(self) -> MfaSettings {
        self.session
            .profile
            .with_untracked(|p| p.as_ref().map(|p| p.mfa.clone()))
            .unwrap_or_default()
    }

    fn set_mfa_settings(self, settings: MfaSettings) {
        self.session.profile.update(|p| {
            if let Some(profile) = p {
                profile.mfa = settings;
            }
        });
    }

    /// The name authenticator apps list the account under: the config's, or the page's host.
    pub fn mfa_issuer(self) -> String {
        self.auth
            .with_untracked(|a| a.config().mfa_issuer.clone())
            .unwrap_or_else(|| {
                super::dom::document()
                    .location()
                    .and_then(|l| l.host().ok())
                    .unwrap_or_default()
            })
    }

    /// The password rules to show where a password is chosen: the config's, or Cognito's
    /// default policy.
    pub fn password_policy(self) -> Text {
        let configured = self
            .auth
            .with_untracked(|a| a.config().password_policy.clone());
        configured.map_or(Key::PasswordPolicy.into(), Text::Raw)
    }
}
