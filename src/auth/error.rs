//! Failures: the one table of what a failed call means (`AuthError::from_call`, code × step)
//! and what it does to the session (`AuthError::effect`). README "Which refresh failures end
//! the session" is checked against it by a test.

use crate::cognito::{CallError, ErrorCode, TransportError};
use std::fmt;

/// What the user was doing when a call failed: the same Cognito code means different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Signing in with a password (SRP or plain).
    SignIn,
    /// Answering a challenge after the password: a new password, an MFA code, a factor choice.
    Challenge,
    /// Exchanging the refresh token.
    Refresh,
    /// Revoking the refresh token.
    SignOut,
    /// Sign-up, confirmation codes, password reset: no session involved.
    Account,
    /// Changing the password while signed in.
    ChangePassword,
    /// A call made with the access token (GetUser, GlobalSignOut, the user's own API).
    Authorized,
}

/// A failure as the app tells it: what happened, whatever the wire said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthError {
    /// Wrong password or unknown user: one message for both, so usernames cannot be probed.
    WrongCredentials,
    /// The account exists but its sign-up code was never entered.
    NotConfirmed,
    /// An administrator requires a new password, set through "Forgot password".
    PasswordResetRequired,
    /// Cognito refused a new password; its message says which rule it broke.
    PasswordRejected(String),
    /// The challenge took too long and its session ended.
    ChallengeExpired,
    /// The refresh token is dead (expired, revoked, reused): the user must sign in again.
    SessionEnded,
    /// No session is held.
    NotSignedIn,
    /// A newer sign-in or a sign-out happened while this call was under way; its answer was
    /// dropped so it cannot overwrite the newer state.
    Superseded,
    /// The request did not reach Cognito; the browser's words.
    Network(String),
    /// Cognito did not answer in time.
    Timeout,
    /// Too many requests: Cognito asks to slow down.
    Throttled,
    /// Refreshes are failing and another tab of this browser retries them; this tab sent
    /// nothing and takes up the result.
    RetryingInAnotherTab,
    /// Cognito failed (a 5xx or an internal error); what it said.
    ServerFault(String),
    /// An answer that is not what Cognito sends; what was wrong with it.
    BadResponse(String),
    /// Cognito refused for another reason; its code and message are shown as they are.
    Rejected {
        /// Cognito's error code.
        code: String,
        /// Cognito's message.
        message: String,
    },
    /// The saved session was unreadable, so it was cleared.
    StoredSessionUnreadable(String),
    /// Sign-up: the username is in use.
    UsernameTaken,
    /// The code entered is not the one sent.
    WrongCode,
    /// The code has expired: a new one must be sent.
    CodeExpired,
    /// Too many wrong codes: Cognito refuses more tries for a while.
    TooManyAttempts,
    /// Change password: the current password is wrong.
    WrongCurrentPassword,
    /// The access token was refused even after a refresh.
    AccessRefused,
}

/// What a failure does to the session held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The refresh token is dead: the session is cleared and the user signs in again.
    EndsSession,
    /// Passing trouble (network, timeout, throttling, a server fault, an unreadable answer):
    /// every token is kept and the refresh is retried with back-off.
    Retry,
    /// Refused for a reason that is not about this session (a misconfigured client, a failing
    /// Lambda trigger, …) or not about a refresh at all: every token is kept, nothing retried.
    KeepsSession,
}

impl AuthError {
    /// What this failure does to the session; one table for the refresh and every other call.
    pub fn effect(&self) -> Effect {
        match self {
            AuthError::SessionEnded => Effect::EndsSession,
            AuthError::Network(_)
            | AuthError::Timeout
            | AuthError::Throttled
            | AuthError::RetryingInAnotherTab
            | AuthError::ServerFault(_)
            | AuthError::BadResponse(_) => Effect::Retry,
            _ => Effect::KeepsSession,
        }
    }

    /// A refusal of what the user typed (a wrong or expired code, a wrong password, a password
    /// the rules refuse, a taken username), told as it is: nothing happened to the session.
    pub fn is_typing_mistake(&self) -> bool {
        matches!(
            self,
            AuthError::WrongCredentials
                | AuthError::PasswordRejected(_)
                | AuthError::UsernameTaken
                | AuthError::WrongCode
                | AuthError::CodeExpired
                | AuthError::WrongCurrentPassword
        )
    }

