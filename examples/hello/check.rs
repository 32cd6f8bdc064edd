//! The example, checked in headless Chromium against the local Cognito that scripts/test.sh
//! starts (its URL comes in at build time as COGNITO_TEST_ENDPOINT): sign in, see the user,
//! call the API with the access token.

use super::Hello;
use cognito_client::config::Config;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The text of `[data-testid=id]` once `done` holds for it (polled for up to 10 s).
async fn text_when(root: &web_sys::Element, id: &str, done: impl Fn(&str) -> bool) -> String {
    let mut text = String::new();
    for _ in 0..200 {
        leptos::task::tick().await;
        let element = root.query_selector(&format!("[data-testid={id}]")).unwrap();
        text = element
            .map(|e| e.text_content().unwrap_or_default())
            .unwrap_or_default();
        if done(&text) {
            return text;
        }
        TimeoutFuture::new(50).await;
    }
    panic!("[data-testid={id}] never got there; it says {text:?}");
}

fn element<T: JsCast>(root: &web_sys::Element, id: &str) -> T {
    let found = root.query_selector(&format!("[data-testid={id}]")).unwrap();
    found.unwrap().unchecked_into()
}

fn enter(root: &web_sys::Element, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = element(root, id);
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn signs_in_shows_the_user_and_calls_the_api_with_the_access_token() {
    let Some(endpoint) = option_env!("COGNITO_TEST_ENDPOINT") else {
        panic!("build with COGNITO_TEST_ENDPOINT set to a seeded local Cognito (scripts/test.sh)")
    };
    let config = Config::parse(&format!(
        r#"{{"region":"us-east-1","userPoolId":"us-east-1_DemoPool1","clientId":"demorotation1","endpoint":"{endpoint}","shareSessionAcrossTabs":false}}"#
    ))
    .unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let _mounted = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        leptos::view! { <Hello config /> }
    });
    enter(&root, "username", "demo");
    enter(&root, "password", "Demo-Passw0rd!");
    element::<web_sys::HtmlElement>(&root, "sign-in").click();
    assert_eq!(text_when(&root, "user", |t| !t.is_empty()).await, "demo");
    element::<web_sys::HtmlElement>(&root, "call-api").click();
    let answer = text_when(&root, "api-answer", |t| !t.is_empty()).await;
    let claims: serde_json::Value = serde_json::from_str(&answer).expect(&answer);
    assert_eq!(claims["username"], "demo");
    assert_eq!(claims["email"], "demo@example.com");
}
