//! The example, checked in headless Chromium against the local Cognito that scripts/test.sh
//! starts: sign in through the Authenticator's own form, be greeted by name, sign out.

use super::Hello;
use super::browser_check::{config, root, sign_in_as_demo, when};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn signs_in_greets_the_user_and_signs_out() {
    let (config, root) = (config(), root());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        leptos::view! { <Hello config /> }
    });
    sign_in_as_demo(&root).await;
    when(&root, "user", |name| name == "demo").await;
    when(&root, "account", |_| true).await;
    when(&root, "hello-sign-out", |_| true).await.click();
    when(&root, "sign-in-form", |_| true).await;
    assert!(root.query_selector("[data-testid=user]").unwrap().is_none());
}
