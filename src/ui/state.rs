//! The one handle every view shares: the auth service, what is on screen, what is running, the
//! notice and the operation log. Intents are methods in `intents.rs` (the session) and
//! `account_intents.rs`; the browser hooks that drive the keep-alive are in `hooks.rs`; what
//! each outcome shows is decided in `crate::outcome` and applied here.

use super::Language;
use crate::auth::{NewApp, Profile, TokenInfo};
use crate::browser::{BrowserAuth, BrowserTabs};
use crate::i18n::{Key, Text};
use crate::outcome::{Notice, Outcome, Screen, Situation, Tone, Topic};
use crate::reactive::Signal;
use futures::FutureExt;
use futures::future::LocalBoxFuture;
use std::future::Future;

/// What is under way; while anything is, the buttons are disabled (no double submit).
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

/// One line of the operation log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// When it happened (ms since the epoch), written in the page's language when drawn.
    pub at_ms: u64,
    /// How it reads.
    pub tone: Tone,
    /// What happened.
    pub text: Text,
}

const LOG_LIMIT: usize = 200;

/// What the page holds about the signed-in session. It is reset as a whole, in one place
/// ([`AppCtx::show`]), whenever the page leaves the signed-in screen, so nothing of one
/// session can survive into the next.
#[derive(Clone, Copy)]
pub struct SessionView {
    /// The token info shown.
    pub info: Signal<Option<TokenInfo>>,
    /// The profile, once loaded.
    pub profile: Signal<Option<Profile>>,
    /// An authenticator app being set up from the account screen; dropping it wipes its secret.
    pub new_app: Signal<Option<NewApp>>,
}

impl SessionView {
    fn new() -> Self {
        Self {
            info: Signal::new(None),
            profile: Signal::new(None),
            new_app: Signal::new(None),
        }
    }

    fn reset(self) {
        self.info.set(None);
        self.profile.set(None);
        self.new_app.set(None);
    }
}

/// The app's shared UI state, given to every view; `Copy`.
#[derive(Clone, Copy)]
pub struct AppCtx {
    pub(super) auth: Signal<BrowserAuth>,
    screen: Signal<Screen>,
    /// The page's language.
    pub language: Language,
    /// What the page holds about the signed-in session.
    pub session: SessionView,
    /// The last username typed or confirmed, to fill the next form with.
    pub known_username: Signal<String>,
    /// What is under way, if anything.
    pub busy: Signal<Option<Busy>>,
    /// The notice shown, if any.
    pub notice: Signal<Option<Notice>>,
    /// The operation log, newest first (at most 200 lines).
    pub log: Signal<Vec<LogEntry>>,
    /// The device clock, ticking once a second for the countdown.
    pub now_ms: Signal<u64>,
    /// A background keep-alive is under way (the timer must not stack them).
    pub(super) keeping_alive: Signal<bool>,
}

impl AppCtx {
    /// The state around `auth`, in `language`; [`AppCtx::start`] wires it to the browser.
    pub fn new(auth: BrowserAuth, language: Language) -> Self {
        Self {
            auth: Signal::new(auth),
            screen: Signal::new(Screen::SignIn),
            language,
            session: SessionView::new(),
            known_username: Signal::new(String::new()),
            busy: Signal::new(None),
            notice: Signal::new(None),
            log: Signal::new(Vec::new()),
            now_ms: Signal::new(js_sys::Date::now() as u64),
            keeping_alive: Signal::new(false),
        }
    }

    /// Listens to the other tabs and the browser, and takes up a saved session (refreshing it
    /// if it has expired).
    pub fn start(self, tabs: BrowserTabs) {
        tabs.listen(move |message| self.on_tab_message(message));
        super::hooks::keep_alive_hooks(self);
        match self.auth.get_untracked().restore() {
            Ok(true) => {
                self.show(Screen::SignedIn);
                self.log(Tone::Info, Key::SessionRestored);
                self.read_token_info();
            }
            Ok(false) => {}
            Err(e) => self.apply(crate::outcome::after_failure(
                Key::WhatRestoring,
                &e,
                self.situation(),
            )),
        }
    }

