//! The auth service driven through fake ports: a scripted Cognito, a memory store, a set clock.

use super::*;
use crate::cognito::{Factor, HttpRequest, HttpResponse, TransportError};
use crate::config::Config;
use crate::secret::{Password, RefreshToken, Secret};
use crate::session::{Rotation, Session, tests::token};
use futures::channel::oneshot;
use futures::executor::block_on;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

type Reply = Result<HttpResponse, TransportError>;

enum Scripted {
    Now(Reply),
    /// Answered only when the test sends on the channel: lets a test overlap calls.
    Later(oneshot::Receiver<Reply>),
}

#[derive(Clone, Default)]
struct FakeCognito {
    replies: Rc<RefCell<VecDeque<Scripted>>>,
    sent: Rc<RefCell<Vec<(String, serde_json::Value)>>>,
}

impl FakeCognito {
    fn reply(&self, status: u16, body: serde_json::Value) {
        self.replies
            .borrow_mut()
            .push_back(Scripted::Now(Ok(HttpResponse {
                status,
                headers: vec![],
                body: body.to_string(),
            })));
    }
    fn fail(&self, error: TransportError) {
        self.replies
            .borrow_mut()
            .push_back(Scripted::Now(Err(error)));
    }
    fn reply_later(&self) -> oneshot::Sender<Reply> {
        let (tx, rx) = oneshot::channel();
        self.replies.borrow_mut().push_back(Scripted::Later(rx));
        tx
    }
    fn targets(&self) -> Vec<String> {
        self.sent.borrow().iter().map(|(t, _)| t.clone()).collect()
    }
    fn last_body(&self) -> serde_json::Value {
        self.sent.borrow().last().unwrap().1.clone()
    }
    fn bodies(&self) -> Vec<serde_json::Value> {
        self.sent.borrow().iter().map(|(_, b)| b.clone()).collect()
    }
}

impl HttpClient for FakeCognito {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let target = request
            .header("x-amz-target")
            .unwrap()
            .rsplit('.')
            .next()
            .unwrap()
            .to_string();
        self.sent
            .borrow_mut()
            .push((target, serde_json::from_str(&request.body).unwrap()));
        let next = self
            .replies
            .borrow_mut()
            .pop_front()
            .expect("an unscripted request");
        match next {
            Scripted::Now(reply) => reply,
            Scripted::Later(rx) => rx.await.expect("the test dropped a reply"),
        }
    }
}

#[derive(Clone, Default)]
struct MemoryStore {
    record: Rc<RefCell<Option<String>>>,
    broken: Rc<Cell<bool>>,
}

impl SessionStore for MemoryStore {
    fn load(&self) -> Result<Option<String>, StorageError> {
        Ok(self.record.borrow().clone())
    }
    fn save(&self, record: &str) -> Result<(), StorageError> {
        if self.broken.get() {
            return Err(StorageError::Full);
        }
        *self.record.borrow_mut() = Some(record.to_string());
        Ok(())
    }
    fn remove(&self) -> Result<(), StorageError> {
        *self.record.borrow_mut() = None;
        Ok(())
    }
}

/// The clock the test sets, and how many times the service paused between slices of work.
#[derive(Clone)]
struct SetClock(Rc<Cell<u64>>, Rc<Cell<u32>>);

impl Environment for SetClock {
    fn now_ms(&self) -> u64 {
        self.0.get()
    }
    fn jitter(&self) -> f64 {
        0.5
    }
    fn fill_random(&self, out: &mut [u8]) {
        out.fill(7);
    }
    async fn yield_to_page(&self) {
        yield_once().await;
    }
    async fn next_task(&self) {
        self.1.set(self.1.get() + 1);
        yield_once().await;
    }
}

const T0: u64 = 1_800_000_000_000;

type TestAuth<T> = Auth<FakeCognito, MemoryStore, SetClock, T>;

struct World {
    auth: TestAuth<SoloTab>,
    cognito: FakeCognito,
    store: MemoryStore,
    clock: Rc<Cell<u64>>,
}

fn config(refresh_mode: &str) -> Config {
    Config::parse(&format!(
        r#"{{"region":"us-east-1","userPoolId":"us-east-1_T","clientId":"client1","refreshMode":"{refresh_mode}",
            "signInFlow":"USER_PASSWORD_AUTH"}}"#
    ))
    .unwrap()
}

/// The one way the tests build an auth service, from the fakes it talks to.
fn build<T: TabLink>(
    config: Config,
    cognito: &FakeCognito,
    store: &MemoryStore,
    clock: &Rc<Cell<u64>>,
    tabs: T,
) -> TestAuth<T> {
    Auth::new(
        config,
        cognito.clone(),
        store.clone(),
        SetClock(clock.clone(), Rc::default()),
        tabs,
    )
}

fn world(refresh_mode: &str) -> World {
    world_with(config(refresh_mode))
}

fn world_with(config: Config) -> World {
    let cognito = FakeCognito::default();
    let store = MemoryStore::default();
    let clock = Rc::new(Cell::new(T0));
    let auth = build(config, &cognito, &store, &clock, SoloTab);
    World {
        auth,
        cognito,
        store,
        clock,
    }
}

fn tokens(n: u64, refresh: Option<&str>) -> serde_json::Value {
    let iat = T0 / 1000 + n;
    let access = token(serde_json::json!({
        "sub": "s", "username": "alice", "token_use": "access", "iat": iat, "exp": iat + 3600, "jti": n
    }));
    let id = token(serde_json::json!({
        "sub": "s", "cognito:username": "alice", "email": "alice@example.com",
        "token_use": "id", "iat": iat, "exp": iat + 3600
    }));
    let mut result = serde_json::json!({
        "AccessToken": access, "IdToken": id, "ExpiresIn": 3600, "TokenType": "Bearer"
    });
    if let Some(r) = refresh {
        result["RefreshToken"] = r.into();
    }
    serde_json::json!({ "AuthenticationResult": result })
}

/// A reply for a `reply_later` channel.
fn http_reply(status: u16, body: serde_json::Value) -> Reply {
    Ok(HttpResponse {
        status,
        headers: vec![],
        body: body.to_string(),
    })
}

fn error(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({"__type": code, "message": message})
}

fn signed_in(refresh_mode: &str) -> World {
    let w = world(refresh_mode);
    w.cognito.reply(200, tokens(0, Some("refresh-one-AAAAAA")));
    let step = block_on(w.auth.sign_in("alice", &Password::new("pw"))).unwrap();
    assert!(matches!(step, SignInStep::SignedIn(_)));
    w
}

fn stored_refresh_token(w: &World) -> String {
    let session = stored(w).expect("a stored session");
    session
        .refresh_token
        .expect("a refresh token")
        .expose()
        .to_string()
}

fn stored(w: &World) -> Option<Session> {
    w.store
        .record
        .borrow()
        .as_deref()
        .map(|r| Session::from_record(r).unwrap())
}

const HOUR: u64 = 3_600_000;

#[test]
fn sign_in_stores_the_session_and_shows_previews_only() {
    let w = signed_in("rotation");
    assert_eq!(w.cognito.targets(), ["InitiateAuth"]);
    assert_eq!(w.cognito.last_body()["AuthParameters"]["PASSWORD"], "pw");
    let saved = stored(&w).unwrap();
    assert_eq!(saved.refresh_token.unwrap().expose(), "refresh-one-AAAAAA");
    let read = block_on(w.auth.token_info()).unwrap();
    assert_eq!(read.refreshed, None);
    assert_eq!(read.info.username, "alice");
    assert_eq!(read.info.email.as_deref(), Some("alice@example.com"));
    assert_eq!(read.info.access_expires_at_ms, T0 + HOUR);
    assert_eq!(
        read.info.refresh_preview.as_deref(),
        Some("refresh-on…AAAAAA")
    );
    assert!(!format!("{read:?}").contains(saved.access_token.expose()));
}

