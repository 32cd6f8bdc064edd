//! Setting up and choosing factors on the wire: an authenticator app's secret
//! (`AssociateSoftwareToken`), its first code (`VerifySoftwareToken`), the answer to
//! `MFA_SETUP`, and which factors are on (`SetUserMFAPreference`, and `GetUser`'s lists).

use super::{ChallengeName, Factor, FromJson, Operation, RespondToAuthChallenge};
use crate::json::{FieldError, Fields, Value};
use crate::secret::{AccessToken, ChallengeSession, Secret, TotpSecret};

/// Who an authenticator-app setup call is for: the signed-in user, by the access token, or a
/// sign-in's `MFA_SETUP` challenge, by its session.
#[derive(Debug, Clone)]
pub enum SetupCaller {
    /// The signed-in user (the account screen).
    Token(AccessToken),
    /// A sign-in that must set up a factor before it ends.
    Session(ChallengeSession),
}

impl SetupCaller {
    fn field(&self) -> (&'static str, Option<Value>) {
        match self {
            SetupCaller::Token(token) => ("AccessToken", Some(Value::str(token.expose()))),
            SetupCaller::Session(session) => ("Session", Some(Value::str(session.expose()))),
        }
    }
}

/// `AssociateSoftwareToken`: a new authenticator-app secret for the user.
#[derive(Debug)]
pub struct AssociateSoftwareToken(pub SetupCaller);

/// The answer to [`AssociateSoftwareToken`].
#[derive(Debug)]
pub struct NewSoftwareToken {
    /// The secret to load into the app (base32).
    pub secret_code: TotpSecret,
    /// The session for the next call, when the caller was a session.
    pub session: Option<ChallengeSession>,
}

impl FromJson for NewSoftwareToken {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        Ok(NewSoftwareToken {
            secret_code: TotpSecret::new(f.str("SecretCode")?),
            session: f.opt_str("Session")?.map(ChallengeSession::new),
        })
    }
}

impl Operation for AssociateSoftwareToken {
    const NAME: &'static str = "AssociateSoftwareToken";
    type Output = NewSoftwareToken;
    fn body(&self) -> Value {
        Value::object([self.0.field()])
    }
}

/// `VerifySoftwareToken`: the first code from the app, proving it holds the secret.
#[derive(Debug)]
pub struct VerifySoftwareToken {
    /// The user, or the session [`AssociateSoftwareToken`] returned.
    pub caller: SetupCaller,
    /// The code the app shows.
    pub user_code: String,
    /// A name for the device, shown in the user's settings; omitted when empty.
    pub friendly_device_name: String,
}

/// The answer to [`VerifySoftwareToken`].
#[derive(Debug)]
pub struct VerifiedSoftwareToken {
    /// `SUCCESS` or `ERROR`.
    pub status: String,
    /// The session for `MFA_SETUP`'s answer, when the caller was a session.
    pub session: Option<ChallengeSession>,
}

impl FromJson for VerifiedSoftwareToken {
    fn from_json(f: Fields<'_>) -> Result<Self, FieldError> {
        Ok(VerifiedSoftwareToken {
            status: f.opt_str("Status")?.unwrap_or_default(),
            session: f.opt_str("Session")?.map(ChallengeSession::new),
        })
    }
}

impl Operation for VerifySoftwareToken {
    const NAME: &'static str = "VerifySoftwareToken";
    type Output = VerifiedSoftwareToken;
    fn body(&self) -> Value {
        let name = &self.friendly_device_name;
        Value::object([
            self.caller.field(),
            ("UserCode", Some(Value::str(&self.user_code))),
            (
                "FriendlyDeviceName",
                (!name.is_empty()).then(|| Value::str(name)),
            ),
        ])
    }
}

