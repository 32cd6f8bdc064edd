//! A protected page that calls an HTTP API on the user's behalf, on the library's public API
//! alone. The API here is the local Cognito's `/oauth2/userInfo`, which takes
//! `Authorization: Bearer <access token>` as your own API would. A call sends the access token
//! `use_auth().fresh_access_token()` gives (refreshed first if it has ended); if the API still
//! answers 401 (the token was revoked, or the API's clock runs ahead), it asks for a new one
//! with `refreshed_access_token()` and tries once more. The page lists each step.
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
    cognito_client::secret::AccessToken,
    cognito_client::ui::{Authenticator, UseAuth, use_auth},
    leptos::prelude::*,
};

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(|| {
        let config = LocalResource::new(|| load_config("config.json"));
        move || match config.get() {
            None => "Loading…".into_any(),
            Some(Err(problem)) => problem.into_any(),
            Some(Ok(config)) => {
                let api = format!("{}oauth2/userInfo", config.endpoint);
                view! { <ApiDemo config api /> }.into_any()
            }
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("api runs in the browser: build it for wasm32 (README, \"The library\")");
}

/// The sign-in, then a page that calls `api` with the user's access token.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn ApiDemo(config: Config, api: String) -> impl IntoView {
    view! {
        <Authenticator config>
            <Protected api=api.clone() />
        </Authenticator>
    }
}

/// What one call did: each request's answer, and the API's last answer.
#[derive(Clone, Debug, Default)]
pub struct Call {
    /// `GET → 200`, `GET → 401`, `new access token`, …
    pub steps: Vec<String>,
    /// The body of the last answer, or why there is none.
    pub answer: String,
}

#[cfg(target_arch = "wasm32")]
#[component]
fn Protected(api: String) -> impl IntoView {
    let auth = use_auth();
    let call = Action::new_local(move |_: &()| call_api(auth, api.clone()));
    let (pending, value) = (call.pending(), call.value());
    let steps = move || {
        value.with(|call| {
            let steps = call.as_ref().map(|c| c.steps.clone()).unwrap_or_default();
            steps
                .into_iter()
                .map(|step| view! { <li>{step}</li> })
                .collect_view()
        })
    };
    view! {
        <button data-testid="call-api" disabled=move || pending.get()
            on:click=move |_| { call.dispatch_local(()); }>
            "Call the API"
        </button>
        <ol data-testid="api-steps">{steps}</ol>
        <pre data-testid="api-answer">{move || value.with(|c| c.as_ref().map(|c| c.answer.clone()))}</pre>
    }
}

/// GETs `url` with a fresh access token; after a 401, once more with a new one.
#[cfg(target_arch = "wasm32")]
async fn call_api(auth: UseAuth, url: String) -> Call {
    let mut call = Call::default();
    let answer = match auth.fresh_access_token().await {
        Ok(token) => get(&url, &token, &mut call).await,
        Err(error) => Err(format!("no access token: {error}")),
    };
    let answer = match answer {
        Ok(Some(body)) => Ok(body),
        Ok(None) => {
            call.steps.push("new access token".into());
            match auth.refreshed_access_token().await {
                Ok(token) => match get(&url, &token, &mut call).await {
                    Ok(Some(body)) => Ok(body),
                    Ok(None) => Err("the API refused the new token too".into()),
                    Err(e) => Err(e),
                },
                Err(error) => Err(format!("no new access token: {error}")),
            }
        }
        Err(e) => Err(e),
    };
    call.answer = answer.unwrap_or_else(|e| e);
    call
}

/// One GET with `token`: the body, or none when the API answers 401.
#[cfg(target_arch = "wasm32")]
async fn get(url: &str, token: &AccessToken, call: &mut Call) -> Result<Option<String>, String> {
    let response = gloo_net::http::Request::get(url)
        .header("Authorization", &format!("Bearer {}", token.expose()))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    call.steps.push(format!("GET → {}", response.status()));
    match response.status() {
        401 => Ok(None),
        _ => response.text().await.map(Some).map_err(|e| e.to_string()),
    }
}
