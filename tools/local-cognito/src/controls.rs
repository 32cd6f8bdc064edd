//! Test controls under `/_fakecloud/…`, at the paths and in the JSON shapes the fakecloud binary
//! uses, so scripts written for it work unchanged: health, codes, confirming a user, revoking
//! every token of a user, enrolling a known TOTP secret, the outbox, and a reset. Also
//! Cognito's `/oauth2/userInfo`, an HTTP API that takes `Authorization: Bearer <access token>`
//! (the library's example app calls it as "your API").

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use fakecloud_cognito::{
    SetSoftwareTokenError, SharedCognitoState, handle_oauth2_userinfo, set_software_token,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::mailbox::Mailbox;

#[derive(Clone)]
struct Ctx {
    cognito: SharedCognitoState,
    mailbox: Mailbox,
}

pub fn router(cognito: SharedCognitoState, mailbox: Mailbox) -> Router {
    Router::new()
        .route("/_fakecloud/health", get(health))
        .route(
            "/_fakecloud/cognito/confirmation-codes/{pool_id}/{username}",
            get(confirmation_codes),
        )
        .route("/_fakecloud/cognito/confirm-user", post(confirm_user))
        .route("/_fakecloud/cognito/expire-tokens", post(expire_tokens))
        .route("/_fakecloud/cognito/software-token", post(software_token))
        .route("/_fakecloud/ses/emails", get(emails))
        .route("/_fakecloud/sns/sms", get(sms))
        .route("/_fakecloud/reset/cognito", post(reset))
        .route("/_reset", post(reset))
        .route("/oauth2/userInfo", get(user_info))
        .with_state(Ctx { cognito, mailbox })
}

async fn health() -> Json<Value> {
    Json(
        json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION"), "services": ["cognito-idp"] }),
    )
}

async fn confirmation_codes(
    State(ctx): State<Ctx>,
    Path((pool_id, username)): Path<(String, String)>,
) -> Json<Value> {
    let accounts = ctx.cognito.read();
    let user = accounts
        .default_ref()
        .users
        .get(&pool_id)
        .and_then(|users| users.get(&username));
    Json(json!({
        "confirmationCode": user.and_then(|u| u.confirmation_code.clone()),
        "attributeVerificationCodes": user.map(|u| json!(u.attribute_verification_codes)).unwrap_or(json!({})),
    }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserRef {
    user_pool_id: String,
    username: String,
}

async fn confirm_user(
    State(ctx): State<Ctx>,
    Json(body): Json<UserRef>,
) -> (StatusCode, Json<Value>) {
    let mut accounts = ctx.cognito.write();
    let user = accounts
        .default_mut()
        .users
        .get_mut(&body.user_pool_id)
        .and_then(|users| users.get_mut(&body.username));
    match user {
        Some(user) => {
            user.user_status = "CONFIRMED".to_string();
            user.confirmation_code = None;
            (StatusCode::OK, Json(json!({ "confirmed": true })))
        }
        None => not_found("User not found", json!({ "confirmed": false })),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenFilter {
    user_pool_id: Option<String>,
    username: Option<String>,
    /// Only the access tokens: the refresh tokens still refresh (a revoked access token, as an
    /// API that checks with Cognito meets it).
    #[serde(default)]
    access_tokens_only: bool,
}

impl TokenFilter {
    fn matches(&self, pool_id: &str, username: &str) -> bool {
        self.user_pool_id.as_deref().is_none_or(|p| p == pool_id)
            && self.username.as_deref().is_none_or(|u| u == username)
    }
}

/// Deletes the access and refresh tokens and the sign-in sessions the filter names (only the
/// access tokens with `accessTokensOnly`): from then on Cognito refuses them, as it does
/// revoked ones.
async fn expire_tokens(State(ctx): State<Ctx>, Json(filter): Json<TokenFilter>) -> Json<Value> {
    let mut accounts = ctx.cognito.write();
    let state = accounts.default_mut();
    let before = state.access_tokens.len() + state.refresh_tokens.len() + state.sessions.len();
    state
        .access_tokens
        .retain(|_, t| !filter.matches(&t.user_pool_id, &t.username));
    if !filter.access_tokens_only {
        state
            .refresh_tokens
            .retain(|_, t| !filter.matches(&t.user_pool_id, &t.username));
        state
            .sessions
            .retain(|_, s| !filter.matches(&s.user_pool_id, &s.username));
    }
    let after = state.access_tokens.len() + state.refresh_tokens.len() + state.sessions.len();
    Json(json!({ "expiredTokens": before - after }))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SoftwareToken {
    user_pool_id: String,
    username: String,
    secret_code: String,
}

/// Enrols a known, verified TOTP secret for a user, as AssociateSoftwareToken +
/// VerifySoftwareToken would leave it.
async fn software_token(
    State(ctx): State<Ctx>,
    Json(body): Json<SoftwareToken>,
) -> (StatusCode, Json<Value>) {
    match set_software_token(
        &ctx.cognito,
        &body.user_pool_id,
        &body.username,
        &body.secret_code,
    ) {
        Ok(()) => (StatusCode::OK, Json(json!({ "enrolled": true }))),
        Err(SetSoftwareTokenError::InvalidSecret) => (
            StatusCode::BAD_REQUEST,
            Json(
                json!({ "enrolled": false, "error": "secretCode must be a non-empty base32 string" }),
            ),
        ),
        Err(SetSoftwareTokenError::UserNotFound) => {
            not_found("User not found", json!({ "enrolled": false }))
        }
    }
}

/// The signed-in user's claims, for a valid access token; 401 otherwise.
async fn user_info(State(ctx): State<Ctx>, headers: HeaderMap) -> (StatusCode, Json<Value>) {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match bearer.map(|token| handle_oauth2_userinfo(&ctx.cognito, token)) {
        Some(Ok(claims)) => (StatusCode::OK, Json(claims)),
        _ => (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "error": "invalid_token" })),
        ),
    }
}

async fn emails(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!({ "emails": ctx.mailbox.emails() }))
}

async fn sms(State(ctx): State<Ctx>) -> Json<Value> {
    Json(json!({ "messages": ctx.mailbox.sms() }))
}

async fn reset(State(ctx): State<Ctx>) -> Json<Value> {
    ctx.cognito.write().reset();
    ctx.mailbox.clear();
    Json(json!({ "status": "ok" }))
}

fn not_found(error: &str, mut body: Value) -> (StatusCode, Json<Value>) {
    body["error"] = json!(error);
    (StatusCode::NOT_FOUND, Json(body))
}
