use crate::auth::Environment;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The device's wall clock (`Date.now()`) and Web Crypto's random generator.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserEnvironment;

impl Environment for BrowserEnvironment {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }

    fn fill_random(&self, out: &mut [u8]) {
        let crypto = web_sys::window().and_then(|w| w.crypto().ok());
        // Every browser this app runs in has Web Crypto; without it, SRP cannot be done safely.
        let filled = crypto.is_some_and(|c| c.get_random_values_with_u8_array(out).is_ok());
        assert!(filled, "crypto.getRandomValues is unavailable");
    }

    /// A task that runs after the next frame: requestAnimationFrame, then setTimeout 0 (a
    /// timeout alone may run before the frame). A hidden tab gets no frames, so a 100 ms
    /// timeout stands in.
    async fn yield_to_page(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let after_frame = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
            let timer = window.clone();
            let next_task = Closure::once_into_js(move || {
                let _ = timer.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            });
            let _ = window.request_animation_frame(next_task.unchecked_ref());
        });
        let _ = wasm_bindgen_futures::JsFuture::from(after_frame).await;
    }

    /// setTimeout 0 (after five nested timeouts the browser makes it 4 ms).
    async fn next_task(&self) {
        let timer = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
    }
}

/// A time of day in the device's time zone, written as `locale` writes it (`Intl`, through
/// `toLocaleTimeString`): `17:42:09` in `ja` and `en-GB`, `5:42:09 PM` in `en-US`. Its first
/// call loads the locale's data (about 15 ms on this machine), which happens at the first log
/// line, not before the first screen.
pub fn local_time(ms: u64, locale: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    date.to_locale_time_string(locale).into()
}
