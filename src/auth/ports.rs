//! What the auth service needs from the outside world.

use crate::cognito::{HttpRequest, HttpResponse, TransportError};
use crate::secret::{RefreshToken, Secret};
use crate::wire;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Sends one request. Single-threaded (the browser), so futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait HttpClient: 'static {
    /// Sends `request`; an HTTP error status is an answer, not a `TransportError`.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// Where the session record lives (sessionStorage in the browser).
pub trait SessionStore: 'static {
    /// The saved record, if any.
    fn load(&self) -> Result<Option<String>, StorageError>;
    /// Saves `record`, replacing the one before.
    fn save(&self, record: &str) -> Result<(), StorageError>;
    /// Removes the saved record.
    fn remove(&self) -> Result<(), StorageError>;
}

/// What the service takes from its surroundings: wall-clock time, randomness, and turns of
/// the page's event loop.
#[allow(async_fn_in_trait)]
pub trait Environment: 'static {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// A random number in [0, 1), to spread retries.
    fn jitter(&self) -> f64;
    /// Fills `out` from a cryptographic random generator (the SRP secret).
    fn fill_random(&self, out: &mut [u8]);
    /// Resolves once the page has had a turn: painted what changed (a busy button) and handled
    /// waiting input. Awaited before work long enough to be felt (SRP's exponentiations).
    async fn yield_to_page(&self);
    /// Resolves in a later task of the page's event loop, which meanwhile handles waiting
    /// input and paints if a frame is due. Cheaper than [`Environment::yield_to_page`] (no
    /// frame to wait for): the pause between slices of SRP's math, so no task runs long.
    async fn next_task(&self);
}

/// This app's other tabs (Web Locks and BroadcastChannel in the browser).
#[allow(async_fn_in_trait)]
pub trait TabLink: 'static {
    /// Runs `work` while holding the refresh lock shared by all tabs of this app client, so
    /// that only one tab at a time presents a refresh token.
    async fn exclusive<T>(&self, work: impl Future<Output = T>) -> T;
    /// Tells the other tabs; this one never hears its own message.
    fn publish(&self, message: &TabMessage);
    /// Leaves a mark every tab can see at once (unlike a message, which may lag) that the
    /// refresh token with this fingerprint has been replaced. Left while holding the lock.
    fn mark_replaced(&self, fingerprint: &str);
    /// Whether some tab left that mark.
    async fn was_replaced(&self, fingerprint: &str) -> bool;
    /// Resolves after `ms` milliseconds: a bound on waiting for another tab's message.
    async fn pause(&self, ms: u32);
    /// Leaves a note every tab can see at once that refreshing the token with this fingerprint
    /// failed and waits until `backoff.retry_at_ms`. Left while holding the lock.
    fn mark_backoff(&self, fingerprint: &str, backoff: &Backoff);
    /// The newest such note another tab left for this fingerprint, if any is still there.
    async fn backoff(&self, fingerprint: &str) -> Option<Backoff>;
}

/// A tab's note that refreshes are failing: every tab sharing the session waits for the same
/// next try, so a fault brings one refresh per back-off step from the whole browser, not one
/// per tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// When the note was left (device clock, ms since the epoch).
    pub set_at_ms: u64,
    /// No tab tries before this.
    pub retry_at_ms: u64,
    /// Failed refreshes in a row, so the next step's delay keeps growing whoever tries.
    pub failures: u32,
    /// Cognito asked to slow down (`TooManyRequestsException`, `LimitExceededException`):
    /// nothing shortens this wait, not even the browser coming back online.
    pub paced: bool,
}

impl Backoff {
    /// The note as text, e.g. `1800000000000-1800000002000-1-0`.
    pub fn to_text(&self) -> String {
        let paced = u8::from(self.paced);
        format!(
            "{}-{}-{}-{paced}",
            self.set_at_ms, self.retry_at_ms, self.failures
        )
    }

    /// Reads [`Backoff::to_text`]'s form; anything else is `None`.
    pub fn from_text(text: &str) -> Option<Backoff> {
        let mut parts = text.split('-');
        let mut next = || parts.next()?.parse::<u64>().ok();
        let backoff = Backoff {
            set_at_ms: next()?,
            retry_at_ms: next()?,
            failures: u32::try_from(next()?).ok()?,
            paced: match next()? {
                0 => false,
                1 => true,
                _ => return None,
            },
        };
        parts.next().is_none().then_some(backoff)
    }
}

/// What tabs tell each other. Records and tokens travel only on the same-origin channel, as
/// serde's default (externally tagged) form: see [`TabMessage::to_text`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TabMessage {
    /// A tab refreshed: every tab that held `replaced` takes the session in `record`.
    Refreshed {
        /// The refresh token the sending tab replaced.
        replaced: RefreshToken,
        /// The new session record, as stored.
        record: Secret,
    },
    /// A tab signed out: every tab that holds `refresh_token` signs out too.
    SignedOut {
        /// The refresh token that was revoked.
        refresh_token: RefreshToken,
    },
    /// A tab that opened with no session asks for one.
    SessionWanted,
    /// A signed-in tab answers [`TabMessage::SessionWanted`].
    SessionOffered {
        /// The offering tab's session record, as stored.
        record: Secret,
    },
}

