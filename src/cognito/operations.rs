//! One request type per Cognito operation of the session (sign-in, challenges, refresh,
//! revocation), with the answer it expects; the account's are in `account.rs`. Field names
//! are the wire's (`PascalCase`).

use super::Operation;
use crate::secret::{AccessToken, ChallengeSession, IdToken, Password, RefreshToken, Secret};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `InitiateAuth`: starts a sign-in, or refreshes with `REFRESH_TOKEN_AUTH`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuth {
    pub auth_flow: String,
    pub client_id: String,
    pub auth_parameters: BTreeMap<String, Secret>,
}

impl InitiateAuth {
    /// Starts a `USER_PASSWORD_AUTH` sign-in: the password goes to Cognito (over TLS).
    pub fn user_password(client_id: &str, username: &str, password: &Password) -> Self {
        Self {
            auth_flow: "USER_PASSWORD_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: BTreeMap::from([
                ("USERNAME".into(), Secret::new(username)),
                ("PASSWORD".into(), password.to_secret()),
            ]),
        }
    }

    /// Starts an SRP sign-in: the password stays here, only `SRP_A` goes out.
    pub fn user_srp(client_id: &str, username: &str, srp_a: &str) -> Self {
        Self {
            auth_flow: "USER_SRP_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: BTreeMap::from([
                ("USERNAME".into(), Secret::new(username)),
                ("SRP_A".into(), Secret::new(srp_a)),
            ]),
        }
    }

    /// The legacy refresh. Its answer never carries a refresh token: the old one stays.
    pub fn refresh_token(client_id: &str, refresh_token: &RefreshToken) -> Self {
        Self {
            auth_flow: "REFRESH_TOKEN_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: BTreeMap::from([("REFRESH_TOKEN".into(), refresh_token.to_secret())]),
        }
    }
}

impl Operation for InitiateAuth {
    const NAME: &'static str = "InitiateAuth";
    type Output = AuthStep;
}

crate::cognito::error::wire_names! {
    /// The challenges Cognito may answer a sign-in step with; one this client does not know
    /// is `Unknown`, with its name.
    ChallengeName {
        PasswordVerifier = "PASSWORD_VERIFIER",
        NewPasswordRequired = "NEW_PASSWORD_REQUIRED",
        SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA",
        SmsMfa = "SMS_MFA",
        EmailOtp = "EMAIL_OTP",
        SelectMfaType = "SELECT_MFA_TYPE",
        MfaSetup = "MFA_SETUP",
        CustomChallenge = "CUSTOM_CHALLENGE",
        DeviceSrpAuth = "DEVICE_SRP_AUTH",
    }
}

/// The answer to a sign-in step: tokens, or another challenge.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthStep {
    pub authentication_result: Option<AuthenticationResult>,
    /// The wire name; [`AuthStep::challenge`] reads it.
    pub challenge_name: Option<String>,
    pub session: Option<ChallengeSession>,
    #[serde(default)]
    pub challenge_parameters: BTreeMap<String, String>,
}

impl AuthStep {
    /// The challenge this step asks for, if any.
    pub fn challenge(&self) -> Option<ChallengeName> {
        self.challenge_name.as_deref().map(ChallengeName::from_wire)
    }
}

/// The tokens a sign-in or refresh gives.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    pub access_token: AccessToken,
    pub id_token: IdToken,
    pub refresh_token: Option<RefreshToken>,
    /// Lifetime of the access and id tokens, in seconds from when the answer was made.
    pub expires_in: u64,
    pub token_type: Option<String>,
}

/// `RespondToAuthChallenge`: answers a challenge from [`AuthStep`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RespondToAuthChallenge {
    pub challenge_name: String,
    pub client_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<ChallengeSession>,
    pub challenge_responses: BTreeMap<String, Secret>,
}

impl RespondToAuthChallenge {
    /// Answers `NEW_PASSWORD_REQUIRED` with the new password.
    pub fn new_password(
        client_id: &str,
        session: &ChallengeSession,
        username: &str,
        new_password: &Password,
    ) -> Self {
        Self {
            challenge_name: ChallengeName::NewPasswordRequired.as_str().into(),
            client_id: client_id.into(),
            session: Some(session.clone()),
            challenge_responses: BTreeMap::from([
                ("USERNAME".into(), Secret::new(username)),
                ("NEW_PASSWORD".into(), new_password.to_secret()),
            ]),
        }
    }
}

impl RespondToAuthChallenge {
    /// Answers `PASSWORD_VERIFIER` with the SRP proof of the password.
    pub fn password_verifier(
        client_id: &str,
        session: Option<&ChallengeSession>,
        claim: &super::srp::PasswordClaim,
    ) -> Self {
        Self {
            challenge_name: ChallengeName::PasswordVerifier.as_str().into(),
            client_id: client_id.into(),
            session: session.cloned(),
            challenge_responses: BTreeMap::from([
                ("USERNAME".into(), Secret::new(&claim.user_id)),
                (
                    "PASSWORD_CLAIM_SECRET_BLOCK".into(),
                    Secret::new(&claim.secret_block),
                ),
                ("PASSWORD_CLAIM_SIGNATURE".into(), claim.signature.clone()),
                ("TIMESTAMP".into(), Secret::new(&claim.timestamp)),
            ]),
        }
    }
}

impl Operation for RespondToAuthChallenge {
    const NAME: &'static str = "RespondToAuthChallenge";
    type Output = AuthStep;
}

/// `GetTokensFromRefreshToken`: the refresh with rotation; the answer carries a new refresh
/// token that replaces the old one.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTokensFromRefreshToken {
    pub client_id: String,
    pub refresh_token: RefreshToken,
}

impl GetTokensFromRefreshToken {
    /// A refresh of `refresh_token` for `client_id`.
    pub fn new(client_id: &str, refresh_token: &RefreshToken) -> Self {
        Self {
            client_id: client_id.into(),
            refresh_token: refresh_token.clone(),
        }
    }
}

/// The answer to [`GetTokensFromRefreshToken`].
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RefreshedTokens {
    pub authentication_result: AuthenticationResult,
}

impl Operation for GetTokensFromRefreshToken {
    const NAME: &'static str = "GetTokensFromRefreshToken";
    type Output = RefreshedTokens;
}

/// `RevokeToken`: kills a refresh token (and, where revocation is on, its access tokens). Only
/// a refresh token is accepted; an access token is refused by the compiler:
///
/// ```compile_fail
/// use cognito_client::{cognito::RevokeToken, secret::AccessToken};
/// RevokeToken::new("client", &AccessToken::new("eyJ.access.token"));
/// ```
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RevokeToken {
    pub token: RefreshToken,
    pub client_id: String,
}

impl RevokeToken {
    /// The revocation of `refresh_token` for `client_id`.
    pub fn new(client_id: &str, refresh_token: &RefreshToken) -> Self {
        Self {
            token: refresh_token.clone(),
            client_id: client_id.into(),
        }
    }
}

/// The empty object some operations answer with.
#[derive(Debug, Deserialize)]
pub struct Empty {}

impl Operation for RevokeToken {
    const NAME: &'static str = "RevokeToken";
    type Output = Empty;
}