#[test]
fn the_id_tokens_claims_are_there_while_signed_in_only() {
    let w = world("rotation");
    assert_eq!(w.auth.id_claims(), None);
    w.cognito.reply(200, tokens(0, Some("refresh-one-AAAAAA")));
    block_on(w.auth.sign_in("alice", &Password::new("pw"))).unwrap();
    let claims = w.auth.id_claims().expect("the ID token's claims");
    assert_eq!(claims.cognito_username.as_deref(), Some("alice"));
    assert_eq!(claims.email.as_deref(), Some("alice@example.com"));
    assert_eq!(claims.token_use.as_deref(), Some("id"));
    w.cognito.reply(200, serde_json::json!({}));
    block_on(w.auth.sign_out());
    assert_eq!(w.auth.id_claims(), None);
}

#[test]
fn wrong_password_and_unknown_user_read_the_same_and_store_nothing() {
    let w = world("rotation");
    w.cognito.reply(
        400,
        error("NotAuthorizedException", "Incorrect username or password."),
    );
    w.cognito
        .reply(400, error("UserNotFoundException", "User does not exist."));
    let a = block_on(w.auth.sign_in("alice", &Password::new("bad"))).unwrap_err();
    let b = block_on(w.auth.sign_in("nobody", &Password::new("bad"))).unwrap_err();
    assert_eq!(a, AuthError::WrongCredentials);
    assert_eq!(a.to_string(), b.to_string());
    assert_eq!(*w.store.record.borrow(), None);
    assert!(!w.auth.is_signed_in());
}

#[test]
fn new_password_challenge_completes_the_sign_in() {
    let w = world("rotation");
    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "chal-sess",
            "ChallengeParameters": {"USER_ID_FOR_SRP": "bob"}}),
    );
    let SignInStep::NewPasswordRequired(challenge) =
        block_on(w.auth.sign_in("bob@example.com", &Password::new("temp"))).unwrap()
    else {
        panic!("expected the challenge")
    };
    assert!(!w.auth.is_signed_in());
    w.cognito.reply(
        400,
        error(
            "InvalidPasswordException",
            "Password must have symbol characters",
        ),
    );
    let err = block_on(w.auth.answer(&ChallengeAnswer::NewPassword(
        challenge.clone(),
        Password::new("weak"),
    )))
    .unwrap_err();
    assert_eq!(
        crate::outcome::error_text(&err).render(crate::i18n::Lang::En),
        "That password was not accepted: Password must have symbol characters"
    );
    w.cognito.reply(200, tokens(0, Some("r")));
    let step = block_on(w.auth.answer(&ChallengeAnswer::NewPassword(
        challenge,
        Password::new("N3w!passw0rd"),
    )))
    .unwrap();
    assert!(matches!(step, SignInStep::SignedIn(_)));
    let body = w.cognito.last_body();
    assert_eq!(body["ChallengeName"], "NEW_PASSWORD_REQUIRED");
    assert_eq!(body["Session"], "chal-sess");
    assert_eq!(body["ChallengeResponses"]["USERNAME"], "bob");
    assert!(stored(&w).is_some());
}

#[test]
fn other_challenges_are_named_not_hidden() {
    let w = world("rotation");
    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "CUSTOM_CHALLENGE", "Session": "s"}),
    );
    let step = block_on(w.auth.sign_in("alice", &Password::new("pw"))).unwrap();
    assert_eq!(
        step,
        SignInStep::Unsupported(crate::cognito::ChallengeName::CustomChallenge)
    );
}

/// The first step of a sign-in answered with `challenge`, its session and parameters.
fn challenged(w: &World, name: &str, session: &str, params: serde_json::Value) -> SignInStep {
    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": name, "Session": session, "ChallengeParameters": params}),
    );
    block_on(w.auth.sign_in("alice@example.com", &Password::new("pw"))).unwrap()
}

#[test]
fn an_authenticator_code_signs_in_and_a_wrong_one_can_be_retried_on_the_same_session() {
    let w = world("rotation");
    let step = challenged(
        &w,
        "SOFTWARE_TOKEN_MFA",
        "mfa-1",
        serde_json::json!({"USER_ID_FOR_SRP": "alice"}),
    );
    let SignInStep::CodeRequired(challenge) = step else {
        panic!("expected a code step, got {step:?}")
    };
    assert_eq!(
        (challenge.factor, challenge.destination.as_deref()),
        (Factor::App, None)
    );
    assert!(!w.auth.is_signed_in());

    w.cognito.reply(
        400,
        error("CodeMismatchException", "Invalid code received for user"),
    );
    let err = block_on(w.auth.answer(&ChallengeAnswer::Code(
        challenge.clone(),
        " 123 456 ".into(),
    )))
    .unwrap_err();
    assert_eq!(err, AuthError::WrongCode);
    assert_eq!(*w.store.record.borrow(), None);
    let body = w.cognito.last_body();
    assert_eq!(body["ChallengeName"], "SOFTWARE_TOKEN_MFA");
    assert_eq!(body["Session"], "mfa-1");
    assert_eq!(
        body["ChallengeResponses"]["USERNAME"], "alice",
        "the real username"
    );
    assert_eq!(
        body["ChallengeResponses"]["SOFTWARE_TOKEN_MFA_CODE"],
        "123456"
    );

    w.cognito.reply(200, tokens(0, Some("r")));
    let step = block_on(
        w.auth
            .answer(&ChallengeAnswer::Code(challenge.clone(), "654321".into())),
    )
    .unwrap();
    assert!(matches!(step, SignInStep::SignedIn(_)));
    assert_eq!(w.cognito.last_body()["Session"], "mfa-1");
    assert!(stored(&w).is_some());
}

#[test]
fn an_sms_code_step_names_where_the_code_went() {
    let w = world("rotation");
    let step = challenged(
        &w,
        "SMS_MFA",
        "sms-1",
        serde_json::json!({"CODE_DELIVERY_DELIVERY_MEDIUM": "SMS",
            "CODE_DELIVERY_DESTINATION": "+*******1234", "USER_ID_FOR_SRP": "alice"}),
    );
    let SignInStep::CodeRequired(challenge) = step else {
        panic!("expected a code step, got {step:?}")
    };
    assert_eq!(challenge.factor, Factor::Sms);
    assert_eq!(
        crate::outcome::code_prompt(&challenge).render(crate::i18n::Lang::En),
        "We sent a code to +*******1234. Enter it here."
    );
    w.cognito.reply(200, tokens(0, Some("r")));
    block_on(
        w.auth
            .answer(&ChallengeAnswer::Code(challenge.clone(), "111222".into())),
    )
    .unwrap();
    assert_eq!(
        w.cognito.last_body()["ChallengeResponses"]["SMS_MFA_CODE"],
        "111222"
    );
}

#[test]
fn a_choice_of_factors_lists_what_cognito_offers_then_asks_for_the_chosen_code() {
    let w = world("rotation");
    let step = challenged(
        &w,
        "SELECT_MFA_TYPE",
        "select-1",
        serde_json::json!({"MFAS_CAN_CHOOSE": "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]",
            "USER_ID_FOR_SRP": "alice"}),
    );
    let SignInStep::ChooseFactor(choice) = step else {
        panic!("expected a choice, got {step:?}")
    };
    assert_eq!(choice.factors, [Factor::Sms, Factor::App]);

    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "SOFTWARE_TOKEN_MFA", "Session": "select-2",
            "ChallengeParameters": {}}),
    );
    let step = block_on(w.auth.answer(&ChallengeAnswer::Factor(choice, Factor::App))).unwrap();
    let body = w.cognito.last_body();
    assert_eq!(body["ChallengeName"], "SELECT_MFA_TYPE");
    assert_eq!(body["Session"], "select-1");
    assert_eq!(body["ChallengeResponses"]["ANSWER"], "SOFTWARE_TOKEN_MFA");
    let SignInStep::CodeRequired(challenge) = step else {
        panic!("expected a code step, got {step:?}")
    };
    assert_eq!(
        challenge.username, "alice",
        "kept when the next step names no user"
    );

    w.cognito.reply(200, tokens(0, Some("r")));
    block_on(
        w.auth
            .answer(&ChallengeAnswer::Code(challenge.clone(), "123456".into())),
    )
    .unwrap();
    assert_eq!(
        w.cognito.last_body()["Session"],
        "select-2",
        "each step's own session"
    );
    assert!(w.auth.is_signed_in());
}

