//! What the user can ask about the account: sign-up and its confirmation, a new code, password
//! reset and change, the profile, signing out everywhere.

use super::state::{AppCtx, Busy};
use crate::auth::NewAccount;
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

    /// The password rules to show where a password is chosen.
    pub fn password_policy(self) -> String {
        self.auth.with_value(|a| a.config().password_policy.clone())
    }
}
