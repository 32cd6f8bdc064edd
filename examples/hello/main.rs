//! A second app built on the library's public API alone: provide the auth context, sign in,
//! show the user, and call an HTTP API on their behalf with a fresh access token (here
//! Cognito's own `/oauth2/userInfo`, which takes `Authorization: Bearer`). README, "The
//! library", says how to build and serve it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

#[cfg(all(test, target_arch = "wasm32"))]
mod check;

use cognito_client::auth::SignInStep;
use cognito_client::config::Config;
use cognito_client::i18n::Lang;
use cognito_client::outcome::error_text;
use cognito_client::secret::Password;
#[cfg(target_arch = "wasm32")]
use {cognito_client::browser::*, leptos::prelude::*};

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

/// Signs in with a username and password, then shows who is signed in and what the API says.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn Hello(config: Config) -> impl IntoView {
    let api = format!("{}oauth2/userInfo", config.endpoint);
    let (auth, _restored) = provide_auth(config);
    let (username, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let sign_in = Action::new_local(move |_: &()| async move {
        let password = Password::new(password.get_untracked());
        match auth
            .get()
            .sign_in(&username.get_untracked(), &password)
            .await
        {
            Ok(SignInStep::SignedIn(info)) => Ok(info.username),
            Ok(_) => Err("Cognito asks for another step; the full app answers it.".to_string()),
            Err(e) => Err(error_text(&e).render(Lang::En)),
        }
    });
    let call = Action::new_local(move |_: &()| call_api(auth, api.clone()));
    let shown = |r: Option<Result<String, String>>| r.map(|r| r.unwrap_or_else(|e| e));
    view! {
        <input data-testid="username" bind:value=username />
        <input data-testid="password" type="password" bind:value=password />
        <button data-testid="sign-in" on:click=move |_| { sign_in.dispatch(()); }>"Sign in"</button>
        <p data-testid="user">{move || shown(sign_in.value().get())}</p>
        <button data-testid="call-api" on:click=move |_| { call.dispatch(()); }>"Call the API"</button>
        <pre data-testid="api-answer">{move || shown(call.value().get())}</pre>
    }
}

/// A call to your own API on the user's behalf: `fresh_access_token` refreshes first if needed.
#[cfg(target_arch = "wasm32")]
async fn call_api(auth: AuthHandle, url: String) -> Result<String, String> {
    let token = auth.get().fresh_access_token().await;
    let token = token.map_err(|e| error_text(&e).render(Lang::En))?;
    let response = gloo_net::http::Request::get(&url)
        .header("Authorization", &format!("Bearer {}", token.expose()))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    response.text().await.map_err(|e| e.to_string())
}