/// A sign-in answered with `MFA_SETUP` (its session, its parameters), then `associate` for
/// the new secret.
fn setup_step(
    w: &World,
    session: &str,
    params: serde_json::Value,
    associate: serde_json::Value,
) -> SignInStep {
    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "MFA_SETUP", "Session": session, "ChallengeParameters": params}),
    );
    w.cognito.reply(200, associate);
    block_on(w.auth.sign_in("alice@example.com", &Password::new("pw"))).unwrap()
}

#[test]
fn mfa_setup_shows_a_new_secret_then_chains_each_session_to_the_tokens() {
    let w = world("rotation");
    let step = setup_step(
        &w,
        "setup-1",
        serde_json::json!({"MFAS_CAN_SETUP": "[\"SOFTWARE_TOKEN_MFA\"]", "USER_ID_FOR_SRP": "alice"}),
        serde_json::json!({"SecretCode": "JBSWY3DPEHPK3PXP", "Session": "setup-2"}),
    );
    let SignInStep::SetUpApp(setup) = step else {
        panic!("expected an app setup, got {step:?}")
    };
    assert_eq!(w.cognito.targets()[1], "AssociateSoftwareToken");
    assert_eq!(
        w.cognito.last_body(),
        serde_json::json!({"Session": "setup-1"})
    );
    assert_eq!(setup.app.username, "alice");
    assert_eq!(setup.app.grouped_secret(), "JBSW Y3DP EHPK 3PXP");
    assert!(!format!("{setup:?}").contains("JBSW"), "never printed");

    // A wrong code: nothing changes, the same step can be answered again.
    w.cognito.reply(
        400,
        error("EnableSoftwareTokenMFAException", "Code mismatch"),
    );
    let code = |code: &str| AppCode {
        code: code.into(),
        device_name: "phone".into(),
    };
    let answer = |c| ChallengeAnswer::SetUpApp(setup.clone(), code(c));
    assert_eq!(
        block_on(w.auth.answer(&answer("000000"))).unwrap_err(),
        AuthError::WrongCode
    );
    assert!(!w.auth.is_signed_in());

    w.cognito.reply(
        200,
        serde_json::json!({"Status": "SUCCESS", "Session": "setup-3"}),
    );
    w.cognito.reply(200, tokens(0, Some("r")));
    let step = block_on(w.auth.answer(&answer("123456"))).unwrap();
    assert!(matches!(step, SignInStep::SignedIn(_)));
    let targets = w.cognito.targets();
    assert_eq!(
        targets[2..],
        [
            "VerifySoftwareToken",
            "VerifySoftwareToken",
            "RespondToAuthChallenge"
        ]
    );
    let bodies = w.cognito.bodies();
    assert_eq!(
        bodies[3],
        serde_json::json!({"Session": "setup-2", "UserCode": "123456", "FriendlyDeviceName": "phone"})
    );
    assert_eq!(
        bodies[4],
        serde_json::json!({"ChallengeName": "MFA_SETUP", "ClientId": "client1", "Session": "setup-3",
            "ChallengeResponses": {"USERNAME": "alice"}})
    );
    assert!(stored(&w).is_some());
}

#[test]
fn mfa_setup_keeps_the_last_session_when_an_answer_has_none_and_names_what_it_cannot_set_up() {
    let w = world("rotation");
    let step = setup_step(
        &w,
        "only-1",
        serde_json::json!({}),
        serde_json::json!({"SecretCode": "JBSWY3DPEHPK3PXP"}),
    );
    let SignInStep::SetUpApp(setup) = step else {
        panic!("expected an app setup, got {step:?}")
    };
    w.cognito
        .reply(200, serde_json::json!({"Status": "SUCCESS"}));
    w.cognito.reply(200, tokens(0, Some("r")));
    let code = AppCode {
        code: "123456".into(),
        device_name: String::new(),
    };
    block_on(w.auth.answer(&ChallengeAnswer::SetUpApp(setup, code))).unwrap();
    let bodies = w.cognito.bodies();
    assert_eq!(bodies[2]["Session"], "only-1");
    assert!(bodies[2].get("FriendlyDeviceName").is_none());
    assert_eq!(bodies[3]["Session"], "only-1");

    // Only text or email setup offered: named, not attempted.
    let w = world("rotation");
    let step = challenged(
        &w,
        "MFA_SETUP",
        "s",
        serde_json::json!({"MFAS_CAN_SETUP": "[\"EMAIL_OTP\"]"}),
    );
    assert_eq!(step, SignInStep::Unsupported(ChallengeName::MfaSetup));
    assert_eq!(w.cognito.targets().len(), 1);
}

#[test]
fn an_expired_setup_session_goes_back_to_sign_in() {
    let w = world("rotation");
    w.cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "MFA_SETUP", "Session": "s", "ChallengeParameters": {}}),
    );
    w.cognito
        .reply(400, error("NotAuthorizedException", "Invalid session."));
    let err = block_on(w.auth.sign_in("alice", &Password::new("pw"))).unwrap_err();
    assert_eq!(err, AuthError::ChallengeExpired);
    assert!(!w.auth.is_signed_in());
}

#[test]
fn the_account_sets_up_an_app_turns_it_on_as_preferred_and_keeps_the_other_factors() {
    let w = signed_in("rotation");
    w.cognito
        .reply(200, serde_json::json!({"SecretCode": "JBSWY3DPEHPK3PXP"}));
    let app = block_on(w.auth.new_app()).unwrap();
    assert_eq!(app.username, "alice");
    assert!(w.cognito.last_body()["AccessToken"].is_string());

    let sms_on = MfaSettings {
        enabled: vec![Factor::Sms],
        preferred: Some(Factor::Sms),
    };
    let code = AppCode {
        code: "123 456".into(),
        device_name: "Ann's phone".into(),
    };
    w.cognito.reply(
        400,
        error("EnableSoftwareTokenMFAException", "Code mismatch"),
    );
    assert_eq!(
        block_on(w.auth.enable_app(&code, &sms_on)).unwrap_err(),
        AuthError::WrongCode
    );
    assert_eq!(w.cognito.targets().last().unwrap(), "VerifySoftwareToken");

    w.cognito
        .reply(200, serde_json::json!({"Status": "SUCCESS"}));
    w.cognito.reply(200, serde_json::json!({}));
    let settings = block_on(w.auth.enable_app(&code, &sms_on)).unwrap();
    assert_eq!(settings.enabled, [Factor::Sms, Factor::App]);
    assert_eq!(settings.preferred, Some(Factor::App));
    let body = w.cognito.last_body();
    assert_eq!(w.cognito.targets().last().unwrap(), "SetUserMFAPreference");
    assert_eq!(
        body["SMSMfaSettings"],
        serde_json::json!({"Enabled": true, "PreferredMfa": false})
    );
    assert_eq!(
        body["SoftwareTokenMfaSettings"],
        serde_json::json!({"Enabled": true, "PreferredMfa": true})
    );

    w.cognito.reply(200, serde_json::json!({}));
    let off = block_on(w.auth.set_factor(&settings, Factor::App, false)).unwrap();
    assert_eq!(off.enabled, [Factor::Sms]);
    assert_eq!(
        w.cognito.last_body()["SoftwareTokenMfaSettings"],
        serde_json::json!({"Enabled": false, "PreferredMfa": false})
    );
}

#[test]
fn the_profile_reads_the_factors_that_are_on() {
    let w = signed_in("rotation");
    w.cognito.reply(
        200,
        serde_json::json!({"Username": "alice", "UserAttributes": [
            {"Name": "phone_number", "Value": "+15555550123"}, {"Name": "phone_number_verified", "Value": "true"}],
            "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA"}),
    );
    let profile = block_on(w.auth.profile()).unwrap();
    assert_eq!(profile.mfa.enabled, [Factor::App]);
    assert_eq!(profile.mfa.preferred, Some(Factor::App));
    assert!(profile.has_verified_phone());
}

#[test]
fn a_choice_of_factors_this_app_does_not_know_is_named() {
    let w = world("rotation");
    let step = challenged(
        &w,
        "SELECT_MFA_TYPE",
        "s",
        serde_json::json!({"MFAS_CAN_CHOOSE": "[\"WEB_AUTHN\"]"}),
    );
    assert_eq!(
        step,
        SignInStep::Unsupported(crate::cognito::ChallengeName::SelectMfaType)
    );
}

