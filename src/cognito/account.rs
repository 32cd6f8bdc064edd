//! The account operations: sign-up and its codes, password reset and change, the profile,
//! signing out everywhere. Field names are the wire's (`PascalCase`).

use super::operations::Empty;
use super::{FromJson, MfaSettings, Operation};
use crate::json::{FieldError, Fields, Value};
use crate::secret::{AccessToken, Password};

/// A user attribute as Cognito names it (`email`, `email_verified`, `sub`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// The attribute's name (`email`, `sub`, `custom:…`).
    pub name: String,
    /// The attribute's value.
    pub value: String,
}

impl Attribute {
    fn to_json(&self) -> Value {
        Value::object([
            ("Name", Some(Value::str(&self.name))),
            ("Value", Some(Value::str(&self.value))),
        ])
    }
}

impl FromJson for Attribute {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        Ok(Attribute {
            name: f.str("Name")?,
            value: f.opt_str("Value")?.unwrap_or_default(),
        })
    }
}

/// Where Cognito sent a code (`a***@e***.com` by email).
#[derive(Debug, Clone, Default)]
pub struct CodeDelivery {
    /// The masked address the code went to (`a***@e***.com`).
    pub destination: Option<String>,
    /// How it went: `EMAIL` or `SMS`.
    pub delivery_medium: Option<String>,
}

/// The `CodeDeliveryDetails` field of an answer.
fn code_delivery(f: Fields<'_>) -> Result<Option<CodeDelivery>, FieldError> {
    let Some(details) = f.opt_object("CodeDeliveryDetails")? else {
        return Ok(None);
    };
    Ok(Some(CodeDelivery {
        destination: details.opt_str("Destination")?,
        delivery_medium: details.opt_str("DeliveryMedium")?,
    }))
}

/// A body of string fields only, in order.
fn strings(pairs: &[(&str, &str)]) -> Value {
    Value::Object(text_fields(pairs))
}

/// Text fields, in order (one function for every body: each generic copy costs bundle bytes).
fn text_fields(pairs: &[(&str, &str)]) -> Vec<(String, Value)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), Value::str(v)))
        .collect()
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
    /// The request body's fields: `ClientId`, `Username`, then `more`.
    fn fields(&self, more: &[(&str, &str)]) -> Vec<(String, Value)> {
        let mut fields =
            text_fields(&[("ClientId", &self.client_id), ("Username", &self.username)]);
        fields.extend(text_fields(more));
        fields
    }
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
#[derive(Debug)]
pub struct SignedUp {
    /// Whether the account is confirmed already (no code needed).
    pub user_confirmed: bool,
    /// Where the confirmation code went, when one was sent.
    pub code_delivery_details: Option<CodeDelivery>,
}

impl FromJson for SignedUp {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        Ok(SignedUp {
            user_confirmed: f.bool("UserConfirmed")?,
            code_delivery_details: code_delivery(f)?,
        })
    }
}

impl Operation for SignUp {
    const NAME: &'static str = "SignUp";
    type Output = SignedUp;
    fn body(&self) -> Value {
        let attributes = self.user_attributes.iter().map(Attribute::to_json);
        let mut fields = self.user.fields(&[("Password", self.password.expose())]);
        fields.push(("UserAttributes".into(), Value::Array(attributes.collect())));
        Value::Object(fields)
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
    fn body(&self) -> Value {
        let code = &self.confirmation_code;
        Value::Object(self.user.fields(&[("ConfirmationCode", code)]))
    }
}

/// `ResendConfirmationCode`: a new sign-up code for this user.
#[derive(Debug)]
pub struct ResendConfirmationCode(pub ClientUser);

/// The answer of operations that send a code.
#[derive(Debug)]
pub struct CodeSent {
    /// Where the code went, when Cognito says.
    pub code_delivery_details: Option<CodeDelivery>,
}

impl FromJson for CodeSent {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        Ok(CodeSent {
            code_delivery_details: code_delivery(f)?,
        })
    }
}

impl Operation for ResendConfirmationCode {
    const NAME: &'static str = "ResendConfirmationCode";
    type Output = CodeSent;
    fn body(&self) -> Value {
        Value::Object(self.0.fields(&[]))
    }
}

/// `ForgotPassword`: sends this user a code to reset the password with.
#[derive(Debug)]
pub struct ForgotPassword(pub ClientUser);

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Output = CodeSent;
    fn body(&self) -> Value {
        Value::Object(self.0.fields(&[]))
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
    fn body(&self) -> Value {
        Value::Object(self.user.fields(&[
            ("ConfirmationCode", &self.confirmation_code),
            ("Password", self.password.expose()),
        ]))
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
    fn body(&self) -> Value {
        strings(&[
            ("AccessToken", self.access_token.expose()),
            ("PreviousPassword", self.previous_password.expose()),
            ("ProposedPassword", self.proposed_password.expose()),
        ])
    }
}

/// `GetUser`: the signed-in user's attributes.
#[derive(Debug)]
pub struct GetUser {
    /// The signed-in user's access token.
    pub access_token: AccessToken,
}

/// The answer to [`GetUser`].
#[derive(Debug, Clone)]
pub struct UserProfile {
    /// The username Cognito knows the user by.
    pub username: String,
    /// The user's attributes.
    pub user_attributes: Vec<Attribute>,
    /// The factors that are on.
    pub mfa: MfaSettings,
}

impl FromJson for UserProfile {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        let mut user_attributes = Vec::new();
        for item in f.opt_array("UserAttributes")?.unwrap_or_default() {
            let fields = item.fields().ok_or_else(|| {
                FieldError::new("UserAttributes", "holds something not an object")
            })?;
            user_attributes.push(Attribute::from_json(fields)?);
        }
        Ok(UserProfile {
            username: f.str("Username")?,
            user_attributes,
            mfa: MfaSettings::from_user(f)?,
        })
    }
}

impl Operation for GetUser {
    const NAME: &'static str = "GetUser";
    type Output = UserProfile;
    fn body(&self) -> Value {
        strings(&[("AccessToken", self.access_token.expose())])
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
    fn body(&self) -> Value {
        strings(&[("AccessToken", self.access_token.expose())])
    }
}
