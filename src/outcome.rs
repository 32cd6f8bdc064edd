//! What the page shows after each outcome — the next screen, the notice, the log line — as
//! pure functions of the outcome, tested on the host. The UI (`ui/`, wasm32) only applies
//! them, so every rule about "what the user sees now" lives here.

use crate::auth::{
    AuthError, CodeChallenge, CodeSentTo, Factor, FactorChoice, MfaSettings, PendingChallenge,
    Refreshed, SetupChallenge, SignInStep, TabNews, TokenInfo,
};
use crate::session::Rotation;

/// The screen the page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The sign-in form.
    SignIn,
    /// The new-password form for a pending challenge.
    NewPassword(PendingChallenge),
    /// The one-time code form of a multi-factor sign-in.
    Code(CodeChallenge),
    /// The choice of factor of a multi-factor sign-in.
    ChooseFactor(FactorChoice),
    /// Setting up an authenticator app, which the pool requires before sign-in ends.
    SetUpApp(SetupChallenge),
    /// The sign-up form.
    SignUp,
    /// The confirmation-code form, for this username.
    Confirm(String),
    /// The forgotten-password form.
    ForgotPassword,
    /// The reset-password form, for this username.
    ResetPassword(String),
    /// The token info of the signed-in session.
    SignedIn,
}

/// How a notice or log line reads: neutral, good news, or trouble.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Neutral news.
    Info,
    /// Something worked.
    Success,
    /// Something failed.
    Error,
}

impl Tone {
    /// The CSS class for this tone.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Success => "success",
            Tone::Error => "error",
        }
    }
}

/// What a notice speaks of. A notice about the session's health (a failed refresh, offline)
/// is withdrawn as soon as the session is healthy again: a notice describes the state as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The outcome of something the user did.
    Action,
    /// The kept session's health.
    SessionHealth,
}

/// The one message on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// How it reads: neutral, success or failure.
    pub tone: Tone,
    /// The words shown.
    pub text: String,
    /// What it is about, so a later outcome can clear it.
    pub topic: Topic,
}

/// What one outcome does to the page. `None` leaves that part as it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The screen to show, if it changes.
    pub screen: Option<Screen>,
    /// The notice to show, if any (none clears the current one).
    pub notice: Option<Notice>,
    /// The line for the operation log, if any.
    pub log: Option<(Tone, String)>,
    /// New token info to show (a sign-in).
    pub info: Option<TokenInfo>,
}

impl Outcome {
    /// Said on screen and logged, in the same words.
    fn said(tone: Tone, text: impl Into<String>) -> Self {
        let text = text.into();
        Outcome {
            notice: Some(Notice {
                tone,
                text: text.clone(),
                topic: Topic::Action,
            }),
            log: Some((tone, text)),
            ..Outcome::default()
        }
    }

    fn logged(tone: Tone, text: impl Into<String>) -> Self {
        Outcome {
            log: Some((tone, text.into())),
            ..Outcome::default()
        }
    }

    fn then_show(mut self, screen: Screen) -> Self {
        self.screen = Some(screen);
        self
    }

    fn about_session_health(mut self) -> Self {
        if let Some(notice) = &mut self.notice {
            notice.topic = Topic::SessionHealth;
        }
        self
    }
}

/// Where the page stands when a failure arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    /// The auth service still holds a session.
    pub signed_in: bool,
    /// The signed-in screen is showing.
    pub on_session_screen: bool,
    /// The browser says it is online.
    pub online: bool,
}

const OFFLINE: &str =
    "Offline — your session is kept and will be refreshed when the connection is back.";

