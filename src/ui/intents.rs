//! What the user can ask of the session: sign in, answer a challenge, read the token info,
//! refresh. Each is an [`Intent`], run by [`Ctx::act`] as a task, one at a time; each runs
//! its auth calls and applies what `crate::outcome` says they lead to. The account's requests
//! are in `account_intents.rs`; the keep-alive, other tabs' news and signing out, which never
//! wait for a button, are here too.

use super::account::AccountView;
use super::context::{Busy, Ctx};
use crate::auth::{AppCode, AuthError, ChallengeAnswer, Factor, TabMessage};
use crate::browser::BrowserAuth;
use crate::i18n::{Key, Text};
use crate::outcome::{self, Screen, Tone};
use crate::secret::Password;
use leptos::prelude::*;

/// A request of the user's, with what it needs.
#[derive(Debug, Clone)]
pub(crate) enum Intent {
    SignIn(String, Password),
    Answer(ChallengeAnswer),
    ReadTokenInfo,
    Refresh,
    SignUp {
        username: String,
        email: String,
        password: Password,
    },
    ConfirmSignUp(String, String),
    ResendCode(String),
    ForgotPassword(String),
    ResetPassword {
        username: String,
        code: String,
        password: Password,
    },
    ChangePassword(Password, Password),
    LoadProfile(AccountView),
    SignOutEverywhere,
    StartAppSetup(AccountView),
    EnableApp(AccountView, AppCode),
    SetFactor(AccountView, Factor, bool),
}

/// What answering a challenge is said to be: under way (its button), and in the log.
fn answering(answer: &ChallengeAnswer) -> (Busy, Key) {
    match answer {
        ChallengeAnswer::NewPassword(..) => (Busy::SettingPassword, Key::WhatNewPassword),
        ChallengeAnswer::Code(..) | ChallengeAnswer::SetUpApp(..) => {
            (Busy::CheckingCode, Key::WhatCheckingCode)
        }
        ChallengeAnswer::Factor(..) => (Busy::ChoosingFactor, Key::WhatChoosingFactor),
    }
}

impl Intent {
    /// What the page says is under way while it runs.
    pub fn busy(&self) -> Busy {
        match self {
            Intent::SignIn(..) => Busy::SigningIn,
            Intent::Answer(answer) => answering(answer).0,
            Intent::EnableApp(..) => Busy::CheckingCode,
            Intent::ReadTokenInfo => Busy::Reading,
            Intent::Refresh => Busy::Refreshing,
            Intent::SignUp { .. } => Busy::SigningUp,
            Intent::ConfirmSignUp(..) => Busy::Confirming,
            Intent::ResendCode(..) | Intent::ForgotPassword(..) => Busy::SendingCode,
            Intent::ResetPassword { .. } => Busy::Resetting,
            Intent::ChangePassword(..) => Busy::ChangingPassword,
            Intent::LoadProfile(..) => Busy::LoadingProfile,
            Intent::SignOutEverywhere => Busy::SigningOutEverywhere,
            Intent::StartAppSetup(..) => Busy::StartingAppSetup,
            Intent::SetFactor(..) => Busy::ChangingFactors,
        }
    }
}