    /// What a failed call means, given what the user was doing.
    pub fn from_call(error: CallError, step: Step) -> AuthError {
        match error {
            CallError::Transport(TransportError::Timeout) => AuthError::Timeout,
            CallError::Transport(TransportError::Network(detail)) => AuthError::Network(detail),
            CallError::BadResponse { detail, .. } => AuthError::BadResponse(detail),
            CallError::Service {
                status,
                code,
                message,
            } => match (code, step) {
                (ErrorCode::NotAuthorized | ErrorCode::UserNotFound, Step::SignIn) => {
                    AuthError::WrongCredentials
                }
                // "Invalid session for the user": the challenge's session expired or was spent.
                (ErrorCode::NotAuthorized | ErrorCode::ExpiredCode, Step::Challenge) => {
                    AuthError::ChallengeExpired
                }
                (ErrorCode::TooManyFailedAttempts | ErrorCode::LimitExceeded, Step::Challenge) => {
                    AuthError::TooManyAttempts
                }
                // Whatever the reason, the refresh token cannot be used again.
                (
                    ErrorCode::NotAuthorized
                    | ErrorCode::RefreshTokenReuse
                    | ErrorCode::TokenRevoked
                    | ErrorCode::UserNotFound
                    | ErrorCode::PasswordResetRequired
                    | ErrorCode::UserNotConfirmed,
                    Step::Refresh,
                ) => AuthError::SessionEnded,
                (ErrorCode::NotAuthorized, Step::ChangePassword) => AuthError::WrongCurrentPassword,
                (ErrorCode::NotAuthorized, Step::Authorized) => AuthError::AccessRefused,
                (ErrorCode::UsernameExists, _) => AuthError::UsernameTaken,
                (ErrorCode::CodeMismatch | ErrorCode::EnableSoftwareTokenMfa, _) => {
                    AuthError::WrongCode
                }
                (ErrorCode::ExpiredCode, _) => AuthError::CodeExpired,
                (ErrorCode::UserNotConfirmed, _) => AuthError::NotConfirmed,
                (ErrorCode::PasswordResetRequired, _) => AuthError::PasswordResetRequired,
                (ErrorCode::InvalidPassword, _) => AuthError::PasswordRejected(message),
                (
                    ErrorCode::TooManyRequests
                    | ErrorCode::LimitExceeded
                    | ErrorCode::TooManyFailedAttempts,
                    _,
                ) => AuthError::Throttled,
                (ErrorCode::InternalError, _) => AuthError::ServerFault(message),
                (code, _) if status >= 500 => AuthError::ServerFault(format!("{code}: {message}")),
                (code, _) => AuthError::Rejected {
                    code: code.to_string(),
                    message,
                },
            },
        }
    }
}

/// For developers and logs. The words a person reads are the UI's: `outcome::error_text`.
impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for AuthError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A failure as the README's table names it.
    fn failure(name: &str) -> CallError {
        match name {
            "network" => CallError::Transport(TransportError::Network("offline".into())),
            "timeout" => CallError::Transport(TransportError::Timeout),
            "HTTP 5xx" => CallError::Service {
                status: 503,
                code: ErrorCode::parse("ServiceUnavailable"),
                message: String::new(),
            },
            "unreadable answer" => CallError::BadResponse {
                status: 502,
                detail: "html".into(),
            },
            code => CallError::Service {
                status: 400,
                code: ErrorCode::parse(&format!("{code}Exception")),
                message: String::new(),
            },
        }
    }

    fn effect(name: &str) -> Effect {
        AuthError::from_call(failure(name), Step::Refresh).effect()
    }

    /// Every failure the README's table names has the effect its row says.
    #[test]
    fn the_readme_table_is_the_code_table() {
        let readme = include_str!("../../README.md");
        let table = readme
            .split("### Which refresh failures end the session")
            .nth(1)
            .expect("README has the failure table");
        let rows: Vec<&str> = table
            .lines()
            .skip_while(|l| !l.starts_with("| refresh failure"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        assert_eq!(rows.len(), 3, "one row per effect");
        let mut checked = 0;
        for row in rows {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let expected = match cells[2] {
                "`EndsSession`" => Effect::EndsSession,
                "`Retry`" => Effect::Retry,
                "`KeepsSession`" => Effect::KeepsSession,
                other => panic!("unknown effect {other}"),
            };
            for name in cells[1].split('`').skip(1).step_by(2) {
                assert_eq!(effect(name), expected, "{name}");
                checked += 1;
            }
        }
        assert!(checked >= 18, "only {checked} failures named");
    }

    #[test]
    fn an_unknown_code_keeps_the_session() {
        assert_eq!(effect("SomethingNew"), Effect::KeepsSession);
    }

    #[test]
    fn outside_a_refresh_nothing_ends_the_session() {
        for step in [Step::SignIn, Step::Account, Step::Authorized, Step::SignOut] {
            let e = AuthError::from_call(failure("NotAuthorized"), step);
            assert_ne!(e.effect(), Effect::EndsSession, "{step:?}");
        }
    }
}
