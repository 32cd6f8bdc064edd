//! The one handle every view shares: the auth service, what is on screen, what is running,
//! and the operation log. Intents (sign in, refresh, …) are its methods.

use crate::auth::{
    AuthError, PendingChallenge, Refreshed, SignInStep, TabMessage, TabNews, TokenInfo,
};
use crate::browser::{BrowserAuth, BrowserTabs, local_time};
use crate::cognito::{CodeDelivery, UserProfile};
use crate::secret::Secret;
use crate::session::Rotation;
use futures::FutureExt;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::future::Future;

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    SignIn,
    NewPassword(PendingChallenge),
    SignUp,
    Confirm(String),
    ForgotPassword,
    ResetPassword(String),
    SignedIn,
}

/// What is under way; while anything is, the buttons are disabled (no double submit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    SigningIn,
    SettingPassword,
    Reading,
    Refreshing,
    SigningOut,
    SigningUp,
    Confirming,
    SendingCode,
    Resetting,
    ChangingPassword,
    LoadingProfile,
    SigningOutEverywhere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Success => "success",
            Tone::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub id: u64,
    pub time: String,
    pub tone: Tone,
    pub text: String,
}

const LOG_LIMIT: usize = 200;

#[derive(Clone, Copy)]
pub struct AppCtx {
    auth: StoredValue<BrowserAuth, LocalStorage>,
    pub screen: RwSignal<Screen>,
    pub info: RwSignal<Option<TokenInfo>>,
    pub profile: RwSignal<Option<UserProfile>>,
    /// The last username typed or confirmed, to fill the next form with.
    pub known_username: RwSignal<String>,
    pub busy: RwSignal<Option<Busy>>,
    pub notice: RwSignal<Option<Notice>>,
    pub log: RwSignal<Vec<LogEntry>>,
    /// The device clock, ticking once a second for the countdown.
    pub now_ms: RwSignal<u64>,
    next_log_id: StoredValue<u64>,
    /// A background keep-alive is under way (the timer must not stack them).
    keeping_alive: StoredValue<bool>,
}

impl AppCtx {
    pub fn new(auth: BrowserAuth) -> Self {
        Self {
            auth: StoredValue::new_local(auth),
            screen: RwSignal::new(Screen::SignIn),
            info: RwSignal::new(None),
            profile: RwSignal::new(None),
            known_username: RwSignal::new(String::new()),
            busy: RwSignal::new(None),
            notice: RwSignal::new(None),
            log: RwSignal::new(Vec::new()),
            now_ms: RwSignal::new(js_sys::Date::now() as u64),
            next_log_id: StoredValue::new(0),
            keeping_alive: StoredValue::new(false),
        }
    }

