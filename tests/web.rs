//! Browser tests (wasm-bindgen-test in headless Chromium): the storage and fetch adapters for
//! real, and the UI mounted and driven against the local Cognito that scripts/test.sh starts
//! (its URL comes in at build time as COGNITO_TEST_ENDPOINT).
#![cfg(target_arch = "wasm32")]

use cognito_client::auth::{HttpClient, SessionStore, StorageError};
use cognito_client::browser::load_config;
use cognito_client::browser::{FetchClient, SessionStorageStore};
use cognito_client::cognito::{
    CallError, ErrorCode, InitiateAuth, TransportError, build_request, parse_response,
};
use cognito_client::secret::Password;
use cognito_client::ui::{Authenticator, TokenPanel, use_auth};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The examples' checks share these: the local Cognito's URL and config, a place to mount in,
// reading and typing by data-testid, signing `demo` in.
#[path = "../examples/browser_check.rs"]
mod browser_check;
use browser_check::{config, endpoint, root, sign_in_as_demo, when};

fn blackhole() -> &'static str {
    match option_env!("COGNITO_TEST_BLACKHOLE") {
        Some(url) => url,
        None => panic!("build with COGNITO_TEST_BLACKHOLE set to a port that never answers"),
    }
}

const CLIENT: &str = "demorotation1";

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn storage_saves_loads_and_removes_under_one_key() {
    let store = SessionStorageStore::for_client("webtest1");
    store.remove().unwrap();
    assert_eq!(store.load().unwrap(), None);
    store.save("{\"v\":1}").unwrap();
    assert_eq!(store.load().unwrap().as_deref(), Some("{\"v\":1}"));
    assert_eq!(
        session_storage()
            .get_item("cognito-session:webtest1")
            .unwrap()
            .as_deref(),
        Some("{\"v\":1}")
    );
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(local.get_item("cognito-session:webtest1").unwrap(), None);
    store.remove().unwrap();
    assert_eq!(store.load().unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_not_swallowed() {
    let store = SessionStorageStore::for_client("webtest-full");
    let huge = "x".repeat(12 * 1024 * 1024);
    let err = store.save(&huge).unwrap_err();
    assert_eq!(err, StorageError::Full, "{err}");
    assert_eq!(store.load().unwrap(), None);
}

async fn initiate(
    url: &str,
    client: &FetchClient,
    password: &str,
) -> Result<cognito_client::cognito::AuthStep, CallError> {
    let op = InitiateAuth::user_password(CLIENT, "demo", &Password::new(password));
    let response = client.send(build_request(url, &op)).await?;
    parse_response::<InitiateAuth>(&response)
}

#[wasm_bindgen_test]
async fn fetch_signs_in_through_cors() {
    let step = initiate(endpoint(), &FetchClient::default(), "Demo-Passw0rd!")
        .await
        .unwrap();
    let result = step.authentication_result.expect("tokens");
    assert!(result.refresh_token.is_some());
    assert!(result.expires_in > 0);
}

#[wasm_bindgen_test]
async fn fetch_reads_the_aws_error_header_through_cors() {
    let op = InitiateAuth::user_password(CLIENT, "demo", &Password::new("wrong"));
    let response = FetchClient::default()
        .send(build_request(endpoint(), &op))
        .await
        .unwrap();
    assert_eq!(response.status, 400);
    // Readable only because the local Cognito exposes it, as AWS does.
    assert_eq!(
        response.header("x-amzn-ErrorType"),
        Some("NotAuthorizedException:")
    );
    let err = parse_response::<InitiateAuth>(&response).unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotAuthorized));
}

#[wasm_bindgen_test]
async fn fetch_to_a_closed_port_is_a_network_error() {
    let err = initiate("http://127.0.0.1:9/", &FetchClient::default(), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(err, CallError::Transport(TransportError::Network(_))),
        "{err:?}"
    );
}

#[wasm_bindgen_test]
async fn fetch_gives_up_on_a_server_that_never_answers() {
    let client = FetchClient { timeout_ms: 300 };
    let err = initiate(blackhole(), &client, "x").await.unwrap_err();
    assert_eq!(err, CallError::Transport(TransportError::Timeout));
}

fn find(root: &web_sys::HtmlElement, test_id: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

#[wasm_bindgen_test]
async fn a_missing_config_is_said_with_its_address() {
    let problem = load_config("no-such-dir/config.json").await.unwrap_err();
    assert!(
        problem.contains("no-such-dir/config.json could not be loaded (HTTP 404)"),
        "{problem}"
    );
}

#[wasm_bindgen_test]
async fn the_committed_config_is_read() {
    // The test runner serves the crate's folder, so this is the committed config.json.
    let config = load_config("config.json").await.unwrap();
    assert_eq!(config.user_pool_id, "us-east-1_DemoPool1");
}

#[wasm_bindgen_test]
async fn the_authenticator_signs_in_and_shows_its_children() {
    session_storage().clear().unwrap();
    let config = config();
    let root = root();
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Authenticator config>
                <TokenPanel />
            </Authenticator>
        }
    });
    when(&root, "sign-in-form", |_| true).await;
    assert!(
        root.query_selector("label[for=username]")
            .unwrap()
            .is_some()
    );
    assert!(
        root.query_selector("label[for=password]")
            .unwrap()
            .is_some()
    );
    sign_in_as_demo(&root).await;
    when(&root, "info-username", |name| name == "demo").await;
    assert_eq!(
        find(&root, "info-email").unwrap().inner_text(),
        "demo@example.com"
    );
    assert_eq!(find(&root, "info-has-refresh").unwrap().inner_text(), "yes");
    let key = format!("cognito-session:{CLIENT}");
    assert!(session_storage().get_item(&key).unwrap().is_some());
    // Only previews reach the page, never a whole token.
    let record: serde_json::Value =
        serde_json::from_str(&session_storage().get_item(&key).unwrap().unwrap()).unwrap();
    let access = record["access_token"].as_str().unwrap();
    assert!(!root.inner_html().contains(access));
    session_storage().clear().unwrap();
}

