//! The second factor at sign-in: the challenges that ask for a one-time code or a choice of
//! factor, and their answers ([`super::Auth::answer`] sends them). A wrong code leaves the
//! challenge as it was, so the user can try again on the same session.

use crate::cognito::{Factor, RespondToAuthChallenge};
use crate::secret::ChallengeSession;

/// A sign-in waiting for a one-time code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeChallenge {
    /// The user signing in.
    pub username: String,
    /// Where the code comes from.
    pub factor: Factor,
    /// The masked phone number or address the code was sent to, as Cognito names it.
    pub destination: Option<String>,
    session: ChallengeSession,
}

impl CodeChallenge {
    pub(super) fn new(
        username: String,
        factor: Factor,
        destination: Option<String>,
        session: ChallengeSession,
    ) -> Self {
        Self {
            username,
            factor,
            destination,
            session,
        }
    }
}

/// A sign-in waiting for the user to pick a factor (`SELECT_MFA_TYPE`).
#[derive(Debug, Clone, PartialEq)]
pub struct FactorChoice {
    /// The user signing in.
    pub username: String,
    /// The factors Cognito offers, in its order (never empty).
    pub factors: Vec<Factor>,
    session: ChallengeSession,
}

impl FactorChoice {
    pub(super) fn new(username: String, factors: Vec<Factor>, session: ChallengeSession) -> Self {
        Self {
            username,
            factors,
            session,
        }
    }
}

impl CodeChallenge {
    /// The answer with `code`. Spaces are dropped (codes are often shown grouped).
    pub(super) fn respond(&self, client_id: &str, code: &str) -> RespondToAuthChallenge {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        RespondToAuthChallenge::mfa_code(
            client_id,
            &self.session,
            &self.username,
            self.factor,
            &code,
        )
    }
}

impl FactorChoice {
    /// The answer choosing `factor`; Cognito then asks for its code.
    pub(super) fn respond(&self, client_id: &str, factor: Factor) -> RespondToAuthChallenge {
        RespondToAuthChallenge::select_mfa_type(client_id, &self.session, &self.username, factor)
    }
}
