//! One request type per Cognito operation of the session (sign-in, challenges, refresh,
//! revocation), with the answer it expects; the account's are in `account.rs`. Field names
//! are the wire's (`PascalCase`).

use super::Operation;
use crate::secret::{AccessToken, ChallengeSession, IdToken, Password, RefreshToken, Secret};
use crate::wire;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// Named secrets (`AuthParameters`, `ChallengeResponses`), in the order they are written.
pub type SecretMap = Vec<(&'static str, Secret)>;

/// A [`SecretMap`] as the JSON object it stands for.
fn secret_map<S: Serializer>(pairs: &SecretMap, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// `InitiateAuth`: starts a sign-in, or refreshes with `REFRESH_TOKEN_AUTH`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuth {
    /// `USER_SRP_AUTH`, `USER_PASSWORD_AUTH` or `REFRESH_TOKEN_AUTH`.
    pub auth_flow: String,
    /// The app client's id.
    pub client_id: String,
    /// The flow's parameters (`USERNAME`, `SRP_A`, …).
    #[serde(serialize_with = "secret_map")]
    pub auth_parameters: SecretMap,
}

impl InitiateAuth {
    /// Starts a `USER_PASSWORD_AUTH` sign-in: the password goes to Cognito (over TLS).
    pub fn user_password(client_id: &str, username: &str, password: &Password) -> Self {
        Self {
            auth_flow: "USER_PASSWORD_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: Vec::from([
                ("USERNAME", Secret::new(username)),
                ("PASSWORD", password.to_secret()),
            ]),
        }
    }

    /// Starts an SRP sign-in: the password stays here, only `SRP_A` goes out.
    pub fn user_srp(client_id: &str, username: &str, srp_a: &str) -> Self {
        Self {
            auth_flow: "USER_SRP_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: Vec::from([
                ("USERNAME", Secret::new(username)),
                ("SRP_A", Secret::new(srp_a)),
            ]),
        }
    }

    /// The legacy refresh. Its answer never carries a refresh token: the old one stays.
    pub fn refresh_token(client_id: &str, refresh_token: &RefreshToken) -> Self {
        Self {
            auth_flow: "REFRESH_TOKEN_AUTH".into(),
            client_id: client_id.into(),
            auth_parameters: Vec::from([("REFRESH_TOKEN", refresh_token.to_secret())]),
        }
    }
}

impl Operation for InitiateAuth {
    const NAME: &'static str = "InitiateAuth";
    type Output = AuthStep;
    fn body(&self) -> String {
        wire::write(self)
    }
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

/// The answer to a sign-in step (`InitiateAuth`, `RespondToAuthChallenge`): tokens, or another
/// challenge.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthStep {
    /// The tokens, when the step signed the user in.
    pub authentication_result: Option<AuthenticationResult>,
    /// The wire name; [`AuthStep::challenge`] reads it.
    pub challenge_name: Option<String>,
    /// The session to answer the challenge with.
    pub session: Option<ChallengeSession>,
    /// The challenge's parameters (`SRP_B`, `SALT`, …).
    #[serde(default)]
    pub challenge_parameters: BTreeMap<String, String>,
}

impl AuthStep {
    /// The challenge this step asks for, if any.
    pub fn challenge(&self) -> Option<ChallengeName> {
        self.challenge_name.as_deref().map(ChallengeName::from_wire)
    }

    /// The challenge parameter `name` (`SRP_B`, `USER_ID_FOR_SRP`, …).
    pub fn parameter(&self, name: &str) -> Option<&str> {
        self.challenge_parameters.get(name).map(String::as_str)
    }
}

/// The tokens a sign-in or refresh gives.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    /// The new access token.
    pub access_token: AccessToken,
    /// The new ID token.
    pub id_token: IdToken,
    /// A refresh token: on sign-in, or when a refresh rotated it.
    pub refresh_token: Option<RefreshToken>,
    /// Lifetime of the access and id tokens, in seconds from when the answer was made.
    pub expires_in: u64,
    /// `Bearer`.
    pub token_type: Option<String>,
}

/// `RespondToAuthChallenge`: answers a challenge from [`AuthStep`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RespondToAuthChallenge {
    /// The challenge answered, as Cognito named it.
    pub challenge_name: String,
    /// The app client's id.
    pub client_id: String,
    /// The session the challenge came with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<ChallengeSession>,
    /// The answers (`USERNAME`, `NEW_PASSWORD`, …).
    #[serde(serialize_with = "secret_map")]
    pub challenge_responses: SecretMap,
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
            challenge_responses: Vec::from([
                ("USERNAME", Secret::new(username)),
                ("NEW_PASSWORD", new_password.to_secret()),
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
            challenge_responses: Vec::from([
                ("USERNAME", Secret::new(&claim.user_id)),
                (
                    "PASSWORD_CLAIM_SECRET_BLOCK",
                    Secret::new(&claim.secret_block),
                ),
                ("PASSWORD_CLAIM_SIGNATURE", claim.signature.clone()),
                ("TIMESTAMP", Secret::new(&claim.timestamp)),
            ]),
        }
    }
}

impl Operation for RespondToAuthChallenge {
    const NAME: &'static str = "RespondToAuthChallenge";
    type Output = AuthStep;
    fn body(&self) -> String {
        wire::write(self)
    }
}

/// `GetTokensFromRefreshToken`: the refresh with rotation; the answer carries a new refresh
/// token that replaces the old one.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTokensFromRefreshToken {
    /// The app client's id.
    pub client_id: String,
    /// The refresh token to exchange.
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

/// The answer to [`GetTokensFromRefreshToken`]: an [`AuthStep`] that must hold the tokens (read
/// as one, so the two share their parsing: bundle size).
#[derive(Debug, Deserialize)]
#[serde(try_from = "AuthStep")]
pub struct RefreshedTokens {
    /// The new tokens.
    pub authentication_result: AuthenticationResult,
}

impl TryFrom<AuthStep> for RefreshedTokens {
    type Error = &'static str;
    fn try_from(step: AuthStep) -> Result<Self, Self::Error> {
        match step.authentication_result {
            Some(authentication_result) => Ok(RefreshedTokens {
                authentication_result,
            }),
            // serde's own words for it, which `wire` reports as the field missing.
            None => Err("missing field `AuthenticationResult`"),
        }
    }
}

impl Operation for GetTokensFromRefreshToken {
    const NAME: &'static str = "GetTokensFromRefreshToken";
    type Output = RefreshedTokens;
    fn body(&self) -> String {
        wire::write(self)
    }
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
    /// The refresh token to revoke.
    pub token: RefreshToken,
    /// The app client's id.
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

/// The empty object some operations answer with (any fields in it are ignored).
#[derive(Debug, Deserialize)]
pub struct Empty {}

impl Operation for RevokeToken {
    const NAME: &'static str = "RevokeToken";
    type Output = Empty;
    fn body(&self) -> String {
        wire::write(self)
    }
}
