//! The Cognito user-pools JSON API as plain data: typed operations, how a request is built and
//! how a response is read. No I/O happens here; the `auth` layer sends what this builds.

mod account;
pub mod bignum;
mod error;
mod http;
mod mfa;
mod mfa_settings;
mod operations;
pub mod srp;
#[cfg(test)]
mod wire_tests;

pub use account::*;
pub use error::{CallError, ErrorCode, TransportError};
pub use http::{HttpRequest, HttpResponse};
pub use mfa::Factor;
pub use mfa_settings::*;
pub use operations::*;

use crate::wire::{self, WireError};
use serde::de::DeserializeOwned;

/// One Cognito operation: its request body and the answer it expects.
pub trait Operation {
    /// The operation name, as in `X-Amz-Target: AWSCognitoIdentityProviderService.<NAME>`.
    const NAME: &'static str;
    /// What a successful answer holds.
    type Output: DeserializeOwned;
    /// The request body (JSON), field names as on the wire.
    fn body(&self) -> String;
}

/// Builds the HTTP request for `op` against `endpoint` (the service URL).
pub fn build_request<O: Operation>(endpoint: &str, op: &O) -> HttpRequest {
    request_for(endpoint, O::NAME, op.body())
}

/// [`build_request`] by operation name and body: one copy for every operation (bundle size).
pub fn request_for(endpoint: &str, operation: &str, body: String) -> HttpRequest {
    HttpRequest {
        url: endpoint.to_string(),
        headers: vec![
            (
                "Content-Type".to_string(),
                "application/x-amz-json-1.1".to_string(),
            ),
            (
                "X-Amz-Target".to_string(),
                format!("AWSCognitoIdentityProviderService.{operation}"),
            ),
        ],
        body,
    }
}

/// Reads the answer to `O`: its output on success, else a [`CallError`] saying what went wrong.
pub fn parse_response<O: Operation>(response: &HttpResponse) -> Result<O::Output, CallError> {
    parse_answer(response, O::NAME)
}

/// [`parse_response`] by output type and operation name: operations that answer the same type
/// share one copy of its parsing (bundle size).
pub fn parse_answer<T: DeserializeOwned>(
    response: &HttpResponse,
    operation: &str,
) -> Result<T, CallError> {
    check_status(response)?;
    wire::read(&response.body).map_err(|e| bad_answer(response, operation, e))
}

/// The part of [`parse_answer`] that does not depend on the output type, compiled once
/// (bundle size): a failure's error.
fn check_status(response: &HttpResponse) -> Result<(), CallError> {
    if (200..300).contains(&response.status) {
        Ok(())
    } else {
        Err(CallError::from_error_response(response))
    }
}

/// The answer is not what `operation` answers; `why` names the field, never quotes a token.
fn bad_answer(response: &HttpResponse, operation: &str, why: WireError) -> CallError {
    CallError::BadResponse {
        status: response.status,
        detail: format!("the answer to {operation} is not the JSON expected ({why})"),
    }
}

