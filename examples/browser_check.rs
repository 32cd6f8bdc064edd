//! What the examples' checks share: the config of the local Cognito that scripts/test.sh
//! starts (its URL comes in at build time as COGNITO_TEST_ENDPOINT), a place in the page to
//! mount in, and reading and typing by `data-testid`.
#![allow(dead_code)]

use cognito_client::config::Config;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;

/// The local Cognito's URL.
pub fn endpoint() -> &'static str {
    match option_env!("COGNITO_TEST_ENDPOINT") {
        Some(url) => url,
        None => panic!(
            "build with COGNITO_TEST_ENDPOINT set to a seeded local Cognito (scripts/test.sh)"
        ),
    }
}

/// The demo pool's rotating client on the local Cognito, on its own in this tab.
pub fn config() -> Config {
    Config::parse(&format!(
        r#"{{"region":"us-east-1","userPoolId":"us-east-1_DemoPool1","clientId":"demorotation1","endpoint":"{}","shareSessionAcrossTabs":false}}"#,
        endpoint()
    ))
    .unwrap()
}

/// A new element at the end of the page's body.
pub fn root() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root.unchecked_into()
}

/// The element `[data-testid=id]` once it is there and `done` holds for its text (polled for
/// up to 10 s).
pub async fn when(
    root: &web_sys::Element,
    id: &str,
    done: impl Fn(&str) -> bool,
) -> web_sys::HtmlElement {
    let mut text = None;
    for _ in 0..200 {
        leptos::task::tick().await;
        let element = root.query_selector(&format!("[data-testid={id}]")).unwrap();
        if let Some(element) = element {
            let shown = element.text_content().unwrap_or_default();
            if done(&shown) {
                return element.unchecked_into();
            }
            text = Some(shown);
        }
        TimeoutFuture::new(50).await;
    }
    panic!("[data-testid={id}] never got there; it says {text:?}");
}

/// Types `text` into the input `[data-testid=id]`, as a person would (an `input` event).
pub fn enter(root: &web_sys::Element, id: &str, text: &str) {
    let found = root.query_selector(&format!("[data-testid={id}]")).unwrap();
    let input: web_sys::HtmlInputElement = found.unwrap().unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Signs `demo` in through the Authenticator's own form.
pub async fn sign_in_as_demo(root: &web_sys::Element) {
    when(root, "sign-in-form", |_| true).await;
    enter(root, "username", "demo");
    enter(root, "password", "Demo-Passw0rd!");
    when(root, "sign-in", |_| true).await.click();
}
