//! The auth service: one per page, shared by every view through a cheap clone.

use super::{AuthError, Environment, HttpClient, SessionStore, Step, TabLink, TabMessage};
use crate::cognito::srp::{self, SrpClient, VerifierChallenge};
use crate::cognito::{
    Attribute, AuthStep, AuthenticationResult, CallError, ChangePassword, CodeSent,
    ConfirmForgotPassword, ConfirmSignUp, ErrorCode, ForgotPassword, GetTokensFromRefreshToken,
    GetUser, GlobalSignOut, HttpRequest, HttpResponse, InitiateAuth, Operation,
    ResendConfirmationCode, RespondToAuthChallenge, RevokeToken, SignUp, SignedUp, TransportError,
    UserProfile, build_request, parse_response,
};
use crate::config::{Config, RefreshMode, SignInFlow};
use crate::secret::Secret;
use crate::session::{RefreshFailure, Rotation, Session, after_refresh_failure, retry_delay_ms};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::rc::Rc;

type RefreshFuture = Shared<LocalBoxFuture<'static, Result<Refreshed, AuthError>>>;

/// How long a tab waits for another tab's message about a refresh token it rotated.
const MESSAGE_WAIT_MS: u32 = 3_000;

/// A short one-way name for a refresh token, for the marks tabs leave each other.
fn fingerprint(refresh_token: &Secret) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(refresh_token.expose().as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// The auth handle. Clones share one state, so every view sees the same session.
pub struct Auth<H, S, E, T> {
    inner: Rc<Inner<H, S, E, T>>,
}

impl<H, S, E, T> Clone for Auth<H, S, E, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

struct Inner<H, S, E, T> {
    http: H,
    store: S,
    env: E,
    tabs: T,
    config: Config,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    session: Option<Session>,
    /// Bumped on every change of `session`: a call's answer is applied only if the generation
    /// it started from is still current, so a late answer never overwrites newer state.
    generation: u64,
    /// The refresh under way, if any, and the generation it started from. Every reader awaits
    /// the same one: one request per refresh, however many ask.
    in_flight: Option<(u64, RefreshFuture)>,
    /// Transient refresh failures in a row, and when the timer may try again.
    failures: u32,
    retry_not_before_ms: u64,
    /// The refresh token whose refresh was refused: if another tab's rotation of that very
    /// token arrives late, the session is taken up again rather than lost.
    refused_refresh_token: Option<Secret>,
    /// This tab opened with no session and asked the other tabs for theirs.
    wants_session: bool,
    /// Told when `generation` next changes.
    generation_watchers: Vec<futures::channel::oneshot::Sender<()>>,
    /// Set when storage refused a write: the session then lives only in memory.
    storage_problem: Option<String>,
}

/// What a sign-in step led to.
#[derive(Debug, Clone, PartialEq)]
pub enum SignInStep {
    SignedIn(TokenInfo),
    NewPasswordRequired(PendingChallenge),
    /// A challenge this app cannot answer yet (MFA, custom auth, …), named as Cognito names it.
    Unsupported(String),
}

/// A `NEW_PASSWORD_REQUIRED` challenge waiting for the user's new password.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingChallenge {
    pub username: String,
    session: Secret,
}

/// What the token-info view shows. Tokens appear only as short previews.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenInfo {
    pub username: String,
    pub email: Option<String>,
    pub obtained_at_ms: u64,
    pub access_expires_at_ms: u64,
    pub has_refresh_token: bool,
    pub refresh_rotated_at_ms: Option<u64>,
    pub access_preview: String,
    pub id_preview: String,
    pub refresh_preview: Option<String>,
    /// Server clock minus device clock when the tokens arrived.
    pub clock_drift_ms: i64,
    pub storage_problem: Option<String>,
}

/// A token-info read, and the refresh it made first if the access token had ended.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRead {
    pub info: TokenInfo,
    pub refreshed: Option<Refreshed>,
}

/// What a refresh did.
#[derive(Debug, Clone, PartialEq)]
pub struct Refreshed {
    pub rotation: Rotation,
    /// Another tab refreshed while this one waited for the lock; this tab took its tokens up
    /// and sent no request.
    pub by_other_tab: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignOutReport {
    /// Whether Cognito revoked the refresh token. The local sign-out happens either way.
    pub revoked: Result<(), AuthError>,
}

/// What a message from another tab changed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabNews {
    /// Another tab refreshed the shared session; this tab took the new tokens.
    Refreshed,
    /// Another tab signed out of the shared session; so did this one.
    SignedOut,
    /// This tab opened with no session and took up an open tab's.
    SessionReceived,
}

