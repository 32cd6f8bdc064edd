//! The state every part of the sign-in shares, made by [`super::Authenticator`] and provided to
//! the components below it: the auth service, the screen, what is running, the notice, the
//! operation log and the token info. The user's requests (`intents.rs`) run one at a time, as
//! tasks; the browser hooks that keep the session alive are in `hooks.rs`; what each
//! outcome shows is decided in `crate::outcome` and applied here.

use super::intents::Intent;
use super::{AuthLog, Language};
use crate::auth::TokenInfo;
use crate::browser::{BrowserAuth, BrowserTabs};
use crate::i18n::{Key, Text};
use crate::outcome::{Notice, Outcome, Screen, Situation, Tone, Topic};
use leptos::prelude::*;

/// Which of the user's requests is under way; while one is, every button that sends one is
/// disabled (no double submit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// Signing in.
    SigningIn,
    /// Setting a new password.
    SettingPassword,
    /// Checking a one-time code.
    CheckingCode,
    /// Sending the factor the user chose.
    ChoosingFactor,
    /// Reading the token info.
    Reading,
    /// Refreshing the tokens.
    Refreshing,
    /// Creating an account.
    SigningUp,
    /// Confirming an account with its code.
    Confirming,
    /// Sending a code.
    SendingCode,
    /// Resetting a password.
    Resetting,
    /// Changing the password.
    ChangingPassword,
    /// Loading the profile.
    LoadingProfile,
    /// Signing out of every device.
    SigningOutEverywhere,
    /// Asking for a new authenticator-app secret.
    StartingAppSetup,
    /// Turning a factor on or off.
    ChangingFactors,
}

/// The sign-in's shared state; `Copy`, so components and tasks hold it by value. Everything in
/// it belongs to the [`super::Authenticator`] that made it and goes when it does.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    auth: StoredValue<BrowserAuth, LocalStorage>,
    screen: RwSignal<Screen>,
    /// The page's language.
    pub language: Language,
    /// The token info shown; none off the signed-in screen.
    pub info: RwSignal<Option<TokenInfo>>,
    /// The last username typed or confirmed, to fill the next form with.
    pub known_username: RwSignal<String>,
    /// The user's request under way, if any: one at a time.
    running: RwSignal<Option<Busy>>,
    /// The notice shown, if any.
    pub notice: RwSignal<Option<Notice>>,
    /// Where what happens is written.
    pub log: AuthLog,
    /// The device clock, ticking once a second for the countdown.
    pub now_ms: RwSignal<u64>,
    /// A background keep-alive is under way (the timer must not stack them).
    keeping_alive: StoredValue<bool>,
}

impl Ctx {
    /// The state around `auth`, in `language`, owned by the current owner; [`Ctx::start`]
    /// wires it to the browser.
    pub fn new(auth: BrowserAuth, language: Language, log: AuthLog) -> Self {
        Self {
            auth: StoredValue::new_local(auth),
            screen: RwSignal::new(Screen::SignIn),
            language,
            info: RwSignal::new(None),
            known_username: RwSignal::new(String::new()),
            running: RwSignal::new(None),
            notice: RwSignal::new(None),
            log,
            now_ms: RwSignal::new(js_sys::Date::now() as u64),
            keeping_alive: StoredValue::new(false),
        }
    }

    /// Listens to the other tabs and the browser, and takes up a saved session (refreshing it
    /// if it has expired).
    pub fn start(self, tabs: BrowserTabs) {
        tabs.listen(move |message| self.on_tab_message(message));
        super::hooks::keep_alive_hooks(self);
        match self.auth().restore() {
            Ok(true) => {
                self.show(Screen::SignedIn);
                self.log(Tone::Info, Key::SessionRestored);
                self.act(Intent::ReadTokenInfo);
            }
            Ok(false) => {}
            Err(e) => self.fail(Key::WhatRestoring, e),
        }
    }

    /// The auth service (a cheap clone: every clone shares one session). Take it before a task
    /// starts: once the Authenticator is gone it is gone too.
    pub fn auth(self) -> BrowserAuth {
        self.auth.get_value()
    }

    /// The auth service, if the Authenticator is still there.
    pub fn try_auth(self) -> Option<BrowserAuth> {
        self.auth.try_get_value()
    }

    /// Reads the auth service without a clone of the handle.
    pub fn with_auth<T>(self, read: impl FnOnce(&BrowserAuth) -> T) -> T {
        self.auth.with_value(read)
    }

