//! Multi-factor sign-in on the wire: the factors a one-time code proves, and the answers to
//! the MFA challenges (`SOFTWARE_TOKEN_MFA`, `SMS_MFA`, `EMAIL_OTP`, `SELECT_MFA_TYPE`).

use super::{ChallengeName, RespondToAuthChallenge};
use crate::secret::{ChallengeSession, Secret};
use crate::wire;

/// A second factor, proven with a one-time code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    /// An authenticator app (TOTP): `SOFTWARE_TOKEN_MFA`.
    App,
    /// A text message: `SMS_MFA`.
    Sms,
    /// An email: `EMAIL_OTP`.
    Email,
}

impl Factor {
    /// The challenge that asks for this factor's code.
    pub fn challenge(self) -> ChallengeName {
        match self {
            Factor::App => ChallengeName::SoftwareTokenMfa,
            Factor::Sms => ChallengeName::SmsMfa,
            Factor::Email => ChallengeName::EmailOtp,
        }
    }

    /// The factor a challenge asks for, if it asks for a code.
    pub fn of(challenge: &ChallengeName) -> Option<Factor> {
        [Factor::App, Factor::Sms, Factor::Email]
            .into_iter()
            .find(|f| f.challenge() == *challenge)
    }

    /// The `ChallengeResponses` key the code goes in.
    fn code_key(self) -> &'static str {
        match self {
            Factor::App => "SOFTWARE_TOKEN_MFA_CODE",
            Factor::Sms => "SMS_MFA_CODE",
            Factor::Email => "EMAIL_OTP_CODE",
        }
    }

    /// The factors `SELECT_MFA_TYPE` offers, from its `MFAS_CAN_CHOOSE` parameter (a JSON array
    /// of challenge names, as text). Names this client does not know are left out.
    pub fn offered(mfas_can_choose: &str) -> Vec<Factor> {
        let names: Vec<String> = wire::read(mfas_can_choose).unwrap_or_default();
        names
            .iter()
            .filter_map(|name| Factor::of(&ChallengeName::from_wire(name)))
            .collect()
    }
}

impl RespondToAuthChallenge {
    /// Answers `factor`'s challenge with the code the user typed.
    pub fn mfa_code(
        client_id: &str,
        session: &ChallengeSession,
        username: &str,
        factor: Factor,
        code: &str,
    ) -> Self {
        Self::answer(
            factor.challenge(),
            client_id,
            session,
            username,
            (factor.code_key(), code),
        )
    }

    /// Answers `SELECT_MFA_TYPE` with the factor the user chose.
    pub fn select_mfa_type(
        client_id: &str,
        session: &ChallengeSession,
        username: &str,
        factor: Factor,
    ) -> Self {
        Self::answer(
            ChallengeName::SelectMfaType,
            client_id,
            session,
            username,
            ("ANSWER", factor.challenge().as_str()),
        )
    }

    fn answer(
        challenge: ChallengeName,
        client_id: &str,
        session: &ChallengeSession,
        username: &str,
        (key, value): (&'static str, &str),
    ) -> Self {
        Self {
            challenge_name: challenge.as_str().into(),
            client_id: client_id.into(),
            session: Some(session.clone()),
            challenge_responses: Vec::from([
                ("USERNAME", Secret::new(username)),
                (key, Secret::new(value)),
            ]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::Operation;

    #[test]
    fn each_factor_answers_its_own_challenge_with_its_own_key() {
        let session = ChallengeSession::new("s-1");
        let body = |f| RespondToAuthChallenge::mfa_code("c", &session, "ann", f, "123456").body();
        assert_eq!(
            body(Factor::App),
            r#"{"ChallengeName":"SOFTWARE_TOKEN_MFA","ClientId":"c","Session":"s-1","ChallengeResponses":{"USERNAME":"ann","SOFTWARE_TOKEN_MFA_CODE":"123456"}}"#
        );
        for (factor, name, key) in [
            (Factor::Sms, "SMS_MFA", "SMS_MFA_CODE"),
            (Factor::Email, "EMAIL_OTP", "EMAIL_OTP_CODE"),
        ] {
            let body = body(factor);
            assert!(
                body.contains(&format!(r#""ChallengeName":"{name}","#)),
                "{body}"
            );
            assert!(body.contains(&format!(r#""{key}":"123456""#)), "{body}");
        }
    }

    #[test]
    fn select_mfa_type_answers_with_the_factors_challenge_name() {
        let op = RespondToAuthChallenge::select_mfa_type(
            "c",
            &ChallengeSession::new("s"),
            "ann",
            Factor::Sms,
        );
        assert_eq!(
            op.body(),
            r#"{"ChallengeName":"SELECT_MFA_TYPE","ClientId":"c","Session":"s","ChallengeResponses":{"USERNAME":"ann","ANSWER":"SMS_MFA"}}"#
        );
    }

    #[test]
    fn the_offered_factors_are_read_from_the_json_text_and_unknown_ones_left_out() {
        assert_eq!(
            Factor::offered(r#"["SMS_MFA","SOFTWARE_TOKEN_MFA"]"#),
            vec![Factor::Sms, Factor::App]
        );
        assert_eq!(
            Factor::offered(r#"["EMAIL_OTP","WEB_AUTHN"]"#),
            vec![Factor::Email]
        );
        assert_eq!(Factor::offered("SMS_MFA"), vec![]);
        assert_eq!(Factor::offered(r#"{"a":1}"#), vec![]);
    }

    #[test]
    fn only_code_challenges_have_a_factor() {
        assert_eq!(Factor::of(&ChallengeName::SmsMfa), Some(Factor::Sms));
        assert_eq!(Factor::of(&ChallengeName::NewPasswordRequired), None);
        assert_eq!(Factor::of(&ChallengeName::MfaSetup), None);
    }
}
