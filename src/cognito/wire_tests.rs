//! The request bodies exactly as they go on the wire, byte for byte: field order, what is left
//! out, and how text is escaped.

use super::*;
use crate::secret::{AccessToken, ChallengeSession, Password, RefreshToken, Secret};

/// Text that needs every kind of escape JSON has, and some that needs none (DEL, non-ASCII).
const ODD: &str = "q\"b\\s/n\nr\rt\tb\u{8}f\u{c}c\u{1}d\u{7f}é😀";

/// [`ODD`] as the wire has it.
macro_rules! odd_on_the_wire {
    () => {
        "q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fc\\u0001d\u{7f}é😀"
    };
}

fn user(client: &str, username: &str) -> ClientUser {
    ClientUser {
        client_id: client.into(),
        username: username.into(),
    }
}

/// The body `build_request` makes for `op`.
fn body<O: Operation>(op: O) -> String {
    build_request("https://example.test/", &op).body
}

/// Every request the code builds, by a name for it, with its body.
fn every_body() -> Vec<(&'static str, String)> {
    let session = ChallengeSession::new("sess-1");
    let claim = srp::PasswordClaim {
        user_id: "uid-1".into(),
        secret_block: "c2VjcmV0+/==".into(),
        timestamp: "Mon Jan 2 03:04:05 UTC 2026".into(),
        signature: Secret::new("c2lnbmF0dXJl"),
    };
    let at = || AccessToken::new("at-1");
    vec![
        (
            "InitiateAuth::user_password",
            body(InitiateAuth::user_password(
                "c1",
                "ann",
                &Password::new(ODD),
            )),
        ),
        (
            "InitiateAuth::user_srp",
            body(InitiateAuth::user_srp("c1", "ann", "0a1b2c")),
        ),
        (
            "InitiateAuth::refresh_token",
            body(InitiateAuth::refresh_token(
                "c1",
                &RefreshToken::new("rt-1"),
            )),
        ),
        (
            "RespondToAuthChallenge::new_password",
            body(RespondToAuthChallenge::new_password(
                "c1",
                &session,
                "ann",
                &Password::new("N3w!pass"),
            )),
        ),
        (
            "RespondToAuthChallenge::password_verifier",
            body(RespondToAuthChallenge::password_verifier(
                "c1",
                Some(&session),
                &claim,
            )),
        ),
        (
            "RespondToAuthChallenge::password_verifier without session",
            body(RespondToAuthChallenge::password_verifier(
                "c1", None, &claim,
            )),
        ),
        (
            "RespondToAuthChallenge::mfa_code app",
            body(RespondToAuthChallenge::mfa_code(
                "c1",
                &session,
                "ann",
                Factor::App,
                "123456",
            )),
        ),
        (
            "RespondToAuthChallenge::mfa_code sms",
            body(RespondToAuthChallenge::mfa_code(
                "c1",
                &session,
                "ann",
                Factor::Sms,
                "123456",
            )),
        ),
        (
            "RespondToAuthChallenge::mfa_code email",
            body(RespondToAuthChallenge::mfa_code(
                "c1",
                &session,
                "ann",
                Factor::Email,
                "123456",
            )),
        ),
        (
            "RespondToAuthChallenge::select_mfa_type",
            body(RespondToAuthChallenge::select_mfa_type(
                "c1",
                &session,
                "ann",
                Factor::Email,
            )),
        ),
        (
            "RespondToAuthChallenge::mfa_setup",
            body(RespondToAuthChallenge::mfa_setup("c1", &session, "ann")),
        ),
        (
            "GetTokensFromRefreshToken",
            body(GetTokensFromRefreshToken::new(
                "c1",
                &RefreshToken::new("rt-1"),
            )),
        ),
        (
            "RevokeToken",
            body(RevokeToken::new("c1", &RefreshToken::new("rt-1"))),
        ),
        (
            "SignUp",
            body(SignUp {
                user: user("c1", "ann"),
                password: Password::new("Pw-1"),
                user_attributes: vec![
                    Attribute {
                        name: "email".into(),
                        value: "ann@example.com".into(),
                    },
                    Attribute {
                        name: "custom:odd".into(),
                        value: ODD.into(),
                    },
                ],
            }),
        ),
        (
            "SignUp without attributes",
            body(SignUp {
                user: user("c1", "ann"),
                password: Password::new("Pw-1"),
                user_attributes: vec![],
            }),
        ),
        (
            "ConfirmSignUp",
            body(ConfirmSignUp {
                user: user("c1", "ann"),
                confirmation_code: "654321".into(),
            }),
        ),
        (
            "ResendConfirmationCode",
            body(ResendConfirmationCode(user("c1", "ann"))),
        ),
        ("ForgotPassword", body(ForgotPassword(user("c1", ODD)))),
        (
            "ConfirmForgotPassword",
            body(ConfirmForgotPassword {
                user: user("c1", "ann"),
                confirmation_code: "654321".into(),
                password: Password::new("Pw-2"),
            }),
        ),
        (
            "ChangePassword",
            body(ChangePassword {
                access_token: at(),
                previous_password: Password::new("Pw-1"),
                proposed_password: Password::new("Pw-2"),
            }),
        ),
        ("GetUser", body(GetUser { access_token: at() })),
        ("GlobalSignOut", body(GlobalSignOut { access_token: at() })),
        (
            "AssociateSoftwareToken by token",
            body(AssociateSoftwareToken(SetupCaller::Token(at()))),
        ),
        (
            "AssociateSoftwareToken by session",
            body(AssociateSoftwareToken(SetupCaller::Session(
                session.clone(),
            ))),
        ),
        (
            "VerifySoftwareToken by token, named",
            body(VerifySoftwareToken {
                caller: SetupCaller::Token(at()),
                user_code: "123456".into(),
                friendly_device_name: "Ann's phone".into(),
            }),
        ),
        (
            "VerifySoftwareToken by session, unnamed",
            body(VerifySoftwareToken {
                caller: SetupCaller::Session(session.clone()),
                user_code: "123456".into(),
                friendly_device_name: String::new(),
            }),
        ),
        (
            "SetUserMfaPreference all on, email preferred",
            body(SetUserMfaPreference {
                access_token: at(),
                settings: MfaSettings {
                    enabled: vec![Factor::App, Factor::Sms, Factor::Email],
                    preferred: Some(Factor::Email),
                },
                changed: Factor::Email,
            }),
        ),
        (
            "SetUserMfaPreference sms off",
            body(SetUserMfaPreference {
                access_token: at(),
                settings: MfaSettings {
                    enabled: vec![Factor::App],
                    preferred: None,
                },
                changed: Factor::Sms,
            }),
        ),
        (
            "SetUserMfaPreference nothing on",
            body(SetUserMfaPreference {
                access_token: at(),
                settings: MfaSettings::default(),
                changed: Factor::App,
            }),
        ),
    ]
}