impl RespondToAuthChallenge {
    /// Answers `MFA_SETUP` once the new factor is verified; `session` is the one
    /// [`VerifySoftwareToken`] returned.
    pub fn mfa_setup(client_id: &str, session: &ChallengeSession, username: &str) -> Self {
        Self {
            challenge_name: ChallengeName::MfaSetup.as_str().into(),
            client_id: client_id.into(),
            session: Some(session.clone()),
            challenge_responses: Vec::from([("USERNAME", Secret::new(username))]),
        }
    }
}

/// Which factors are on for a user, and the one Cognito asks for first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaSettings {
    /// The factors that are on (`UserMFASettingList`), in Cognito's order.
    pub enabled: Vec<Factor>,
    /// The factor asked for first (`PreferredMfaSetting`), if one is set.
    pub preferred: Option<Factor>,
}

impl MfaSettings {
    /// Reads `GetUser`'s `UserMFASettingList` and `PreferredMfaSetting`; names this client does
    /// not know are left out.
    pub(super) fn from_user(f: Fields<'_>) -> Result<Self, FieldError> {
        let factor = |name: &str| Factor::of(&ChallengeName::from_wire(name));
        let mut enabled = Vec::new();
        for item in f.opt_array("UserMFASettingList")?.unwrap_or_default() {
            let name = item
                .as_str()
                .ok_or_else(|| FieldError::new("UserMFASettingList", "holds a non-string"))?;
            enabled.extend(factor(name));
        }
        let preferred = f.opt_str("PreferredMfaSetting")?.and_then(|p| factor(&p));
        Ok(MfaSettings { enabled, preferred })
    }

    /// Whether `factor` is on.
    pub fn is_on(&self, factor: Factor) -> bool {
        self.enabled.contains(&factor)
    }

    /// These settings with `factor` turned on (and preferred) or off.
    pub fn with(&self, factor: Factor, on: bool) -> MfaSettings {
        let mut enabled: Vec<Factor> = self
            .enabled
            .iter()
            .copied()
            .filter(|&f| f != factor)
            .collect();
        let mut preferred = self.preferred.filter(|&p| p != factor);
        if on {
            enabled.push(factor);
            preferred = Some(factor);
        }
        MfaSettings { enabled, preferred }
    }
}

/// `SetUserMFAPreference`: turns factors on or off and sets the preferred one.
#[derive(Debug)]
pub struct SetUserMfaPreference {
    /// The signed-in user's access token.
    pub access_token: AccessToken,
    /// The settings wanted for `changed` and every factor that is on.
    pub settings: MfaSettings,
    /// The factor being turned on or off.
    pub changed: Factor,
}