    /// Whether a background keep-alive may start now (none runs); marks one as running.
    pub fn begin_keep_alive(self) -> bool {
        let idle = self.keeping_alive.try_get_value() == Some(false);
        if idle {
            self.keeping_alive.set_value(true);
        }
        idle
    }

    /// The background keep-alive has ended.
    pub fn end_keep_alive(self) {
        self.keeping_alive.set_value(false);
    }

    /// The screen shown (tracked).
    pub fn screen(self) -> Screen {
        self.screen.get()
    }

    /// Whether the signed-in screen is shown (tracked).
    pub fn signed_in(self) -> bool {
        self.screen.with(|screen| *screen == Screen::SignedIn)
    }

    /// Whether `screen` is shown, untracked (false once the Authenticator is gone).
    pub fn screen_is(self, screen: &Screen) -> bool {
        self.screen.try_with_untracked(|shown| shown == screen) == Some(true)
    }

    /// False once the Authenticator is gone: late answers then change nothing.
    pub fn alive(self) -> bool {
        !self.screen.is_disposed()
    }

    /// Changes the screen; the same screen again changes nothing. Leaving the signed-in screen
    /// drops what the page held about that session (the components shown there go with it).
    /// A new screen takes the focus at its heading.
    pub fn show(self, screen: Screen) {
        if !self.alive() || self.screen_is(&screen) {
            return;
        }
        if screen != Screen::SignedIn {
            self.info.set(None);
        }
        self.screen.set(screen);
        super::authenticator::focus_screen_heading();
    }

    /// Sends `intent` unless a request already runs (no double submit); the notice of the last
    /// one goes.
    pub fn act(self, intent: Intent) {
        if self.running.get_untracked().is_some() {
            return;
        }
        self.notice.set(None);
        self.running.set(Some(intent.busy()));
        let auth = self.auth();
        leptos::task::spawn_local(async move {
            self.perform(auth, intent).await;
            self.running.set(None);
        });
    }

    /// Whether a request runs (tracked): buttons are disabled meanwhile.
    pub fn is_busy(self) -> bool {
        self.running.with(Option::is_some)
    }

    /// What runs, if anything (tracked): its button says so.
    pub fn busy(self) -> Option<Busy> {
        self.running.get()
    }

    /// Whether a request runs, untracked (the keep-alive leaves failures to it).
    pub fn is_busy_untracked(self) -> bool {
        self.running.with_untracked(Option::is_some)
    }

    /// Shows an outcome: its screen, notice, log line and token info.
    pub fn apply(self, outcome: Outcome) {
        if !self.alive() {
            return;
        }
        if let Some(screen) = outcome.screen {
            self.show(screen);
        }
        if let Some(info) = outcome.info {
            self.info.set(Some(info));
        }
        if let Some(notice) = outcome.notice {
            self.notice.set(Some(notice));
        }
        if let Some((tone, text)) = outcome.log {
            self.log(tone, text);
        }
    }

    /// The session is healthy again: a notice about its trouble no longer describes it.
    pub fn session_healthy(self) {
        let stale = self
            .notice
            .try_with_untracked(|n| n.as_ref().is_some_and(|n| n.topic == Topic::SessionHealth));
        if stale == Some(true) {
            self.notice.set(None);
        }
    }

    /// Where the page stands, for the outcome of a failure.
    pub fn situation(self) -> Situation {
        Situation {
            signed_in: self.with_auth(|auth| auth.is_signed_in()),
            on_session_screen: self.screen_is(&Screen::SignedIn),
            online: web_sys::window().is_none_or(|w| w.navigator().on_line()),
        }
    }

    /// A failure of something the user did (`what`, for the log).
    pub fn fail(self, what: Key, error: crate::auth::AuthError) {
        if self.alive() {
            self.apply(crate::outcome::after_failure(
                what,
                &error,
                self.situation(),
            ));
        }
    }

    /// Adds a line to the operation log.
    pub fn log(self, tone: Tone, text: impl Into<Text>) {
        self.log.add(tone, text.into());
    }
}

/// The [`Ctx`] of the [`super::Authenticator`] above.
///
/// # Panics
/// Outside an `Authenticator`.
pub(crate) fn expect_ctx() -> Ctx {
    use_context::<Ctx>().expect("this component belongs inside an <Authenticator>")
}
