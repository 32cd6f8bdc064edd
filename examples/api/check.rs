//! The example, checked in headless Chromium against the local Cognito that scripts/test.sh
//! starts: signed in, the API answers; once the access token is revoked on the server (its test
//! control) while the page still holds it, the API answers 401, the page gets a new token and
//! the API answers again.

use super::ApiDemo;
use super::browser_check::{config, endpoint, root, sign_in_as_demo, when};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Revokes the user's access tokens on the local Cognito, leaving the refresh token.
async fn revoke_access_tokens(endpoint: &str) {
    let answer =
        gloo_net::http::Request::post(&format!("{endpoint}_fakecloud/cognito/expire-tokens"))
            .header("Content-Type", "application/json")
            .body(
                r#"{"userPoolId":"us-east-1_DemoPool1","username":"demo","accessTokensOnly":true}"#,
            )
            .unwrap()
            .send()
            .await
            .unwrap();
    assert_eq!(answer.status(), 200);
}

#[wasm_bindgen_test]
async fn a_401_brings_a_new_access_token_and_one_more_try() {
    let (config, root) = (config(), root());
    let api = format!("{}oauth2/userInfo", endpoint());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        leptos::view! { <ApiDemo config api /> }
    });
    sign_in_as_demo(&root).await;

    when(&root, "call-api", |_| true).await.click();
    let answer = when(&root, "api-answer", |t| !t.is_empty()).await;
    let claims: serde_json::Value = serde_json::from_str(&answer.inner_text()).unwrap();
    assert_eq!(claims["username"], "demo");
    assert_eq!(claims["email"], "demo@example.com");
    assert_eq!(
        when(&root, "api-steps", |_| true).await.inner_text(),
        "GET → 200"
    );

    revoke_access_tokens(endpoint()).await;
    let before = answer.inner_text();
    when(&root, "call-api", |_| true).await.click();
    let steps = when(&root, "api-steps", |t| t.contains("401")).await;
    assert_eq!(steps.inner_text(), "GET → 401\nnew access token\nGET → 200");
    let again = when(&root, "api-answer", |t| t != before || t.contains("demo")).await;
    let claims: serde_json::Value = serde_json::from_str(&again.inner_text()).unwrap();
    assert_eq!(claims["username"], "demo");
}