#[test]
fn a_spent_or_expired_challenge_ends_the_attempt_and_too_many_tries_say_to_wait() {
    for (code, message, expected) in [
        (
            "NotAuthorizedException",
            "Invalid session for the user, session is expired.",
            AuthError::ChallengeExpired,
        ),
        ("ExpiredCodeException", "", AuthError::ChallengeExpired),
        (
            "TooManyFailedAttemptsException",
            "",
            AuthError::TooManyAttempts,
        ),
        ("LimitExceededException", "", AuthError::TooManyAttempts),
    ] {
        let w = world("rotation");
        let SignInStep::CodeRequired(challenge) =
            challenged(&w, "EMAIL_OTP", "e-1", serde_json::json!({}))
        else {
            panic!("expected a code step")
        };
        w.cognito.reply(400, error(code, message));
        let err = block_on(
            w.auth
                .answer(&ChallengeAnswer::Code(challenge.clone(), "12345678".into())),
        )
        .unwrap_err();
        assert_eq!(err, expected, "{code}");
        assert_eq!(
            w.cognito.last_body()["ChallengeResponses"]["EMAIL_OTP_CODE"],
            "12345678"
        );
        assert!(!w.auth.is_signed_in());
    }
}

#[test]
fn a_fresh_token_is_read_without_any_request() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR / 2);
    block_on(w.auth.token_info()).unwrap();
    assert_eq!(w.cognito.targets(), ["InitiateAuth"]);
}

#[test]
fn an_expired_token_is_refreshed_once_with_rotation() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR + 1);
    w.cognito
        .reply(200, tokens(3600, Some("refresh-two-BBBBBB")));
    let read = block_on(w.auth.token_info()).unwrap();
    assert_eq!(
        w.cognito.targets(),
        ["InitiateAuth", "GetTokensFromRefreshToken"]
    );
    assert_eq!(
        w.cognito.last_body(),
        serde_json::json!({"ClientId": "client1", "RefreshToken": "refresh-one-AAAAAA"})
    );
    assert_eq!(
        read.refreshed.unwrap().rotation,
        Rotation::Rotated {
            old_tail: "AAAAAA".into(),
            new_tail: "BBBBBB".into()
        }
    );
    assert_eq!(read.info.refresh_rotated_at_ms, Some(T0 + HOUR + 1));
    assert_eq!(read.info.access_expires_at_ms, T0 + 2 * HOUR + 1);
    assert_eq!(stored_refresh_token(&w), "refresh-two-BBBBBB");
    // Read again: fresh now, so no second request.
    block_on(w.auth.token_info()).unwrap();
    assert_eq!(w.cognito.targets().len(), 2);
}

#[test]
fn legacy_mode_refreshes_with_refresh_token_auth_and_keeps_the_refresh_token() {
    let w = signed_in("legacy");
    w.clock.set(T0 + HOUR + 1);
    w.cognito.reply(200, tokens(3600, None));
    let read = block_on(w.auth.token_info()).unwrap();
    assert_eq!(w.cognito.targets(), ["InitiateAuth", "InitiateAuth"]);
    let body = w.cognito.last_body();
    assert_eq!(body["AuthFlow"], "REFRESH_TOKEN_AUTH");
    assert_eq!(
        body["AuthParameters"]["REFRESH_TOKEN"],
        "refresh-one-AAAAAA"
    );
    assert_eq!(read.refreshed.unwrap().rotation, Rotation::Kept);
    assert_eq!(stored_refresh_token(&w), "refresh-one-AAAAAA");
}

#[test]
fn simultaneous_reads_share_one_refresh() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR + 1);
    let answer = w.cognito.reply_later();
    let reads: Vec<_> = (0..20).map(|_| w.auth.token_info()).collect();
    let release = async {
        answer
            .send(http_reply(200, tokens(3600, Some("refresh-two-BBBBBB"))))
            .unwrap();
    };
    let (results, ()) = block_on(futures::future::join(
        futures::future::join_all(reads),
        release,
    ));
    assert_eq!(
        w.cognito.targets(),
        ["InitiateAuth", "GetTokensFromRefreshToken"]
    );
    for r in results {
        assert_eq!(
            r.unwrap().info.refresh_preview.as_deref(),
            Some("refresh-tw…BBBBBB")
        );
    }
}

#[test]
fn transient_failures_keep_every_token() {
    type Inject = Box<dyn Fn(&FakeCognito)>;
    let failures: Vec<Inject> = vec![
        Box::new(|c| c.fail(TransportError::Network("Failed to fetch".into()))),
        Box::new(|c| c.fail(TransportError::Timeout)),
        Box::new(|c| c.reply(500, error("InternalErrorException", "boom"))),
        Box::new(|c| c.reply(400, error("TooManyRequestsException", "slow down"))),
        Box::new(|c| c.reply(200, serde_json::json!({"unexpected": true}))),
        Box::new(|c| c.reply(400, error("InvalidParameterException", "misconfigured"))),
    ];
    for inject in failures {
        let w = signed_in("rotation");
        let before = w.store.record.borrow().clone();
        w.clock.set(T0 + HOUR + 1);
        inject(&w.cognito);
        let err = block_on(w.auth.token_info()).unwrap_err();
        assert_ne!(err, AuthError::SessionEnded);
        assert!(w.auth.is_signed_in(), "{err:?}");
        assert_eq!(*w.store.record.borrow(), before, "{err:?}");
        if err == AuthError::Throttled {
            // Cognito asked to slow down: a read before the next try sends nothing.
            let sent = w.cognito.targets().len();
            assert_eq!(block_on(w.auth.token_info()), Err(AuthError::Throttled));
            assert_eq!(w.cognito.targets().len(), sent);
            w.clock.set(w.auth.retry_at_ms().unwrap());
        }
        // The next read tries again and succeeds.
        w.cognito.reply(200, tokens(3600, Some("r2")));
        assert!(block_on(w.auth.token_info()).unwrap().refreshed.is_some());
    }
}

#[test]
fn a_dead_refresh_token_ends_the_session() {
    for code in ["NotAuthorizedException", "RefreshTokenReuseException"] {
        let w = signed_in("rotation");
        w.clock.set(T0 + HOUR + 1);
        w.cognito
            .reply(400, error(code, "Refresh Token has been revoked"));
        let err = block_on(w.auth.token_info()).unwrap_err();
        assert_eq!(err, AuthError::SessionEnded);
        assert_eq!(
            crate::outcome::error_text(&err).render(crate::i18n::Lang::En),
            "Your session has ended. Please sign in again."
        );
        assert!(!w.auth.is_signed_in());
        assert_eq!(*w.store.record.borrow(), None);
    }
}

#[test]
fn a_refresh_answer_after_sign_out_is_dropped() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR + 1);
    let answer = w.cognito.reply_later();
    w.cognito.reply(200, serde_json::json!({})); // the sign-out's revoke
    w.cognito.reply(200, serde_json::json!({})); // the late answer's new refresh token, revoked
    let late = async {
        // The refresh is under way; sign out meanwhile, then let the refresh answer.
        let sign_out = w.auth.sign_out().await;
        assert_eq!(sign_out.revoked, Ok(()));
        answer
            .send(http_reply(200, tokens(3600, Some("r2"))))
            .unwrap();
    };
    let (read, ()) = block_on(futures::future::join(w.auth.token_info(), late));
    assert_eq!(read.unwrap_err(), AuthError::Superseded);
    assert!(!w.auth.is_signed_in());
    assert_eq!(*w.store.record.borrow(), None);
    // The late answer's new refresh token would be held by nobody: it is revoked too.
    assert_eq!(
        w.cognito.targets(),
        [
            "InitiateAuth",
            "GetTokensFromRefreshToken",
            "RevokeToken",
            "RevokeToken"
        ]
    );
    assert_eq!(w.cognito.last_body()["Token"], "r2");
}

#[test]
fn a_late_rejection_does_not_end_a_newer_session() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR + 1);
    let answer = w.cognito.reply_later();
    w.cognito.reply(200, tokens(3600, Some("newer-session")));
    let newer = async {
        w.auth.sign_in("alice", &Password::new("pw")).await.unwrap();
        answer
            .send(http_reply(400, error("NotAuthorizedException", "x")))
            .unwrap();
    };
    let (read, ()) = block_on(futures::future::join(w.auth.refresh(), newer));
    assert_eq!(read.unwrap_err(), AuthError::Superseded);
    assert_eq!(stored_refresh_token(&w), "newer-session");
}

