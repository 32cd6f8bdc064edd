use crate::auth::{TabLink, TabMessage};
use futures::channel::oneshot;
use js_sys::{Function, Reflect};
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
    /// `None` when sharing is switched off in config.json or the browser has no channel.
    channel: Option<web_sys::BroadcastChannel>,
}

impl BrowserTabs {
    pub fn new(client_id: &str, share: bool) -> Self {
        let channel = share
            .then(|| web_sys::BroadcastChannel::new(&format!("cognito-tabs:{client_id}")).ok())
            .flatten();
        Self {
            inner: Rc::new(Inner {
                lock_name: format!("cognito-refresh:{client_id}"),
                channel,
            }),
        }
    }

    /// Calls `handler` with every message another tab sends. Call once, before anything is
    /// published, so no answer is missed.
    pub fn listen(&self, handler: impl Fn(TabMessage) + 'static) {
        let Some(channel) = &self.inner.channel else {
            return;
        };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let message = event
                    .data()
                    .as_string()
                    .and_then(|text| serde_json::from_str(&text).ok());
                if let Some(message) = message {
                    handler(message);
                }
            });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        on_message.forget();
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

    fn publish(&self, message: &TabMessage) {
        if let (Some(channel), Ok(text)) = (&self.inner.channel, serde_json::to_string(message)) {
            let _ = channel.post_message(&JsValue::from_str(&text));
        }
    }
}
