//! The auth handle, its state and what every concern shares: calling Cognito, and making a
//! session current or ending it. The concerns themselves are `impl Auth` blocks of their own:
//! `sign_in.rs`, `refresh.rs`, `tabs.rs`, `account.rs`; `token_info.rs` is the view model.

use super::refresh::Refreshed;
use super::{AuthError, Environment, HttpClient, SessionStore, TabLink, TabMessage};
use crate::cognito::{
    CallError, HttpRequest, HttpResponse, Operation, TransportError, parse_answer, request_for,
};
use crate::config::Config;
use crate::secret::RefreshToken;
use crate::session::Session;
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::rc::Rc;

pub(super) type RefreshFuture = Shared<LocalBoxFuture<'static, Result<Refreshed, AuthError>>>;

/// The auth handle, one per page. Clones share one state, so every view sees the same session.
pub struct Auth<H, S, E, T> {
    pub(super) inner: Rc<Inner<H, S, E, T>>,
}

impl<H, S, E, T> Clone for Auth<H, S, E, T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

pub(super) struct Inner<H, S, E, T> {
    pub(super) http: H,
    pub(super) store: S,
    pub(super) env: E,
    pub(super) tabs: T,
    pub(super) config: Config,
    pub(super) state: RefCell<State>,
}

#[derive(Default)]
pub(super) struct State {
    pub(super) session: Option<Session>,
    /// Bumped on every change of `session`: a call's answer is applied only if the generation
    /// it started from is still current, so a late answer never overwrites newer state.
    pub(super) generation: u64,
    /// The refresh under way, if any, and the generation it started from. Every reader awaits
    /// the same one: one request per refresh, however many ask.
    pub(super) in_flight: Option<(u64, RefreshFuture)>,
    /// Failed refreshes in a row, and when the timer may try again.
    pub(super) failures: u32,
    pub(super) retry_not_before_ms: u64,
    /// The wait comes from Cognito asking to slow down: nothing shortens it.
    pub(super) paced: bool,
    /// When the browser last came back online: other tabs' back-off notes older than that
    /// no longer hold this tab back (the first try after it is immediate, in one tab).
    pub(super) online_since_ms: u64,
    /// The refresh token whose refresh was refused: if another tab's rotation of that very
    /// token arrives late, the session is taken up again rather than lost.
    pub(super) refused_refresh_token: Option<RefreshToken>,
    /// This tab opened with no session and asked the other tabs for theirs.
    pub(super) wants_session: bool,
    /// Told when `generation` next changes.
    pub(super) generation_watchers: Vec<futures::channel::oneshot::Sender<()>>,
    /// Set when storage refused a write: the session then lives only in memory.
    pub(super) storage_problem: Option<super::StorageError>,
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// An auth service for `config`, driving the given ports. Call [`Auth::restore`] next.
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

    /// The configuration it was made with.
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
                self.state().storage_problem = Some(e);
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

    /// Whether a session is held (it may need a refresh before use).
    pub fn is_signed_in(&self) -> bool {
        self.state().session.is_some()
    }

    pub(super) fn state(&self) -> std::cell::RefMut<'_, State> {
        self.inner.state.borrow_mut()
    }

    pub(super) fn now_ms(&self) -> u64 {
        self.inner.env.now_ms()
    }

    pub(super) fn client_id(&self) -> &str {
        &self.inner.config.client_id
    }

    /// Sends `op` and reads its answer. The request is made at once and the answer read when
    /// it comes, with no async state of its own: every call shares the boxed send (bundle size).
    pub(super) fn call<O: Operation>(
        &self,
        op: &O,
    ) -> impl Future<Output = Result<O::Output, CallError>> + use<'_, O, H, S, E, T> {
        self.send(self.request(op)).map(|answer| {
            answer
                .map_err(CallError::from)
                .and_then(|response| parse_answer(&response, O::NAME))
        })
    }

    pub(super) fn request<O: Operation>(&self, op: &O) -> HttpRequest {
        self.request_for(O::NAME, op.body())
    }

    /// [`Auth::request`] by operation name and body, compiled once (bundle size).
    pub(super) fn request_for(&self, operation: &str, body: String) -> HttpRequest {
        request_for(&self.inner.config.endpoint, operation, body)
    }

    /// Boxed, so the HTTP future is compiled once rather than into every operation's call
    /// (bundle size).
    pub(super) fn send(
        &self,
        request: HttpRequest,
    ) -> LocalBoxFuture<'_, Result<HttpResponse, TransportError>> {
        self.inner.http.send(request).boxed_local()
    }

    /// Resolves when the session next changes (a sign-in, a refresh, another tab's message).
    pub(super) async fn generation_change(&self) {
        let (tx, rx) = futures::channel::oneshot::channel();
        self.state().generation_watchers.push(tx);
        let _ = rx.await;
    }

    /// Ends the session here and in the tabs that share it; returns its refresh token.
    pub(super) fn leave(&self) -> Option<RefreshToken> {
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

    /// No session here, in memory or in storage.
    pub(super) fn clear(&self) {
        self.set_session(None);
        self.remove_stored();
    }

    /// Makes `session` the current one and saves it.
    pub(super) fn adopt(&self, session: Session) {
        self.set_session(Some(session));
        self.save_current();
    }

    /// The one place the session changes: everything tied to the previous one is reset.
    fn set_session(&self, session: Option<Session>) {
        let mut state = self.state();
        state.session = session;
        state.generation += 1;
        state.in_flight = None;
        state.failures = 0;
        state.retry_not_before_ms = 0;
        state.paced = false;
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
        self.state().storage_problem = outcome.err();
    }
}