#[test]
fn sign_out_revokes_and_clears_and_says_when_revoke_failed() {
    let w = signed_in("rotation");
    w.cognito.reply(200, serde_json::json!({}));
    let report = block_on(w.auth.sign_out());
    assert_eq!(report.revoked, Ok(()));
    assert_eq!(w.cognito.targets().last().unwrap(), "RevokeToken");
    assert_eq!(
        w.cognito.last_body(),
        serde_json::json!({"Token": "refresh-one-AAAAAA", "ClientId": "client1"})
    );
    assert_eq!(*w.store.record.borrow(), None);

    let w = signed_in("rotation");
    w.cognito.fail(TransportError::Network("offline".into()));
    let report = block_on(w.auth.sign_out());
    assert!(matches!(report.revoked, Err(AuthError::Network(_))));
    assert!(!w.auth.is_signed_in());
    assert_eq!(*w.store.record.borrow(), None);
}

#[test]
fn restore_takes_up_a_saved_session_and_resets_a_corrupt_one() {
    let w = signed_in("rotation");
    let record = w.store.record.borrow().clone();
    let again = world("rotation");
    *again.store.record.borrow_mut() = record;
    assert_eq!(again.auth.restore(), Ok(true));
    assert_eq!(
        block_on(again.auth.token_info()).unwrap().info.username,
        "alice"
    );

    let broken = world("rotation");
    *broken.store.record.borrow_mut() = Some("{\"v\":1,\"access_token\":".into());
    let err = broken.auth.restore().unwrap_err();
    assert_eq!(
        crate::outcome::error_text(&err).render(crate::i18n::Lang::En),
        "The saved session could not be read (it is not valid JSON), so it was cleared. Please sign in again."
    );
    assert_eq!(*broken.store.record.borrow(), None);
    assert!(!broken.auth.is_signed_in());
}

#[test]
fn a_storage_failure_keeps_the_session_in_memory_and_says_so() {
    let w = world("rotation");
    w.store.broken.set(true);
    w.cognito.reply(200, tokens(0, Some("r")));
    let SignInStep::SignedIn(info) =
        block_on(w.auth.sign_in("alice", &Password::new("pw"))).unwrap()
    else {
        panic!()
    };
    assert_eq!(info.storage_problem, Some(StorageError::Full));
    assert!(w.auth.is_signed_in());
}

#[test]
fn reading_while_signed_out_asks_nothing() {
    let w = world("rotation");
    assert_eq!(
        block_on(w.auth.token_info()).unwrap_err(),
        AuthError::NotSignedIn
    );
    assert!(w.cognito.targets().is_empty());
}

#[test]
fn keep_alive_refreshes_ahead_of_expiry_and_backs_off_after_failures() {
    let w = signed_in("rotation");
    // Default lead: 60 s (+5 s margin) before the end.
    w.clock.set(T0 + HOUR - 70_000);
    assert_eq!(block_on(w.auth.keep_alive()), None);
    w.clock.set(T0 + HOUR - 60_000);
    w.cognito.fail(TransportError::Network("offline".into()));
    assert!(matches!(
        block_on(w.auth.keep_alive()),
        Some(Err(AuthError::Network(_)))
    ));
    // Backing off: 2 s × jitter spread 0.75 = 1.5 s before the next try.
    assert_eq!(w.auth.retry_at_ms(), Some(T0 + HOUR - 60_000 + 1_500));
    w.clock.set(T0 + HOUR - 59_000);
    assert_eq!(block_on(w.auth.keep_alive()), None);
    assert_eq!(w.cognito.targets().len(), 2);
    // Back online: try at once.
    w.auth.retry_soon();
    w.cognito.reply(200, tokens(3540, Some("r2")));
    assert!(matches!(block_on(w.auth.keep_alive()), Some(Ok(_))));
    assert_eq!(w.auth.retry_at_ms(), None);
    assert!(w.auth.is_signed_in());
}

#[test]
fn keep_alive_does_nothing_when_proactive_refresh_is_off() {
    let mut off = config("rotation");
    off.proactive_refresh_s = 0;
    let World {
        auth,
        cognito,
        clock,
        ..
    } = world_with(off);
    cognito.reply(200, tokens(0, Some("r")));
    block_on(auth.sign_in("alice", &Password::new("pw"))).unwrap();
    clock.set(T0 + 2 * HOUR);
    assert_eq!(block_on(auth.keep_alive()), None);
    assert_eq!(cognito.targets(), ["InitiateAuth"]);
    // A read's refresh fails: no timer will try again, so no next try is announced.
    cognito.reply(500, error("InternalErrorException", "boom"));
    assert!(block_on(auth.token_info()).is_err());
    assert_eq!(auth.retry_at_ms(), None);
    assert!(auth.info().is_ok());
}

type OpenTab = (usize, TestAuth<Tab>);

/// Tabs of one browser: a lock they share and a channel that delivers to every other tab.
#[derive(Clone, Default)]
struct Browser {
    lock: Rc<futures::lock::Mutex<()>>,
    tabs: Rc<RefCell<Vec<OpenTab>>>,
    news: Rc<RefCell<Vec<(usize, TabNews)>>>,
    marks: Rc<RefCell<Vec<String>>>,
    /// Back-off notes: the tab that left each, the fingerprint, the note.
    notes: Rc<RefCell<Vec<(usize, String, Backoff)>>>,
    /// When set, messages wait in `in_transit` until `deliver` (a slow channel).
    slow_channel: Rc<Cell<bool>>,
    in_transit: Rc<RefCell<Vec<(usize, String)>>>,
}

#[derive(Clone)]
struct Tab {
    id: usize,
    browser: Browser,
}

impl TabLink for Tab {
    async fn exclusive<T>(&self, work: impl std::future::Future<Output = T>) -> T {
        let _held = self.browser.lock.lock().await;
        work.await
    }
    fn publish(&self, message: &TabMessage) {
        // Through JSON, as the browser's channel carries it.
        let wire = message.to_text();
        self.browser.in_transit.borrow_mut().push((self.id, wire));
        if !self.browser.slow_channel.get() {
            self.browser.deliver();
        }
    }
    fn mark_replaced(&self, fingerprint: &str) {
        self.browser
            .marks
            .borrow_mut()
            .push(fingerprint.to_string());
    }
    async fn was_replaced(&self, fingerprint: &str) -> bool {
        self.browser.marks.borrow().iter().any(|m| m == fingerprint)
    }
    async fn pause(&self, _ms: u32) {
        // Never ends by itself: a test that needs the bound to run out would say so.
        futures::future::pending::<()>().await
    }
    fn mark_backoff(&self, fingerprint: &str, backoff: &Backoff) {
        let note = (self.id, fingerprint.to_string(), *backoff);
        self.browser.notes.borrow_mut().push(note);
    }
    async fn backoff(&self, fingerprint: &str) -> Option<Backoff> {
        let notes = self.browser.notes.borrow();
        let others = notes
            .iter()
            .filter(|(id, fp, _)| *id != self.id && fp == fingerprint);
        others.map(|(_, _, note)| *note).max_by_key(|n| n.set_at_ms)
    }
}

impl Browser {
    fn deliver(&self) {
        let messages: Vec<_> = self.in_transit.borrow_mut().drain(..).collect();
        for (from, wire) in messages {
            let others: Vec<_> = self
                .tabs
                .borrow()
                .iter()
                .filter(|(id, _)| *id != from)
                .cloned()
                .collect();
            for (id, auth) in others {
                if let Some(news) = auth.on_tab_message(TabMessage::from_text(&wire).unwrap()) {
                    self.news.borrow_mut().push((id, news));
                }
            }
        }
    }

    fn open_tab(
        &self,
        cognito: &FakeCognito,
        clock: &Rc<Cell<u64>>,
        store: MemoryStore,
    ) -> TestAuth<Tab> {
        let id = self.tabs.borrow().len();
        let tab = Tab {
            id,
            browser: self.clone(),
        };
        let auth = build(config("rotation"), cognito, &store, clock, tab);
        self.tabs.borrow_mut().push((id, auth.clone()));
        auth
    }
}

