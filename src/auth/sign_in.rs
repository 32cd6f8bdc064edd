//! Signing in: the first step (SRP or password), the challenges Cognito may ask next, and what
//! each answer leads to. Adding a challenge: a variant of `SignInStep`, its arm in `take_step`,
//! and a variant of `ChallengeAnswer` with its arm in `Auth::answer`.

use super::app_setup::{AppCode, SetupChallenge};
use super::mfa::{CodeChallenge, FactorChoice};
use super::token_info::TokenInfo;
use super::{Auth, AuthError, Environment, HttpClient, SessionStore, Step, TabLink};
use crate::cognito::srp::{self, SrpClient, VerifierChallenge};
use crate::cognito::{
    AuthStep, CallError, ChallengeName, Factor, HttpRequest, InitiateAuth, Operation,
    RespondToAuthChallenge, parse_answer,
};
use crate::config::SignInFlow;
use crate::secret::{ChallengeSession, Password};
use crate::session::Session;
use futures::FutureExt;
use futures::future::LocalBoxFuture;

/// A sign-in request ready to send, and its operation's name.
struct Prepared(HttpRequest, &'static str);

/// What an answer leads to: a step, or (`MFA_SETUP`) a call for the new app's secret first.
enum Next {
    Step(SignInStep),
    SetUpApp(String, ChallengeSession),
}

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
    /// The pool requires MFA and the user has no factor yet: set up an authenticator app with
    /// the secret shown (`MFA_SETUP`).
    SetUpApp(SetupChallenge),
    /// A challenge this app cannot answer yet (custom auth, MFA setup by text or email, …),
    /// named as Cognito names it.
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
    /// The new app's first code, which a [`SignInStep::SetUpApp`] asks for.
    SetUpApp(SetupChallenge, AppCode),
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
        // The busy button paints before A = g^a; the math then runs in slices of a few
        // milliseconds (four times that on a slow phone), a task each, so the page stays live.
        let env = &self.inner.env;
        env.yield_to_page().await;
        let mut random = [0u8; srp::SECRET_BYTES];
        let client = loop {
            env.fill_random(&mut random);
            if let Some(client) = SrpClient::new(&random, || env.next_task()).await {
                break client;
            }
        };
        srp::wipe(&mut random);
        let first = InitiateAuth::user_srp(self.client_id(), username, &client.srp_a());
        let (step, started_at) = self.send_step(Step::SignIn, self.prepare(&first)).await?;
        if step.challenge() != Some(ChallengeName::PasswordVerifier) {
            return self.arrive(username, step, started_at).await;
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
                || env.next_task(),
            )
            .await
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
            ChallengeAnswer::SetUpApp(setup, code) => {
                let session = self.verify_setup(setup, code).await?;
                let username = &setup.app.username;
                (
                    RespondToAuthChallenge::mfa_setup(client, &session, username),
                    username,
                )
            }
        };
        self.next_step(Step::Challenge, self.prepare(&op), username)
            .await
    }

    /// Sends one step of a sign-in (InitiateAuth or RespondToAuthChallenge, both answered with
    /// an `AuthStep`); its answer and when it was sent (expiry counts from then). Not generic,
    /// so it is compiled once (bundle size).
    fn send_step(
        &self,
        step: Step,
        request: Prepared,
    ) -> impl Future<Output = Result<(AuthStep, u64), AuthError>> + use<'_, H, S, E, T> {
        let sent_at = self.now_ms();
        self.send(request.0).map(move |answer| {
            let answer = answer
                .map_err(CallError::from)
                .and_then(|response| parse_answer(&response, request.1));
            Ok((answer.map_err(|e| AuthError::from_call(e, step))?, sent_at))
        })
    }

    /// Sends one step of a sign-in and takes what it led to. Boxed: three paths share it
    /// (bundle size).
    fn next_step<'a>(
        &'a self,
        step: Step,
        request: Prepared,
        username: &'a str,
    ) -> LocalBoxFuture<'a, Result<SignInStep, AuthError>> {
        async move {
            let (answer, sent_at) = self.send_step(step, request).await?;
            self.arrive(username, answer, sent_at).await
        }
        .boxed_local()
    }

    /// Where a sign-in step's answer leads; for `MFA_SETUP`, after asking for the new app's
    /// secret. (`take_step` stays synchronous: an async one would be compiled as a state
    /// machine, 3 KB more of wasm.)
    async fn arrive(
        &self,
        username: &str,
        answer: AuthStep,
        sent_at: u64,
    ) -> Result<SignInStep, AuthError> {
        match self.take_step(username, answer, sent_at)? {
            Next::Step(step) => Ok(step),
            Next::SetUpApp(username, session) => Ok(SignInStep::SetUpApp(
                self.start_setup(username, session).await?,
            )),
        }
    }

    fn prepare<O: Operation<Output = AuthStep>>(&self, op: &O) -> Prepared {
        Prepared(self.request(op), O::NAME)
    }

    fn take_step(
        &self,
        username: &str,
        mut step: AuthStep,
        sent_at: u64,
    ) -> Result<Next, AuthError> {
        if let Some(result) = step.authentication_result.take() {
            let session = Session::from_result(username, result, sent_at)
                .map_err(|e| AuthError::BadResponse(e.to_string()))?;
            self.adopt(session);
            return Ok(Next::Step(SignInStep::SignedIn(self.info()?)));
        }
        // With an email alias Cognito wants the real username back, which it names here.
        let username = step
            .parameter("USER_ID_FOR_SRP")
            .unwrap_or(username)
            .to_string();
        let session = step.session.take();
        let next = match (step.challenge(), session) {
            (Some(ChallengeName::NewPasswordRequired), Some(session)) => {
                SignInStep::NewPasswordRequired(PendingChallenge { username, session })
            }
            (Some(ChallengeName::MfaSetup), Some(session))
                if step
                    .parameter("MFAS_CAN_SETUP")
                    .is_none_or(|can| Factor::offered(can).contains(&Factor::App)) =>
            {
                return Ok(Next::SetUpApp(username, session));
            }
            (Some(ChallengeName::SelectMfaType), Some(session)) => {
                let offered = step.parameter("MFAS_CAN_CHOOSE").unwrap_or_default();
                match Factor::offered(offered) {
                    factors if factors.is_empty() => {
                        SignInStep::Unsupported(ChallengeName::SelectMfaType)
                    }
                    factors => {
                        SignInStep::ChooseFactor(FactorChoice::new(username, factors, session))
                    }
                }
            }
            (Some(name), Some(session)) => match Factor::of(&name) {
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
            },
            (Some(name), None) => SignInStep::Unsupported(name),
            (None, _) => {
                return Err(AuthError::BadResponse(
                    "the answer has neither tokens nor a challenge".into(),
                ));
            }
        };
        Ok(Next::Step(next))
    }
}
