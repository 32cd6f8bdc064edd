//! The account operations: sign-up and its codes, password reset and change, the profile,
//! signing out everywhere. Field names are the wire's (`PascalCase`).

use super::mfa_settings::CallerBody;
use super::operations::Empty;
use super::{MfaSettings, Operation};
use crate::secret::{AccessToken, Password};
use crate::wire;
use serde::{Deserialize, Serialize};

/// A user attribute as Cognito names it (`email`, `email_verified`, `sub`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Attribute {
    /// The attribute's name (`email`, `sub`, `custom:…`).
    pub name: String,
    /// The attribute's value.
    #[serde(default)]
    pub value: String,
}

/// Where Cognito sent a code (`a***@e***.com` by email).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeDelivery {
    /// The masked address the code went to (`a***@e***.com`).
    pub destination: Option<String>,
    /// How it went: `EMAIL` or `SMS`.
    pub delivery_medium: Option<String>,
}

/// An app client and one of its users: what every sign-up and password-reset call names first.
#[derive(Debug, Clone)]
pub struct ClientUser {
    /// The app client's id.
    pub client_id: String,
    /// The user's username.
    pub username: String,
}

impl ClientUser {
    /// The body of a call on this user with nothing more; a call adds its fields to it.
    fn body(&self) -> UserBody<'_> {
        UserBody {
            client_id: &self.client_id,
            username: &self.username,
            confirmation_code: None,
            password: None,
            user_attributes: None,
        }
    }
}

/// The request body of every call on a [`ClientUser`] (one type for all: bundle size).
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct UserBody<'a> {
    client_id: &'a str,
    username: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    confirmation_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<&'a Password>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_attributes: Option<&'a [Attribute]>,
}

/// `SignUp`: a new user with a username, a password and an email.
#[derive(Debug)]
pub struct SignUp {
    /// The client, and the new user's username.
    pub user: ClientUser,
    /// The new user's password.
    pub password: Password,
    /// Attributes to create the user with (`email`, …).
    pub user_attributes: Vec<Attribute>,
}

/// The answer to [`SignUp`].
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignedUp {
    /// Whether the account is confirmed already (no code needed).
    pub user_confirmed: bool,
    /// Where the confirmation code went, when one was sent.
    pub code_delivery_details: Option<CodeDelivery>,
}

impl Operation for SignUp {
    const NAME: &'static str = "SignUp";
    type Output = SignedUp;
    fn body(&self) -> String {
        wire::write(&UserBody {
            password: Some(&self.password),
            user_attributes: Some(&self.user_attributes),
            ..self.user.body()
        })
    }
}

/// `ConfirmSignUp`: the code sent at sign-up.
#[derive(Debug)]
pub struct ConfirmSignUp {
    /// The client, and the user to confirm.
    pub user: ClientUser,
    /// The code the user received.
    pub confirmation_code: String,
}

impl Operation for ConfirmSignUp {
    const NAME: &'static str = "ConfirmSignUp";
    type Output = Empty;
    fn body(&self) -> String {
        wire::write(&UserBody {
            confirmation_code: Some(&self.confirmation_code),
            ..self.user.body()
        })
    }
}

/// `ResendConfirmationCode`: a new sign-up code for this user.
#[derive(Debug)]
pub struct ResendConfirmationCode(pub ClientUser);

/// The answer of operations that send a code.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeSent {
    /// Where the code went, when Cognito says.
    pub code_delivery_details: Option<CodeDelivery>,
}

impl Operation for ResendConfirmationCode {
    const NAME: &'static str = "ResendConfirmationCode";
    type Output = CodeSent;
    fn body(&self) -> String {
        wire::write(&self.0.body())
    }
}

/// `ForgotPassword`: sends this user a code to reset the password with.
#[derive(Debug)]
pub struct ForgotPassword(pub ClientUser);

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Output = CodeSent;
    fn body(&self) -> String {
        wire::write(&self.0.body())
    }
}

/// `ConfirmForgotPassword`: the code and the new password.
#[derive(Debug)]
pub struct ConfirmForgotPassword {
    /// The client, and the user whose password is reset.
    pub user: ClientUser,
    /// The code the user received.
    pub confirmation_code: String,
    /// The new password.
    pub password: Password,
}

impl Operation for ConfirmForgotPassword {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Output = Empty;
    fn body(&self) -> String {
        wire::write(&UserBody {
            confirmation_code: Some(&self.confirmation_code),
            password: Some(&self.password),
            ..self.user.body()
        })
    }
}

/// `ChangePassword`, authorised by the access token.
#[derive(Debug)]
pub struct ChangePassword {
    /// The signed-in user's access token.
    pub access_token: AccessToken,
    /// The password the user has now.
    pub previous_password: Password,
    /// The password to change it to.
    pub proposed_password: Password,
}

impl Operation for ChangePassword {
    const NAME: &'static str = "ChangePassword";
    type Output = Empty;
    fn body(&self) -> String {
        wire::write(&CallerBody {
            previous_password: Some(&self.previous_password),
            proposed_password: Some(&self.proposed_password),
            ..CallerBody::token(&self.access_token)
        })
    }
}

/// `GetUser`: the signed-in user's attributes.
#[derive(Debug)]
pub struct GetUser {
    /// The signed-in user's access token.
    pub access_token: AccessToken,
}

/// The answer to [`GetUser`].
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "UserAnswer")]
pub struct UserProfile {
    /// The username Cognito knows the user by.
    pub username: String,
    /// The user's attributes.
    pub user_attributes: Vec<Attribute>,
    /// The factors that are on.
    pub mfa: MfaSettings,
}

/// [`GetUser`]'s answer as it comes; [`UserProfile`] is read through it.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct UserAnswer {
    username: String,
    #[serde(default)]
    user_attributes: Vec<Attribute>,
    #[serde(rename = "UserMFASettingList", default)]
    user_mfa_setting_list: Vec<String>,
    preferred_mfa_setting: Option<String>,
}

impl From<UserAnswer> for UserProfile {
    fn from(answer: UserAnswer) -> UserProfile {
        UserProfile {
            username: answer.username,
            user_attributes: answer.user_attributes,
            mfa: MfaSettings::from_user(
                &answer.user_mfa_setting_list,
                answer.preferred_mfa_setting.as_deref(),
            ),
        }
    }
}

impl Operation for GetUser {
    const NAME: &'static str = "GetUser";
    type Output = UserProfile;
    fn body(&self) -> String {
        wire::write(&CallerBody::token(&self.access_token))
    }
}

/// `GlobalSignOut`: ends every session of the user, on every device.
#[derive(Debug)]
pub struct GlobalSignOut {
    /// The access token to end every session of.
    pub access_token: AccessToken,
}

impl Operation for GlobalSignOut {
    const NAME: &'static str = "GlobalSignOut";
    type Output = Empty;
    fn body(&self) -> String {
        wire::write(&CallerBody::token(&self.access_token))
    }
}