/// Two tabs holding one session, as a duplicated tab does (sessionStorage is copied).
struct TwoTabs {
    browser: Browser,
    cognito: FakeCognito,
    clock: Rc<Cell<u64>>,
    a: TestAuth<Tab>,
    b: TestAuth<Tab>,
    store_b: MemoryStore,
}

fn two_tabs() -> TwoTabs {
    let browser = Browser::default();
    let cognito = FakeCognito::default();
    let clock = Rc::new(Cell::new(T0));
    let store_a = MemoryStore::default();
    let a = browser.open_tab(&cognito, &clock, store_a.clone());
    cognito.reply(200, tokens(0, Some("shared-refresh")));
    block_on(a.sign_in("alice", &Password::new("pw"))).unwrap();
    let store_b = MemoryStore::default();
    *store_b.record.borrow_mut() = store_a.record.borrow().clone();
    let b = browser.open_tab(&cognito, &clock, store_b.clone());
    assert_eq!(b.restore(), Ok(true));
    TwoTabs {
        browser,
        cognito,
        clock,
        a,
        b,
        store_b,
    }
}

#[test]
fn two_tabs_expiring_together_send_one_refresh_and_share_its_result() {
    let TwoTabs {
        cognito,
        clock,
        a,
        b,
        store_b,
        ..
    } = two_tabs();
    clock.set(T0 + HOUR + 1);
    let answer = cognito.reply_later();
    let release = async {
        answer
            .send(http_reply(200, tokens(3600, Some("rotated-refresh"))))
            .unwrap();
    };
    let (ra, rb, ()) = block_on(futures::future::join3(
        a.token_info(),
        b.token_info(),
        release,
    ));
    assert_eq!(
        cognito.targets(),
        ["InitiateAuth", "GetTokensFromRefreshToken"]
    );
    assert!(!ra.unwrap().refreshed.unwrap().by_other_tab);
    assert!(rb.unwrap().refreshed.unwrap().by_other_tab);
    let b_stored = Session::from_record(store_b.record.borrow().as_deref().unwrap()).unwrap();
    assert_eq!(b_stored.refresh_token.unwrap().expose(), "rotated-refresh");
}

#[test]
fn a_tab_refused_for_a_token_another_tab_rotated_takes_the_rotation_up_when_it_arrives() {
    let t = two_tabs();
    let (cognito, b, store_b) = (t.cognito, t.b, t.store_b);
    t.clock.set(T0 + HOUR + 1);
    // B refreshes with the shared token after A already rotated it (the message is late).
    cognito.reply(
        400,
        error("NotAuthorizedException", "Invalid refresh token."),
    );
    assert_eq!(
        block_on(b.token_info()).unwrap_err(),
        AuthError::SessionEnded
    );
    assert!(!b.is_signed_in());
    let rotated = Session::from_result(
        "alice",
        serde_json::from_value::<crate::cognito::RefreshedTokens>(tokens(3600, Some("rotated")))
            .unwrap()
            .authentication_result,
        T0 + HOUR,
    )
    .unwrap();
    let news = b.on_tab_message(TabMessage::Refreshed {
        replaced: RefreshToken::new("shared-refresh"),
        record: Secret::new(rotated.to_record()),
    });
    assert_eq!(news, Some(TabNews::Refreshed));
    assert!(b.is_signed_in());
    assert!(store_b.record.borrow().is_some());
}

#[test]
fn signing_out_in_one_tab_signs_out_the_tabs_sharing_the_session() {
    let TwoTabs {
        browser,
        cognito,
        a,
        b,
        store_b,
        ..
    } = two_tabs();
    cognito.reply(200, serde_json::json!({}));
    block_on(a.sign_out());
    assert!(!b.is_signed_in());
    assert_eq!(*store_b.record.borrow(), None);
    assert_eq!(*browser.news.borrow(), [(1, TabNews::SignedOut)]);
}

#[test]
fn a_message_about_another_session_changes_nothing() {
    let TwoTabs {
        browser,
        cognito,
        clock,
        b,
        ..
    } = two_tabs();
    // A valid record of another session: only the checks below can keep it out.
    let other = browser.open_tab(&cognito, &clock, MemoryStore::default());
    cognito.reply(200, tokens(9, Some("someone-else")));
    block_on(other.sign_in("bob", &Password::new("pw"))).unwrap();
    let record = Secret::new(other.state().session.as_ref().unwrap().to_record());
    browser.news.borrow_mut().clear();
    let before = b.info().unwrap();
    assert_eq!(
        b.on_tab_message(TabMessage::SignedOut {
            refresh_token: RefreshToken::new("someone-else")
        }),
        None,
        "a sign-out of another session"
    );
    assert_eq!(
        b.on_tab_message(TabMessage::Refreshed {
            replaced: RefreshToken::new("someone-else"),
            record: record.clone(),
        }),
        None,
        "a refresh of another session"
    );
    assert_eq!(
        b.on_tab_message(TabMessage::SessionOffered { record }),
        None,
        "an offer this signed-in tab did not ask for"
    );
    assert_eq!(b.info().unwrap(), before);
}

#[test]
fn a_new_tab_asks_the_open_tabs_for_the_session() {
    let browser = Browser::default();
    let cognito = FakeCognito::default();
    let clock = Rc::new(Cell::new(T0));
    let a = browser.open_tab(&cognito, &clock, MemoryStore::default());
    cognito.reply(200, tokens(0, Some("shared-refresh")));
    block_on(a.sign_in("alice", &Password::new("pw"))).unwrap();
    let store_c = MemoryStore::default();
    let c = browser.open_tab(&cognito, &clock, store_c.clone());
    assert_eq!(c.restore(), Ok(false)); // nothing stored: it asks, and A answers at once
    assert!(c.is_signed_in());
    assert_eq!(*browser.news.borrow(), [(1, TabNews::SessionReceived)]);
    assert!(store_c.record.borrow().is_some());
    assert_eq!(cognito.targets(), ["InitiateAuth"]);
}

#[test]
fn srp_sign_in_proves_the_password_without_sending_it() {
    let mut srp = config("rotation");
    srp.sign_in_flow = crate::config::SignInFlow::Srp;
    let World {
        auth,
        cognito,
        store,
        clock,
    } = world_with(srp);
    clock.set(1_793_696_707_000); // Tue Nov 3 09:05:07 UTC 2026
    cognito.reply(
        200,
        serde_json::json!({
            "ChallengeName": "PASSWORD_VERIFIER",
            "ChallengeParameters": {
                "USER_ID_FOR_SRP": "real-user-id", "USERNAME": "real-user-id",
                "SALT": "0e67761c7025d2585a0019f5476ce4d8",
                "SRP_B": "edf9c3030d975ab5389025c767bb33f48b54ef8073f7310c",
                "SECRET_BLOCK": "c2VjcmV0LWJsb2Nr"
            }
        }),
    );
    cognito.reply(200, tokens(0, Some("r")));
    let step = block_on(auth.sign_in("alice@example.com", &Password::new("hunter2-pw"))).unwrap();
    assert!(matches!(step, SignInStep::SignedIn(_)));
    assert_eq!(
        cognito.targets(),
        ["InitiateAuth", "RespondToAuthChallenge"]
    );
    let sent = cognito.sent.borrow();
    let start = &sent[0].1;
    assert_eq!(start["AuthFlow"], "USER_SRP_AUTH");
    assert_eq!(start["AuthParameters"]["USERNAME"], "alice@example.com");
    assert!(start["AuthParameters"]["SRP_A"].as_str().unwrap().len() > 700);
    let answer = &sent[1].1;
    assert_eq!(answer["ChallengeName"], "PASSWORD_VERIFIER");
    let responses = &answer["ChallengeResponses"];
    assert_eq!(responses["USERNAME"], "real-user-id");
    assert_eq!(responses["PASSWORD_CLAIM_SECRET_BLOCK"], "c2VjcmV0LWJsb2Nr");
    assert_eq!(responses["TIMESTAMP"], "Tue Nov 3 09:05:07 UTC 2026");
    let signature = responses["PASSWORD_CLAIM_SIGNATURE"].as_str().unwrap();
    assert_eq!(
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, signature)
            .unwrap()
            .len(),
        32
    );
    for (_, body) in sent.iter() {
        assert!(
            !body.to_string().contains("hunter2-pw"),
            "the password left the browser"
        );
    }
    assert!(store.record.borrow().is_some());
}

