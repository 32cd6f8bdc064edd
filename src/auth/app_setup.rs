//! Setting up an authenticator app and turning factors on and off: at sign-in, when the pool
//! requires MFA and the user has no factor yet (`MFA_SETUP`, answered through
//! [`super::Auth::answer`]), and from the account screen, with the access token.

use super::{Auth, AuthError, Environment, HttpClient, SessionStore, Step, TabLink};
use crate::cognito::{
    AssociateSoftwareToken, Factor, MfaSettings, SetUserMfaPreference, SetupCaller,
    VerifiedSoftwareToken, VerifySoftwareToken,
};
use crate::secret::{ChallengeSession, TotpSecret};

/// A new authenticator-app secret, waiting for the app's first code. The secret is never
/// printed, and every copy is wiped when it is dropped (the screen closes).
#[derive(Debug, Clone, PartialEq)]
pub struct NewApp {
    /// The user the secret is for, shown as the account's name in the app.
    pub username: String,
    secret: TotpSecret,
}

impl NewApp {
    pub(super) fn new(username: String, secret: TotpSecret) -> Self {
        Self { username, secret }
    }

    /// The secret in groups of four, for typing into an app by hand.
    pub fn grouped_secret(&self) -> String {
        let chars: Vec<char> = self.secret.expose().chars().collect();
        let groups: Vec<String> = chars.chunks(4).map(|g| g.iter().collect()).collect();
        groups.join(" ")
    }

    /// The `otpauth://` URI an authenticator app reads from the QR code, labelled
    /// `issuer:username` (Google's key URI format).
    pub fn otpauth_uri(&self, issuer: &str) -> String {
        let issuer = percent_encode(issuer);
        format!(
            "otpauth://totp/{issuer}:{}?secret={}&issuer={issuer}",
            percent_encode(&self.username),
            self.secret.expose()
        )
    }
}

/// Everything but letters, digits and `-._~` as `%XX` (UTF-8 bytes).
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            // By hand: `{:02X}` would bring in the formatter's padding code (bundle size).
            let hex = |nibble: u8| char::from(b"0123456789ABCDEF"[usize::from(nibble)]);
            out.extend(['%', hex(byte >> 4), hex(byte & 15)]);
        }
    }
    out
}

/// The first code from the new app, and the name the user gives the device.
#[derive(Debug, Clone, PartialEq)]
pub struct AppCode {
    /// The code the app shows (spaces are dropped).
    pub code: String,
    /// A name for the device (`Ann's phone`); may be empty.
    pub device_name: String,
}

impl AppCode {
    fn verify(&self, caller: SetupCaller) -> VerifySoftwareToken {
        VerifySoftwareToken {
            caller,
            user_code: self.code.chars().filter(|c| !c.is_whitespace()).collect(),
            friendly_device_name: self.device_name.trim().to_string(),
        }
    }
}

/// A sign-in that must set up an authenticator app before it ends (`MFA_SETUP`).
#[derive(Debug, Clone, PartialEq)]
pub struct SetupChallenge {
    /// The new app's secret, for the user's app.
    pub app: NewApp,
    pub(super) session: ChallengeSession,
}

/// `Status` other than `SUCCESS` means the code did not prove the secret.
fn verified(answer: VerifiedSoftwareToken) -> Result<Option<ChallengeSession>, AuthError> {
    match answer.status.as_str() {
        "SUCCESS" => Ok(answer.session),
        _ => Err(AuthError::WrongCode),
    }
}

impl<H: HttpClient, S: SessionStore, E: Environment, T: TabLink> Auth<H, S, E, T> {
    /// `MFA_SETUP` at sign-in: a new secret for `username`, on the challenge's session. Each
    /// call returns the session for the next; the previous one is kept if none comes back.
    pub(super) async fn start_setup(
        &self,
        username: String,
        session: ChallengeSession,
    ) -> Result<SetupChallenge, AuthError> {
        let op = AssociateSoftwareToken(SetupCaller::Session(session.clone()));
        let new = self.call(&op).await.map_err(challenge_error)?;
        Ok(SetupChallenge {
            app: NewApp::new(username, new.secret_code),
            session: new.session.unwrap_or(session),
        })
    }