/// The service URL for a region: `https://cognito-idp.{region}.amazonaws.com/` (`.com.cn` in China).
pub fn regional_endpoint(region: &str) -> String {
    let domain = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("https://cognito-idp.{region}.{domain}/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::{ChallengeSession, Password, RefreshToken};

    fn ok(body: &str) -> HttpResponse {
        HttpResponse {
            status: 200,
            headers: vec![],
            body: body.to_string(),
        }
    }

    #[test]
    fn builds_an_initiate_auth_request_as_on_the_wire() {
        let op = InitiateAuth::user_password("client-1", "alice", &Password::new("pw"));
        let req = build_request("https://example.test/", &op);
        assert_eq!(req.url, "https://example.test/");
        assert_eq!(
            req.header("content-type"),
            Some("application/x-amz-json-1.1")
        );
        assert_eq!(
            req.header("X-Amz-Target"),
            Some("AWSCognitoIdentityProviderService.InitiateAuth")
        );
        let body: serde_json::Value = serde_json::from_str(&req.body).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": "client-1",
                "AuthParameters": {"USERNAME": "alice", "PASSWORD": "pw"}
            })
        );
    }

    #[test]
    fn builds_refresh_requests_for_both_modes() {
        let rt = RefreshToken::new("refresh-1");
        let rotation = build_request("u", &GetTokensFromRefreshToken::new("c", &rt));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&rotation.body).unwrap(),
            serde_json::json!({"ClientId": "c", "RefreshToken": "refresh-1"})
        );
        assert!(
            rotation
                .header("x-amz-target")
                .unwrap()
                .ends_with(".GetTokensFromRefreshToken")
        );
        let legacy = build_request("u", &InitiateAuth::refresh_token("c", &rt));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&legacy.body).unwrap(),
            serde_json::json!({
                "AuthFlow": "REFRESH_TOKEN_AUTH",
                "ClientId": "c",
                "AuthParameters": {"REFRESH_TOKEN": "refresh-1"}
            })
        );
    }

    #[test]
    fn builds_new_password_and_revoke_requests() {
        let op = RespondToAuthChallenge::new_password(
            "c",
            &ChallengeSession::new("sess"),
            "bob",
            &Password::new("N3w!pass"),
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&op.body()).unwrap(),
            serde_json::json!({
                "ChallengeName": "NEW_PASSWORD_REQUIRED",
                "ClientId": "c",
                "Session": "sess",
                "ChallengeResponses": {"USERNAME": "bob", "NEW_PASSWORD": "N3w!pass"}
            })
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(
                &RevokeToken::new("c", &RefreshToken::new("rt")).body()
            )
            .unwrap(),
            serde_json::json!({"Token": "rt", "ClientId": "c"})
        );
    }

    #[test]
    fn request_debug_output_hides_the_body() {
        let op = InitiateAuth::user_password("c", "alice", &Password::new("hunter2"));
        let shown = format!("{:?} {:?}", build_request("u", &op), op);
        assert!(!shown.contains("hunter2"), "{shown}");
    }

    #[test]
    fn parses_an_authentication_result() {
        let out = parse_response::<InitiateAuth>(&ok(
            r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","RefreshToken":"r","ExpiresIn":3600,"TokenType":"Bearer"},"ChallengeParameters":{}}"#,
        ))
        .unwrap();
        let result = out.authentication_result.unwrap();
        assert_eq!(result.access_token.expose(), "a");
        assert_eq!(result.refresh_token.unwrap().expose(), "r");
        assert_eq!(result.expires_in, 3600);
        assert!(out.challenge_name.is_none());
    }

    #[test]
    fn parses_a_challenge() {
        let out = parse_response::<InitiateAuth>(&ok(
            r#"{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"s","ChallengeParameters":{"USER_ID_FOR_SRP":"bob"}}"#,
        ))
        .unwrap();
        assert_eq!(out.challenge_name.as_deref(), Some("NEW_PASSWORD_REQUIRED"));
        assert_eq!(out.session.unwrap().expose(), "s");
        assert!(out.authentication_result.is_none());
    }

    #[test]
    fn parses_a_rotation_answer_with_and_without_a_new_refresh_token() {
        let with = parse_response::<GetTokensFromRefreshToken>(&ok(
            r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","RefreshToken":"r2","ExpiresIn":300}}"#,
        ))
        .unwrap();
        assert_eq!(
            with.authentication_result.refresh_token.unwrap().expose(),
            "r2"
        );
        let without = parse_response::<GetTokensFromRefreshToken>(&ok(
            r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","ExpiresIn":300}}"#,
        ))
        .unwrap();
        assert!(without.authentication_result.refresh_token.is_none());
    }

    #[test]
    fn a_success_status_with_garbage_is_a_bad_response() {
        let err = parse_response::<InitiateAuth>(&ok("<html>proxy</html>")).unwrap_err();
        assert!(
            matches!(err, CallError::BadResponse { status: 200, .. }),
            "{err:?}"
        );
        let err = parse_response::<GetTokensFromRefreshToken>(&ok("{}")).unwrap_err();
        assert!(matches!(err, CallError::BadResponse { .. }), "{err:?}");
    }

    #[test]
    fn a_bad_answer_says_what_is_wrong_and_never_quotes_a_token() {
        let token = "eyJraWQiOiJzZWNyZXQifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        for (body, says) in [
            (
                format!(
                    r#"{{"AuthenticationResult":{{"AccessToken":"a","IdToken":"i","ExpiresIn":"{token}"}}}}"#
                ),
                "a value of the wrong type (line 1, column 122)",
            ),
            (
                format!(
                    r#"{{"AuthenticationResult":{{"AccessToken":{{"{token}":1}},"IdToken":"i","ExpiresIn":1}}}}"#
                ),
                "a value of the wrong type (line 1, column",
            ),
            (
                format!(r#"{{"AuthenticationResult":{{"IdToken":"{token}","ExpiresIn":1}}}}"#),
                r#""AccessToken" is missing"#,
            ),
            (
                format!(r#"{{"Session":{{"{token}":1}}}}"#),
                "a value of the wrong type (line 1, column",
            ),
            (
                format!(r#"{{"AuthenticationResult":{{"{token}":[}}}}"#),
                "not valid JSON (line 1, column",
            ),
            (
                format!(r#"{{"ChallengeName":"{token}"}}"#),
                r#""AuthenticationResult" is missing"#,
            ),
        ] {
            let err = parse_response::<GetTokensFromRefreshToken>(&ok(&body)).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(shown.contains(says), "{shown}");
            assert!(
                shown.contains("the answer to GetTokensFromRefreshToken"),
                "{shown}"
            );
            for part in token.split('.') {
                assert!(!shown.contains(part), "{body}: {shown}");
            }
        }
    }

    #[test]
    fn revoke_accepts_an_empty_object() {
        parse_response::<RevokeToken>(&ok("{}")).unwrap();
    }

    #[test]
    fn regional_endpoints() {
        assert_eq!(
            regional_endpoint("eu-west-1"),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        assert_eq!(
            regional_endpoint("cn-north-1"),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
        );
    }
}