/// A failure in the words a person reads (Cognito's own message kept where it adds detail).
pub fn error_text(error: &AuthError) -> String {
    match error {
        AuthError::WrongCredentials => "Incorrect username or password.".to_string(),
        AuthError::NotConfirmed => "This account is not confirmed yet. Confirm it with the code you were sent, then sign in.".to_string(),
        AuthError::PasswordResetRequired => "This account's password must be reset before you can sign in.".to_string(),
        AuthError::PasswordRejected(message) => format!("That password was not accepted: {message}"),
        AuthError::ChallengeExpired => "This sign-in took too long and has expired. Please sign in again.".to_string(),
        AuthError::SessionEnded => "Your session has ended. Please sign in again.".to_string(),
        AuthError::NotSignedIn => "You are not signed in.".to_string(),
        AuthError::Superseded => "A newer sign-in or sign-out happened meanwhile; this result was set aside.".to_string(),
        AuthError::Network(_) => "Could not reach the sign-in service. Check your connection and try again.".to_string(),
        AuthError::Timeout => "The sign-in service did not answer in time. Please try again.".to_string(),
        AuthError::Throttled => "Too many requests right now. Wait a moment and try again.".to_string(),
        AuthError::RetryingInAnotherTab => "The sign-in service is failing; another tab of this app is retrying for this one.".to_string(),
        AuthError::ServerFault(detail) => format!("The sign-in service had a problem ({detail}). Please try again."),
        AuthError::BadResponse(detail) => format!("The sign-in service sent an answer this app cannot read: {detail}. Please try again."),
        AuthError::Rejected { code, message } if message.is_empty() => format!("The sign-in service refused the request ({code})."),
        AuthError::Rejected { code, message } => format!("The sign-in service refused the request: {message} ({code})."),
        AuthError::StoredSessionUnreadable(detail) => format!("The saved session could not be read ({detail}), so it was cleared. Please sign in again."),
        AuthError::UsernameTaken => "That username is taken. Choose another, or sign in.".to_string(),
        AuthError::WrongCode => "That code is not right. Check it and try again.".to_string(),
        AuthError::CodeExpired => "That code has expired. Ask for a new one.".to_string(),
        AuthError::TooManyAttempts => "Too many wrong codes. Wait a few minutes, then try again.".to_string(),
        AuthError::WrongCurrentPassword => "The current password is not right.".to_string(),
        AuthError::AccessRefused => "The sign-in service refused this session's access token. Please sign in again.".to_string(),
    }
}

/// What a sign-in step leads to.
pub fn after_step(step: SignInStep) -> Outcome {
    match step {
        SignInStep::SignedIn(info) => Outcome {
            log: Some((Tone::Success, format!("Signed in as {}.", info.username))),
            info: Some(info),
            screen: Some(Screen::SignedIn),
            notice: None,
        },
        SignInStep::NewPasswordRequired(challenge) => Outcome {
            log: Some((
                Tone::Info,
                "Cognito asks for a new password (NEW_PASSWORD_REQUIRED).".into(),
            )),
            ..Outcome::said(
                Tone::Info,
                "You must choose a new password before signing in.",
            )
        }
        .then_show(Screen::NewPassword(challenge)),
        SignInStep::CodeRequired(challenge) => Outcome::logged(
            Tone::Info,
            format!("Cognito asks for a code ({}).", challenge.factor.challenge()),
        )
        .then_show(Screen::Code(challenge)),
        SignInStep::ChooseFactor(choice) => Outcome::logged(
            Tone::Info,
            "Cognito asks which factor to prove (SELECT_MFA_TYPE).",
        )
        .then_show(Screen::ChooseFactor(choice)),
        SignInStep::SetUpApp(setup) => Outcome {
            log: Some((
                Tone::Info,
                "Cognito asks to set up a second factor (MFA_SETUP).".into(),
            )),
            ..Outcome::said(
                Tone::Info,
                "This account needs a second sign-in step. Set up an authenticator app to go on.",
            )
        }
        .then_show(Screen::SetUpApp(setup)),
        SignInStep::Unsupported(name) => Outcome::said(
            Tone::Error,
            format!(
                "Cognito asks for a step this app does not support yet ({name}). Ask your administrator, or sign in another way."
            ),
        )
        .then_show(Screen::SignIn),
    }
}

/// A failure of something the user did (`what`, for the log).
pub fn after_failure(what: &str, error: &AuthError, at: Situation) -> Outcome {
    let kept = at.signed_in && at.on_session_screen;
    let text = match error {
        AuthError::Network(_) if kept && !at.online => OFFLINE.to_string(),
        _ if kept => format!(
            "{} You are still signed in; no token was lost.",
            error_text(error)
        ),
        _ => error_text(error),
    };
    let mut outcome = Outcome::said(Tone::Error, text.clone());
    outcome.log = Some((Tone::Error, format!("{what} failed: {text}")));
    if *error == AuthError::ChallengeExpired || (!at.signed_in && at.on_session_screen) {
        outcome.screen = Some(Screen::SignIn);
    }
    if kept && error.effect() == crate::auth::Effect::Retry {
        outcome = outcome.about_session_health();
    }
    outcome
}