    /// The screen shown (tracked).
    pub fn screen(self) -> Screen {
        self.screen.get()
    }

    pub(super) fn screen_untracked(self) -> Screen {
        self.screen.get_untracked()
    }

    /// Changes the screen. Leaving the signed-in screen drops everything the page held about
    /// that session. A new screen takes the focus at its heading.
    pub fn show(self, screen: Screen) {
        if screen != Screen::SignedIn {
            self.session.reset();
        }
        let changed = self.screen.with_untracked(|shown| *shown != screen);
        self.screen.set(screen);
        if changed {
            super::focus_screen_heading();
        }
    }

    /// Whether an action runs (tracked): buttons are disabled meanwhile.
    pub fn is_busy(self) -> bool {
        self.busy.get().is_some()
    }

    /// Shows an outcome: its screen, notice, log line and token info.
    pub(super) fn apply(self, outcome: Outcome) {
        if let Some(screen) = outcome.screen {
            self.show(screen);
        }
        if let Some(info) = outcome.info {
            self.session.info.set(Some(info));
        }
        if let Some(notice) = outcome.notice {
            self.notice.set(Some(notice));
        }
        if let Some((tone, text)) = outcome.log {
            self.log(tone, text);
        }
    }

    /// The session is healthy again: a notice about its trouble no longer describes it.
    pub(super) fn session_healthy(self) {
        let stale = self
            .notice
            .with_untracked(|n| n.as_ref().is_some_and(|n| n.topic == Topic::SessionHealth));
        if stale {
            self.notice.set(None);
        }
    }

    pub(super) fn situation(self) -> Situation {
        Situation {
            signed_in: self.auth.with_untracked(|a| a.is_signed_in()),
            on_session_screen: self.screen.get_untracked() == Screen::SignedIn,
            online: web_sys::window().is_none_or(|w| w.navigator().on_line()),
        }
    }

    /// A failure of something the user did (`what`, for the log).
    pub(super) fn fail(self, what: Key, error: crate::auth::AuthError) {
        self.apply(crate::outcome::after_failure(
            what,
            &error,
            self.situation(),
        ));
    }

    /// Empties the operation log.
    pub fn clear_log(self) {
        self.log.set(Vec::new());
    }

    /// Runs `action` with the auth service unless something already runs (no double submit),
    /// saying `busy` meanwhile.
    pub(super) fn run<F, Fut>(self, busy: Busy, action: F)
    where
        F: FnOnce(BrowserAuth) -> Fut,
        Fut: Future<Output = ()> + 'static,
    {
        if self.begin(busy) {
            self.spawn_busy(action(self.auth.get_untracked()).boxed_local());
        }
    }

    /// Marks `busy` as under way; false (and nothing changes) if something already is.
    fn begin(self, busy: Busy) -> bool {
        if self.busy.get_untracked().is_some() {
            return false;
        }
        self.busy.set(Some(busy));
        self.notice.set(None);
        true
    }

    /// Runs `action`, then marks nothing under way. Not generic, so it is compiled once for
    /// every action (bundle size).
    fn spawn_busy(self, action: LocalBoxFuture<'static, ()>) {
        wasm_bindgen_futures::spawn_local(async move {
            action.await;
            self.busy.set(None);
        });
    }

    /// False once the views are gone (unmounted): late callbacks then do nothing.
    pub(super) fn alive(self) -> bool {
        self.screen.is_alive()
    }

    pub(super) fn log(self, tone: Tone, text: impl Into<Text>) {
        let entry = LogEntry {
            at_ms: js_sys::Date::now() as u64,
            tone,
            text: text.into(),
        };
        self.log.update(|log| {
            log.insert(0, entry);
            log.truncate(LOG_LIMIT);
        });
    }
}
