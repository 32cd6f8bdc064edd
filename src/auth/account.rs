//! Calls about the account rather than the session's tokens: signing out, the profile and
//! password change (with the access token), and sign-up, codes and password reset (without).

use super::{Auth, AuthError, Environment, HttpClient, SessionStore, Step, TabLink};
use crate::cognito::{
    Attribute, CallError, ChangePassword, ClientUser, CodeDelivery, ConfirmForgotPassword,
    ConfirmSignUp, ErrorCode, ForgotPassword, GetUser, GlobalSignOut, HttpResponse, MfaSettings,
    Operation, ResendConfirmationCode, RevokeToken, SignUp, parse_answer,
};
use crate::secret::{AccessToken, Password};
use futures::FutureExt;
use futures::future::LocalBoxFuture;

/// Where Cognito sent a code: the masked destination it names (`a***@e***`), if it names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSentTo(pub Option<String>);

impl CodeSentTo {
    fn from_wire(delivery: Option<CodeDelivery>) -> Self {
        CodeSentTo(delivery.and_then(|d| d.destination))
    }
}

/// A new account: ready to sign in with, or waiting for the code that was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewAccount {
    /// Ready to sign in with: the pool confirmed the account on creation.
    Confirmed,
    /// A code was sent to confirm the account with.
    AwaitsCode(CodeSentTo),
}

/// The signed-in user's profile: their username and attributes (`email`, `sub`, …), in
/// Cognito's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The username Cognito knows the user by.
    pub username: String,
    /// The user's attributes, as `GetUser` lists them.
    pub attributes: Vec<Attribute>,
    /// The factors that are on, and the preferred one.
    pub mfa: MfaSettings,
}

impl Profile {
    /// Whether the user has a verified phone number, to receive sign-in codes by text.
    pub fn has_verified_phone(&self) -> bool {
        self.attributes
            .iter()
            .any(|a| a.name == "phone_number_verified" && a.value == "true")
    }
}

/// What a sign-out did beyond leaving the session here.
#[derive(Debug, Clone, PartialEq)]
pub struct SignOutReport {
    /// Whether Cognito revoked the refresh token. The local sign-out happens either way.
    pub revoked: Result<(), AuthError>,
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// Signs out here at once (and in the tabs sharing this session), before it returns; the
    /// future it returns asks Cognito to revoke the refresh token and reports how that went.
    pub fn sign_out(&self) -> impl Future<Output = SignOutReport> + use<H, S, E, T> {
        let refresh_token = self.leave();
        let auth = self.clone();
        async move {
            let revoked = match refresh_token {
                Some(refresh_token) => auth
                    .call(&RevokeToken::new(auth.client_id(), &refresh_token))
                    .await
                    .map(|_| ())
                    .map_err(|e| AuthError::from_call(e, Step::SignOut)),
                None => Ok(()),
            };
            SignOutReport { revoked }
        }
    }