/// A background refresh (the keep-alive timer) failed while the session is kept. `retry_at`
/// is the next try, as the user's clock shows it.
pub fn after_background_failure(
    error: &AuthError,
    retry_at: Option<String>,
    online: bool,
) -> Outcome {
    let text = match retry_at {
        _ if !online => OFFLINE.to_string(),
        Some(at) => format!(
            "{} Your session is kept; the next try is at {at}.",
            error_text(error)
        ),
        None => format!("{} Your session is kept.", error_text(error)),
    };
    Outcome::said(Tone::Error, text).about_session_health()
}

/// A refresh that worked, in words: `lead` says why it happened.
pub fn refresh_report(lead: &str, refreshed: &Refreshed) -> String {
    let detail = match (&refreshed.rotation, refreshed.by_other_tab) {
        (_, true) => {
            "Another tab had just refreshed; this tab took up its tokens without a request."
                .to_string()
        }
        (Rotation::Rotated { old_tail, new_tail }, false) => {
            format!("The refresh token rotated: …{old_tail} → …{new_tail}.")
        }
        (Rotation::Kept, false) => "The refresh token was kept (not rotated).".to_string(),
    };
    format!("{lead} {detail}")
}

/// A refresh the user asked for (or one a read made first): said and logged.
pub fn after_refresh(lead: &str, refreshed: &Refreshed) -> Outcome {
    Outcome::said(Tone::Success, refresh_report(lead, refreshed))
}

/// A refresh the keep-alive timer made: only logged (the countdown shows it).
pub fn after_background_refresh(refreshed: &Refreshed) -> Outcome {
    Outcome::logged(
        Tone::Success,
        refresh_report("Tokens refreshed ahead of expiry.", refreshed),
    )
}

/// What another tab's news does here.
pub fn after_tab_news(news: TabNews) -> Outcome {
    match news {
        TabNews::Refreshed => Outcome::logged(
            Tone::Info,
            "Another tab refreshed the shared session; this tab took up the new tokens.",
        )
        .then_show(Screen::SignedIn),
        TabNews::SessionReceived => Outcome {
            log: Some((
                Tone::Success,
                "Took up the session of another open tab.".into(),
            )),
            ..Outcome::said(
                Tone::Success,
                "Signed in with the session of another open tab.",
            )
        }
        .then_show(Screen::SignedIn),
        TabNews::SignedOut => {
            Outcome::said(Tone::Info, "Signed out in another tab.").then_show(Screen::SignIn)
        }
    }
}

/// Sign-out: the session is gone here at once; the revocation's answer comes later.
pub fn after_sign_out_here() -> Outcome {
    Outcome::said(
        Tone::Info,
        "Signed out on this device. Revoking the refresh token…",
    )
    .then_show(Screen::SignIn)
}

/// The answer to the sign-out's revocation, when it comes.
pub fn after_revocation(revoked: &Result<(), AuthError>) -> Outcome {
    match revoked {
        Ok(()) => Outcome {
            log: Some((Tone::Success, "Signed out; refresh token revoked.".into())),
            ..Outcome::said(Tone::Success, "Signed out. The refresh token was revoked.")
        },
        Err(e) => Outcome::said(
            Tone::Error,
            format!(
                "Signed out on this device, but the refresh token could not be revoked: {}",
                error_text(e)
            ),
        ),
    }
}

/// What the code screen asks for: where the code comes from, or where it was sent.
pub fn code_prompt(challenge: &CodeChallenge) -> String {
    match (challenge.factor, &challenge.destination) {
        (Factor::App, _) => "Enter the 6-digit code your authenticator app shows.".to_string(),
        (_, Some(destination)) => format!("We sent a code to {destination}. Enter it here."),
        (Factor::Sms, None) => "We sent you a code by text message. Enter it here.".to_string(),
        (Factor::Email, None) => "We sent you a code by email. Enter it here.".to_string(),
    }
}

