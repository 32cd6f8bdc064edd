//! What the page shows after each outcome — the next screen, the notice, the log line — as
//! pure functions of the outcome, tested on the host. The UI (`ui/`, wasm32) only applies
//! them, so every rule about "what the user sees now" lives here.

use crate::auth::{
    AuthError, CodeChallenge, CodeSentTo, Factor, FactorChoice, MfaSettings, PendingChallenge,
    Refreshed, SetupChallenge, SignInStep, StorageError, TabNews, TokenInfo,
};
use crate::i18n::{Key, Text};
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
    pub text: Text,
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
    pub log: Option<(Tone, Text)>,
    /// New token info to show (a sign-in).
    pub info: Option<TokenInfo>,
}

impl Outcome {
    /// Said on screen and logged, in the same words.
    fn said(tone: Tone, text: impl Into<Text>) -> Self {
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

    fn logged(tone: Tone, text: impl Into<Text>) -> Self {
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

/// A failure in the words a person reads (Cognito's own message kept where it adds detail).
pub fn error_text(error: &AuthError) -> Text {
    let raw = |detail: &str| Text::raw(detail);
    match error {
        AuthError::WrongCredentials => Key::WrongCredentials.into(),
        AuthError::NotConfirmed => Key::NotConfirmed.into(),
        AuthError::PasswordResetRequired => Key::PasswordResetRequired.into(),
        AuthError::PasswordRejected(message) => Text::with(Key::PasswordRejected, [raw(message)]),
        AuthError::ChallengeExpired => Key::ChallengeExpired.into(),
        AuthError::SessionEnded => Key::SessionEnded.into(),
        AuthError::NotSignedIn => Key::NotSignedIn.into(),
        AuthError::Superseded => Key::Superseded.into(),
        AuthError::Network(_) => Key::NetworkDown.into(),
        AuthError::Timeout => Key::Timeout.into(),
        AuthError::Throttled => Key::Throttled.into(),
        AuthError::RetryingInAnotherTab => Key::RetryingInAnotherTab.into(),
        AuthError::ServerFault(detail) => Text::with(Key::ServerFault, [raw(detail)]),
        AuthError::BadResponse(detail) => Text::with(Key::BadResponse, [raw(detail)]),
        AuthError::Rejected { code, message } if message.is_empty() => {
            Text::with(Key::RejectedCode, [raw(code)])
        }
        AuthError::Rejected { code, message } => {
            Text::with(Key::RejectedMessage, [raw(message), raw(code)])
        }
        AuthError::StoredSessionUnreadable(detail) => {
            Text::with(Key::StoredSessionUnreadable, [raw(detail)])
        }
        AuthError::UsernameTaken => Key::UsernameTaken.into(),
        AuthError::WrongCode => Key::WrongCode.into(),
        AuthError::CodeExpired => Key::CodeExpired.into(),
        AuthError::TooManyAttempts => Key::TooManyAttempts.into(),
        AuthError::WrongCurrentPassword => Key::WrongCurrentPassword.into(),
        AuthError::AccessRefused => Key::AccessRefused.into(),
    }
}

/// What a sign-in step leads to.
pub fn after_step(step: SignInStep) -> Outcome {
    match step {
        SignInStep::SignedIn(info) => Outcome {
            log: Some((
                Tone::Success,
                Text::with(Key::SignedInAs, [Text::raw(info.username.as_str())]),
            )),
            info: Some(info),
            screen: Some(Screen::SignedIn),
            notice: None,
        },
        SignInStep::NewPasswordRequired(challenge) => Outcome {
            log: Some((Tone::Info, Key::AsksNewPassword.into())),
            ..Outcome::said(Tone::Info, Key::MustChoosePassword)
        }
        .then_show(Screen::NewPassword(challenge)),
        SignInStep::CodeRequired(challenge) => Outcome::logged(
            Tone::Info,
            Text::with(
                Key::AsksCode,
                [Text::raw(challenge.factor.challenge().as_str())],
            ),
        )
        .then_show(Screen::Code(challenge)),
        SignInStep::ChooseFactor(choice) => {
            Outcome::logged(Tone::Info, Key::AsksFactor).then_show(Screen::ChooseFactor(choice))
        }
        SignInStep::SetUpApp(setup) => Outcome {
            log: Some((Tone::Info, Key::AsksSetup.into())),
            ..Outcome::said(Tone::Info, Key::NeedsSetup)
        }
        .then_show(Screen::SetUpApp(setup)),
        SignInStep::Unsupported(name) => Outcome::said(
            Tone::Error,
            Text::with(Key::Unsupported, [Text::raw(name.as_str())]),
        )
        .then_show(Screen::SignIn),
    }
}

/// A failure of something the user did (`what`, for the log).
pub fn after_failure(what: Key, error: &AuthError, at: Situation) -> Outcome {
    let kept = at.signed_in && at.on_session_screen;
    let text = match error {
        AuthError::Network(_) if kept && !at.online => Key::Offline.into(),
        // Reassurance for a failure of the service, not for a mistyped code or password.
        _ if kept && !error.is_typing_mistake() => {
            Text::with(Key::StillSignedIn, [error_text(error)])
        }
        _ => error_text(error),
    };
    let mut outcome = Outcome::said(Tone::Error, text.clone());
    outcome.log = Some((Tone::Error, Text::with(Key::Failed, [what.into(), text])));
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
        _ if !online => Key::Offline.into(),
        Some(at) => Text::with(Key::KeptNextTry, [error_text(error), Text::Raw(at)]),
        None => Text::with(Key::Kept, [error_text(error)]),
    };
    Outcome::said(Tone::Error, text).about_session_health()
}

/// A refresh that worked, in words: `lead` says why it happened.
pub fn refresh_report(lead: Key, refreshed: &Refreshed) -> Text {
    let detail = match (&refreshed.rotation, refreshed.by_other_tab) {
        (_, true) => Key::OtherTabRefreshed.into(),
        (Rotation::Rotated { old_tail, new_tail }, false) => Text::with(
            Key::Rotated,
            [Text::raw(old_tail.as_str()), Text::raw(new_tail.as_str())],
        ),
        (Rotation::Kept, false) => Key::NotRotated.into(),
    };
    Text::with(Key::Report, [lead.into(), detail])
}

/// A refresh the user asked for (or one a read made first): said and logged.
pub fn after_refresh(lead: Key, refreshed: &Refreshed) -> Outcome {
    Outcome::said(Tone::Success, refresh_report(lead, refreshed))
}

/// A refresh the keep-alive timer made: only logged (the countdown shows it).
pub fn after_background_refresh(refreshed: &Refreshed) -> Outcome {
    Outcome::logged(Tone::Success, refresh_report(Key::LeadAhead, refreshed))
}

/// What another tab's news does here.
pub fn after_tab_news(news: TabNews) -> Outcome {
    match news {
        TabNews::Refreshed => {
            Outcome::logged(Tone::Info, Key::TabRefreshed).then_show(Screen::SignedIn)
        }
        TabNews::SessionReceived => Outcome {
            log: Some((Tone::Success, Key::TookUpSession.into())),
            ..Outcome::said(Tone::Success, Key::SignedInWithTab)
        }
        .then_show(Screen::SignedIn),
        TabNews::SignedOut => {
            Outcome::said(Tone::Info, Key::SignedOutInTab).then_show(Screen::SignIn)
        }
    }
}

/// Sign-out: the session is gone here at once; the revocation's answer comes later.
pub fn after_sign_out_here() -> Outcome {
    Outcome::said(Tone::Info, Key::SignedOutRevoking).then_show(Screen::SignIn)
}

/// The answer to the sign-out's revocation, when it comes.
pub fn after_revocation(revoked: &Result<(), AuthError>) -> Outcome {
    match revoked {
        Ok(()) => Outcome {
            log: Some((Tone::Success, Key::SignedOutRevokedLog.into())),
            ..Outcome::said(Tone::Success, Key::SignedOutRevoked)
        },
        Err(e) => Outcome::said(Tone::Error, Text::with(Key::NotRevoked, [error_text(e)])),
    }
}

/// What the code screen asks for: where the code comes from, or where it was sent.
pub fn code_prompt(challenge: &CodeChallenge) -> Text {
    match (challenge.factor, &challenge.destination) {
        (Factor::App, _) => Key::PromptApp.into(),
        (_, Some(destination)) => Text::with(Key::PromptSentTo, [Text::raw(destination.as_str())]),
        (Factor::Sms, None) => Key::PromptSms.into(),
        (Factor::Email, None) => Key::PromptEmail.into(),
    }
}

/// A factor's name on the choice screen and the account screen.
pub fn factor_name(factor: Factor) -> Key {
    match factor {
        Factor::App => Key::FactorApp,
        Factor::Sms => Key::FactorSms,
        Factor::Email => Key::Email,
    }
}

/// How the account screen states a factor: on, on and asked for first, or off.
pub fn factor_state(settings: &MfaSettings, factor: Factor) -> Text {
    let state = match (settings.is_on(factor), settings.preferred == Some(factor)) {
        (true, true) => Key::StateFirst,
        (true, false) => Key::StateOn,
        (false, _) => Key::StateOff,
    };
    Text::with(state, [factor_name(factor).into()])
}

/// What turning a factor on or off did, in words.
pub fn factor_changed(factor: Factor, on: bool) -> Key {
    match (factor, on) {
        (Factor::App, true) => Key::AppCodesOn,
        (Factor::App, false) => Key::AppCodesOff,
        (Factor::Sms, true) => Key::SmsCodesOn,
        (Factor::Sms, false) => Key::SmsCodesOff,
        (Factor::Email, true) => Key::EmailCodesOn,
        (Factor::Email, false) => Key::EmailCodesOff,
    }
}

/// "A code was sent to …", with the masked destination Cognito names, if any.
pub fn code_sent(sent: &CodeSentTo) -> Text {
    match &sent.0 {
        Some(destination) => Text::with(Key::CodeSentTo, [Text::raw(destination.as_str())]),
        None => Key::CodeSent.into(),
    }
}

/// Why the session is kept only in memory, in the page's words.
pub fn storage_problem(problem: &StorageError) -> Text {
    match problem {
        StorageError::Blocked => Key::StorageBlocked.into(),
        StorageError::Full => Key::StorageFull.into(),
        StorageError::Refused(name) => Text::with(Key::StorageRefused, [Text::raw(name.as_str())]),
    }
}

/// A success of something the user did: said and logged.
pub fn done(text: impl Into<Text>) -> Outcome {
    Outcome::said(Tone::Success, text)
}

/// Said and logged, for news that is neither a success nor a failure.
pub fn told(text: impl Into<Text>) -> Outcome {
    Outcome::said(Tone::Info, text)
}

/// Only logged.
pub fn noted(tone: Tone, text: impl Into<Text>) -> Outcome {
    Outcome::logged(tone, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const KEPT: Situation = Situation {
        signed_in: true,
        on_session_screen: true,
        online: true,
    };

    /// The notice's words in English.
    fn notice(o: &Outcome) -> String {
        o.notice.as_ref().expect("a notice").text.render(Lang::En)
    }

    fn topic(o: &Outcome) -> Topic {
        o.notice.as_ref().expect("a notice").topic
    }

    fn en(text: impl Into<Text>) -> String {
        text.into().render(Lang::En)
    }

    #[test]
    fn offline_reads_say_offline_not_the_generic_network_message() {
        let error = AuthError::Network("Failed to fetch".into());
        let o = after_failure(
            Key::WhatReading,
            &error,
            Situation {
                online: false,
                ..KEPT
            },
        );
        assert_eq!(notice(&o), en(Key::Offline));
        assert_eq!(topic(&o), Topic::SessionHealth);
        assert_eq!(o.screen, None);
        let online = after_failure(Key::WhatReading, &error, KEPT);
        assert!(notice(&online).ends_with("You are still signed in; no token was lost."));
    }

    #[test]
    fn a_typing_mistake_on_the_account_screen_is_told_without_the_session_reassurance() {
        for mistake in [AuthError::WrongCode, AuthError::WrongCurrentPassword] {
            let o = after_failure(Key::WhatAppCode, &mistake, KEPT);
            assert_eq!(notice(&o), en(error_text(&mistake)));
            assert_eq!(topic(&o), Topic::Action);
            assert_eq!(o.screen, None);
        }
        let refused = AuthError::Rejected {
            code: "InternalErrorException".into(),
            message: "try later".into(),
        };
        let o = after_failure(Key::WhatAppCode, &refused, KEPT);
        assert!(notice(&o).ends_with("You are still signed in; no token was lost."));
    }

    #[test]
    fn a_wrong_code_keeps_its_screen_and_an_expired_challenge_goes_back_to_sign_in() {
        let signing_in = Situation {
            signed_in: false,
            on_session_screen: false,
            online: true,
        };
        let wrong = after_failure(Key::WhatCheckingCode, &AuthError::WrongCode, signing_in);
        assert_eq!(wrong.screen, None);
        assert_eq!(
            notice(&wrong),
            "That code is not right. Check it and try again."
        );
        let many = after_failure(
            Key::WhatCheckingCode,
            &AuthError::TooManyAttempts,
            signing_in,
        );
        assert_eq!(many.screen, None);
        assert!(notice(&many).contains("Wait a few minutes"));
        let expired = after_failure(
            Key::WhatCheckingCode,
            &AuthError::ChallengeExpired,
            signing_in,
        );
        assert_eq!(expired.screen, Some(Screen::SignIn));
        assert_eq!(
            notice(&expired),
            "This sign-in took too long and has expired. Please sign in again."
        );
    }

    #[test]
    fn a_kept_session_stays_on_screen_and_a_lost_one_goes_to_sign_in() {
        let error = AuthError::Timeout;
        assert_eq!(after_failure(Key::WhatRefresh, &error, KEPT).screen, None);
        let ended = Situation {
            signed_in: false,
            ..KEPT
        };
        let o = after_failure(Key::WhatRefresh, &AuthError::SessionEnded, ended);
        assert_eq!(o.screen, Some(Screen::SignIn));
        assert_eq!(notice(&o), "Your session has ended. Please sign in again.");
        assert_eq!(topic(&o), Topic::Action);
    }

    #[test]
    fn an_expired_challenge_goes_back_to_sign_in() {
        let on_form = Situation {
            signed_in: false,
            on_session_screen: false,
            online: true,
        };
        let o = after_failure(Key::WhatNewPassword, &AuthError::ChallengeExpired, on_form);
        assert_eq!(o.screen, Some(Screen::SignIn));
        let wrong = after_failure(Key::WhatSignIn, &AuthError::WrongCredentials, on_form);
        assert_eq!(wrong.screen, None);
        assert_eq!(
            en(wrong.log.unwrap().1),
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
            topic(&after_failure(Key::WhatRefresh, &rejected, KEPT)),
            Topic::Action
        );
        assert_eq!(
            topic(&after_failure(
                Key::WhatRefresh,
                &AuthError::Throttled,
                KEPT
            )),
            Topic::SessionHealth
        );
        let bg = after_background_failure(&AuthError::Timeout, Some("10:56:05".into()), true);
        assert_eq!(topic(&bg), Topic::SessionHealth);
        assert!(notice(&bg).ends_with("the next try is at 10:56:05."));
        assert_eq!(
            notice(&after_background_failure(&AuthError::Timeout, None, false)),
            en(Key::Offline)
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
        assert!(notice(&failed).starts_with("Signed out on this device, but"));
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
            en(refresh_report(Key::LeadRefreshed, &rotated)),
            "Tokens refreshed. The refresh token rotated: …aaaa → …bbbb."
        );
        assert_eq!(after_background_refresh(&rotated).notice, None);
        let to = CodeSentTo(Some("a***@e***".into()));
        assert_eq!(en(code_sent(&to)), "A code was sent to a***@e***.");
        assert_eq!(en(code_sent(&CodeSentTo(None))), "A code was sent.");
    }

    #[test]
    fn a_storage_problem_is_said_in_the_page_language_with_the_browser_name_kept() {
        let full = Text::with(Key::OnlyInMemory, [storage_problem(&StorageError::Full)]);
        assert_eq!(
            en(full.clone()),
            "Only kept in memory: sessionStorage is full. Reloading this page will sign you out."
        );
        assert!(
            full.render(crate::i18n::Lang::Ja)
                .contains("容量がいっぱいです")
        );
        let refused = storage_problem(&StorageError::Refused("SecurityError".into()));
        assert_eq!(
            en(refused.clone()),
            "sessionStorage refused it (SecurityError)"
        );
        assert_eq!(
            refused.render(crate::i18n::Lang::Ja),
            "sessionStorage が保存を拒否しました: SecurityError"
        );
        assert_eq!(
            en(storage_problem(&StorageError::Blocked)),
            "this browser does not let the page use sessionStorage"
        );
    }

    #[test]
    fn an_unsupported_challenge_is_named() {
        let o = after_step(SignInStep::Unsupported(crate::auth::ChallengeName::SmsMfa));
        assert!(notice(&o).contains("(SMS_MFA)"));
        assert_eq!(o.screen, Some(Screen::SignIn));
    }

    #[test]
    fn factors_are_stated_and_their_changes_said() {
        let settings = MfaSettings {
            enabled: vec![Factor::Sms, Factor::App],
            preferred: Some(Factor::App),
        };
        assert_eq!(
            en(factor_state(&settings, Factor::App)),
            "Authenticator app: on, asked for first"
        );
        assert_eq!(
            en(factor_state(&settings, Factor::Sms)),
            "Text message (SMS): on"
        );
        assert_eq!(en(factor_state(&settings, Factor::Email)), "Email: off");
        assert_eq!(
            en(factor_changed(Factor::Sms, true)),
            "Text-message codes turned on."
        );
        assert_eq!(
            en(factor_changed(Factor::App, false)),
            "Authenticator-app codes turned off."
        );
    }
}
