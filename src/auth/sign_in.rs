//! Signing in: the first step (SRP or password), the challenges Cognito may ask next, and what
//! each answer leads to. Adding a challenge: a variant of `SignInStep`, its arm in `take_step`,
//! and a variant of `ChallengeAnswer` with its arm in `Auth::answer`.

use super::mfa::{CodeChallenge, FactorChoice};
use super::token_info::TokenInfo;
use super::{Auth, AuthError, Environment, HttpClient, SessionStore, Step, TabLink};
use crate::cognito::srp::{self, SrpClient, VerifierChallenge};
use crate::cognito::{
    AuthStep, ChallengeName, Factor, HttpRequest, InitiateAuth, Operation, RespondToAuthChallenge,
    parse_answer,
};
use crate::config::SignInFlow;
use crate::secret::{ChallengeSession, Password};
use crate::session::Session;

/// A sign-in request ready to send, and its operation's name.
struct Prepared(HttpRequest, &'static str);

/// What a sign-in step led to.
#[derive(Debug, Clone, PartialEq)]
pub enum SignInStep {
    /// Signed in: the new session's token info.
    SignedIn(TokenInfo),
    /// Cognito asks for a new password before it signs the user in.
    NewPasswordRequired(PendingChallenge),
    /// Cognito asks for a one-time code: from an authenticator app, a text or an email.
    CodeRequired(CodeChallenge),
    /// The user has several factors and picks the one to prove (`SELECT_MFA_TYPE`).
    ChooseFactor(FactorChoice),
    /// A challenge this app cannot answer yet (MFA setup, custom auth, …), named as Cognito
    /// names it.
    Unsupported(ChallengeName),
}

/// The user's answer to the challenge of a [`SignInStep`]: each challenge with the answer
/// it takes, so no challenge can be sent another's answer.
#[derive(Debug, Clone)]
pub enum ChallengeAnswer {
    /// The new password a [`SignInStep::NewPasswordRequired`] asks for.
    NewPassword(PendingChallenge, Password),
    /// The one-time code a [`SignInStep::CodeRequired`] asks for.
    Code(CodeChallenge, String),
    /// The factor picked among those a [`SignInStep::ChooseFactor`] offers.
    Factor(FactorChoice, Factor),
}

/// A `NEW_PASSWORD_REQUIRED` challenge waiting for the user's new password.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingChallenge {
    /// The user the challenge is for.
    pub username: String,
    session: ChallengeSession,
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// Signs in with the configured flow (SRP by default); the step it leads to.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &Password,
    ) -> Result<SignInStep, AuthError> {
        match self.inner.config.sign_in_flow {
            SignInFlow::Srp => self.sign_in_srp(username, password).await,
            SignInFlow::UserPassword => {
                let op = InitiateAuth::user_password(self.client_id(), username, password);
                self.next_step(Step::SignIn, self.prepare(&op), username)
                    .await
            }
        }
    }

    /// `USER_SRP_AUTH`: sends `SRP_A`, then answers `PASSWORD_VERIFIER` with a proof of the
    /// password. The password itself never leaves the browser.
    async fn sign_in_srp(
        &self,
        username: &str,
        password: &Password,
    ) -> Result<SignInStep, AuthError> {
        let mut random = [0u8; srp::SECRET_BYTES];
        let client = loop {
            self.inner.env.fill_random(&mut random);
            if let Some(client) = SrpClient::new(&random) {
                break client;
            }
        };
        srp::wipe(&mut random);
        let first = InitiateAuth::user_srp(self.client_id(), username, &client.srp_a());
        let (step, started_at) = self.send_step(Step::SignIn, self.prepare(&first)).await?;
        if step.challenge() != Some(ChallengeName::PasswordVerifier) {
            return self.take_step(username, step, started_at);
        }
        let param = |name: &'static str| {
            step.parameter(name)
                .map(str::to_string)
                .ok_or_else(|| AuthError::BadResponse(format!("the SRP challenge has no {name}")))
        };
        let challenge = VerifierChallenge {
            user_id: param("USER_ID_FOR_SRP")?,
            salt_hex: param("SALT")?,
            srp_b_hex: param("SRP_B")?,
            secret_block: param("SECRET_BLOCK")?,
        };
        let claim = client
            .claim(
                self.inner.config.pool_name(),
                &challenge,
                password,
                &srp::timestamp(self.now_ms()),
            )
            .map_err(|e| AuthError::BadResponse(e.to_string()))?;
        drop(client);
        let answer = RespondToAuthChallenge::password_verifier(
            self.client_id(),
            step.session.as_ref(),
            &claim,
        );
        self.next_step(Step::SignIn, self.prepare(&answer), &challenge.user_id)
            .await
    }

    /// Answers the challenge a sign-in step asked for; the step it leads to. A wrong code
    /// ([`AuthError::WrongCode`]) or a refused password leaves the challenge as it was, to be
    /// answered again.
    pub async fn answer(&self, answer: &ChallengeAnswer) -> Result<SignInStep, AuthError> {
        let client = self.client_id();
        let (op, username) = match answer {
            ChallengeAnswer::NewPassword(challenge, password) => (
                RespondToAuthChallenge::new_password(
                    client,
                    &challenge.session,
                    &challenge.username,
                    password,
                ),
                &challenge.username,
            ),
            ChallengeAnswer::Code(challenge, code) => {
                (challenge.respond(client, code), &challenge.username)
            }
            ChallengeAnswer::Factor(choice, factor) => {
                (choice.respond(client, *factor), &choice.username)
            }
        };
        self.next_step(Step::Challenge, self.prepare(&op), username)
            .await
    }

    /// Sends one step of a sign-in (InitiateAuth or RespondToAuthChallenge, both answered with
    /// an `AuthStep`); its answer and when it was sent (expiry counts from then). Not generic,
    /// so it is compiled once (bundle size).
    async fn send_step(&self, step: Step, request: Prepared) -> Result<(AuthStep, u64), AuthError> {
        let sent_at = self.now_ms();
        let answer = match self.send(request.0).await {
            Ok(response) => parse_answer(&response, request.1),
            Err(e) => Err(e.into()),
        };
        Ok((answer.map_err(|e| AuthError::from_call(e, step))?, sent_at))
    }

    /// Sends one step of a sign-in and takes what it led to.
    async fn next_step(
        &self,
        step: Step,
        request: Prepared,
        username: &str,
    ) -> Result<SignInStep, AuthError> {
        let (answer, sent_at) = self.send_step(step, request).await?;
        self.take_step(username, answer, sent_at)
    }

    fn prepare<O: Operation<Output = AuthStep>>(&self, op: &O) -> Prepared {
        Prepared(self.request(op), O::NAME)
    }

    fn take_step(
        &self,
        username: &str,
        mut step: AuthStep,
        sent_at: u64,
    ) -> Result<SignInStep, AuthError> {
        if let Some(result) = step.authentication_result.take() {
            let session = Session::from_result(username, result, sent_at)
                .map_err(|e| AuthError::BadResponse(e.to_string()))?;
            self.adopt(session);
            return Ok(SignInStep::SignedIn(self.info()?));
        }
        // With an email alias Cognito wants the real username back, which it names here.
        let username = step
            .parameter("USER_ID_FOR_SRP")
            .unwrap_or(username)
            .to_string();
        let session = step.session.take();
        match (step.challenge(), session) {
            (Some(ChallengeName::NewPasswordRequired), Some(session)) => {
                Ok(SignInStep::NewPasswordRequired(PendingChallenge {
                    username,
                    session,
                }))
            }
            (Some(ChallengeName::SelectMfaType), Some(session)) => {
                let offered = step.parameter("MFAS_CAN_CHOOSE").unwrap_or_default();
                match Factor::offered(offered) {
                    factors if factors.is_empty() => {
                        Ok(SignInStep::Unsupported(ChallengeName::SelectMfaType))
                    }
                    factors => Ok(SignInStep::ChooseFactor(FactorChoice::new(
                        username, factors, session,
                    ))),
                }
            }
            (Some(name), Some(session)) => Ok(match Factor::of(&name) {
                Some(factor) => {
                    let destination = step.parameter("CODE_DELIVERY_DESTINATION");
                    SignInStep::CodeRequired(CodeChallenge::new(
                        username,
                        factor,
                        destination.map(str::to_string),
                        session,
                    ))
                }
                None => SignInStep::Unsupported(name),
            }),
            (Some(name), None) => Ok(SignInStep::Unsupported(name)),
            (None, _) => Err(AuthError::BadResponse(
                "the answer has neither tokens nor a challenge".into(),
            )),
        }
    }
}
