//! What the user (and the keep-alive, and other tabs) can ask of the session: sign in, answer
//! a challenge, read the token info, refresh, sign out. Each runs one auth call and applies
//! what `crate::outcome` says it leads to.

use super::state::{AppCtx, Busy};
use crate::auth::{AuthError, ChallengeAnswer, TabMessage};
use crate::browser::BrowserAuth;
use crate::i18n::{Key, Text};
use crate::outcome::{self, Screen, Tone};
use crate::secret::Password;

impl AppCtx {
    /// Signs in, then shows where that leads (token info, a challenge, the confirm step).
    pub fn sign_in(self, username: String, password: Password) {
        self.known_username.set(username.clone());
        self.run(Busy::SigningIn, move |auth| async move {
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
        });
    }

    /// Answers a sign-in challenge, then shows where that leads. A wrong code or a refused
    /// password keeps the screen, so the user can try again.
    pub fn answer(self, answer: ChallengeAnswer) {
        let (busy, what) = match &answer {
            ChallengeAnswer::NewPassword(..) => (Busy::SettingPassword, Key::WhatNewPassword),
            ChallengeAnswer::Code(..) | ChallengeAnswer::SetUpApp(..) => {
                (Busy::CheckingCode, Key::WhatCheckingCode)
            }
            ChallengeAnswer::Factor(..) => (Busy::ChoosingFactor, Key::WhatChoosingFactor),
        };
        self.run(busy, move |auth| async move {
            self.log(Tone::Info, Text::with(Key::Working, [what.into()]));
            match auth.answer(&answer).await {
                Ok(step) => self.apply(outcome::after_step(step)),
                Err(e) => self.fail(what, e),
            }
        });
    }

    /// Reads the token info, refreshing first if the access token has ended.
    pub fn read_token_info(self) {
        self.run(Busy::Reading, move |auth| async move {
            match auth.token_info().await {
                Ok(read) => {
                    self.apply(match read.refreshed {
                        Some(refreshed) => outcome::after_refresh(Key::LeadExpired, &refreshed),
                        None => outcome::noted(Tone::Info, Key::TokenInfoRead),
                    });
                    self.session.info.set(Some(read.info));
                }
                Err(e) => self.read_failed(&auth, e),
            }
        });
    }

    /// Refreshes now and reports whether the refresh token rotated.
    pub fn refresh_now(self) {
        self.run(Busy::Refreshing, move |auth| async move {
            self.log(Tone::Info, Key::RefreshingTokens);
            match auth.refresh().await {
                Ok(refreshed) => {
                    self.apply(outcome::after_refresh(Key::LeadRefreshed, &refreshed));
                    self.show_info(&auth).await;
                }
                Err(e) => self.fail(Key::WhatRefresh, e),
            }
        });
    }

    /// Leaves the session at once; the revocation finishes (and reports) in the background.
    pub fn sign_out(self) {
        let revocation = self.auth.with_untracked(|a| a.sign_out());
        let leaving = outcome::after_sign_out_here();
        let said = leaving.notice.clone();
        self.apply(leaving);
        wasm_bindgen_futures::spawn_local(async move {
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
        if !self.alive()
            || self.keeping_alive.get_untracked()
            || self.screen_untracked() != Screen::SignedIn
        {
            return;
        }
        self.keeping_alive.set(true);
        let auth = self.auth.get_untracked();
        wasm_bindgen_futures::spawn_local(async move {
            let result = auth.keep_alive().await;
            self.keeping_alive.set(false);
            match result {
                None => {}
                Some(Ok(refreshed)) => {
                    self.apply(outcome::after_background_refresh(&refreshed));
                    self.show_info(&auth).await;
                }
                Some(Err(AuthError::Superseded)) => self.log(Tone::Info, Key::BackgroundSetAside),
                Some(Err(error)) if !auth.is_signed_in() => self.fail(Key::WhatRefresh, error),
                // A user action under way reports its own outcome.
                Some(Err(_)) if self.busy.get_untracked().is_some() => {}
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
        let Some(news) = self.auth.with_untracked(|a| a.on_tab_message(message)) else {
            return;
        };
        let outcome = outcome::after_tab_news(news);
        let signed_in = outcome.screen == Some(Screen::SignedIn);
        self.apply(outcome);
        if signed_in {
            let auth = self.auth.get_untracked();
            wasm_bindgen_futures::spawn_local(async move { self.show_info(&auth).await });
        }
    }

    /// Shows the current token info; the session is healthy when it can be read.
    async fn show_info(self, auth: &BrowserAuth) {
        match auth.token_info().await {
            Ok(read) => {
                self.session_healthy();
                self.session.info.set(Some(read.info));
            }
            Err(e) => self.read_failed(auth, e),
        }
    }

    /// A read whose refresh failed: says why, and shows the session still held as it is
    /// (ended, with the next try) rather than no token info at all.
    fn read_failed(self, auth: &BrowserAuth, error: AuthError) {
        self.fail(Key::WhatReading, error);
        if let Ok(info) = auth.info() {
            self.session.info.set(Some(info));
        }
    }
}