/// A factor's name on the choice screen and the account screen.
pub fn factor_name(factor: Factor) -> &'static str {
    match factor {
        Factor::App => "Authenticator app",
        Factor::Sms => "Text message (SMS)",
        Factor::Email => "Email",
    }
}

/// How the account screen states a factor: on, on and asked for first, or off.
pub fn factor_state(settings: &MfaSettings, factor: Factor) -> String {
    let state = match (settings.is_on(factor), settings.preferred == Some(factor)) {
        (true, true) => "on, asked for first",
        (true, false) => "on",
        (false, _) => "off",
    };
    format!("{}: {state}", factor_name(factor))
}

/// What turning a factor on or off did, in words.
pub fn factor_changed(factor: Factor, on: bool) -> String {
    let state = if on { "on" } else { "off" };
    match factor {
        Factor::App => format!("Authenticator-app codes turned {state}."),
        Factor::Sms => format!("Text-message codes turned {state}."),
        Factor::Email => format!("Email codes turned {state}."),
    }
}

/// "A code was sent to …", with the masked destination Cognito names, if any.
pub fn code_sent(sent: &CodeSentTo) -> String {
    match &sent.0 {
        Some(destination) => format!("A code was sent to {destination}."),
        None => "A code was sent.".to_string(),
    }
}

/// A success of something the user did: said and logged.
pub fn done(text: impl Into<String>) -> Outcome {
    Outcome::said(Tone::Success, text)
}

/// Said and logged, for news that is neither a success nor a failure.
pub fn told(text: impl Into<String>) -> Outcome {
    Outcome::said(Tone::Info, text)
}

