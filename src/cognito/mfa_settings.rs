//! Setting up and choosing factors on the wire: an authenticator app's secret
//! (`AssociateSoftwareToken`), its first code (`VerifySoftwareToken`), the answer to
//! `MFA_SETUP`, and which factors are on (`SetUserMFAPreference`, and `GetUser`'s lists).

use super::{ChallengeName, Factor, Operation, RespondToAuthChallenge};
use crate::secret::{AccessToken, ChallengeSession, Password, Secret, TotpSecret};
use crate::wire;
use serde::{Deserialize, Serialize};

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
    /// A body naming this caller; a call adds its fields to it.
    fn body(&self) -> CallerBody<'_> {
        match self {
            SetupCaller::Token(token) => CallerBody::token(token),
            SetupCaller::Session(session) => CallerBody {
                session: Some(session),
                ..CallerBody::default()
            },
        }
    }
}

/// The request body of every call that names its caller by access token or challenge session
/// (`GetUser`, `GlobalSignOut`, `ChangePassword`, `AssociateSoftwareToken`,
/// `VerifySoftwareToken`): one type for all (bundle size). Fields left `None` are left out.
#[derive(Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct CallerBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<&'a AccessToken>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<&'a ChallengeSession>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_password: Option<&'a Password>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposed_password: Option<&'a Password>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_device_name: Option<&'a str>,
}

impl<'a> CallerBody<'a> {
    /// A body naming the signed-in user by `token`.
    pub(super) fn token(token: &'a AccessToken) -> Self {
        CallerBody {
            access_token: Some(token),
            ..CallerBody::default()
        }
    }
}

/// `AssociateSoftwareToken`: a new authenticator-app secret for the user.
#[derive(Debug)]
pub struct AssociateSoftwareToken(pub SetupCaller);

/// The answer to [`AssociateSoftwareToken`].
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NewSoftwareToken {
    /// The secret to load into the app (base32).
    pub secret_code: TotpSecret,
    /// The session for the next call, when the caller was a session.
    pub session: Option<ChallengeSession>,
}

impl Operation for AssociateSoftwareToken {
    const NAME: &'static str = "AssociateSoftwareToken";
    type Output = NewSoftwareToken;
    fn body(&self) -> String {
        wire::write(&self.0.body())
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
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerifiedSoftwareToken {
    /// `SUCCESS` or `ERROR`.
    #[serde(default)]
    pub status: String,
    /// The session for `MFA_SETUP`'s answer, when the caller was a session.
    pub session: Option<ChallengeSession>,
}

impl Operation for VerifySoftwareToken {
    const NAME: &'static str = "VerifySoftwareToken";
    type Output = VerifiedSoftwareToken;
    fn body(&self) -> String {
        let name = &self.friendly_device_name;
        wire::write(&CallerBody {
            user_code: Some(&self.user_code),
            friendly_device_name: (!name.is_empty()).then_some(name),
            ..self.caller.body()
        })
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
    /// From `GetUser`'s `UserMFASettingList` and `PreferredMfaSetting`; names this client does
    /// not know are left out.
    pub(super) fn from_user(list: &[String], preferred: Option<&str>) -> Self {
        let factor = |name: &str| Factor::of(&ChallengeName::from_wire(name));
        MfaSettings {
            enabled: list.iter().filter_map(|name| factor(name)).collect(),
            preferred: preferred.and_then(factor),
        }
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
    fn body(&self) -> String {
        let stated = |factor| {
            let on = self.settings.is_on(factor);
            (on || factor == self.changed).then(|| FactorSetting {
                enabled: on,
                preferred_mfa: self.settings.preferred == Some(factor),
            })
        };
        wire::write(&MfaPreferenceBody {
            access_token: &self.access_token,
            sms: stated(Factor::Sms),
            app: stated(Factor::App),
            email: stated(Factor::Email),
        })
    }
}

/// [`SetUserMfaPreference`]'s body; a factor whose setting is `None` is left out.
#[derive(Serialize)]
struct MfaPreferenceBody<'a> {
    #[serde(rename = "AccessToken")]
    access_token: &'a AccessToken,
    #[serde(rename = "SMSMfaSettings", skip_serializing_if = "Option::is_none")]
    sms: Option<FactorSetting>,
    #[serde(
        rename = "SoftwareTokenMfaSettings",
        skip_serializing_if = "Option::is_none"
    )]
    app: Option<FactorSetting>,
    #[serde(rename = "EmailMfaSettings", skip_serializing_if = "Option::is_none")]
    email: Option<FactorSetting>,
}

/// One factor's setting in [`MfaPreferenceBody`].
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct FactorSetting {
    enabled: bool,
    preferred_mfa: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cognito::UserProfile;

    #[test]
    fn setup_calls_name_their_caller_by_token_or_by_session() {
        let by_token = AssociateSoftwareToken(SetupCaller::Token(AccessToken::new("at")));
        assert_eq!(by_token.body(), r#"{"AccessToken":"at"}"#);
        let verify = VerifySoftwareToken {
            caller: SetupCaller::Session(ChallengeSession::new("s1")),
            user_code: "123456".into(),
            friendly_device_name: String::new(),
        };
        assert_eq!(verify.body(), r#"{"Session":"s1","UserCode":"123456"}"#);
        let named = VerifySoftwareToken {
            friendly_device_name: "Ann's phone".into(),
            ..verify
        };
        assert!(
            named
                .body()
                .ends_with(r#""FriendlyDeviceName":"Ann's phone"}"#)
        );
    }

    #[test]
    fn the_secret_is_read_and_never_printed() {
        let token: NewSoftwareToken =
            wire::read(r#"{"SecretCode":"JBSWY3DP","Session":"s2"}"#).unwrap();
        assert_eq!(token.secret_code.expose(), "JBSWY3DP");
        assert_eq!(token.session, Some(ChallengeSession::new("s2")));
        assert!(!format!("{token:?}").contains("JBSWY3DP"));
    }

    #[test]
    fn mfa_setup_is_answered_with_the_username_and_the_verified_session() {
        let op = RespondToAuthChallenge::mfa_setup("c", &ChallengeSession::new("s3"), "ann");
        assert_eq!(
            op.body(),
            r#"{"ChallengeName":"MFA_SETUP","ClientId":"c","Session":"s3","ChallengeResponses":{"USERNAME":"ann"}}"#
        );
    }

    #[test]
    fn settings_are_read_from_get_user_leaving_unknown_names_out() {
        let settings_of = |text| wire::read::<UserProfile>(text).map(|user| user.mfa);
        let settings = settings_of(
            r#"{"Username":"a","UserMFASettingList":["SMS_MFA","WEB_AUTHN","SOFTWARE_TOKEN_MFA"],"PreferredMfaSetting":"SOFTWARE_TOKEN_MFA"}"#,
        )
        .unwrap();
        assert_eq!(settings.enabled, vec![Factor::Sms, Factor::App]);
        assert_eq!(settings.preferred, Some(Factor::App));
        assert_eq!(
            settings_of(r#"{"Username":"a"}"#).unwrap(),
            MfaSettings::default()
        );
        assert!(settings_of(r#"{"Username":"a","UserMFASettingList":[1]}"#).is_err());
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