impl Operation for SetUserMfaPreference {
    const NAME: &'static str = "SetUserMFAPreference";
    type Output = super::Empty;
    /// States every factor that is on, and the changed one: a factor left out keeps its
    /// setting in Cognito, but some servers (the local one) turn what is left out off.
    fn body(&self) -> Value {
        let settings = [
            (Factor::Sms, "SMSMfaSettings"),
            (Factor::App, "SoftwareTokenMfaSettings"),
            (Factor::Email, "EmailMfaSettings"),
        ]
        .into_iter()
        .map(|(factor, key)| {
            let on = self.settings.is_on(factor);
            let stated = (on || factor == self.changed).then(|| {
                Value::object([
                    ("Enabled", Some(Value::Bool(on))),
                    (
                        "PreferredMfa",
                        Some(Value::Bool(self.settings.preferred == Some(factor))),
                    ),
                ])
            });
            (key, stated)
        });
        Value::object(
            [("AccessToken", Some(Value::str(self.access_token.expose())))]
                .into_iter()
                .chain(settings),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn setup_calls_name_their_caller_by_token_or_by_session() {
        let by_token = AssociateSoftwareToken(SetupCaller::Token(AccessToken::new("at")));
        assert_eq!(by_token.body().to_string(), r#"{"AccessToken":"at"}"#);
        let verify = VerifySoftwareToken {
            caller: SetupCaller::Session(ChallengeSession::new("s1")),
            user_code: "123456".into(),
            friendly_device_name: String::new(),
        };
        assert_eq!(
            verify.body().to_string(),
            r#"{"Session":"s1","UserCode":"123456"}"#
        );
        let named = VerifySoftwareToken {
            friendly_device_name: "Ann's phone".into(),
            ..verify
        };
        assert!(
            named
                .body()
                .to_string()
                .ends_with(r#""FriendlyDeviceName":"Ann's phone"}"#)
        );
    }

    #[test]
    fn the_secret_is_read_and_never_printed() {
        let value = json::parse(r#"{"SecretCode":"JBSWY3DP","Session":"s2"}"#).unwrap();
        let token = NewSoftwareToken::from_json(value.fields().unwrap()).unwrap();
        assert_eq!(token.secret_code.expose(), "JBSWY3DP");
        assert_eq!(token.session, Some(ChallengeSession::new("s2")));
        assert!(!format!("{token:?}").contains("JBSWY3DP"));
    }

    #[test]
    fn mfa_setup_is_answered_with_the_username_and_the_verified_session() {
        let op = RespondToAuthChallenge::mfa_setup("c", &ChallengeSession::new("s3"), "ann");
        assert_eq!(
            op.body().to_string(),
            r#"{"ChallengeName":"MFA_SETUP","ClientId":"c","Session":"s3","ChallengeResponses":{"USERNAME":"ann"}}"#
        );
    }

    #[test]
    fn settings_are_read_from_get_user_leaving_unknown_names_out() {
        let value = json::parse(
            r#"{"UserMFASettingList":["SMS_MFA","WEB_AUTHN","SOFTWARE_TOKEN_MFA"],"PreferredMfaSetting":"SOFTWARE_TOKEN_MFA"}"#,
        )
        .unwrap();
        let settings = MfaSettings::from_user(value.fields().unwrap()).unwrap();
        assert_eq!(settings.enabled, vec![Factor::Sms, Factor::App]);
        assert_eq!(settings.preferred, Some(Factor::App));
        let none = json::parse("{}").unwrap();
        assert_eq!(
            MfaSettings::from_user(none.fields().unwrap()).unwrap(),
            MfaSettings::default()
        );
        let bad = json::parse(r#"{"UserMFASettingList":[1]}"#).unwrap();
        assert!(MfaSettings::from_user(bad.fields().unwrap()).is_err());
    }

    #[test]
    fn turning_a_factor_on_prefers_it_and_off_forgets_it() {
        let sms = MfaSettings::default().with(Factor::Sms, true);
        assert_eq!(sms.enabled, vec![Factor::Sms]);
        let both = sms.with(Factor::App, true);
        assert_eq!(both.enabled, vec![Factor::Sms, Factor::App]);
        assert_eq!(both.preferred, Some(Factor::App));
        let app_off = both.with(Factor::App, false);
        assert_eq!(app_off.enabled, vec![Factor::Sms]);
        assert_eq!(app_off.preferred, None);
        assert_eq!(both.with(Factor::Sms, false).preferred, Some(Factor::App));
    }

    #[test]
    fn the_preference_states_every_factor_that_is_on_and_the_changed_one() {
        let op = |settings: MfaSettings, changed| {
            SetUserMfaPreference {
                access_token: AccessToken::new("at"),
                settings,
                changed,
            }
            .body()
            .to_string()
        };
        let sms_on = MfaSettings::default().with(Factor::Sms, true);
        assert_eq!(
            op(sms_on.with(Factor::App, true), Factor::App),
            r#"{"AccessToken":"at","SMSMfaSettings":{"Enabled":true,"PreferredMfa":false},"SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}"#
        );
        assert_eq!(
            op(MfaSettings::default(), Factor::App),
            r#"{"AccessToken":"at","SoftwareTokenMfaSettings":{"Enabled":false,"PreferredMfa":false}}"#
        );
    }
}
