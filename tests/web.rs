//! Browser tests (wasm-bindgen-test in headless Chromium): the storage and fetch adapters for
//! real, and the UI mounted and driven against the local Cognito that scripts/test.sh starts
//! (its URL comes in at build time as COGNITO_TEST_ENDPOINT).
#![cfg(target_arch = "wasm32")]

use cognito_client::auth::{HttpClient, SessionStore, StorageError};
use cognito_client::browser::{FetchClient, SessionStorageStore};
use cognito_client::cognito::{
    CallError, ErrorCode, InitiateAuth, TransportError, build_request, parse_response,
};
use cognito_client::config::Config;
use cognito_client::secret::Password;
use cognito_client::ui::dom::{el, frag};
use cognito_client::ui::{Language, app, configured_app, mount, shell};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Set at build time by scripts/test.sh; a build without them fails these tests loudly.
fn endpoint() -> &'static str {
    match option_env!("COGNITO_TEST_ENDPOINT") {
        Some(url) => url,
        None => {
            panic!(
                "build with COGNITO_TEST_ENDPOINT set to a seeded local Cognito (scripts/test.sh)"
            )
        }
    }
}

fn blackhole() -> &'static str {
    match option_env!("COGNITO_TEST_BLACKHOLE") {
        Some(url) => url,
        None => panic!("build with COGNITO_TEST_BLACKHOLE set to a port that never answers"),
    }
}

const POOL: &str = "us-east-1_DemoPool1";
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

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn find(root: &web_sys::HtmlElement, test_id: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// Waits (up to 10 s) for an element to appear: the app's work is asynchronous.
async fn wait_for(root: &web_sys::HtmlElement, test_id: &str) -> web_sys::HtmlElement {
    for _ in 0..200 {
        settle().await;
        if let Some(element) = find(root, test_id) {
            return element;
        }
        TimeoutFuture::new(50).await;
    }
    panic!(
        "[data-testid={test_id}] never appeared; page: {}",
        root.inner_text()
    );
}

/// Lets the page redraw: its effects run on a microtask, done before this timer fires.
async fn settle() {
    TimeoutFuture::new(0).await;
}

fn type_into(root: &web_sys::HtmlElement, test_id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(root, test_id).unwrap().unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_app_without_a_config_says_what_is_missing() {
    let root = container();
    let _mounted = mount(&root, || configured_app("no-such-dir/config.json"));
    let problem = wait_for(&root, "config-error").await;
    assert!(
        problem
            .inner_text()
            .contains("no-such-dir/config.json could not be loaded (HTTP 404)"),
        "{}",
        problem.inner_text()
    );
}

#[wasm_bindgen_test]
async fn the_app_reads_its_config_and_shows_the_pool() {
    // The test runner serves the crate's folder, so this is the committed config.json.
    let root = container();
    let _mounted = mount(&root, app);
    let pool = wait_for(&root, "pool").await;
    assert_eq!(pool.inner_text(), "us-east-1_DemoPool1 · rotating refresh");
}

#[wasm_bindgen_test]
async fn the_shell_signs_in_and_shows_the_token_info() {
    session_storage().clear().unwrap();
    let config = Config::parse(&format!(
        r#"{{"region":"us-east-1","userPoolId":"{POOL}","clientId":"{CLIENT}","endpoint":"{}"}}"#,
        endpoint()
    ))
    .unwrap();
    let root = container();
    let _mounted = mount(&root, move || shell(config, Language::from_browser()));
    wait_for(&root, "sign-in-form").await;
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
    type_into(&root, "username", "demo");
    type_into(&root, "password", "Demo-Passw0rd!");
    find(&root, "sign-in").unwrap().click();
    let user = wait_for(&root, "info-username").await;
    assert_eq!(user.inner_text(), "demo");
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

/// tools/wasm-streams, which stands in for the crates.io `wasm-streams` (bundle size): a Rust
/// stream made into a JS `ReadableStream` reads back as the same chunks, and an error item
/// reaches the reader as an error.
#[wasm_bindgen_test]
async fn a_stream_made_into_a_js_stream_reads_back_the_same() {
    use futures::StreamExt;
    use wasm_bindgen::JsValue;
    use wasm_streams::ReadableStream;

    let chunks = vec![Ok(JsValue::from("one")), Ok(JsValue::from(2))];
    let raw = ReadableStream::from_stream(futures::stream::iter(chunks)).into_raw();
    assert!(raw.is_instance_of::<web_sys::ReadableStream>());
    let read: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(read, vec![Ok(JsValue::from("one")), Ok(JsValue::from(2))]);

    let failing = vec![Ok(JsValue::from("first")), Err(JsValue::from("broken"))];
    let raw = ReadableStream::from_stream(futures::stream::iter(failing)).into_raw();
    let read: Vec<_> = ReadableStream::from_raw(raw).into_stream().collect().await;
    assert_eq!(
        read,
        vec![Ok(JsValue::from("first")), Err(JsValue::from("broken"))]
    );
}

/// A part holding a part: the inner one redrawn, then the outer one, leaves exactly the newest
/// drawing — nothing of the inner one's earlier drawings — and unmounting leaves nothing.
#[wasm_bindgen_test]
async fn a_part_redrawn_inside_a_part_goes_with_it() {
    use cognito_client::reactive::Signal;
    let root = container();
    let (outer, inner) = (Signal::new(1), Signal::new(1));
    let mounted = mount(&root, move || {
        el("div").part(move || {
            let round = outer.get();
            frag()
                .child(el("b").text(&format!("outer {round}")))
                .part(move || el("i").text(&format!("inner {}", inner.get())))
        })
    });
    let shown = |root: &web_sys::HtmlElement| root.text_content().unwrap_or_default();
    assert_eq!(shown(&root), "outer 1inner 1");
    inner.set(2);
    settle().await;
    assert_eq!(shown(&root), "outer 1inner 2");
    outer.set(2);
    settle().await;
    assert_eq!(shown(&root), "outer 2inner 2");
    inner.set(3);
    settle().await;
    assert_eq!(shown(&root), "outer 2inner 3");
    drop(mounted);
    assert_eq!(root.child_nodes().length(), 0, "{}", root.inner_html());
}

/// Once unmounted, what the page kept is dropped: its effects no longer run and its listeners
/// are gone.
#[wasm_bindgen_test]
async fn unmounting_stops_effects_and_listeners() {
    use cognito_client::reactive::Signal;
    use std::cell::Cell;
    use std::rc::Rc;
    let root = container();
    let (count, runs, clicks) = (Signal::new(0), Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    let (seen_runs, seen_clicks) = (runs.clone(), clicks.clone());
    let mounted = mount(&root, move || {
        el("button")
            .test_id("counted")
            .on("click", move |_| clicks.set(clicks.get() + 1))
            .words(Box::new(move || {
                runs.set(runs.get() + 1);
                count.get().to_string()
            }))
    });
    let (runs, clicks) = (seen_runs, seen_clicks);
    let node = find(&root, "counted").unwrap();
    node.click();
    count.set(1);
    settle().await;
    assert_eq!(
        (runs.get(), clicks.get(), node.inner_text()),
        (2, 1, "1".to_string())
    );
    drop(mounted);
    node.click();
    count.set(2);
    settle().await;
    assert_eq!(
        (runs.get(), clicks.get()),
        (2, 1),
        "ran or listened after unmounting"
    );
}