#[test]
fn srp_sign_in_lets_the_page_paint_before_and_during_its_math() {
    let mut srp = config("rotation");
    srp.sign_in_flow = crate::config::SignInFlow::Srp;
    let World { auth, cognito, .. } = world_with(srp);
    cognito.reply(
        400,
        error("NotAuthorizedException", "Incorrect username or password."),
    );
    let password = Password::new("pw");
    let mut sign_in = std::pin::pin!(auth.sign_in("alice", &password));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    // The first turn ends before A is computed or anything is sent: the page paints then.
    assert!(sign_in.as_mut().poll(&mut cx).is_pending());
    assert!(cognito.targets().is_empty());
    assert!(block_on(sign_in).is_err());
    assert_eq!(cognito.targets(), ["InitiateAuth"]);
    // A = 2^a for a 1019-bit a (the fake randomness is 0x07…): two slices, one pause.
    assert_eq!(auth.inner.env.1.get(), 1);
}

#[test]
fn srp_with_a_wrong_password_reads_as_a_wrong_password() {
    let mut srp = config("rotation");
    srp.sign_in_flow = crate::config::SignInFlow::Srp;
    let World { auth, cognito, .. } = world_with(srp);
    cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": {
            "USER_ID_FOR_SRP": "u", "SALT": "ab", "SRP_B": "1234", "SECRET_BLOCK": "AAAA"}}),
    );
    cognito.reply(
        400,
        error("NotAuthorizedException", "Incorrect username or password."),
    );
    let err = block_on(auth.sign_in("u", &Password::new("wrong"))).unwrap_err();
    assert_eq!(err, AuthError::WrongCredentials);
    // A challenge missing a parameter is an unreadable answer, not a crash.
    cognito.reply(
        200,
        serde_json::json!({"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": {}}),
    );
    let err = block_on(auth.sign_in("u", &Password::new("pw"))).unwrap_err();
    assert!(
        matches!(err, AuthError::BadResponse(ref m) if m.contains("USER_ID_FOR_SRP")),
        "{err:?}"
    );
}

#[test]
fn sign_up_confirm_and_reset_send_what_cognito_expects_and_read_its_refusals() {
    let w = world("rotation");
    w.cognito.reply(
        200,
        serde_json::json!({"UserConfirmed": false, "UserSub": "s",
        "CodeDeliveryDetails": {"Destination": "a***@e***", "DeliveryMedium": "EMAIL"}}),
    );
    let up = block_on(
        w.auth
            .sign_up("ann", "ann@example.com", &Password::new("Pw-1234567")),
    )
    .unwrap();
    assert_eq!(
        up,
        NewAccount::AwaitsCode(CodeSentTo(Some("a***@e***".into())))
    );
    assert_eq!(
        w.cognito.last_body(),
        serde_json::json!({"ClientId": "client1", "Username": "ann", "Password": "Pw-1234567",
            "UserAttributes": [{"Name": "email", "Value": "ann@example.com"}]})
    );
    w.cognito
        .reply(400, error("UsernameExistsException", "User already exists"));
    assert_eq!(
        block_on(w.auth.sign_up("ann", "a@e", &Password::new("x"))).unwrap_err(),
        AuthError::UsernameTaken
    );
    w.cognito
        .reply(400, error("CodeMismatchException", "Invalid code"));
    assert_eq!(
        block_on(w.auth.confirm_sign_up("ann", " 123456 ")).unwrap_err(),
        AuthError::WrongCode
    );
    assert_eq!(w.cognito.last_body()["ConfirmationCode"], "123456");
    w.cognito
        .reply(400, error("ExpiredCodeException", "expired"));
    assert_eq!(
        block_on(
            w.auth
                .reset_password("ann", "1", &Password::new("N-1234567"))
        )
        .unwrap_err(),
        AuthError::CodeExpired
    );
    assert_eq!(w.cognito.last_body()["Password"], "N-1234567");
    w.cognito.reply(
        200,
        serde_json::json!({"CodeDeliveryDetails": {"Destination": "a***"}}),
    );
    block_on(w.auth.forgot_password("ann")).unwrap();
    assert_eq!(w.cognito.targets().last().unwrap(), "ForgotPassword");
}

#[test]
fn authorised_calls_use_a_fresh_token_and_retry_once_after_a_refusal() {
    let w = signed_in("rotation");
    w.clock.set(T0 + HOUR + 1); // expired: refreshed before GetUser
    w.cognito.reply(200, tokens(3600, Some("r2")));
    w.cognito.reply(200, serde_json::json!({"Username": "alice", "UserAttributes": [{"Name": "email", "Value": "a@e"}]}));
    let profile = block_on(w.auth.profile()).unwrap();
    assert_eq!(profile.attributes[0].name, "email");
    assert_eq!(profile.attributes[0].value, "a@e");
    assert_eq!(
        w.cognito.targets(),
        ["InitiateAuth", "GetTokensFromRefreshToken", "GetUser"]
    );
    // Refused although fresh (revoked early): one refresh, one retry.
    w.cognito.reply(
        400,
        error("NotAuthorizedException", "Access Token has been revoked"),
    );
    w.cognito.reply(200, tokens(3700, Some("r3")));
    w.cognito
        .reply(200, serde_json::json!({"Username": "alice"}));
    block_on(w.auth.profile()).unwrap();
    assert_eq!(
        w.cognito.targets()[3..],
        ["GetUser", "GetTokensFromRefreshToken", "GetUser"]
    );
}

#[test]
fn a_wrong_current_password_is_said_plainly_and_keeps_the_session() {
    let w = signed_in("rotation");
    w.cognito.reply(
        400,
        error("NotAuthorizedException", "Incorrect username or password."),
    );
    let err = block_on(
        w.auth
            .change_password(&Password::new("bad"), &Password::new("New-1234567")),
    )
    .unwrap_err();
    assert_eq!(err, AuthError::WrongCurrentPassword);
    assert!(w.auth.is_signed_in());
    assert_eq!(w.cognito.last_body()["PreviousPassword"], "bad");
}

#[test]
fn signing_out_everywhere_ends_the_session_here_too() {
    let w = signed_in("rotation");
    w.cognito.reply(200, serde_json::json!({}));
    block_on(w.auth.sign_out_everywhere()).unwrap();
    assert_eq!(w.cognito.targets().last().unwrap(), "GlobalSignOut");
    assert!(!w.auth.is_signed_in());
    assert_eq!(*w.store.record.borrow(), None);
}

#[test]
fn a_tab_whose_token_was_rotated_waits_for_the_late_message_instead_of_presenting_it() {
    let TwoTabs {
        browser,
        cognito,
        clock,
        a,
        b,
        store_b,
    } = two_tabs();
    clock.set(T0 + HOUR + 1);
    browser.slow_channel.set(true);
    cognito.reply(200, tokens(3600, Some("rotated-refresh")));
    // A refreshes first and lets go of the lock; its message is still on the way.
    block_on(a.refresh()).unwrap();
    assert!(b.is_signed_in()); // still holding the rotated-away token
    let arrive = async {
        yield_once().await; // let B take the lock and find A's mark first
        browser.deliver();
    };
    let (read, ()) = block_on(futures::future::join(b.token_info(), arrive));
    assert!(read.unwrap().refreshed.unwrap().by_other_tab);
    assert_eq!(
        cognito.targets(),
        ["InitiateAuth", "GetTokensFromRefreshToken"]
    );
    let b_stored = Session::from_record(store_b.record.borrow().as_deref().unwrap()).unwrap();
    assert_eq!(b_stored.refresh_token.unwrap().expose(), "rotated-refresh");
}