    /// Listens to the other tabs, takes up a saved session (refreshing it if it has expired),
    /// and starts the clock that keeps the session alive.
    pub fn start(self, tabs: BrowserTabs) {
        tabs.listen(move |message| self.on_tab_message(message));
        let now_ms = self.now_ms;
        // Polls wall-clock time rather than sleeping until the expiry, so it survives sleep.
        let ticking = set_interval_with_handle(
            move || {
                now_ms.set(js_sys::Date::now() as u64);
                self.keep_alive();
            },
            std::time::Duration::from_secs(1),
        )
        .ok();
        // `visibilitychange` bubbles from the document to the window.
        let on_visible = window_event_listener_untyped("visibilitychange", move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                self.keep_alive();
            }
        });
        let on_online = window_event_listener_untyped("online", move |_| {
            if self.alive() {
                self.auth.with_value(|a| a.retry_soon());
                self.keep_alive();
            }
        });
        on_cleanup(move || {
            if let Some(ticking) = ticking {
                ticking.clear();
            }
            on_visible.remove();
            on_online.remove();
        });
        match self.auth.get_value().restore() {
            Ok(true) => {
                self.screen.set(Screen::SignedIn);
                self.log(Tone::Info, "Session restored from this tab's storage.");
                self.read_token_info();
            }
            Ok(false) => {}
            Err(e) => {
                self.say(Tone::Error, e.to_string());
                self.log(Tone::Error, e.to_string());
            }
        }
    }

    pub fn is_busy(self) -> bool {
        self.busy.get().is_some()
    }

    pub fn sign_in(self, username: String, password: Secret) {
        self.known_username.set(username.clone());
        self.run(Busy::SigningIn, move |auth| async move {
            self.log(Tone::Info, format!("Signing in as {username}…"));
            match auth.sign_in(&username, &password).await {
                Ok(step) => self.after_step(step),
                Err(AuthError::NotConfirmed) => {
                    self.say(Tone::Info, "This account is not confirmed yet. Enter the code you were sent, or ask for a new one.");
                    self.log(Tone::Info, format!("{username} must be confirmed first."));
                    self.screen.set(Screen::Confirm(username));
                }
                Err(e) => self.fail("Sign-in", e),
            }
        });
    }

    pub fn sign_up(self, username: String, email: String, password: Secret) {
        self.known_username.set(username.clone());
        self.run(Busy::SigningUp, move |auth| async move {
            self.log(Tone::Info, format!("Creating the account {username}…"));
            match auth.sign_up(&username, &email, &password).await {
                Ok(up) if up.user_confirmed => {
                    self.done("Account created. Sign in with it.");
                    self.screen.set(Screen::SignIn);
                }
                Ok(up) => {
                    self.done(&format!(
                        "Account created. {}",
                        code_sent(up.code_delivery_details)
                    ));
                    self.screen.set(Screen::Confirm(username));
                }
                Err(e) => self.fail("Creating the account", e),
            }
        });
    }

    pub fn confirm_sign_up(self, username: String, code: String) {
        self.run(Busy::Confirming, move |auth| async move {
            match auth.confirm_sign_up(&username, &code).await {
                Ok(()) => {
                    self.done(&format!("Account {username} confirmed. Sign in with it."));
                    self.screen.set(Screen::SignIn);
                }
                Err(e) => self.fail("Confirming the account", e),
            }
        });
    }

    pub fn resend_code(self, username: String) {
        self.run(Busy::SendingCode, move |auth| async move {
            match auth.resend_confirmation_code(&username).await {
                Ok(sent) => self.done(&code_sent(sent.code_delivery_details)),
                Err(e) => self.fail("Sending a new code", e),
            }
        });
    }

    pub fn forgot_password(self, username: String) {
        self.known_username.set(username.clone());
        self.run(Busy::SendingCode, move |auth| async move {
            match auth.forgot_password(&username).await {
                Ok(sent) => {
                    self.done(&code_sent(sent.code_delivery_details));
                    self.screen.set(Screen::ResetPassword(username));
                }
                Err(e) => self.fail("Asking for a reset code", e),
            }
        });
    }

    /// Sets the new password, then signs in with it.
    pub fn reset_password(self, username: String, code: String, password: Secret) {
        self.run(Busy::Resetting, move |auth| async move {
            match auth.reset_password(&username, &code, &password).await {
                Ok(()) => {
                    self.log(Tone::Success, "Password reset. Signing in with it…");
                    match auth.sign_in(&username, &password).await {
                        Ok(step) => self.after_step(step),
                        Err(e) => self.fail("Sign-in", e),
                    }
                }
                Err(e) => self.fail("Resetting the password", e),
            }
        });
    }

    pub fn change_password(self, current: Secret, new: Secret) {
        self.run(Busy::ChangingPassword, move |auth| async move {
            match auth.change_password(&current, &new).await {
                Ok(()) => self.done("Password changed."),
                Err(e) => self.fail("Changing the password", e),
            }
        });
    }

    pub fn load_profile(self) {
        self.run(Busy::LoadingProfile, move |auth| async move {
            match auth.profile().await {
                Ok(profile) => {
                    self.log(Tone::Success, "Profile read from Cognito (GetUser).");
                    self.profile.set(Some(profile));
                }
                Err(e) => self.fail("Reading the profile", e),
            }
        });
    }

    pub fn sign_out_everywhere(self) {
        self.run(Busy::SigningOutEverywhere, move |auth| async move {
            match auth.sign_out_everywhere().await {
                Ok(()) => {
                    self.info.set(None);
                    self.profile.set(None);
                    self.screen.set(Screen::SignIn);
                    self.done("Signed out on every device.");
                }
                Err(e) => self.fail("Signing out everywhere", e),
            }
        });
    }

    /// The password rules to show where a password is chosen.
    pub fn password_policy(self) -> String {
        self.auth.with_value(|a| a.config().password_policy.clone())
    }

    pub fn set_new_password(self, challenge: PendingChallenge, password: Secret) {
        self.run(Busy::SettingPassword, move |auth| async move {
            self.log(Tone::Info, "Setting a new password…");
            match auth.answer_new_password(&challenge, &password).await {
                Ok(step) => self.after_step(step),
                Err(e) => self.fail("Setting the new password", e),
            }
        });
    }

    pub fn read_token_info(self) {
        self.run(Busy::Reading, move |auth| async move {
            match auth.token_info().await {
                Ok(read) => {
                    match read.refreshed {
                        Some(refreshed) => self.report_refresh(
                            "The access token had expired, so it was refreshed first.",
                            &refreshed,
                            true,
                        ),
                        None => self.log(
                            Tone::Info,
                            "Token info read; the access token is still valid.",
                        ),
                    }
                    self.info.set(Some(read.info));
                }
                Err(e) => self.fail("Reading the token info", e),
            }
        });
    }

    pub fn refresh_now(self) {
        self.run(Busy::Refreshing, move |auth| async move {
            self.log(Tone::Info, "Refreshing the tokens…");
            match auth.refresh().await {
                Ok(refreshed) => {
                    self.report_refresh("Tokens refreshed.", &refreshed, true);
                    self.show_info(&auth).await;
                }
                Err(e) => self.fail("Refresh", e),
            }
        });
    }

    pub fn sign_out(self) {
        self.run(Busy::SigningOut, move |auth| async move {
            let report = auth.sign_out().await;
            self.info.set(None);
            self.profile.set(None);
            self.screen.set(Screen::SignIn);
            match report.revoked {
                Ok(()) => {
                    self.say(Tone::Success, "Signed out. The refresh token was revoked.");
                    self.log(Tone::Success, "Signed out; refresh token revoked.");
                }
                Err(e) => {
                    let text = format!(
                        "Signed out on this device, but the refresh token could not be revoked: {e}"
                    );
                    self.say(Tone::Error, text.clone());
                    self.log(Tone::Error, text);
                }
            }
        });
    }

    pub fn clear_log(self) {
        self.log.set(Vec::new());
    }

    fn run<F, Fut>(self, busy: Busy, action: F)
    where
        F: FnOnce(BrowserAuth) -> Fut + 'static,
        Fut: Future<Output = ()> + 'static,
    {
        self.run_boxed(busy, Box::new(move |auth| action(auth).boxed_local()));
    }

    /// The one non-generic body of every action, so it is compiled once (bundle size).
    fn run_boxed(
        self,
        busy: Busy,
        action: Box<dyn FnOnce(BrowserAuth) -> LocalBoxFuture<'static, ()>>,
    ) {
        if self.busy.get_untracked().is_some() {
            return;
        }
        self.busy.set(Some(busy));
        self.notice.set(None);
        let auth = self.auth.get_value();
        leptos::task::spawn_local(async move {
            action(auth).await;
            self.busy.set(None);
        });
    }

    fn after_step(self, step: SignInStep) {
        match step {
            SignInStep::SignedIn(info) => {
                self.log(Tone::Success, format!("Signed in as {}.", info.username));
                self.info.set(Some(info));
                self.screen.set(Screen::SignedIn);
            }
            SignInStep::NewPasswordRequired(challenge) => {
                self.say(
                    Tone::Info,
                    "You must choose a new password before signing in.",
                );
                self.log(
                    Tone::Info,
                    "Cognito asks for a new password (NEW_PASSWORD_REQUIRED).",
                );
                self.screen.set(Screen::NewPassword(challenge));
            }
            SignInStep::Unsupported(name) => {
                let text = format!(
                    "Cognito asks for a step this app does not support yet ({name}). Ask your administrator, or sign in another way."
                );
                self.say(Tone::Error, text.clone());
                self.log(Tone::Error, text);
                self.screen.set(Screen::SignIn);
            }
        }
    }

    fn report_refresh(self, lead: &str, refreshed: &Refreshed, notify: bool) {
        let detail = match (&refreshed.rotation, refreshed.by_other_tab) {
            (_, true) => {
                "Another tab had just refreshed; this tab took up its tokens without a request."
                    .to_string()
            }
            (Rotation::Rotated { old_tail, new_tail }, false) => {
                format!("The refresh token rotated: …{old_tail} → …{new_tail}.")
            }
            (Rotation::Kept, false) => "The refresh token was kept (not rotated).".to_string(),
        };
        if notify {
            self.say(Tone::Success, format!("{lead} {detail}"));
        }
        self.log(Tone::Success, format!("{lead} {detail}"));
    }

    /// The timer's, visibility's and network's call: refresh if the token is near its end.
    fn keep_alive(self) {
        if !self.alive()
            || self.keeping_alive.get_value()
            || self.screen.get_untracked() != Screen::SignedIn
        {
            return;
        }
        self.keeping_alive.set_value(true);
        let auth = self.auth.get_value();
        leptos::task::spawn_local(async move {
            let outcome = auth.keep_alive().await;
            self.keeping_alive.set_value(false);
            match outcome {
                None => {}
                Some(Ok(refreshed)) => {
                    self.report_refresh("Tokens refreshed ahead of expiry.", &refreshed, false);
                    self.show_info(&auth).await;
                }
                Some(Err(AuthError::Superseded)) => {
                    self.log(
                        Tone::Info,
                        "A background refresh was set aside: the session changed meanwhile.",
                    );
                }
                Some(Err(error)) if !auth.is_signed_in() => self.fail("Refresh", error),
                // A user action under way reports its own outcome.
                Some(Err(_)) if self.busy.get_untracked().is_some() => {}
                Some(Err(error)) => {
                    let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
                    let text = match auth.retry_at_ms() {
                        _ if !online => "Offline — your session is kept and will be refreshed when the connection is back.".to_string(),
                        Some(at) => format!("{error} Your session is kept; the next try is at {}.", local_time(at)),
                        None => format!("{error} Your session is kept."),
                    };
                    self.say(Tone::Error, text.clone());
                    self.log(Tone::Error, text);
                }
            }
        });
    }

    /// False once the views are gone (unmounted): late callbacks then do nothing.
    fn alive(self) -> bool {
        self.screen.try_get_untracked().is_some()
    }

    fn on_tab_message(self, message: TabMessage) {
        if !self.alive() {
            return;
        }
        let Some(news) = self.auth.with_value(|a| a.on_tab_message(message)) else {
            return;
        };
        match news {
            TabNews::Refreshed => {
                self.log(
                    Tone::Info,
                    "Another tab refreshed the shared session; this tab took up the new tokens.",
                );
            }
            TabNews::SessionReceived => {
                self.say(
                    Tone::Success,
                    "Signed in with the session of another open tab.",
                );
                self.log(Tone::Success, "Took up the session of another open tab.");
            }
            TabNews::SignedOut => {
                self.info.set(None);
                self.screen.set(Screen::SignIn);
                self.say(Tone::Info, "Signed out in another tab.");
                self.log(Tone::Info, "Signed out in another tab.");
                return;
            }
        }
        self.screen.set(Screen::SignedIn);
        let auth = self.auth.get_value();
        leptos::task::spawn_local(async move { self.show_info(&auth).await });
    }

    async fn show_info(self, auth: &BrowserAuth) {
        match auth.token_info().await {
            Ok(read) => self.info.set(Some(read.info)),
            Err(e) => self.fail("Reading the token info", e),
        }
    }

    fn fail(self, what: &str, error: AuthError) {
        let signed_in = self.auth.with_value(|a| a.is_signed_in());
        let text = if signed_in && self.screen.get_untracked() == Screen::SignedIn {
            format!("{error} You are still signed in; no token was lost.")
        } else {
            error.to_string()
        };
        self.say(Tone::Error, text.clone());
        self.log(Tone::Error, format!("{what} failed: {text}"));
        if error == AuthError::ChallengeExpired {
            self.screen.set(Screen::SignIn);
        }
        if !signed_in {
            self.info.set(None);
            if self.screen.get_untracked() == Screen::SignedIn {
                self.screen.set(Screen::SignIn);
            }
        }
    }

    /// A success, said and logged.
    fn done(self, text: &str) {
        self.say(Tone::Success, text);
        self.log(Tone::Success, text);
    }

    fn say(self, tone: Tone, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone,
            text: text.into(),
        }));
    }

    fn log(self, tone: Tone, text: impl Into<String>) {
        let id = self.next_log_id.get_value();
        self.next_log_id.set_value(id + 1);
        let entry = LogEntry {
            id,
            time: local_time(js_sys::Date::now() as u64),
            tone,
            text: text.into(),
        };
        self.log.update(|log| {
            log.insert(0, entry);
            log.truncate(LOG_LIMIT);
        });
    }
}

fn code_sent(delivery: Option<CodeDelivery>) -> String {
    match delivery.and_then(|d| d.destination) {
        Some(destination) => format!("A code was sent to {destination}."),
        None => "A code was sent.".to_string(),
    }
}