impl<H, S, E, T> Auth<H, S, E, T>
where
    H: HttpClient + 'static,
    S: SessionStore + 'static,
    E: Environment + 'static,
    T: TabLink + 'static,
{
    pub fn new(config: Config, http: H, store: S, env: E, tabs: T) -> Self {
        Self {
            inner: Rc::new(Inner {
                http,
                store,
                env,
                tabs,
                config,
                state: RefCell::new(State::default()),
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Takes up the session saved in storage, if any. An unreadable record is removed and
    /// reported, so the user gets a clean sign-in page and a reason. With no session, asks the
    /// other tabs for theirs (when tabs share sessions).
    pub fn restore(&self) -> Result<bool, AuthError> {
        let raw = match self.inner.store.load() {
            Ok(raw) => raw,
            Err(e) => {
                self.state().storage_problem = Some(e.to_string());
                None
            }
        };
        let outcome = match raw.map(|raw| Session::from_record(&raw)) {
            Some(Ok(session)) => {
                self.set_session(Some(session));
                return Ok(true);
            }
            Some(Err(e)) => {
                self.remove_stored();
                Err(AuthError::StoredSessionUnreadable(e.to_string()))
            }
            None => Ok(false),
        };
        if self.inner.config.share_across_tabs {
            self.state().wants_session = true;
            self.inner.tabs.publish(&TabMessage::SessionWanted);
        }
        outcome
    }

    pub fn is_signed_in(&self) -> bool {
        self.state().session.is_some()
    }

    pub async fn sign_in(
        &self,
        username: &str,
        password: &Secret,
    ) -> Result<SignInStep, AuthError> {
        if self.inner.config.sign_in_flow == SignInFlow::Srp {
            return self.sign_in_srp(username, password).await;
        }
        let sent_at = self.inner.env.now_ms();
        let op = InitiateAuth::user_password(&self.inner.config.client_id, username, password);
        let step = self
            .call(&op)
            .await
            .map_err(|e| AuthError::from_call(e, Step::SignIn))?;
        self.take_step(username, step, sent_at)
    }

    /// `USER_SRP_AUTH`: sends `SRP_A`, then answers `PASSWORD_VERIFIER` with a proof of the
    /// password. The password itself never leaves the browser.
    async fn sign_in_srp(
        &self,
        username: &str,
        password: &Secret,
    ) -> Result<SignInStep, AuthError> {
        let client_id = &self.inner.config.client_id;
        let mut random = [0u8; srp::SECRET_BYTES];
        let client = loop {
            self.inner.env.fill_random(&mut random);
            if let Some(client) = SrpClient::new(&random) {
                break client;
            }
        };
        srp::wipe(&mut random);
        let started_at = self.inner.env.now_ms();
        let step = self
            .call(&InitiateAuth::user_srp(
                client_id,
                username,
                &client.srp_a(),
            ))
            .await
            .map_err(|e| AuthError::from_call(e, Step::SignIn))?;
        if step.challenge_name.as_deref() != Some("PASSWORD_VERIFIER") {
            return self.take_step(username, step, started_at);
        }
        let param = |name: &'static str| {
            step.challenge_parameters
                .get(name)
                .cloned()
                .ok_or_else(|| AuthError::BadResponse(format!("the SRP challenge has no {name}")))
        };
        let challenge = VerifierChallenge {
            user_id: param("USER_ID_FOR_SRP")?,
            salt_hex: param("SALT")?,
            srp_b_hex: param("SRP_B")?,
            secret_block: param("SECRET_BLOCK")?,
        };
        let sent_at = self.inner.env.now_ms();
        let claim = client
            .claim(
                self.inner.config.pool_name(),
                &challenge,
                password,
                &srp::timestamp(sent_at),
            )
            .map_err(|e| AuthError::BadResponse(e.to_string()))?;
        drop(client);
        let answer =
            RespondToAuthChallenge::password_verifier(client_id, step.session.as_ref(), &claim);
        let step = self
            .call(&answer)
            .await
            .map_err(|e| AuthError::from_call(e, Step::SignIn))?;
        self.take_step(&challenge.user_id, step, sent_at)
    }

    pub async fn answer_new_password(
        &self,
        challenge: &PendingChallenge,
        new_password: &Secret,
    ) -> Result<SignInStep, AuthError> {
        let sent_at = self.inner.env.now_ms();
        let op = RespondToAuthChallenge::new_password(
            &self.inner.config.client_id,
            &challenge.session,
            &challenge.username,
            new_password,
        );
        let step = self
            .call(&op)
            .await
            .map_err(|e| AuthError::from_call(e, Step::NewPassword))?;
        self.take_step(&challenge.username, step, sent_at)
    }

    /// The token info, refreshing first if the access token has ended.
    pub async fn token_info(&self) -> Result<TokenRead, AuthError> {
        let refreshed = self.refresh_if_expired().await?;
        Ok(TokenRead {
            info: self.info()?,
            refreshed,
        })
    }

    /// Refreshes when the access token has ended (the check every token read makes).
    async fn refresh_if_expired(&self) -> Result<Option<Refreshed>, AuthError> {
        let expired = {
            let state = self.state();
            let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
            session.needs_refresh(self.inner.env.now_ms())
        };
        if expired {
            Ok(Some(self.refresh().await?))
        } else {
            Ok(None)
        }
    }

    /// For a timer that polls (so it survives the device sleeping) and for the moments the tab
    /// becomes visible: refreshes when the access token is within the configured lead of its
    /// end, unless a failed refresh is backing off. `None` when nothing was due.
    pub async fn keep_alive(&self) -> Option<Result<Refreshed, AuthError>> {
        let now = self.inner.env.now_ms();
        let lead_ms = self.inner.config.proactive_refresh_s * 1000;
        let due = {
            let state = self.state();
            lead_ms > 0
                && now >= state.retry_not_before_ms
                && state
                    .session
                    .as_ref()
                    .is_some_and(|s| s.needs_refresh(now + lead_ms))
        };
        if due {
            Some(self.refresh().await)
        } else {
            None
        }
    }

    /// When the timer may try again after failed refreshes, if it is waiting.
    pub fn retry_at_ms(&self) -> Option<u64> {
        let state = self.state();
        (state.failures > 0).then_some(state.retry_not_before_ms)
    }

    /// Ends the back-off (the browser is back online): the next `keep_alive` may try at once.
    pub fn retry_soon(&self) {
        self.state().retry_not_before_ms = 0;
    }

    /// Refreshes now, whatever the tokens' age (the "Refresh now" button). Joins a refresh that
    /// is already under way rather than starting a second one.
    pub async fn refresh(&self) -> Result<Refreshed, AuthError> {
        let refresh = {
            let mut state = self.state();
            match &state.in_flight {
                Some((_, refresh)) => refresh.clone(),
                None => {
                    let generation = state.generation;
                    let refresh = self.clone().run_refresh(generation).boxed_local().shared();
                    state.in_flight = Some((generation, refresh.clone()));
                    refresh
                }
            }
        };
        refresh.await
    }

    /// Signs out here at once (and in the tabs sharing this session), then asks Cognito to
    /// revoke the refresh token.
    pub async fn sign_out(&self) -> SignOutReport {
        let revoked = match self.leave() {
            Some(refresh_token) => self
                .call(&RevokeToken::new(
                    &self.inner.config.client_id,
                    &refresh_token,
                ))
                .await
                .map(|_| ())
                .map_err(|e| AuthError::from_call(e, Step::SignOut)),
            None => Ok(()),
        };
        SignOutReport { revoked }
    }

    /// A valid access token: refreshed first if it has ended. Use it for any call made on the
    /// user's behalf (`Authorization: Bearer …` to your own API).
    pub async fn fresh_access_token(&self) -> Result<Secret, AuthError> {
        self.refresh_if_expired().await?;
        let state = self.state();
        let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
        Ok(session.access_token.clone())
    }

    /// Runs a call that needs the access token: with a fresh one, and once more after a
    /// refresh if Cognito refuses it (revoked early, a clock gone wrong).
    async fn authorized<O: Operation>(
        &self,
        step: Step,
        op: impl Fn(Secret) -> O,
    ) -> Result<O::Output, AuthError> {
        let token = self.fresh_access_token().await?;
        match self.call(&op(token)).await {
            Err(error)
                if error.code() == Some(&ErrorCode::NotAuthorized) && step == Step::Authorized =>
            {
                self.refresh().await?;
                let token = self.fresh_access_token().await?;
                self.call(&op(token))
                    .await
                    .map_err(|e| AuthError::from_call(e, step))
            }
            other => other.map_err(|e| AuthError::from_call(e, step)),
        }
    }

    /// The user's attributes, from `GetUser`.
    pub async fn profile(&self) -> Result<UserProfile, AuthError> {
        self.authorized(Step::Authorized, |access_token| GetUser { access_token })
            .await
    }

    pub async fn change_password(&self, current: &Secret, new: &Secret) -> Result<(), AuthError> {
        self.authorized(Step::ChangePassword, |access_token| ChangePassword {
            access_token,
            previous_password: current.clone(),
            proposed_password: new.clone(),
        })
        .await
        .map(|_| ())
    }

    /// Ends every session of the user on every device (`GlobalSignOut`), then this one.
    pub async fn sign_out_everywhere(&self) -> Result<(), AuthError> {
        self.authorized(Step::Authorized, |access_token| GlobalSignOut {
            access_token,
        })
        .await?;
        self.leave();
        Ok(())
    }

    /// Ends the session here and in the tabs that share it; returns its refresh token.
    fn leave(&self) -> Option<Secret> {
        let refresh_token = self
            .state()
            .session
            .as_ref()
            .and_then(|s| s.refresh_token.clone());
        self.clear();
        if let Some(refresh_token) = &refresh_token {
            self.inner.tabs.publish(&TabMessage::SignedOut {
                refresh_token: refresh_token.clone(),
            });
        }
        refresh_token
    }

    /// Registers a new user. Unless `user_confirmed`, a code was sent, for
    /// [`Auth::confirm_sign_up`].
    pub async fn sign_up(
        &self,
        username: &str,
        email: &str,
        password: &Secret,
    ) -> Result<SignedUp, AuthError> {
        let op = SignUp {
            client_id: self.inner.config.client_id.clone(),
            username: username.to_string(),
            password: password.clone(),
            user_attributes: vec![Attribute {
                name: "email".into(),
                value: email.to_string(),
            }],
        };
        self.account_call(&op).await
    }

    pub async fn confirm_sign_up(&self, username: &str, code: &str) -> Result<(), AuthError> {
        let op = ConfirmSignUp {
            client_id: self.inner.config.client_id.clone(),
            username: username.to_string(),
            confirmation_code: code.trim().to_string(),
        };
        self.account_call(&op).await.map(|_| ())
    }

    pub async fn resend_confirmation_code(&self, username: &str) -> Result<CodeSent, AuthError> {
        let op = ResendConfirmationCode {
            client_id: self.inner.config.client_id.clone(),
            username: username.to_string(),
        };
        self.account_call(&op).await
    }

    pub async fn forgot_password(&self, username: &str) -> Result<CodeSent, AuthError> {
        let op = ForgotPassword {
            client_id: self.inner.config.client_id.clone(),
            username: username.to_string(),
        };
        self.account_call(&op).await
    }

    pub async fn reset_password(
        &self,
        username: &str,
        code: &str,
        new: &Secret,
    ) -> Result<(), AuthError> {
        let op = ConfirmForgotPassword {
            client_id: self.inner.config.client_id.clone(),
            username: username.to_string(),
            confirmation_code: code.trim().to_string(),
            password: new.clone(),
        };
        self.account_call(&op).await.map(|_| ())
    }

    /// Acts on a message from another tab.
    pub fn on_tab_message(&self, message: TabMessage) -> Option<TabNews> {
        let (held, refused, wants) = {
            let state = self.state();
            let held = state.session.as_ref().and_then(|s| s.refresh_token.clone());
            (
                held,
                state.refused_refresh_token.clone(),
                state.wants_session,
            )
        };
        match message {
            TabMessage::Refreshed { replaced, record } => {
                let ours = held.as_ref() == Some(&replaced)
                    || (held.is_none() && refused.as_ref() == Some(&replaced));
                let session = Session::from_record(record.expose())
                    .ok()
                    .filter(|_| ours)?;
                self.adopt(session);
                Some(TabNews::Refreshed)
            }
            TabMessage::SignedOut { refresh_token } => {
                if held.as_ref() != Some(&refresh_token) {
                    return None;
                }
                self.clear();
                Some(TabNews::SignedOut)
            }
            TabMessage::SessionWanted => {
                let record = self.state().session.as_ref().map(Session::to_record)?;
                self.inner.tabs.publish(&TabMessage::SessionOffered {
                    record: Secret::new(record),
                });
                None
            }
            TabMessage::SessionOffered { record } => {
                if !wants || held.is_some() {
                    return None;
                }
                let session = Session::from_record(record.expose()).ok()?;
                self.adopt(session);
                Some(TabNews::SessionReceived)
            }
        }
    }

    /// A call about the account rather than the session (sign-up, codes, password reset).
    async fn account_call<O: Operation>(&self, op: &O) -> Result<O::Output, AuthError> {
        self.call(op)
            .await
            .map_err(|e| AuthError::from_call(e, Step::Account))
    }

    fn state(&self) -> std::cell::RefMut<'_, State> {
        self.inner.state.borrow_mut()
    }

    async fn call<O: Operation>(&self, op: &O) -> Result<O::Output, CallError> {
        let request = build_request(&self.inner.config.endpoint, op);
        let response = self.send(request).await?;
        parse_response::<O>(&response)
    }

    /// Boxed, so the HTTP future is compiled once rather than into every operation's call
    /// (bundle size).
    fn send(
        &self,
        request: HttpRequest,
    ) -> LocalBoxFuture<'_, Result<HttpResponse, TransportError>> {
        self.inner.http.send(request).boxed_local()
    }

    fn take_step(
        &self,
        username: &str,
        step: AuthStep,
        sent_at: u64,
    ) -> Result<SignInStep, AuthError> {
        if let Some(result) = step.authentication_result {
            let session = Session::from_result(username, result, sent_at)
                .map_err(|e| AuthError::BadResponse(e.to_string()))?;
            self.adopt(session);
            return Ok(SignInStep::SignedIn(self.info()?));
        }
        match (step.challenge_name, step.session) {
            (Some(name), Some(session)) if name == "NEW_PASSWORD_REQUIRED" => {
                // With an email alias Cognito wants the real username back, which it names here.
                let username = step
                    .challenge_parameters
                    .get("USER_ID_FOR_SRP")
                    .cloned()
                    .unwrap_or_else(|| username.to_string());
                Ok(SignInStep::NewPasswordRequired(PendingChallenge {
                    username,
                    session,
                }))
            }
            (Some(name), _) => Ok(SignInStep::Unsupported(name)),
            (None, _) => Err(AuthError::BadResponse(
                "the answer has neither tokens nor a challenge".into(),
            )),
        }
    }

    async fn run_refresh(self, generation: u64) -> Result<Refreshed, AuthError> {
        let result = self
            .inner
            .tabs
            .exclusive(self.refresh_once(generation))
            .await;
        let mut state = self.state();
        if matches!(state.in_flight, Some((g, _)) if g == generation) {
            state.in_flight = None;
        }
        result
    }

    async fn refresh_once(&self, generation: u64) -> Result<Refreshed, AuthError> {
        let refresh_token = {
            let state = self.state();
            let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
            if state.generation != generation {
                // Another tab refreshed while this one waited for the lock.
                return if session.needs_refresh(self.inner.env.now_ms()) {
                    Err(AuthError::Superseded)
                } else {
                    Ok(Refreshed {
                        rotation: Rotation::Kept,
                        by_other_tab: true,
                    })
                };
            }
            session
                .refresh_token
                .clone()
                .ok_or(AuthError::SessionEnded)?
        };
        let fingerprint = fingerprint(&refresh_token);
        if self.inner.tabs.was_replaced(&fingerprint).await {
            // Another tab rotated this very token; its message with the new session is on the
            // way. Presenting the old token now would be refused (and, on AWS, burn the grace
            // period), so wait for the message, within a bound.
            let changed = self.generation_change();
            let waited = self.inner.tabs.pause(MESSAGE_WAIT_MS);
            futures::future::select(std::pin::pin!(changed), std::pin::pin!(waited)).await;
            if self.state().generation != generation {
                return Ok(Refreshed {
                    rotation: Rotation::Kept,
                    by_other_tab: true,
                });
            }
        }
        let client_id = &self.inner.config.client_id;
        let sent_at = self.inner.env.now_ms();
        let answer = match self.inner.config.refresh_mode {
            RefreshMode::Rotation => self
                .call(&GetTokensFromRefreshToken::new(client_id, &refresh_token))
                .await
                .map(|out| out.authentication_result),
            RefreshMode::Legacy => self
                .call(&InitiateAuth::refresh_token(client_id, &refresh_token))
                .await
                .and_then(|step| {
                    step.authentication_result
                        .ok_or_else(|| CallError::BadResponse {
                            status: 200,
                            detail: "the refresh answer has no tokens".into(),
                        })
                }),
        };

        if self.state().generation != generation {
            // Signed out (or in anew) meanwhile. A rotated refresh token that nobody will hold
            // is revoked rather than left alive on the server.
            if let Ok(AuthenticationResult {
                refresh_token: Some(orphan),
                ..
            }) = &answer
            {
                let held = self
                    .state()
                    .session
                    .as_ref()
                    .and_then(|s| s.refresh_token.clone());
                if *orphan != refresh_token && held.as_ref() != Some(orphan) {
                    let _ = self.call(&RevokeToken::new(client_id, orphan)).await;
                }
            }
            return Err(AuthError::Superseded);
        }
        let result = match answer {
            Ok(result) => result,
            Err(error) => {
                if after_refresh_failure(&error) == RefreshFailure::EndsSession {
                    self.clear();
                    self.state().refused_refresh_token = Some(refresh_token);
                } else {
                    let mut state = self.state();
                    state.failures += 1;
                    state.retry_not_before_ms = self.inner.env.now_ms()
                        + retry_delay_ms(state.failures, self.inner.env.jitter());
                }
                return Err(AuthError::from_call(error, Step::Refresh));
            }
        };
        let refreshed = self
            .state()
            .session
            .as_ref()
            .ok_or(AuthError::NotSignedIn)?
            .refreshed(result, sent_at);
        let (next, rotation) = refreshed.map_err(|e| AuthError::BadResponse(e.to_string()))?;
        let record = next.to_record();
        self.adopt(next);
        if rotation != Rotation::Kept {
            self.inner.tabs.mark_replaced(&fingerprint);
        }
        self.inner.tabs.publish(&TabMessage::Refreshed {
            replaced: refresh_token,
            record: Secret::new(record),
        });
        Ok(Refreshed {
            rotation,
            by_other_tab: false,
        })
    }

    /// Resolves when the session next changes (a sign-in, a refresh, another tab's message).
    async fn generation_change(&self) {
        let (tx, rx) = futures::channel::oneshot::channel();
        self.state().generation_watchers.push(tx);
        let _ = rx.await;
    }

    /// No session here, in memory or in storage.
    fn clear(&self) {
        self.set_session(None);
        self.remove_stored();
    }

    /// Makes `session` the current one and saves it.
    fn adopt(&self, session: Session) {
        self.set_session(Some(session));
        self.save_current();
    }

    fn set_session(&self, session: Option<Session>) {
        let mut state = self.state();
        state.session = session;
        state.generation += 1;
        state.in_flight = None;
        state.failures = 0;
        state.retry_not_before_ms = 0;
        state.wants_session = false;
        state.refused_refresh_token = None;
        for watcher in state.generation_watchers.drain(..) {
            let _ = watcher.send(());
        }
    }

    fn save_current(&self) {
        let record = self.state().session.as_ref().map(Session::to_record);
        if let Some(record) = record {
            let outcome = self.inner.store.save(&record);
            self.note_storage(outcome);
        }
    }

    fn remove_stored(&self) {
        let outcome = self.inner.store.remove();
        self.note_storage(outcome);
    }

    fn note_storage(&self, outcome: Result<(), super::StorageError>) {
        self.state().storage_problem = outcome.err().map(|e| e.to_string());
    }

    fn info(&self) -> Result<TokenInfo, AuthError> {
        let state = self.state();
        let s = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
        Ok(TokenInfo {
            username: s.username.clone(),
            email: s.id_claims.email.clone(),
            obtained_at_ms: s.obtained_at_ms,
            access_expires_at_ms: s.access_expires_at_ms(),
            has_refresh_token: s.refresh_token.is_some(),
            refresh_rotated_at_ms: s.refresh_rotated_at_ms,
            access_preview: s.access_token.preview(),
            id_preview: s.id_token.preview(),
            refresh_preview: s.refresh_token.as_ref().map(Secret::preview),
            clock_drift_ms: s.clock_drift_ms(),
            storage_problem: state.storage_problem.clone(),
        })
    }
}
