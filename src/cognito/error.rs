//! What can go wrong with one call: the transport, the answer's shape, or Cognito saying no.

use super::HttpResponse;
use serde::Deserialize;

/// The request did not get an HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// No connection, DNS failure, CORS refusal, or the browser is offline.
    Network(String),
    /// No answer within the time limit.
    Timeout,
}

/// One call's failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError {
    /// Cognito answered with an error code. Decisions match on `code`, never on `message`.
    Service {
        /// The HTTP status.
        status: u16,
        /// Cognito's error code (`NotAuthorizedException`, …).
        code: ErrorCode,
        /// Cognito's message, for people.
        message: String,
    },
    /// The request did not get an answer.
    Transport(TransportError),
    /// An answer that is not what Cognito sends: an HTML error page, truncated JSON, …
    BadResponse {
        /// The HTTP status.
        status: u16,
        /// What was wrong with the answer.
        detail: String,
    },
}

/// For developers and logs; what a person reads is `AuthError`'s text.
impl std::fmt::Display for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TransportError::Network(detail) => write!(f, "network failure: {detail}"),
            TransportError::Timeout => f.write_str("no answer in time"),
        }
    }
}

impl std::error::Error for TransportError {}

/// For developers and logs; what a person reads is `AuthError`'s text.
impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Service {
                status,
                code,
                message,
            } => write!(f, "HTTP {status} {code}: {message}"),
            CallError::Transport(e) => e.fmt(f),
            CallError::BadResponse { status, detail } => write!(f, "HTTP {status}: {detail}"),
        }
    }
}

impl std::error::Error for CallError {}

impl From<TransportError> for CallError {
    fn from(e: TransportError) -> Self {
        CallError::Transport(e)
    }
}

/// The body of an error answer: `{"__type": "…", "message": "…"}`, or the other spellings
/// some servers use. Any of it may be absent.
#[derive(Default, Deserialize)]
struct ErrorBody {
    #[serde(rename = "__type")]
    type_name: Option<String>,
    code: Option<String>,
    message: Option<String>,
    #[serde(rename = "Message")]
    capital_message: Option<String>,
}

impl CallError {
    /// Reads a non-2xx answer. The code comes from `x-amzn-ErrorType` when present, else from
    /// the body's `__type`; it is cut at `:` or `,` and only what follows a `#` is kept.
    pub fn from_error_response(response: &HttpResponse) -> CallError {
        let body: ErrorBody = crate::wire::read(&response.body).unwrap_or_default();
        let raw_code = response
            .header("x-amzn-ErrorType")
            .map(str::to_string)
            .or(body.type_name)
            .or(body.code);
        let Some(raw_code) = raw_code.filter(|c| !c.trim().is_empty()) else {
            return CallError::BadResponse {
                status: response.status,
                detail: format!("HTTP {} without a Cognito error code", response.status),
            };
        };
        let message = body
            .message
            .or(body.capital_message)
            .or_else(|| response.header("x-amzn-ErrorMessage").map(str::to_string))
            .unwrap_or_default();
        CallError::Service {
            status: response.status,
            code: ErrorCode::parse(&raw_code),
            message,
        }
    }