    /// Proves the app at sign-in; the session to answer `MFA_SETUP` with.
    pub(super) async fn verify_setup(
        &self,
        setup: &SetupChallenge,
        code: &AppCode,
    ) -> Result<ChallengeSession, AuthError> {
        let op = code.verify(SetupCaller::Session(setup.session.clone()));
        let answer = self.call(&op).await.map_err(challenge_error)?;
        Ok(verified(answer)?.unwrap_or_else(|| setup.session.clone()))
    }

    /// A new authenticator-app secret for the signed-in user (`AssociateSoftwareToken`). Until
    /// [`Auth::enable_app`] proves it, the factors stay as they were.
    pub async fn new_app(&self) -> Result<NewApp, AuthError> {
        let username = self.info()?.username;
        let new = self
            .authorized(Step::Authorized, |token| {
                AssociateSoftwareToken(SetupCaller::Token(token))
            })
            .await?;
        Ok(NewApp::new(username, new.secret_code))
    }

    /// Proves the new app with its first code (`VerifySoftwareToken`), then turns it on as the
    /// preferred factor; the settings that result. A wrong code changes nothing: try again.
    pub async fn enable_app(
        &self,
        code: &AppCode,
        current: &MfaSettings,
    ) -> Result<MfaSettings, AuthError> {
        let answer = self
            .authorized(Step::Authorized, |token| {
                code.verify(SetupCaller::Token(token))
            })
            .await?;
        verified(answer)?;
        self.set_factor(current, Factor::App, true).await
    }

    /// Turns `factor` on (as the preferred one) or off (`SetUserMFAPreference`); the settings
    /// that result.
    pub async fn set_factor(
        &self,
        current: &MfaSettings,
        factor: Factor,
        on: bool,
    ) -> Result<MfaSettings, AuthError> {
        let settings = current.with(factor, on);
        self.authorized(Step::Authorized, |access_token| SetUserMfaPreference {
            access_token,
            settings: settings.clone(),
            changed: factor,
        })
        .await?;
        Ok(settings)
    }
}

/// A setup call's failure as a sign-in challenge's: an expired session sends the user back.
fn challenge_error(error: crate::cognito::CallError) -> AuthError {
    AuthError::from_call(error, Step::Challenge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(username: &str, secret: &str) -> NewApp {
        NewApp::new(username.into(), TotpSecret::new(secret))
    }

    #[test]
    fn the_uri_names_issuer_and_user_and_encodes_what_a_uri_cannot_hold() {
        let ann = app("ann@example.com", "JBSWY3DPEHPK3PXP");
        assert_eq!(
            ann.otpauth_uri("Example Corp"),
            "otpauth://totp/Example%20Corp:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Corp"
        );
        assert_eq!(
            app("山田", "AB").otpauth_uri("a:b"),
            "otpauth://totp/a%3Ab:%E5%B1%B1%E7%94%B0?secret=AB&issuer=a%3Ab"
        );
    }

    #[test]
    fn the_secret_is_shown_in_groups_of_four_and_never_printed() {
        let app = app("ann", "JBSWY3DPEHPK3PXPAB");
        assert_eq!(app.grouped_secret(), "JBSW Y3DP EHPK 3PXP AB");
        assert!(!format!("{app:?}").contains("JBSW"));
    }

    #[test]
    fn the_code_is_sent_without_spaces_and_the_device_name_trimmed() {
        let code = AppCode {
            code: " 123 456 ".into(),
            device_name: "  Ann's phone ".into(),
        };
        let op = code.verify(SetupCaller::Session(ChallengeSession::new("s")));
        assert_eq!(op.user_code, "123456");
        assert_eq!(op.friendly_device_name, "Ann's phone");
    }

    #[test]
    fn only_success_proves_the_code() {
        let answer = |status: &str| VerifiedSoftwareToken {
            status: status.into(),
            session: None,
        };
        assert_eq!(verified(answer("SUCCESS")), Ok(None));
        assert_eq!(verified(answer("ERROR")), Err(AuthError::WrongCode));
    }
}
