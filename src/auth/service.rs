//! The auth service: one per page, shared by every view through a cheap clone.

use super::{AuthError, Clock, HttpClient, SessionStore, Step};
use crate::cognito::{
    AuthStep, CallError, GetTokensFromRefreshToken, InitiateAuth, Operation,
    RespondToAuthChallenge, RevokeToken, build_request, parse_response,
};
use crate::config::{Config, RefreshMode};
use crate::secret::Secret;
use crate::session::{RefreshFailure, Rotation, Session, after_refresh_failure};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::rc::Rc;

type RefreshFuture = Shared<LocalBoxFuture<'static, Result<Refreshed, AuthError>>>;

/// The auth handle. Clones share one state, so every view sees the same session.
pub struct Auth<H, S, C> {
    inner: Rc<Inner<H, S, C>>,
}

impl<H, S, C> Clone for Auth<H, S, C> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

struct Inner<H, S, C> {
    http: H,
    store: S,
    clock: C,
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

/// What a refresh did to the refresh token.
#[derive(Debug, Clone, PartialEq)]
pub struct Refreshed {
    pub rotation: Rotation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignOutReport {
    /// Whether Cognito revoked the refresh token. The local sign-out happens either way.
    pub revoked: Result<(), AuthError>,
}

impl<H, S, C> Auth<H, S, C>
where
    H: HttpClient + 'static,
    S: SessionStore + 'static,
    C: Clock + 'static,
{
    pub fn new(config: Config, http: H, store: S, clock: C) -> Self {
        Self {
            inner: Rc::new(Inner {
                http,
                store,
                clock,
                config,
                state: RefCell::new(State::default()),
            }),
        }
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Takes up the session saved in storage, if any. An unreadable record is removed and
    /// reported, so the user gets a clean sign-in page and a reason.
    pub fn restore(&self) -> Result<bool, AuthError> {
        let raw = match self.inner.store.load() {
            Ok(raw) => raw,
            Err(e) => {
                self.state().storage_problem = Some(e.to_string());
                return Ok(false);
            }
        };
        let Some(raw) = raw else { return Ok(false) };
        match Session::from_record(&raw) {
            Ok(session) => {
                let mut state = self.state();
                state.session = Some(session);
                state.generation += 1;
                Ok(true)
            }
            Err(e) => {
                self.remove_stored();
                Err(AuthError::StoredSessionUnreadable(e.to_string()))
            }
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.state().session.is_some()
    }

    pub async fn sign_in(
        &self,
        username: &str,
        password: &Secret,
    ) -> Result<SignInStep, AuthError> {
        let sent_at = self.inner.clock.now_ms();
        let op = InitiateAuth::user_password(&self.inner.config.client_id, username, password);
        let step = self
            .call(&op)
            .await
            .map_err(|e| AuthError::from_call(e, Step::SignIn))?;
        self.take_step(username, step, sent_at)
    }

    pub async fn answer_new_password(
        &self,
        challenge: &PendingChallenge,
        new_password: &Secret,
    ) -> Result<SignInStep, AuthError> {
        let sent_at = self.inner.clock.now_ms();
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
        let expired = {
            let state = self.state();
            let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
            session.needs_refresh(self.inner.clock.now_ms())
        };
        let refreshed = if expired {
            Some(self.refresh().await?)
        } else {
            None
        };
        Ok(TokenRead {
            info: self.info()?,
            refreshed,
        })
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

    /// Signs out here at once, then asks Cognito to revoke the refresh token.
    pub async fn sign_out(&self) -> SignOutReport {
        let session = {
            let mut state = self.state();
            state.generation += 1;
            state.in_flight = None;
            state.session.take()
        };
        self.remove_stored();
        let revoked = match session.and_then(|s| s.refresh_token) {
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

    fn state(&self) -> std::cell::RefMut<'_, State> {
        self.inner.state.borrow_mut()
    }

    async fn call<O: Operation>(&self, op: &O) -> Result<O::Output, CallError> {
        let request = build_request(&self.inner.config.endpoint, op);
        let response = self.inner.http.send(request).await?;
        parse_response::<O>(&response)
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
            self.install(session);
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
        let result = self.refresh_once(generation).await;
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
            session
                .refresh_token
                .clone()
                .ok_or(AuthError::SessionEnded)?
        };
        let client_id = &self.inner.config.client_id;
        let sent_at = self.inner.clock.now_ms();
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

        let mut state = self.state();
        if state.generation != generation {
            return Err(AuthError::Superseded);
        }
        let result = match answer {
            Ok(result) => result,
            Err(error) => {
                if after_refresh_failure(&error) == RefreshFailure::EndsSession {
                    state.session = None;
                    state.generation += 1;
                    drop(state);
                    self.remove_stored();
                }
                return Err(AuthError::from_call(error, Step::Refresh));
            }
        };
        let current = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
        let (next, rotation) = current
            .refreshed(result, sent_at)
            .map_err(|e| AuthError::BadResponse(e.to_string()))?;
        state.session = Some(next);
        state.generation += 1;
        drop(state);
        self.save_current();
        Ok(Refreshed { rotation })
    }

    fn install(&self, session: Session) {
        {
            let mut state = self.state();
            state.session = Some(session);
            state.generation += 1;
            state.in_flight = None;
        }
        self.save_current();
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