impl TabMessage {
    /// The message as text for the channel: `"session_wanted"`, or the variant's name holding
    /// its fields, e.g. `{"signed_out":{"refresh_token":"…"}}`.
    pub fn to_text(&self) -> String {
        wire::write(self)
    }

    /// Reads [`TabMessage::to_text`]'s form; anything else (another app's message on the
    /// channel, a newer version's) is `None`, with nothing kept of it.
    pub fn from_text(text: &str) -> Option<TabMessage> {
        wire::read(text).ok()
    }
}

/// A [`TabLink`] for a single tab: no lock to share, nobody to tell.
#[derive(Debug, Clone, Copy, Default)]
pub struct SoloTab;

impl TabLink for SoloTab {
    async fn exclusive<T>(&self, work: impl Future<Output = T>) -> T {
        work.await
    }
    fn publish(&self, _message: &TabMessage) {}
    fn mark_replaced(&self, _fingerprint: &str) {}
    async fn was_replaced(&self, _fingerprint: &str) -> bool {
        false
    }
    async fn pause(&self, _ms: u32) {}
    fn mark_backoff(&self, _fingerprint: &str, _backoff: &Backoff) {}
    async fn backoff(&self, _fingerprint: &str) -> Option<Backoff> {
        None
    }
}

/// Why the session could not be kept in storage. A kind, not words: the page says it in its
/// own language (`crate::outcome::storage_problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this page use the storage (privacy settings, a sandboxed frame).
    Blocked,
    /// The storage is full.
    Full,
    /// Refused for another reason: the browser's name for it (a `DOMException` name such as
    /// `SecurityError`).
    Refused(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Blocked => f.write_str("the browser blocks the storage"),
            StorageError::Full => f.write_str("the storage is full"),
            StorageError::Refused(name) => write!(f, "the storage refused ({name})"),
        }
    }
}

impl std::error::Error for StorageError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_messages_keep_the_wire_form_other_tabs_read() {
        // The form every earlier version of the app wrote: tabs of two versions can meet.
        let signed_out = TabMessage::SignedOut {
            refresh_token: RefreshToken::new("rt"),
        };
        assert_eq!(
            signed_out.to_text(),
            r#"{"signed_out":{"refresh_token":"rt"}}"#
        );
        assert_eq!(TabMessage::SessionWanted.to_text(), r#""session_wanted""#);
        for message in [
            signed_out,
            TabMessage::SessionWanted,
            TabMessage::Refreshed {
                replaced: RefreshToken::new("old"),
                record: Secret::new(r#"{"v":1}"#),
            },
            TabMessage::SessionOffered {
                record: Secret::new("r"),
            },
        ] {
            assert_eq!(TabMessage::from_text(&message.to_text()), Some(message));
        }
    }

    #[test]
    fn every_tab_message_is_byte_for_byte_what_it_was() {
        for (message, text) in [
            (
                TabMessage::Refreshed {
                    replaced: RefreshToken::new("rt-old"),
                    record: Secret::new(r#"{"v":1,"username":"a\"b"}"#),
                },
                r#"{"refreshed":{"replaced":"rt-old","record":"{\"v\":1,\"username\":\"a\\\"b\"}"}}"#,
            ),
            (
                TabMessage::SignedOut {
                    refresh_token: RefreshToken::new("rt-1"),
                },
                r#"{"signed_out":{"refresh_token":"rt-1"}}"#,
            ),
            (TabMessage::SessionWanted, r#""session_wanted""#),
            (
                TabMessage::SessionOffered {
                    record: Secret::new(r#"{"v":1}"#),
                },
                r#"{"session_offered":{"record":"{\"v\":1}"}}"#,
            ),
        ] {
            assert_eq!(message.to_text(), text);
        }
    }

    #[test]
    fn backoff_notes_read_back_and_refuse_anything_else() {
        let note = Backoff {
            set_at_ms: 1_800_000_000_000,
            retry_at_ms: 1_800_000_002_000,
            failures: 3,
            paced: true,
        };
        assert_eq!(note.to_text(), "1800000000000-1800000002000-3-1");
        assert_eq!(Backoff::from_text(&note.to_text()), Some(note));
        for text in [
            "",
            "1-2-3",
            "1-2-3-2",
            "1-2-3-0-5",
            "a-2-3-0",
            "1-2-99999999999-0",
            "1--3-0",
        ] {
            assert_eq!(Backoff::from_text(text), None, "{text}");
        }
    }

    #[test]
    fn other_messages_on_the_channel_are_ignored() {
        for text in [
            "",
            "hello",
            r#""session_offered""#,
            r#"{"signed_out":{}}"#,
            r#"{"signed_out":{"refresh_token":1}}"#,
            r#"{"refreshed":{"replaced":"a"}}"#,
            r#"{"signed_out":{"refresh_token":"a"},"extra":1}"#,
            r#"{"reboot":{"now":"yes"}}"#,
            r#"{"signed_out":{"refresh_token":["eyJzZWNyZXQ"]}}"#,
            r#"{"eyJzZWNyZXQ":{"refresh_token":"a"}}"#,
            r#"{"refreshed":{"replaced":"a","record":{"eyJzZWNyZXQ":1}}}"#,
        ] {
            assert_eq!(TabMessage::from_text(text), None, "{text}");
        }
    }
}