#[test]
fn every_request_body_is_byte_for_byte_what_it_was() {
    let expected = [
        (
            "InitiateAuth::user_password",
            concat!(
                r#"{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"c1","AuthParameters":{"USERNAME":"ann","PASSWORD":""#,
                odd_on_the_wire!(),
                r#""}}"#
            ),
        ),
        (
            "InitiateAuth::user_srp",
            r#"{"AuthFlow":"USER_SRP_AUTH","ClientId":"c1","AuthParameters":{"USERNAME":"ann","SRP_A":"0a1b2c"}}"#,
        ),
        (
            "InitiateAuth::refresh_token",
            r#"{"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"c1","AuthParameters":{"REFRESH_TOKEN":"rt-1"}}"#,
        ),
        (
            "RespondToAuthChallenge::new_password",
            r#"{"ChallengeName":"NEW_PASSWORD_REQUIRED","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann","NEW_PASSWORD":"N3w!pass"}}"#,
        ),
        (
            "RespondToAuthChallenge::password_verifier",
            r#"{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"uid-1","PASSWORD_CLAIM_SECRET_BLOCK":"c2VjcmV0+/==","PASSWORD_CLAIM_SIGNATURE":"c2lnbmF0dXJl","TIMESTAMP":"Mon Jan 2 03:04:05 UTC 2026"}}"#,
        ),
        (
            "RespondToAuthChallenge::password_verifier without session",
            r#"{"ChallengeName":"PASSWORD_VERIFIER","ClientId":"c1","ChallengeResponses":{"USERNAME":"uid-1","PASSWORD_CLAIM_SECRET_BLOCK":"c2VjcmV0+/==","PASSWORD_CLAIM_SIGNATURE":"c2lnbmF0dXJl","TIMESTAMP":"Mon Jan 2 03:04:05 UTC 2026"}}"#,
        ),
        (
            "RespondToAuthChallenge::mfa_code app",
            r#"{"ChallengeName":"SOFTWARE_TOKEN_MFA","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann","SOFTWARE_TOKEN_MFA_CODE":"123456"}}"#,
        ),
        (
            "RespondToAuthChallenge::mfa_code sms",
            r#"{"ChallengeName":"SMS_MFA","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann","SMS_MFA_CODE":"123456"}}"#,
        ),
        (
            "RespondToAuthChallenge::mfa_code email",
            r#"{"ChallengeName":"EMAIL_OTP","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann","EMAIL_OTP_CODE":"123456"}}"#,
        ),
        (
            "RespondToAuthChallenge::select_mfa_type",
            r#"{"ChallengeName":"SELECT_MFA_TYPE","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann","ANSWER":"EMAIL_OTP"}}"#,
        ),
        (
            "RespondToAuthChallenge::mfa_setup",
            r#"{"ChallengeName":"MFA_SETUP","ClientId":"c1","Session":"sess-1","ChallengeResponses":{"USERNAME":"ann"}}"#,
        ),
        (
            "GetTokensFromRefreshToken",
            r#"{"ClientId":"c1","RefreshToken":"rt-1"}"#,
        ),
        ("RevokeToken", r#"{"Token":"rt-1","ClientId":"c1"}"#),
        (
            "SignUp",
            concat!(
                r#"{"ClientId":"c1","Username":"ann","Password":"Pw-1","UserAttributes":[{"Name":"email","Value":"ann@example.com"},{"Name":"custom:odd","Value":""#,
                odd_on_the_wire!(),
                r#""}]}"#
            ),
        ),
        (
            "SignUp without attributes",
            r#"{"ClientId":"c1","Username":"ann","Password":"Pw-1","UserAttributes":[]}"#,
        ),
        (
            "ConfirmSignUp",
            r#"{"ClientId":"c1","Username":"ann","ConfirmationCode":"654321"}"#,
        ),
        (
            "ResendConfirmationCode",
            r#"{"ClientId":"c1","Username":"ann"}"#,
        ),
        (
            "ForgotPassword",
            concat!(
                r#"{"ClientId":"c1","Username":""#,
                odd_on_the_wire!(),
                r#""}"#
            ),
        ),
        (
            "ConfirmForgotPassword",
            r#"{"ClientId":"c1","Username":"ann","ConfirmationCode":"654321","Password":"Pw-2"}"#,
        ),
        (
            "ChangePassword",
            r#"{"AccessToken":"at-1","PreviousPassword":"Pw-1","ProposedPassword":"Pw-2"}"#,
        ),
        ("GetUser", r#"{"AccessToken":"at-1"}"#),
        ("GlobalSignOut", r#"{"AccessToken":"at-1"}"#),
        (
            "AssociateSoftwareToken by token",
            r#"{"AccessToken":"at-1"}"#,
        ),
        (
            "AssociateSoftwareToken by session",
            r#"{"Session":"sess-1"}"#,
        ),
        (
            "VerifySoftwareToken by token, named",
            r#"{"AccessToken":"at-1","UserCode":"123456","FriendlyDeviceName":"Ann's phone"}"#,
        ),
        (
            "VerifySoftwareToken by session, unnamed",
            r#"{"Session":"sess-1","UserCode":"123456"}"#,
        ),
        (
            "SetUserMfaPreference all on, email preferred",
            r#"{"AccessToken":"at-1","SMSMfaSettings":{"Enabled":true,"PreferredMfa":false},"SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":false},"EmailMfaSettings":{"Enabled":true,"PreferredMfa":true}}"#,
        ),
        (
            "SetUserMfaPreference sms off",
            r#"{"AccessToken":"at-1","SMSMfaSettings":{"Enabled":false,"PreferredMfa":false},"SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":false}}"#,
        ),
        (
            "SetUserMfaPreference nothing on",
            r#"{"AccessToken":"at-1","SoftwareTokenMfaSettings":{"Enabled":false,"PreferredMfa":false}}"#,
        ),
    ];
    let bodies = every_body();
    assert_eq!(bodies.len(), expected.len());
    for ((name, body), (expected_name, expected_body)) in bodies.into_iter().zip(expected) {
        assert_eq!(name, expected_name);
        assert_eq!(body, expected_body, "{name}");
    }
}