    /// Runs a call that needs the access token, with a fresh one. If Cognito refuses the token
    /// itself (revoked early, a clock gone wrong) it refreshes once and tries again — for every
    /// step but `ChangePassword`, whose `NotAuthorized` means a wrong current password that a
    /// retry would only submit twice.
    pub(super) fn authorized<'a, O: Operation>(
        &'a self,
        step: Step,
        op: impl Fn(AccessToken) -> O + 'a,
    ) -> impl Future<Output = Result<O::Output, AuthError>> + 'a {
        let body = Box::new(move |token| op(token).body());
        self.authorized_response(step, O::NAME, body)
            .map(move |answer| {
                parse_answer(&answer?, O::NAME).map_err(|e| AuthError::from_call(e, step))
            })
    }

    /// [`Auth::authorized`] up to the raw answer, compiled once for every operation and boxed,
    /// so no call inlines its state (bundle size): a failure is an error here, a success is
    /// read by the caller.
    fn authorized_response<'a>(
        &'a self,
        step: Step,
        operation: &'static str,
        body: Box<dyn Fn(AccessToken) -> String + 'a>,
    ) -> LocalBoxFuture<'a, Result<HttpResponse, AuthError>> {
        async move {
            let mut retried = step == Step::ChangePassword;
            loop {
                let token = self.fresh_access_token().await?;
                let response = self
                    .send(self.request_for(operation, body(token)))
                    .await
                    .map_err(|e| AuthError::from_call(e.into(), step))?;
                if (200..300).contains(&response.status) {
                    return Ok(response);
                }
                let error = CallError::from_error_response(&response);
                if retried || error.code() != Some(&ErrorCode::NotAuthorized) {
                    return Err(AuthError::from_call(error, step));
                }
                retried = true;
                self.refresh().await?;
            }
        }
        .boxed_local()
    }

    /// The user's attributes, from `GetUser`.
    pub async fn profile(&self) -> Result<Profile, AuthError> {
        let user = self
            .authorized(Step::Authorized, |access_token| GetUser { access_token })
            .await?;
        Ok(Profile {
            username: user.username,
            attributes: user.user_attributes,
            mfa: user.mfa,
        })
    }

    /// Changes the password (`ChangePassword`, with the access token); the session goes on.
    pub async fn change_password(
        &self,
        current: &Password,
        new: &Password,
    ) -> Result<(), AuthError> {
        self.authorized(Step::ChangePassword, |access_token| ChangePassword {
            access_token,
            previous_password: current.clone(),
            proposed_password: new.clone(),
        })
        .await
        .map(|_| ())
    }

    /// Ends every session of the user on every device (`GlobalSignOut`), then this one.
    pub async fn sign_out_everywhere(&self) -> Result<(), AuthError> {
        self.authorized(Step::Authorized, |access_token| GlobalSignOut {
            access_token,
        })
        .await?;
        self.leave();
        Ok(())
    }

    /// Registers a new user. Unless `user_confirmed`, a code was sent, for
    /// [`Auth::confirm_sign_up`].
    pub fn sign_up(
        &self,
        username: &str,
        email: &str,
        password: &Password,
    ) -> impl Future<Output = Result<NewAccount, AuthError>> {
        let op = SignUp {
            user: self.client_user(username),
            password: password.clone(),
            user_attributes: vec![Attribute {
                name: "email".into(),
                value: email.to_string(),
            }],
        };
        self.account_call(&op).map(|up| {
            let up = up?;
            Ok(match up.user_confirmed {
                true => NewAccount::Confirmed,
                false => NewAccount::AwaitsCode(CodeSentTo::from_wire(up.code_delivery_details)),
            })
        })
    }

    /// Confirms a new account with the code Cognito sent.
    pub fn confirm_sign_up(
        &self,
        username: &str,
        code: &str,
    ) -> impl Future<Output = Result<(), AuthError>> {
        let op = ConfirmSignUp {
            user: self.client_user(username),
            confirmation_code: code.trim().to_string(),
        };
        self.account_call(&op).map(|done| done.map(|_| ()))
    }

    /// Asks Cognito to send a new confirmation code.
    pub fn resend_confirmation_code(
        &self,
        username: &str,
    ) -> impl Future<Output = Result<CodeSentTo, AuthError>> {
        let op = ResendConfirmationCode(self.client_user(username));
        self.account_call(&op)
            .map(|sent| Ok(CodeSentTo::from_wire(sent?.code_delivery_details)))
    }

    /// Starts a password reset: Cognito sends a code.
    pub fn forgot_password(
        &self,
        username: &str,
    ) -> impl Future<Output = Result<CodeSentTo, AuthError>> {
        let op = ForgotPassword(self.client_user(username));
        self.account_call(&op)
            .map(|sent| Ok(CodeSentTo::from_wire(sent?.code_delivery_details)))
    }

    /// Sets a new password with the code from [`Auth::forgot_password`].
    pub fn reset_password(
        &self,
        username: &str,
        code: &str,
        new: &Password,
    ) -> impl Future<Output = Result<(), AuthError>> {
        let op = ConfirmForgotPassword {
            user: self.client_user(username),
            confirmation_code: code.trim().to_string(),
            password: new.clone(),
        };
        self.account_call(&op).map(|done| done.map(|_| ()))
    }

    fn client_user(&self, username: &str) -> ClientUser {
        ClientUser {
            client_id: self.client_id().to_string(),
            username: username.to_string(),
        }
    }

    /// A call about the account rather than the session (sign-up, codes, password reset).
    /// The request is made at once and the answer read when it comes, with no async state of
    /// its own: the five calls share the boxed send (bundle size).
    fn account_call<O: Operation>(
        &self,
        op: &O,
    ) -> impl Future<Output = Result<O::Output, AuthError>> + use<'_, O, H, S, E, T> {
        self.call(op)
            .map(|answer| answer.map_err(|e| AuthError::from_call(e, Step::Account)))
    }
}
