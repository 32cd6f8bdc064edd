use crate::auth::{SessionStore, StorageError};
use gloo_storage::Storage as _;
use wasm_bindgen::JsCast;

/// The session record in `sessionStorage`, under one key per app client. Every failure is
/// returned, never swallowed: the service keeps the session in memory and says so.
#[derive(Debug, Clone)]
pub struct SessionStorageStore {
    key: String,
}

impl SessionStorageStore {
    /// The store for one app client (`cognito-session:<clientId>`).
    pub fn for_client(client_id: &str) -> Self {
        Self {
            key: format!("{KEY_PREFIX}{client_id}"),
        }
    }
}

/// The storage key's prefix; the app client id follows it.
const KEY_PREFIX: &str = "cognito-session:";

/// `gloo_storage` panics where sessionStorage is blocked (privacy settings, sandboxed frames),
/// so look before handing over to it.
fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Blocked)?;
    match window.session_storage() {
        Ok(Some(_)) => Ok(gloo_storage::SessionStorage::raw()),
        _ => Err(StorageError::Blocked),
    }
}

fn describe(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => StorageError::Full,
        Some(name) => StorageError::Refused(name),
        None => StorageError::Refused("Error".into()),
    }
}

impl SessionStore for SessionStorageStore {
    fn load(&self) -> Result<Option<String>, StorageError> {
        storage()?.get_item(&self.key).map_err(describe)
    }

    fn save(&self, record: &str) -> Result<(), StorageError> {
        storage()?.set_item(&self.key, record).map_err(describe)
    }

    fn remove(&self) -> Result<(), StorageError> {
        storage()?.remove_item(&self.key).map_err(describe)
    }
}