    /// Cognito's error code, when Cognito answered with one.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            CallError::Service { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// A closed set of names Cognito puts on the wire, as an enum with a catch-all: matching is on
/// the variant, and a name this client does not know keeps its text.
macro_rules! wire_names {
    ($(#[$doc:meta])* $enum:ident { $($variant:ident = $wire:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $enum {
            $(#[doc = concat!("`", $wire, "`")] $variant,)*
            /// A name this client does not know, as it came.
            Unknown(String),
        }

        impl $enum {
            /// From the exact wire name.
            pub fn from_wire(name: &str) -> $enum {
                match name {
                    $($wire => $enum::$variant,)*
                    other => $enum::Unknown(other.to_string()),
                }
            }

            /// The wire name.
            pub fn as_str(&self) -> &str {
                match self {
                    $($enum::$variant => $wire,)*
                    $enum::Unknown(name) => name,
                }
            }
        }

        impl ::std::fmt::Display for $enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use wire_names;

impl ErrorCode {
    /// From a raw code such as `NotAuthorizedException:` or
    /// `aws.cognito#NotAuthorizedException,http://...`.
    pub fn parse(raw: &str) -> ErrorCode {
        let cut = raw.split([':', ',']).next().unwrap_or("");
        ErrorCode::from_wire(cut.rsplit('#').next().unwrap_or("").trim())
    }
}

wire_names! {
    /// Cognito's error codes that this client tells apart; anything else is `Unknown`.
    ErrorCode {
    NotAuthorized = "NotAuthorizedException",
    UserNotFound = "UserNotFoundException",
    UserNotConfirmed = "UserNotConfirmedException",
    PasswordResetRequired = "PasswordResetRequiredException",
    RefreshTokenReuse = "RefreshTokenReuseException",
    TokenRevoked = "TokenRevokedException",
    TooManyRequests = "TooManyRequestsException",
    LimitExceeded = "LimitExceededException",
    TooManyFailedAttempts = "TooManyFailedAttemptsException",
    InternalError = "InternalErrorException",
    InvalidParameter = "InvalidParameterException",
    InvalidPassword = "InvalidPasswordException",
    ResourceNotFound = "ResourceNotFoundException",
    Forbidden = "ForbiddenException",
    UnsupportedOperation = "UnsupportedOperationException",
    UnsupportedTokenType = "UnsupportedTokenTypeException",
    Unauthorized = "UnauthorizedException",
    InvalidUserPoolConfiguration = "InvalidUserPoolConfigurationException",
    InvalidLambdaResponse = "InvalidLambdaResponseException",
    UnexpectedLambda = "UnexpectedLambdaException",
    UserLambdaValidation = "UserLambdaValidationException",
    UsernameExists = "UsernameExistsException",
    CodeMismatch = "CodeMismatchException",
    EnableSoftwareTokenMfa = "EnableSoftwareTokenMFAException",
    ExpiredCode = "ExpiredCodeException",
    CodeDeliveryFailure = "CodeDeliveryFailureException",
    AliasExists = "AliasExistsException",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.to_string(),
        }
    }

    #[test]
    fn code_comes_from_the_aws_header_first() {
        let err = CallError::from_error_response(&response(
            400,
            &[("X-Amzn-ErrorType", "NotAuthorizedException:")],
            r#"{"__type":"SomethingElse","message":"Incorrect username or password."}"#,
        ));
        assert_eq!(
            err,
            CallError::Service {
                status: 400,
                code: ErrorCode::NotAuthorized,
                message: "Incorrect username or password.".into()
            }
        );
    }

    #[test]
    fn code_falls_back_to_the_body_type() {
        let err = CallError::from_error_response(&response(
            400,
            &[("x-amz-error-code", "ignored")],
            r#"{"__type":"RefreshTokenReuseException","message":"reused"}"#,
        ));
        assert_eq!(err.code(), Some(&ErrorCode::RefreshTokenReuse));
    }

    #[test]
    fn namespaced_and_suffixed_codes_are_cut() {
        assert_eq!(
            ErrorCode::parse("aws.cognito#TooManyRequestsException,http://internal"),
            ErrorCode::TooManyRequests
        );
        assert_eq!(
            ErrorCode::parse("InternalErrorException:"),
            ErrorCode::InternalError
        );
        assert_eq!(
            ErrorCode::parse("BrandNewException"),
            ErrorCode::Unknown("BrandNewException".into())
        );
        assert_eq!(
            ErrorCode::RefreshTokenReuse.as_str(),
            "RefreshTokenReuseException"
        );
    }

    #[test]
    fn an_error_without_a_code_is_a_bad_response() {
        let err = CallError::from_error_response(&response(
            502,
            &[("content-type", "text/html")],
            "<html><body>Bad Gateway</body></html>",
        ));
        assert!(
            matches!(err, CallError::BadResponse { status: 502, .. }),
            "{err:?}"
        );
        let err = CallError::from_error_response(&response(500, &[], r#"{"__type":""}"#));
        assert!(
            matches!(err, CallError::BadResponse { status: 500, .. }),
            "{err:?}"
        );
    }
}