/// Only logged.
pub fn noted(tone: Tone, text: impl Into<String>) -> Outcome {
    Outcome::logged(tone, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEPT: Situation = Situation {
        signed_in: true,
        on_session_screen: true,
        online: true,
    };

    fn notice(o: &Outcome) -> &Notice {
        o.notice.as_ref().expect("a notice")
    }

    #[test]
    fn offline_reads_say_offline_not_the_generic_network_message() {
        let error = AuthError::Network("Failed to fetch".into());
        let o = after_failure(
            "Reading the token info",
            &error,
            Situation {
                online: false,
                ..KEPT
            },
        );
        assert_eq!(notice(&o).text, OFFLINE);
        assert_eq!(notice(&o).topic, Topic::SessionHealth);
        assert_eq!(o.screen, None);
        let online = after_failure("Reading the token info", &error, KEPT);
        assert!(
            notice(&online)
                .text
                .ends_with("You are still signed in; no token was lost.")
        );
    }

    #[test]
    fn a_wrong_code_keeps_its_screen_and_an_expired_challenge_goes_back_to_sign_in() {
        let signing_in = Situation {
            signed_in: false,
            on_session_screen: false,
            online: true,
        };
        let wrong = after_failure("Checking the code", &AuthError::WrongCode, signing_in);
        assert_eq!(wrong.screen, None);
        assert_eq!(
            notice(&wrong).text,
            "That code is not right. Check it and try again."
        );
        let many = after_failure("Checking the code", &AuthError::TooManyAttempts, signing_in);
        assert_eq!(many.screen, None);
        assert!(notice(&many).text.contains("Wait a few minutes"));
        let expired = after_failure(
            "Checking the code",
            &AuthError::ChallengeExpired,
            signing_in,
        );
        assert_eq!(expired.screen, Some(Screen::SignIn));
        assert_eq!(
            notice(&expired).text,
            "This sign-in took too long and has expired. Please sign in again."
        );
    }

    #[test]
    fn a_kept_session_stays_on_screen_and_a_lost_one_goes_to_sign_in() {
        let error = AuthError::Timeout;
        assert_eq!(after_failure("Refresh", &error, KEPT).screen, None);
        let ended = Situation {
            signed_in: false,
            ..KEPT
        };
        let o = after_failure("Refresh", &AuthError::SessionEnded, ended);
        assert_eq!(o.screen, Some(Screen::SignIn));
        assert_eq!(
            notice(&o).text,
            "Your session has ended. Please sign in again."
        );
        assert_eq!(notice(&o).topic, Topic::Action);
    }

    #[test]
    fn an_expired_challenge_goes_back_to_sign_in() {
        let on_form = Situation {
            signed_in: false,
            on_session_screen: false,
            online: true,
        };
        let o = after_failure(
            "Setting the new password",
            &AuthError::ChallengeExpired,
            on_form,
        );
        assert_eq!(o.screen, Some(Screen::SignIn));
        let wrong = after_failure("Sign-in", &AuthError::WrongCredentials, on_form);
        assert_eq!(wrong.screen, None);
        assert_eq!(
            wrong.log.unwrap().1,
            "Sign-in failed: Incorrect username or password."
        );
    }

    #[test]
    fn only_passing_trouble_is_a_session_health_notice() {
        let rejected = AuthError::Rejected {
            code: "InvalidParameterException".into(),
            message: "bad".into(),
        };
        assert_eq!(
            notice(&after_failure("Refresh", &rejected, KEPT)).topic,
            Topic::Action
        );
        assert_eq!(
            notice(&after_failure("Refresh", &AuthError::Throttled, KEPT)).topic,
            Topic::SessionHealth
        );
        let bg = after_background_failure(&AuthError::Timeout, Some("10:56:05".into()), true);
        assert_eq!(notice(&bg).topic, Topic::SessionHealth);
        assert!(notice(&bg).text.ends_with("the next try is at 10:56:05."));
        assert_eq!(
            notice(&after_background_failure(&AuthError::Timeout, None, false)).text,
            OFFLINE
        );
    }

    #[test]
    fn tab_news_moves_the_screen() {
        assert_eq!(
            after_tab_news(TabNews::SignedOut).screen,
            Some(Screen::SignIn)
        );
        assert_eq!(
            after_tab_news(TabNews::Refreshed).screen,
            Some(Screen::SignedIn)
        );
        assert_eq!(after_tab_news(TabNews::Refreshed).notice, None);
        assert_eq!(
            after_tab_news(TabNews::SessionReceived).screen,
            Some(Screen::SignedIn)
        );
    }

    #[test]
    fn sign_out_leaves_at_once_and_reports_the_revocation_later() {
        assert_eq!(after_sign_out_here().screen, Some(Screen::SignIn));
        let failed = after_revocation(&Err(AuthError::Timeout));
        assert_eq!(failed.screen, None);
        assert!(
            notice(&failed)
                .text
                .starts_with("Signed out on this device, but")
        );
    }

    #[test]
    fn refreshes_are_described() {
        let rotated = Refreshed {
            rotation: Rotation::Rotated {
                old_tail: "aaaa".into(),
                new_tail: "bbbb".into(),
            },
            by_other_tab: false,
        };
        assert_eq!(
            refresh_report("Tokens refreshed.", &rotated),
            "Tokens refreshed. The refresh token rotated: …aaaa → …bbbb."
        );
        assert_eq!(after_background_refresh(&rotated).notice, None);
        let to = CodeSentTo(Some("a***@e***".into()));
        assert_eq!(code_sent(&to), "A code was sent to a***@e***.");
        assert_eq!(code_sent(&CodeSentTo(None)), "A code was sent.");
    }

    #[test]
    fn an_unsupported_challenge_is_named() {
        let o = after_step(SignInStep::Unsupported(crate::auth::ChallengeName::SmsMfa));
        assert!(notice(&o).text.contains("(SMS_MFA)"));
        assert_eq!(o.screen, Some(Screen::SignIn));
    }

    #[test]
    fn factors_are_stated_and_their_changes_said() {
        let settings = MfaSettings {
            enabled: vec![Factor::Sms, Factor::App],
            preferred: Some(Factor::App),
        };
        assert_eq!(
            factor_state(&settings, Factor::App),
            "Authenticator app: on, asked for first"
        );
        assert_eq!(
            factor_state(&settings, Factor::Sms),
            "Text message (SMS): on"
        );
        assert_eq!(factor_state(&settings, Factor::Email), "Email: off");
        assert_eq!(
            factor_changed(Factor::Sms, true),
            "Text-message codes turned on."
        );
        assert_eq!(
            factor_changed(Factor::App, false),
            "Authenticator-app codes turned off."
        );
    }
}