impl Ctx {
    /// Runs `intent` with `auth` (the task [`Ctx::act`] starts).
    pub(super) async fn perform(self, auth: BrowserAuth, intent: Intent) {
        match intent {
            Intent::SignIn(username, password) => {
                self.log(
                    Tone::Info,
                    Text::with(Key::SigningInAs, [Text::raw(username.as_str())]),
                );
                match auth.sign_in(&username, &password).await {
                    Ok(step) => self.apply(outcome::after_step(step)),
                    Err(AuthError::NotConfirmed) => {
                        self.apply(outcome::told(Key::NotConfirmedEnterCode));
                        self.show(Screen::Confirm(username));
                    }
                    Err(e) => self.fail(Key::WhatSignIn, e),
                }
            }
            Intent::Answer(answer) => {
                let what = answering(&answer).1;
                self.log(Tone::Info, Text::with(Key::Working, [what.into()]));
                match auth.answer(&answer).await {
                    Ok(step) => self.apply(outcome::after_step(step)),
                    Err(e) => self.fail(what, e),
                }
            }
            Intent::ReadTokenInfo => match auth.token_info().await {
                Ok(read) => {
                    self.apply(match read.refreshed {
                        Some(refreshed) => outcome::after_refresh(Key::LeadExpired, &refreshed),
                        None => outcome::noted(Tone::Info, Key::TokenInfoRead),
                    });
                    self.info.set(Some(read.info));
                }
                Err(e) => self.read_failed(&auth, e),
            },
            Intent::Refresh => {
                self.log(Tone::Info, Key::RefreshingTokens);
                match auth.refresh().await {
                    Ok(refreshed) => {
                        self.apply(outcome::after_refresh(Key::LeadRefreshed, &refreshed));
                        self.show_info(&auth).await;
                    }
                    Err(e) => self.fail(Key::WhatRefresh, e),
                }
            }
            account => self.perform_account(auth, account).await,
        }
    }

    /// Leaves the session at once; the revocation finishes (and reports) in the background.
    pub fn sign_out(self) {
        let Some(auth) = self.try_auth() else { return };
        let revocation = auth.sign_out();
        let leaving = outcome::after_sign_out_here();
        let said = leaving.notice.clone();
        self.apply(leaving);
        leptos::task::spawn_local(async move {
            let report = revocation.await;
            if !self.alive() {
                return;
            }
            let mut revoked = outcome::after_revocation(&report.revoked);
            // Tell it on screen only if nothing newer has been said meanwhile.
            if self.notice.get_untracked() != said {
                revoked.notice = None;
            }
            self.apply(revoked);
        });
    }

    /// The timer's, visibility's and network's call: refresh if the token is near its end.
    pub(super) fn keep_alive(self) {
        if !self.screen_is(&Screen::SignedIn) || !self.begin_keep_alive() {
            return;
        }
        let auth = self.auth();
        leptos::task::spawn_local(async move {
            let result = auth.keep_alive().await;
            if !self.alive() {
                return;
            }
            self.end_keep_alive();
            match result {
                None => {}
                Some(Ok(refreshed)) => {
                    self.apply(outcome::after_background_refresh(&refreshed));
                    self.show_info(&auth).await;
                }
                Some(Err(AuthError::Superseded)) => self.log(Tone::Info, Key::BackgroundSetAside),
                Some(Err(error)) if !auth.is_signed_in() => self.fail(Key::WhatRefresh, error),
                // A user action under way reports its own outcome.
                Some(Err(_)) if self.is_busy_untracked() => {}
                Some(Err(error)) => {
                    let online = self.situation().online;
                    let retry_at = auth.retry_at_ms().map(|at| self.language.time(at));
                    self.apply(outcome::after_background_failure(&error, retry_at, online));
                }
            }
        });
    }

    pub(super) fn on_tab_message(self, message: TabMessage) {
        if !self.alive() {
            return;
        }
        let auth = self.auth();
        let Some(news) = auth.on_tab_message(message) else {
            return;
        };
        let outcome = outcome::after_tab_news(news);
        let signed_in = outcome.screen == Some(Screen::SignedIn);
        self.apply(outcome);
        if signed_in {
            leptos::task::spawn_local(async move { self.show_info(&auth).await });
        }
    }

    /// Shows the current token info; the session is healthy when it can be read.
    pub(super) async fn show_info(self, auth: &BrowserAuth) {
        match auth.token_info().await {
            Ok(read) => {
                self.session_healthy();
                self.info.set(Some(read.info));
            }
            Err(e) => self.read_failed(auth, e),
        }
    }

    /// A read whose refresh failed: says why, and shows the session still held as it is
    /// (ended, with the next try) rather than no token info at all.
    fn read_failed(self, auth: &BrowserAuth, error: AuthError) {
        self.fail(Key::WhatReading, error);
        if let Ok(info) = auth.info() {
            self.info.set(Some(info));
        }
    }
}
