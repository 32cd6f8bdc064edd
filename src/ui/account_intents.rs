//! What the user can ask about the account: sign-up and its confirmation, a new code, password
//! reset and change, the profile and its sign-in factors, signing out everywhere.

use super::state::{AppCtx, Busy};
use crate::auth::{AppCode, Factor, MfaSettings, NewAccount};
use crate::outcome::{self, Screen, Tone};
use crate::secret::Password;
use leptos::prelude::*;

impl AppCtx {
    /// Creates an account, then asks for its code (or says to sign in).
    pub fn sign_up(self, username: String, email: String, password: Password) {
        self.known_username.set(username.clone());
        self.run(Busy::SigningUp, move |auth| async move {
            self.log(Tone::Info, format!("Creating the account {username}…"));
            match auth.sign_up(&username, &email, &password).await {
                Ok(NewAccount::Confirmed) => {
                    self.apply(outcome::done("Account created. Sign in with it."));
                    self.show(Screen::SignIn);
                }
                Ok(NewAccount::AwaitsCode(sent)) => {
                    let sent = outcome::code_sent(&sent);
                    self.apply(outcome::done(format!("Account created. {sent}")));
                    self.show(Screen::Confirm(username));
                }
                Err(e) => self.fail("Creating the account", e),
            }
        });
    }

    /// Confirms an account with its code.
    pub fn confirm_sign_up(self, username: String, code: String) {
        self.run(Busy::Confirming, move |auth| async move {
            match auth.confirm_sign_up(&username, &code).await {
                Ok(()) => {
                    self.apply(outcome::done(format!(
                        "Account {username} confirmed. Sign in with it."
                    )));
                    self.show(Screen::SignIn);
                }
                Err(e) => self.fail("Confirming the account", e),
            }
        });
    }

    /// Asks for a new confirmation code.
    pub fn resend_code(self, username: String) {
        self.run(Busy::SendingCode, move |auth| async move {
            match auth.resend_confirmation_code(&username).await {
                Ok(sent) => self.apply(outcome::done(outcome::code_sent(&sent))),
                Err(e) => self.fail("Sending a new code", e),
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
                Err(e) => self.fail("Asking for a reset code", e),
            }
        });
    }

    /// Sets the new password, then signs in with it.
    pub fn reset_password(self, username: String, code: String, password: Password) {
        self.run(Busy::Resetting, move |auth| async move {
            match auth.reset_password(&username, &code, &password).await {
                Ok(()) => {
                    self.log(Tone::Success, "Password reset. Signing in with it…");
                    match auth.sign_in(&username, &password).await {
                        Ok(step) => self.apply(outcome::after_step(step)),
                        Err(e) => self.fail("Sign-in", e),
                    }
                }
                Err(e) => self.fail("Resetting the password", e),
            }
        });
    }

    /// Changes the signed-in user's password.
    pub fn change_password(self, current: Password, new: Password) {
        self.run(Busy::ChangingPassword, move |auth| async move {
            match auth.change_password(&current, &new).await {
                Ok(()) => self.apply(outcome::done("Password changed.")),
                Err(e) => self.fail("Changing the password", e),
            }
        });
    }

    /// Reads the profile (`GetUser`) and shows it.
    pub fn load_profile(self) {
        self.run(Busy::LoadingProfile, move |auth| async move {
            match auth.profile().await {
                Ok(profile) => {
                    self.log(Tone::Success, "Profile read from Cognito (GetUser).");
                    self.session.profile.set(Some(profile));
                }
                Err(e) => self.fail("Reading the profile", e),
            }
        });
    }

    /// Signs out on every device (`GlobalSignOut`), then here.
    pub fn sign_out_everywhere(self) {
        self.run(Busy::SigningOutEverywhere, move |auth| async move {
            match auth.sign_out_everywhere().await {
                Ok(()) => {
                    self.show(Screen::SignIn);
                    self.apply(outcome::done("Signed out on every device."));
                }
                Err(e) => self.fail("Signing out everywhere", e),
            }
        });
    }

    /// Asks for a new authenticator-app secret and shows it (never logged).
    pub fn start_app_setup(self) {
        self.run(Busy::StartingAppSetup, move |auth| async move {
            match auth.new_app().await {
                Ok(app) => {
                    self.log(
                        Tone::Info,
                        "New authenticator-app key made (AssociateSoftwareToken).",
                    );
                    self.session.new_app.set(Some(app));
                }
                Err(e) => self.fail("Setting up an authenticator app", e),
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
                    self.apply(outcome::done(
                        "Authenticator app set up. Sign-ins now ask for its code.",
                    ));
                }
                Err(e) => self.fail("Checking the app's code", e),
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
                Err(e) => self.fail("Changing the sign-in factors", e),
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
            .with_value(|a| a.config().mfa_issuer.clone())
            .unwrap_or_else(|| window().location().host().unwrap_or_default())
    }

    /// The password rules to show where a password is chosen.
    pub fn password_policy(self) -> String {
        self.auth.with_value(|a| a.config().password_policy.clone())
    }
}