/// `use_auth()` follows the session: the children read who is signed in and get a token for
/// their own calls; its sign-out brings the sign-in back and the children go.
#[wasm_bindgen_test]
async fn use_auth_follows_the_session_and_gives_a_token() {
    session_storage().clear().unwrap();
    let config = config();
    let root = root();
    let token = RwSignal::new(None::<String>);
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Authenticator config>
                {move || {
                    let auth = use_auth();
                    let ask = move |_| {
                        leptos::task::spawn_local(async move {
                            let fresh = auth.fresh_access_token().await.unwrap();
                            token.set(Some(fresh.expose().to_string()));
                        });
                    };
                    view! {
                        <p data-testid="who">{move || auth.username()}</p>
                        <p data-testid="sub">{move || auth.claims().map(|c| c.sub)}</p>
                        <button data-testid="ask" on:click=ask>"token"</button>
                        <button data-testid="leave" on:click=move |_| auth.sign_out()>"out"</button>
                    }
                }}
            </Authenticator>
        }
    });
    sign_in_as_demo(&root).await;
    when(&root, "who", |name| name == "demo").await;
    assert!(!find(&root, "sub").unwrap().inner_text().is_empty());
    find(&root, "ask").unwrap().click();
    for _ in 0..100 {
        if token.get_untracked().is_some() {
            break;
        }
        TimeoutFuture::new(50).await;
    }
    let key = format!("cognito-session:{CLIENT}");
    let record: serde_json::Value =
        serde_json::from_str(&session_storage().get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(
        token.get_untracked().as_deref(),
        record["access_token"].as_str()
    );
    find(&root, "leave").unwrap().click();
    when(&root, "sign-in-form", |_| true).await;
    assert!(find(&root, "who").is_none());
    assert!(session_storage().get_item(&key).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn tab_messages_reach_the_other_tabs_of_the_same_client_only() {
    use cognito_client::auth::{TabLink, TabMessage};
    use cognito_client::browser::BrowserTabs;
    use std::cell::RefCell;
    use std::rc::Rc;
    let (sender, receiver) = (
        BrowserTabs::new("webtabs", true),
        BrowserTabs::new("webtabs", true),
    );
    let stranger = BrowserTabs::new("otherclient", true);
    let heard = Rc::new(RefCell::new(Vec::new()));
    let (h1, h2) = (heard.clone(), heard.clone());
    receiver.listen(move |m| h1.borrow_mut().push(("receiver", m)));
    stranger.listen(move |m| h2.borrow_mut().push(("stranger", m)));
    sender.publish(&TabMessage::SessionWanted);
    for _ in 0..40 {
        if !heard.borrow().is_empty() {
            break;
        }
        TimeoutFuture::new(25).await;
    }
    TimeoutFuture::new(100).await;
    assert_eq!(*heard.borrow(), [("receiver", TabMessage::SessionWanted)]);
}

/// A tab link goes with its last handle (the auth service of an Authenticator that went): its
/// channel is closed and hears nothing more.
#[wasm_bindgen_test]
async fn a_tab_link_that_is_gone_hears_nothing_more() {
    use cognito_client::auth::{TabLink, TabMessage};
    use cognito_client::browser::BrowserTabs;
    use std::cell::Cell;
    use std::rc::Rc;
    let sender = BrowserTabs::new("gonetabs", true);
    let heard = Rc::new(Cell::new(0));
    let counter = heard.clone();
    let receiver = BrowserTabs::new("gonetabs", true);
    receiver.listen(move |_| counter.set(counter.get() + 1));
    sender.publish(&TabMessage::SessionWanted);
    for _ in 0..40 {
        if heard.get() > 0 {
            break;
        }
        TimeoutFuture::new(25).await;
    }
    assert_eq!(heard.get(), 1);
    drop(receiver);
    sender.publish(&TabMessage::SessionWanted);
    TimeoutFuture::new(200).await;
    assert_eq!(heard.get(), 1, "a closed link heard a message");
}

#[wasm_bindgen_test]
async fn the_refresh_lock_lets_one_tab_in_at_a_time() {
    use cognito_client::auth::TabLink;
    use cognito_client::browser::BrowserTabs;
    use std::cell::RefCell;
    use std::rc::Rc;
    let (a, b) = (
        BrowserTabs::new("weblock", true),
        BrowserTabs::new("weblock", true),
    );
    let trace = Rc::new(RefCell::new(Vec::new()));
    let section = |name: &'static str, tabs: BrowserTabs| {
        let trace = trace.clone();
        async move {
            tabs.exclusive(async {
                trace.borrow_mut().push(format!("{name} in"));
                TimeoutFuture::new(100).await;
                trace.borrow_mut().push(format!("{name} out"));
            })
            .await
        }
    };
    futures::future::join(section("a", a), section("b", b)).await;
    let trace = trace.borrow();
    assert_eq!(trace.len(), 4);
    // Whoever went first left before the other entered.
    assert!(
        trace[0].ends_with(" in") && trace[1].ends_with(" out"),
        "{trace:?}"
    );
    assert_eq!(trace[0][..1], trace[1][..1], "{trace:?}");
}
