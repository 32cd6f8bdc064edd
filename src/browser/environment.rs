use crate::auth::Environment;

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
}

/// A time of day in the user's locale, e.g. `17:42:09`.
pub fn local_time(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_time_string("en-GB"))
}
