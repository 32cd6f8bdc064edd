//! The smallest app on the library's public API: the `<Authenticator>` signs the user in
//! (every challenge included), then shows who is signed in, their account settings and a
//! sign-out button. README, "The library", says how to start an app of your own from it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

#[cfg(all(test, target_arch = "wasm32"))]
#[path = "../browser_check.rs"]
mod browser_check;
#[cfg(all(test, target_arch = "wasm32"))]
mod check;

use cognito_client::config::Config;
#[cfg(target_arch = "wasm32")]
use {
    cognito_client::browser::load_config,
    cognito_client::ui::{AccountSettings, Authenticator, use_auth},
    leptos::prelude::*,
};

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(|| {
        let config = LocalResource::new(|| load_config("config.json"));
        move || match config.get() {
            None => "Loading…".into_any(),
            Some(Err(problem)) => problem.into_any(),
            Some(Ok(config)) => view! { <Hello config /> }.into_any(),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hello runs in the browser: build it for wasm32 (README, \"The library\")");
}

/// The sign-in, then a greeting and the user's account.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn Hello(config: Config) -> impl IntoView {
    view! {
        <Authenticator config>
            <Greeting />
            <AccountSettings />
        </Authenticator>
    }
}

/// Who is signed in, from `use_auth()`, and a way out.
#[cfg(target_arch = "wasm32")]
#[component]
fn Greeting() -> impl IntoView {
    let auth = use_auth();
    view! {
        <h1>"Hello, " <span data-testid="user">{move || auth.username()}</span></h1>
        <button data-testid="hello-sign-out" on:click=move |_| auth.sign_out()>"Sign out"</button>
    }
}
