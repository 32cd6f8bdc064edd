use crate::auth::Clock;

/// The device's wall clock (`Date.now()`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    fn jitter(&self) -> f64 {
        js_sys::Math::random()
    }
}

/// A time of day in the user's locale, e.g. `17:42:09`.
pub fn local_time(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_time_string("en-GB"))
}
