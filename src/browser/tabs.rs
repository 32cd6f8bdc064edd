use crate::auth::{Backoff, TabLink, TabMessage};
use futures::channel::oneshot;
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The app's tabs, through Web Locks (one refresh at a time) and a BroadcastChannel (the
/// results). Where the browser has no Web Locks, refreshes still go one at a time per tab, and
/// a tab refused for a token another tab rotated takes the rotation up when its message comes.
#[derive(Clone)]
pub struct BrowserTabs {
    inner: Rc<Inner>,
}

struct Inner {
    lock_name: String,
    /// This tab's name in its back-off notes, so it can tell them from other tabs'.
    tab: String,
    /// `None` when sharing is switched off in config.json or the browser has no channel.
    channel: Option<web_sys::BroadcastChannel>,
    /// What [`BrowserTabs::listen`] handed the channel, kept until the link goes.
    listener: RefCell<Option<Listener>>,
}

/// A handler of the channel's messages.
type Listener = Closure<dyn Fn(web_sys::MessageEvent)>;

/// The last handle gone (the auth service dropped with the Authenticator that made it): the
/// channel is closed and its listener goes with it.
impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}

impl BrowserTabs {
    /// The link to this app client's other tabs; with `share` false, a tab on its own.
    pub fn new(client_id: &str, share: bool) -> Self {
        let channel = share
            .then(|| web_sys::BroadcastChannel::new(&format!("cognito-tabs:{client_id}")).ok())
            .flatten();
        Self {
            inner: Rc::new(Inner {
                lock_name: format!("cognito-refresh:{client_id}"),
                // Random digits in base 36, written by JavaScript (no Rust number formatting).
                tab: String::from(
                    js_sys::Number::from(js_sys::Math::random())
                        .to_string_with_radix(36)
                        .unwrap_or_default(),
                ),
                channel,
                listener: RefCell::new(None),
            }),
        }
    }

    /// Calls `handler` with every message another tab sends, for as long as this link lives.
    /// Call once, before anything is published, so no answer is missed.
    pub fn listen(&self, handler: impl Fn(TabMessage) + 'static) {
        let Some(channel) = &self.inner.channel else {
            return;
        };
        let on_message = Listener::new(move |event: web_sys::MessageEvent| {
            let message = event
                .data()
                .as_string()
                .and_then(|text| TabMessage::from_text(&text));
            if let Some(message) = message {
                handler(message);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *self.inner.listener.borrow_mut() = Some(on_message);
    }

    fn mark_prefix(&self) -> String {
        format!("{}:replaced:", self.inner.lock_name)
    }

    fn backoff_prefix(&self) -> String {
        format!("{}:backoff:", self.inner.lock_name)
    }

    /// Holds a lock named `name` for `ms` milliseconds (or until the tab closes): lock names
    /// are what every tab of the origin can see at once (`navigator.locks.query()`), without
    /// storage. The marks tabs leave each other are such locks.
    fn hold(&self, name: &str, ms: i32) {
        let Some((locks, request)) = self.lock_request() else {
            return;
        };
        let hold = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
            js_sys::Promise::new(&mut |resolve, _| {
                if let Some(window) = web_sys::window() {
                    let _ =
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
                }
            })
        });
        let options = js_sys::Object::new();
        let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
        let _ = request.call3(&locks, &JsValue::from_str(name), &options, &hold);
    }

    /// The names of the locks held now, by any tab of the origin.
    async fn held_names(&self) -> Vec<String> {
        let Some((locks, _)) = self.lock_request() else {
            return Vec::new();
        };
        let query = Reflect::get(&locks, &"query".into())
            .ok()
            .and_then(|q| q.dyn_into::<Function>().ok())
            .and_then(|q| q.call0(&locks).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        let Some(query) = query else {
            return Vec::new();
        };
        let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(query).await else {
            return Vec::new();
        };
        let held = Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
        js_sys::Array::from(&held)
            .iter()
            .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
            .collect()
    }

    /// `navigator.locks.request`, if this browser has Web Locks.
    fn lock_request(&self) -> Option<(JsValue, Function)> {
        self.inner.channel.as_ref()?;
        let navigator = web_sys::window()?.navigator();
        let locks = Reflect::get(&navigator, &"locks".into())
            .ok()
            .filter(|l| l.is_object())?;
        let request = Reflect::get(&locks, &"request".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some((locks, request))
    }
}

impl TabLink for BrowserTabs {
    async fn exclusive<T>(&self, work: impl Future<Output = T>) -> T {
        let Some((locks, request)) = self.lock_request() else {
            return work.await;
        };
        let (granted_tx, granted_rx) = oneshot::channel::<()>();
        let (release_tx, release_rx) = oneshot::channel::<()>();
        // The lock is held until the promise this callback returns settles: until `release_tx`.
        let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
            let _ = granted_tx.send(());
            wasm_bindgen_futures::future_to_promise(async move {
                let _ = release_rx.await;
                Ok(JsValue::UNDEFINED)
            })
        });
        let requested = request.call2(&locks, &JsValue::from_str(&self.inner.lock_name), &callback);
        if requested.is_err() || granted_rx.await.is_err() {
            return work.await;
        }
        let out = work.await;
        let _ = release_tx.send(());
        out
    }

    /// A lock named after the fingerprint, held for ten minutes: lock names are what every tab
    /// of the origin can see at once (`navigator.locks.query()`), without storage.
    fn mark_replaced(&self, fingerprint: &str) {
        let name = format!("{}{fingerprint}", self.mark_prefix());
        self.hold(&name, MARK_MS);
    }

    async fn was_replaced(&self, fingerprint: &str) -> bool {
        let name = format!("{}{fingerprint}", self.mark_prefix());
        self.held_names().await.contains(&name)
    }

    /// Named `<lock>:backoff:<fingerprint>:<tab>:<note>`, held until the note's next try.
    fn mark_backoff(&self, fingerprint: &str, backoff: &Backoff) {
        let now = js_sys::Date::now() as u64;
        let ms = backoff.retry_at_ms.saturating_sub(now).min(MARK_MS as u64) as i32;
        let tab = &self.inner.tab;
        let name = format!(
            "{}{fingerprint}:{tab}:{}",
            self.backoff_prefix(),
            backoff.to_text()
        );
        self.hold(&name, ms);
    }

    async fn backoff(&self, fingerprint: &str) -> Option<Backoff> {
        let prefix = format!("{}{fingerprint}:", self.backoff_prefix());
        let own = format!("{}:", self.inner.tab);
        self.held_names()
            .await
            .iter()
            .filter_map(|name| name.strip_prefix(&prefix))
            .filter(|rest| !rest.starts_with(&own))
            .filter_map(|rest| Backoff::from_text(rest.split_once(':')?.1))
            .max_by_key(|note| note.set_at_ms)
    }

    async fn pause(&self, ms: u32) {
        gloo_timers::future::TimeoutFuture::new(ms).await;
    }

    fn publish(&self, message: &TabMessage) {
        if let Some(channel) = &self.inner.channel {
            let _ = channel.post_message(&JsValue::from_str(&message.to_text()));
        }
    }
}

/// How long a "this refresh token was replaced" mark stays visible.
const MARK_MS: i32 = 10 * 60 * 1000;
