//! Keeping the session alive: the single-flight refresh (one request however many ask, one tab
//! at a time), refresh-if-expired for every read, the keep-alive timer's check and its
//! back-off after failures.

use super::{
    Auth, AuthError, Backoff, Effect, Environment, HttpClient, SessionStore, Step, TabLink,
    TabMessage,
};
use crate::cognito::{
    AuthenticationResult, CallError, GetTokensFromRefreshToken, InitiateAuth, RevokeToken,
};
use crate::config::RefreshMode;
use crate::secret::{AccessToken, RefreshToken, Secret};
use crate::session::{Rotation, retry_delay_ms};
use futures::FutureExt;

/// How long a tab waits for another tab's message about a refresh token it rotated.
const MESSAGE_WAIT_MS: u32 = 3_000;

/// `retry_not_before_ms` after a failure that retrying will not mend: the timer waits for
/// the user (a read, "Refresh now", the browser coming back online).
const NO_TIMER_RETRY: u64 = u64::MAX;

/// What a refresh did.
#[derive(Debug, Clone, PartialEq)]
pub struct Refreshed {
    /// Whether the refresh token was rotated.
    pub rotation: Rotation,
    /// Another tab refreshed while this one waited for the lock; this tab took its tokens up
    /// and sent no request.
    pub by_other_tab: bool,
}

impl Refreshed {
    fn by_other_tab() -> Self {
        Refreshed {
            rotation: Rotation::Kept,
            by_other_tab: true,
        }
    }
}

/// A short one-way name for a refresh token, for the marks tabs leave each other.
fn fingerprint(refresh_token: &RefreshToken) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(refresh_token.expose().as_bytes());
    crate::hex::hex(&digest[..12])
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// Refreshes when the access token has ended (the check every token read makes).
    pub(super) async fn refresh_if_expired(&self) -> Result<Option<Refreshed>, AuthError> {
        let expired = {
            let state = self.state();
            let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
            session.needs_refresh(self.now_ms())
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
        let now = self.now_ms();
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

    /// When the timer will try again after failed refreshes, if it is waiting to (never when
    /// proactive refresh is off: then only a read or "Refresh now" tries).
    pub fn retry_at_ms(&self) -> Option<u64> {
        let state = self.state();
        let timer = self.inner.config.proactive_refresh_s > 0;
        (timer && state.failures > 0 && state.retry_not_before_ms != NO_TIMER_RETRY)
            .then_some(state.retry_not_before_ms)
    }

    /// Ends the back-off (the browser is back online): the next `keep_alive` may try at once,
    /// and other tabs' back-off notes left before now no longer hold it back (the first tab to
    /// try leaves a new one if it fails). Not when Cognito asked to slow down.
    pub fn retry_soon(&self) {
        let now = self.now_ms();
        let mut state = self.state();
        state.online_since_ms = now;
        if !state.paced {
            state.retry_not_before_ms = 0;
        }
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

    /// A valid access token: refreshed first if it has ended. Use it for any call made on the
    /// user's behalf (`Authorization: Bearer …` to your own API).
    pub async fn fresh_access_token(&self) -> Result<AccessToken, AuthError> {
        self.refresh_if_expired().await?;
        let state = self.state();
        let session = state.session.as_ref().ok_or(AuthError::NotSignedIn)?;
        Ok(session.access_token.clone())
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
                return if session.needs_refresh(self.now_ms()) {
                    Err(AuthError::Superseded)
                } else {
                    Ok(Refreshed::by_other_tab())
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
                return Ok(Refreshed::by_other_tab());
            }
        }
        if let Some(note) = self.inner.tabs.backoff(&fingerprint).await {
            self.follow(&note)?;
        }
        let sent_at = self.now_ms();
        let paced_until = {
            let state = self.state();
            state.paced.then_some(state.retry_not_before_ms)
        };
        if paced_until.is_some_and(|until| sent_at < until) {
            return Err(AuthError::Throttled); // asked to slow down: not even a read tries now
        }
        let answer = self.present(&refresh_token).await;

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
                    let _ = self.call(&RevokeToken::new(self.client_id(), orphan)).await;
                }
            }
            return Err(AuthError::Superseded);
        }
        let result = match answer {
            Ok(result) => result,
            Err(error) => return Err(self.refresh_failed(error, refresh_token, &fingerprint)),
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

    /// Presents the refresh token the configured way.
    async fn present(
        &self,
        refresh_token: &RefreshToken,
    ) -> Result<AuthenticationResult, CallError> {
        let client_id = self.client_id();
        match self.inner.config.refresh_mode {
            RefreshMode::Rotation => self
                .call(&GetTokensFromRefreshToken::new(client_id, refresh_token))
                .await
                .map(|out| out.authentication_result),
            RefreshMode::Legacy => self
                .call(&InitiateAuth::refresh_token(client_id, refresh_token))
                .await
                .and_then(|step| {
                    step.authentication_result
                        .ok_or_else(|| CallError::BadResponse {
                            status: 200,
                            detail: "the refresh answer has no tokens".into(),
                        })
                }),
        }
    }

    /// Another tab's back-off note: while its next try is ahead, this tab sends nothing and
    /// waits for the same moment (unless the browser came back online since the note was left
    /// and Cognito had not asked to slow down).
    fn follow(&self, note: &Backoff) -> Result<(), AuthError> {
        let now = self.now_ms();
        let mut state = self.state();
        if note.retry_at_ms <= now || (!note.paced && note.set_at_ms < state.online_since_ms) {
            return Ok(());
        }
        state.failures = state.failures.max(note.failures);
        state.retry_not_before_ms = note.retry_at_ms;
        state.paced = note.paced;
        Err(AuthError::RetryingInAnotherTab)
    }

    /// Acts on a refused refresh as the failure table says (`AuthError::effect`): a dead
    /// session is cleared; otherwise every token is kept and the timer backs off, in every tab
    /// (the back-off note).
    fn refresh_failed(
        &self,
        error: CallError,
        refresh_token: RefreshToken,
        fingerprint: &str,
    ) -> AuthError {
        let error = AuthError::from_call(error, Step::Refresh);
        let now = self.now_ms();
        match error.effect() {
            Effect::EndsSession => {
                self.clear();
                self.state().refused_refresh_token = Some(refresh_token);
            }
            Effect::Retry => {
                let mut state = self.state();
                state.failures += 1;
                state.retry_not_before_ms =
                    now + retry_delay_ms(state.failures, self.inner.env.jitter());
                state.paced = matches!(error, AuthError::Throttled);
                let note = Backoff {
                    set_at_ms: now,
                    retry_at_ms: state.retry_not_before_ms,
                    failures: state.failures,
                    paced: state.paced,
                };
                drop(state);
                self.inner.tabs.mark_backoff(fingerprint, &note);
            }
            // Retrying will not change Cognito's mind (a misconfigured client, a failing
            // Lambda trigger): the timer stops; a read or "Refresh now" asks again.
            Effect::KeepsSession => {
                let mut state = self.state();
                state.failures += 1;
                state.retry_not_before_ms = NO_TIMER_RETRY;
                state.paced = false;
            }
        }
        error
    }
}
