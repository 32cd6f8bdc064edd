//! The account operations: sign-up and its codes, password reset and change, the profile,
//! signing out everywhere. Field names are the wire's (`PascalCase`).

use super::operations::Empty;
use super::{FromJson, Operation};
use crate::json::{FieldError, Fields, Value};
use crate::secret::{AccessToken, Password};

/// A user attribute as Cognito names it (`email`, `email_verified`, `sub`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub name: String,
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
    pub destination: Option<String>,
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
fn strings<const N: usize>(pairs: [(&str, &str); N]) -> Value {
    Value::object(pairs.map(|(k, v)| (k, Some(Value::str(v)))))
}

/// `SignUp`: a new user with a username, a password and an email.
#[derive(Debug)]
pub struct SignUp {
    pub client_id: String,
    pub username: String,
    pub password: Password,
    pub user_attributes: Vec<Attribute>,
}

/// The answer to [`SignUp`].
#[derive(Debug)]
pub struct SignedUp {
    pub user_confirmed: bool,
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
        Value::object([
            ("ClientId", Some(Value::str(&self.client_id))),
            ("Username", Some(Value::str(&self.username))),
            ("Password", Some(Value::str(self.password.expose()))),
            (
                "UserAttributes",
                Some(Value::Array(
                    self.user_attributes
                        .iter()
                        .map(Attribute::to_json)
                        .collect(),
                )),
            ),
        ])
    }
}

/// `ConfirmSignUp`: the code sent at sign-up.
#[derive(Debug)]
pub struct ConfirmSignUp {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: String,
}

impl Operation for ConfirmSignUp {
    const NAME: &'static str = "ConfirmSignUp";
    type Output = Empty;
    fn body(&self) -> Value {
        strings([
            ("ClientId", &self.client_id),
            ("Username", &self.username),
            ("ConfirmationCode", &self.confirmation_code),
        ])
    }
}

/// `ResendConfirmationCode`.
#[derive(Debug)]
pub struct ResendConfirmationCode {
    pub client_id: String,
    pub username: String,
}

/// The answer of operations that send a code.
#[derive(Debug)]
pub struct CodeSent {
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
        strings([("ClientId", &self.client_id), ("Username", &self.username)])
    }
}

/// `ForgotPassword`: sends a code to reset the password with.
#[derive(Debug)]
pub struct ForgotPassword {
    pub client_id: String,
    pub username: String,
}

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Output = CodeSent;
    fn body(&self) -> Value {
        strings([("ClientId", &self.client_id), ("Username", &self.username)])
    }
}

/// `ConfirmForgotPassword`: the code and the new password.
#[derive(Debug)]
pub struct ConfirmForgotPassword {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: String,
    pub password: Password,
}

impl Operation for ConfirmForgotPassword {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Output = Empty;
    fn body(&self) -> Value {
        strings([
            ("ClientId", &self.client_id),
            ("Username", &self.username),
            ("ConfirmationCode", &self.confirmation_code),
            ("Password", self.password.expose()),
        ])
    }
}

/// `ChangePassword`, authorised by the access token.
#[derive(Debug)]
pub struct ChangePassword {
    pub access_token: AccessToken,
    pub previous_password: Password,
    pub proposed_password: Password,
}

impl Operation for ChangePassword {
    const NAME: &'static str = "ChangePassword";
    type Output = Empty;
    fn body(&self) -> Value {
        strings([
            ("AccessToken", self.access_token.expose()),
            ("PreviousPassword", self.previous_password.expose()),
            ("ProposedPassword", self.proposed_password.expose()),
        ])
    }
}

/// `GetUser`: the signed-in user's attributes.
#[derive(Debug)]
pub struct GetUser {
    pub access_token: AccessToken,
}

/// The answer to [`GetUser`].
#[derive(Debug, Clone)]
pub struct UserProfile {
    pub username: String,
    pub user_attributes: Vec<Attribute>,
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
        })
    }
}

impl Operation for GetUser {
    const NAME: &'static str = "GetUser";
    type Output = UserProfile;
    fn body(&self) -> Value {
        strings([("AccessToken", self.access_token.expose())])
    }
}

/// `GlobalSignOut`: ends every session of the user, on every device.
#[derive(Debug)]
pub struct GlobalSignOut {
    pub access_token: AccessToken,
}

impl Operation for GlobalSignOut {
    const NAME: &'static str = "GlobalSignOut";
    type Output = Empty;
    fn body(&self) -> Value {
        strings([("AccessToken", self.access_token.expose())])
    }
}
