//! The account operations: sign-up and its codes, password reset and change, the profile,
//! signing out everywhere. Field names are the wire's (`PascalCase`).

use super::Operation;
use super::operations::Empty;
use crate::secret::{AccessToken, Password};
use serde::{Deserialize, Serialize};

/// A user attribute as Cognito names it (`email`, `email_verified`, `sub`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Attribute {
    pub name: String,
    pub value: String,
}

/// Where Cognito sent a code (`a***@e***.com` by email).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeDelivery {
    pub destination: Option<String>,
    pub delivery_medium: Option<String>,
}

/// `SignUp`: a new user with a username, a password and an email.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignUp {
    pub client_id: String,
    pub username: String,
    pub password: Password,
    pub user_attributes: Vec<Attribute>,
}

/// The answer to [`SignUp`].
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignedUp {
    pub user_confirmed: bool,
    pub code_delivery_details: Option<CodeDelivery>,
}

impl Operation for SignUp {
    const NAME: &'static str = "SignUp";
    type Output = SignedUp;
}

/// `ConfirmSignUp`: the code sent at sign-up.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUp {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: String,
}

impl Operation for ConfirmSignUp {
    const NAME: &'static str = "ConfirmSignUp";
    type Output = Empty;
}

/// `ResendConfirmationCode`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCode {
    pub client_id: String,
    pub username: String,
}

/// The answer of operations that send a code.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeSent {
    pub code_delivery_details: Option<CodeDelivery>,
}

impl Operation for ResendConfirmationCode {
    const NAME: &'static str = "ResendConfirmationCode";
    type Output = CodeSent;
}

/// `ForgotPassword`: sends a code to reset the password with.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPassword {
    pub client_id: String,
    pub username: String,
}

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Output = CodeSent;
}

/// `ConfirmForgotPassword`: the code and the new password.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmForgotPassword {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: String,
    pub password: Password,
}

impl Operation for ConfirmForgotPassword {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Output = Empty;
}

/// `ChangePassword`, authorised by the access token.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChangePassword {
    pub access_token: AccessToken,
    pub previous_password: Password,
    pub proposed_password: Password,
}

impl Operation for ChangePassword {
    const NAME: &'static str = "ChangePassword";
    type Output = Empty;
}

/// `GetUser`: the signed-in user's attributes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUser {
    pub access_token: AccessToken,
}

/// The answer to [`GetUser`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserProfile {
    pub username: String,
    #[serde(default)]
    pub user_attributes: Vec<Attribute>,
}

impl Operation for GetUser {
    const NAME: &'static str = "GetUser";
    type Output = UserProfile;
}

/// `GlobalSignOut`: ends every session of the user, on every device.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalSignOut {
    pub access_token: AccessToken,
}

impl Operation for GlobalSignOut {
    const NAME: &'static str = "GlobalSignOut";
    type Output = Empty;
}