/// Pending once, then ready: lets the futures joined with it run a step.
async fn yield_once() {
    let mut yielded = false;
    futures::future::poll_fn(move |cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}

/// Three tabs holding one session (duplicated tabs copy sessionStorage), its access token
/// ended: the keep-alive timer of each is due.
fn three_tabs_after_expiry() -> (Browser, FakeCognito, Rc<Cell<u64>>, Vec<TestAuth<Tab>>) {
    let browser = Browser::default();
    let cognito = FakeCognito::default();
    let clock = Rc::new(Cell::new(T0));
    let first = MemoryStore::default();
    let mut tabs = vec![browser.open_tab(&cognito, &clock, first.clone())];
    cognito.reply(200, tokens(0, Some("shared-refresh")));
    block_on(tabs[0].sign_in("alice", &Password::new("pw"))).unwrap();
    for _ in 1..3 {
        let store = MemoryStore::default();
        *store.record.borrow_mut() = first.record.borrow().clone();
        let tab = browser.open_tab(&cognito, &clock, store);
        assert_eq!(tab.restore(), Ok(true));
        tabs.push(tab);
    }
    clock.set(T0 + HOUR + 1);
    (browser, cognito, clock, tabs)
}

impl Browser {
    /// The tab is closed: its locks, and so its notes, are gone.
    fn close_tab(&self, id: usize) {
        self.tabs.borrow_mut().retain(|(tab, _)| *tab != id);
        self.notes.borrow_mut().retain(|(tab, _, _)| *tab != id);
    }
}

fn refreshes(cognito: &FakeCognito) -> usize {
    let targets = cognito.targets();
    targets
        .iter()
        .filter(|t| *t == "GetTokensFromRefreshToken")
        .count()
}

/// Every tab's keep-alive timer fires (the app polls each second), in this order.
fn timers_fire(tabs: &[&TestAuth<Tab>]) -> Vec<Option<Result<Refreshed, AuthError>>> {
    tabs.iter().map(|tab| block_on(tab.keep_alive())).collect()
}

/// Cognito fails the next refresh (500); the tabs' timers fire.
fn outage_step(
    cognito: &FakeCognito,
    tabs: &[&TestAuth<Tab>],
) -> Vec<Option<Result<Refreshed, AuthError>>> {
    cognito.reply(500, error("InternalErrorException", "boom"));
    timers_fire(tabs)
}

/// The one moment every tab waits for; all agree on it.
fn next_try(tabs: &[&TestAuth<Tab>]) -> u64 {
    let at: Vec<_> = tabs.iter().map(|tab| tab.retry_at_ms().unwrap()).collect();
    assert!(
        at.iter().all(|&t| t == at[0]),
        "the tabs wait for different moments: {at:?}"
    );
    at[0]
}

#[test]
fn during_an_outage_three_tabs_send_one_refresh_per_back_off_step_not_three() {
    let (_browser, cognito, clock, tabs) = three_tabs_after_expiry();
    let all: Vec<_> = tabs.iter().collect();
    const STEPS: usize = 6;
    let mut previous_wait = 0;
    for step in 1..=STEPS {
        let results = outage_step(&cognito, &all);
        assert_eq!(refreshes(&cognito), step, "step {step}");
        // One tab tried and failed; the others sent nothing and said so.
        let waited = results.iter().flatten();
        let elsewhere = waited.filter(|r| *r == &Err(AuthError::RetryingInAnotherTab));
        assert_eq!(elsewhere.count(), 2, "step {step}: {results:?}");
        let at = next_try(&all);
        // The back-off still grows whoever tries (jitter is fixed at 0.5 here).
        let wait = at - clock.get();
        assert!(
            wait > previous_wait || wait == 90_000,
            "step {step}: {wait} ms"
        );
        previous_wait = wait;
        // Before that moment no timer, no read and no "Refresh now" of another tab sends.
        clock.set(at - 1);
        assert!(timers_fire(&all).iter().all(Option::is_none));
        for tab in &tabs[1..] {
            assert_eq!(
                block_on(tab.token_info()),
                Err(AuthError::RetryingInAnotherTab)
            );
            assert_eq!(
                block_on(tab.refresh()),
                Err(AuthError::RetryingInAnotherTab)
            );
        }
        assert_eq!(refreshes(&cognito), step);
        clock.set(at);
    }
    // The fault ends: one refresh, and every tab holds its tokens.
    cognito.reply(200, tokens(HOUR / 1000, Some("after-outage")));
    timers_fire(&all);
    assert_eq!(refreshes(&cognito), STEPS + 1);
    for tab in &tabs {
        let held = tab.state().session.as_ref().unwrap().refresh_token.clone();
        assert_eq!(held.unwrap().expose(), "after-outage");
        assert_eq!(tab.retry_at_ms(), None);
    }
}

#[test]
fn a_tab_opened_during_an_outage_shows_the_session_it_holds_and_sends_nothing() {
    let (browser, cognito, clock, tabs) = three_tabs_after_expiry();
    outage_step(&cognito, &[&tabs[0]]);
    assert_eq!(refreshes(&cognito), 1);
    // A tab opened (or reloaded) from the same saved session, before the next try.
    let store = MemoryStore::default();
    *store.record.borrow_mut() = tabs[1].inner.store.record.borrow().clone();
    let opened = browser.open_tab(&cognito, &clock, store);
    assert_eq!(opened.restore(), Ok(true));
    assert_eq!(
        block_on(opened.token_info()),
        Err(AuthError::RetryingInAnotherTab)
    );
    assert_eq!(refreshes(&cognito), 1);
    // What it shows: the session held, its access token ended, the shared next try.
    let info = opened.info().unwrap();
    assert_eq!(info.username, "alice");
    assert!(info.access_expires_at_ms < clock.get());
    assert!(info.has_refresh_token);
    assert_eq!(opened.retry_at_ms(), tabs[0].retry_at_ms());
    assert!(opened.retry_at_ms().unwrap() > clock.get());
    // At that moment it is one of the tabs that may try, once.
    clock.set(next_try(&[&tabs[0], &opened]));
    cognito.reply(200, tokens(HOUR / 1000, Some("after-outage")));
    timers_fire(&[&opened, &tabs[0], &tabs[1], &tabs[2]]);
    assert_eq!(refreshes(&cognito), 2);
}

#[test]
fn when_the_retrying_tab_closes_or_sleeps_another_takes_over_at_the_next_step() {
    let (browser, cognito, clock, tabs) = three_tabs_after_expiry();
    let all: Vec<_> = tabs.iter().collect();
    outage_step(&cognito, &all);
    assert_eq!(refreshes(&cognito), 1);
    // Tab 0 tried; it closes. At the next step one of the two left tries, once.
    browser.close_tab(0);
    clock.set(next_try(&all));
    outage_step(&cognito, &[&tabs[1], &tabs[2]]);
    assert_eq!(refreshes(&cognito), 2);
    // Tab 1 tried; it sleeps (its timer stops, its note stays). Tab 2 takes over at its step.
    clock.set(next_try(&[&tabs[1], &tabs[2]]));
    cognito.reply(200, tokens(HOUR / 1000, Some("after-outage")));
    timers_fire(&[&tabs[2]]);
    assert_eq!(refreshes(&cognito), 3);
    assert!(tabs[2].retry_at_ms().is_none());
}

#[test]
fn back_online_one_tab_tries_at_once_unless_cognito_asked_to_slow_down() {
    let (_browser, cognito, clock, tabs) = three_tabs_after_expiry();
    let all: Vec<_> = tabs.iter().collect();
    outage_step(&cognito, &all);
    clock.set(next_try(&all));
    outage_step(&cognito, &all);
    assert_eq!(refreshes(&cognito), 2);
    // The `online` event reaches every tab at once: the first try is immediate, in one tab.
    clock.set(clock.get() + 1_000);
    for tab in &tabs {
        tab.retry_soon();
    }
    cognito.reply(400, error("TooManyRequestsException", "Rate exceeded"));
    timers_fire(&all);
    assert_eq!(refreshes(&cognito), 3);
    // Throttled: the wait is paced. Coming online again shortens it for no tab.
    let at = next_try(&all);
    clock.set(clock.get() + 1);
    for tab in &tabs {
        tab.retry_soon();
    }
    assert!(timers_fire(&all).iter().all(Option::is_none));
    for tab in &tabs {
        assert!(block_on(tab.token_info()).is_err());
    }
    assert_eq!(refreshes(&cognito), 3);
    assert_eq!(next_try(&all), at);
}
