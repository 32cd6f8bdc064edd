//! Which refresh failures end a session and which keep it. This table is the whole policy; the
//! README repeats it.

use crate::cognito::{CallError, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshFailure {
    /// The refresh token is dead: clear the session, the user must sign in again.
    EndsSession,
    /// Passing trouble (network, timeout, throttling, server fault, unreadable answer): keep
    /// every token; the next read tries again.
    Transient,
    /// Cognito refused for a reason that is not about this session (a misconfigured client, a
    /// Lambda trigger failing, …): keep the tokens and report it.
    KeepsSession,
}

pub fn after_refresh_failure(error: &CallError) -> RefreshFailure {
    match error {
        CallError::Transport(_) | CallError::BadResponse { .. } => RefreshFailure::Transient,
        CallError::Service { status, code, .. } => match code {
            ErrorCode::NotAuthorized
            | ErrorCode::RefreshTokenReuse
            | ErrorCode::UserNotFound
            | ErrorCode::PasswordResetRequired
            | ErrorCode::UserNotConfirmed
            | ErrorCode::TokenRevoked => RefreshFailure::EndsSession,
            ErrorCode::TooManyRequests | ErrorCode::LimitExceeded | ErrorCode::InternalError => {
                RefreshFailure::Transient
            }
            _ if *status >= 500 => RefreshFailure::Transient,
            _ => RefreshFailure::KeepsSession,
        },
    }
}

/// How long to wait before retrying after `failures` transient failures in a row: doubling
/// from 2 s up to 2 min, spread by `jitter` (a random number in [0, 1)) over half to all of
/// that, so many tabs or clients do not retry in step.
pub fn retry_delay_ms(failures: u32, jitter: f64) -> u64 {
    const FIRST_MS: u64 = 2_000;
    const MAX_MS: u64 = 120_000;
    let ceiling = FIRST_MS
        .saturating_mul(1u64 << failures.saturating_sub(1).min(16))
        .min(MAX_MS);
    let spread = 0.5 + jitter.clamp(0.0, 1.0) / 2.0;
    (ceiling as f64 * spread) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::TransportError;

    #[test]
    fn retries_back_off_with_jitter_and_a_ceiling() {
        assert_eq!(retry_delay_ms(1, 0.0), 1_000);
        assert_eq!(retry_delay_ms(1, 0.999_999), 1_999);
        assert_eq!(retry_delay_ms(2, 0.0), 2_000);
        assert_eq!(retry_delay_ms(3, 0.0), 4_000);
        assert_eq!(retry_delay_ms(7, 1.0), 120_000);
        assert_eq!(retry_delay_ms(40, 1.0), 120_000);
        assert_eq!(retry_delay_ms(0, 1.0), 2_000);
    }

    fn service(status: u16, code: &str) -> CallError {
        CallError::Service {
            status,
            code: ErrorCode::parse(code),
            message: String::new(),
        }
    }

    #[test]
    fn the_policy_table() {
        use RefreshFailure::*;
        let cases = [
            (service(400, "NotAuthorizedException"), EndsSession),
            (service(400, "RefreshTokenReuseException"), EndsSession),
            (service(400, "UserNotFoundException"), EndsSession),
            (service(400, "PasswordResetRequiredException"), EndsSession),
            (service(400, "UserNotConfirmedException"), EndsSession),
            (service(400, "TokenRevokedException"), EndsSession),
            (service(400, "TooManyRequestsException"), Transient),
            (service(400, "LimitExceededException"), Transient),
            (service(500, "InternalErrorException"), Transient),
            (service(503, "ServiceUnavailable"), Transient),
            (CallError::Transport(TransportError::Timeout), Transient),
            (
                CallError::Transport(TransportError::Network("offline".into())),
                Transient,
            ),
            (
                CallError::BadResponse {
                    status: 502,
                    detail: "html".into(),
                },
                Transient,
            ),
            (service(400, "InvalidParameterException"), KeepsSession),
            (service(400, "ResourceNotFoundException"), KeepsSession),
            (service(400, "UserLambdaValidationException"), KeepsSession),
            (service(400, "SomethingNewException"), KeepsSession),
        ];
        for (error, expected) in cases {
            assert_eq!(after_refresh_failure(&error), expected, "{error:?}");
        }
    }
}
