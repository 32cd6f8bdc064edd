//! The cross-tab protocol, the receiving side: what a message from another tab changes here.
//! (The sending side lives where the change happens: a refresh, a sign-out.)

use super::{Auth, Environment, HttpClient, SessionStore, TabLink, TabMessage};
use crate::secret::Secret;
use crate::session::Session;

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

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
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
}
