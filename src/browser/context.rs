//! The auth service as a Leptos context, for any app built on this library: provide it once
//! near the root, use it in any component below.

use super::{BrowserAuth, browser_auth};
use crate::config::Config;
use leptos::prelude::*;

/// A handle on the app's auth service: `Copy`, so components can move it into closures,
/// actions and tasks.
#[derive(Clone, Copy)]
pub struct AuthHandle(StoredValue<BrowserAuth, LocalStorage>);

impl AuthHandle {
    /// The auth service (a cheap clone: every clone shares one session).
    pub fn get(self) -> BrowserAuth {
        self.0.get_value()
    }
}

/// Makes the auth service for `config` available to the components below this one: takes up
/// the session saved in this tab, if any (an unreadable one is cleared and its error
/// returned), and listens to the app's other tabs (shared refreshes and sign-outs).
pub fn provide_auth(config: Config) -> (AuthHandle, Result<bool, crate::auth::AuthError>) {
    let (auth, tabs) = browser_auth(config);
    let restored = auth.restore();
    let listener = auth.clone();
    tabs.listen(move |message| {
        listener.on_tab_message(message);
    });
    let handle = AuthHandle(StoredValue::new_local(auth));
    provide_context(handle);
    (handle, restored)
}

/// The auth service provided by [`provide_auth`] above this component.
///
/// # Panics
/// When no component above called [`provide_auth`].
pub fn use_auth() -> AuthHandle {
    expect_context::<AuthHandle>()
}
