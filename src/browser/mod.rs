//! Browser adapters for the auth ports, and loading `config.json`. No decisions here.

mod environment;
mod http;
mod storage;
mod tabs;

pub use environment::{BrowserEnvironment, local_time};
pub use http::FetchClient;
pub use storage::SessionStorageStore;
pub use tabs::BrowserTabs;

use crate::auth::Auth;
use crate::cognito::TransportError;
use crate::config::Config;

/// The auth service as the browser runs it.
pub type BrowserAuth = Auth<FetchClient, SessionStorageStore, BrowserEnvironment, BrowserTabs>;

/// The auth service for `config`, and the tab link whose messages it must be given.
pub fn browser_auth(config: Config) -> (BrowserAuth, BrowserTabs) {
    let store = SessionStorageStore::for_client(&config.client_id);
    let tabs = BrowserTabs::new(&config.client_id, config.share_across_tabs);
    let auth = Auth::new(
        config,
        FetchClient::default(),
        store,
        BrowserEnvironment,
        tabs.clone(),
    );
    (auth, tabs)
}

/// Fetches and checks `config.json` from beside `index.html`.
pub async fn load_config(url: &str) -> Result<Config, String> {
    let response = FetchClient::default().get(url).await.map_err(|e| match e {
        TransportError::Network(why) => format!("{url} could not be loaded ({why})"),
        TransportError::Timeout => format!("{url} could not be loaded (no answer in time)"),
    })?;
    if !(200..300).contains(&response.status) {
        return Err(format!(
            "{url} could not be loaded (HTTP {}). Put a config.json beside index.html; see the README.",
            response.status
        ));
    }
    Config::parse(&response.body).map_err(|e| e.to_string())
}
