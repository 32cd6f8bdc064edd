//! The deployment's settings, read at run time from `config.json` beside `index.html`, so one
//! release build serves any user pool. Every problem names the field at fault.

use crate::cognito::regional_endpoint;
use serde::Deserialize;
use std::fmt;

/// The deployment's configuration (`config.json`), checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The AWS region of the pool (`ap-northeast-1`).
    pub region: String,
    /// The user pool's id (`ap-northeast-1_AbCdEf123`).
    pub user_pool_id: String,
    /// The app client's id (a public client: no secret).
    pub client_id: String,
    /// Where requests go: `endpoint` from the file, else the region's Cognito URL.
    pub endpoint: String,
    /// How refresh tokens are exchanged.
    pub refresh_mode: RefreshMode,
    /// How the password is proven at sign-in.
    pub sign_in_flow: SignInFlow,
    /// Refresh this long before the access token ends, from a timer; 0 refreshes only when
    /// the token info is read.
    pub proactive_refresh_s: u64,
    /// The pool's password rules in words, shown where a password is chosen (a public client
    /// cannot read them from Cognito); none means Cognito's default policy, said in the page's
    /// language.
    pub password_policy: Option<String>,
    /// Whether this app's tabs share one session: one refresh at a time, rotations and
    /// sign-outs passed on, and a new tab may ask an open one for the session.
    pub share_across_tabs: bool,
    /// The name authenticator apps list the account under (`mfaIssuer`); none means the
    /// page's host.
    pub mfa_issuer: Option<String>,
}

/// How the session is refreshed; it must match the app client's setting in Cognito.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefreshMode {
    /// `GetTokensFromRefreshToken`: every refresh brings a new refresh token.
    Rotation,
    /// `InitiateAuth` with `REFRESH_TOKEN_AUTH`: the refresh token stays the same.
    Legacy,
}

/// How the password is proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInFlow {
    /// `USER_SRP_AUTH` (default): the password never leaves the browser.
    Srp,
    /// `USER_PASSWORD_AUTH`: the password is sent to Cognito (over TLS).
    UserPassword,
}

/// What is wrong with `config.json`, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The field of `config.json` that is wrong.
    pub field: String,
    /// What is wrong with it.
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "config.json: {}", self.problem)
        } else {
            write!(f, "config.json, field \"{}\": {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for ConfigError {}

fn error(field: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        field: field.into(),
        problem: problem.into(),
    }
}

/// `config.json` as written: every field may be absent here, and [`Config::parse`] checks
/// which must not be. Any other field is refused, with the list of these.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConfigFile {
    region: Option<String>,
    user_pool_id: Option<String>,
    client_id: Option<String>,
    endpoint: Option<String>,
    refresh_mode: Option<String>,
    sign_in_flow: Option<String>,
    proactive_refresh_seconds: Option<u64>,
    share_session_across_tabs: Option<bool>,
    password_policy: Option<String>,
    mfa_issuer: Option<String>,
}

/// Access tokens live at least 5 minutes; a longer lead would refresh all the time.
const MAX_PROACTIVE_REFRESH_S: u64 = 240;

/// Reads `text` as a `T`, or says where it failed (the field path, empty for the whole text)
/// with serde_json's error, which quotes the text: config.json holds no secret.
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." { String::new() } else { at };
        (at, e.into_inner())
    })?;
    de.end().map_err(|e| (String::new(), e))?;
    Ok(value)
}

impl Config {
    /// The pool's name as SRP uses it: the pool id after the region and `_`.
    pub fn pool_name(&self) -> &str {
        self.user_pool_id
            .split_once('_')
            .map_or("", |(_, name)| name)
    }

    /// Reads and checks `config.json`'s text, field by field.
    pub fn parse(raw: &str) -> Result<Config, ConfigError> {
        // serde would also take a JSON array for the object, its fields in order.
        let is_object = raw.trim_start().starts_with('{');
        // The file holds no secret, so serde's words (which quote the value) are kept.
        let file: ConfigFile = match parse(raw) {
            Err((_, e)) if !e.is_data() => {
                return Err(error("", format!("not valid JSON ({e})")));
            }
            _ if !is_object => return Err(error("", "must be a JSON object")),
            Err((field, _)) if field == "proactiveRefreshSeconds" => {
                return Err(error(&field, proactive_refresh_range()));
            }
            Err((field, e)) => return Err(error(&field, e.to_string())),
            Ok(file) => file,
        };

        let region = required("region", file.region)?;
        if !region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || !region.contains('-')
        {
            return Err(error(
                "region",
                format!("\"{region}\" is not an AWS region such as \"eu-west-1\""),
            ));
        }
        let user_pool_id = required("userPoolId", file.user_pool_id)?;
        match user_pool_id.split_once('_') {
            Some((prefix, rest)) if prefix == region && !rest.is_empty() => {}
            _ => {
                return Err(error(
                    "userPoolId",
                    format!(
                        "\"{user_pool_id}\" must look like \"{region}_AbC123\" (the region, an underscore, the pool's id)"
                    ),
                ));
            }
        }
        let client_id = required("clientId", file.client_id)?;
        if !client_id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(error(
                "clientId",
                "an app client id has only letters and digits",
            ));
        }
        let endpoint = match optional("endpoint", file.endpoint)? {
            None => regional_endpoint(&region),
            Some(url) => match check_endpoint(&url) {
                Ok(()) => url,
                Err(problem) => return Err(error("endpoint", format!("\"{url}\" {problem}"))),
            },
        };
        let refresh_mode = match optional("refreshMode", file.refresh_mode)?.as_deref() {
            None | Some("rotation") => RefreshMode::Rotation,
            Some("legacy") => RefreshMode::Legacy,
            Some(other) => {
                return Err(error(
                    "refreshMode",
                    format!("\"{other}\" is not \"rotation\" or \"legacy\""),
                ));
            }
        };
        let sign_in_flow = match optional("signInFlow", file.sign_in_flow)?.as_deref() {
            None | Some("USER_SRP_AUTH") => SignInFlow::Srp,
            Some("USER_PASSWORD_AUTH") => SignInFlow::UserPassword,
            Some(other) => {
                return Err(error(
                    "signInFlow",
                    format!("\"{other}\" is not \"USER_SRP_AUTH\" or \"USER_PASSWORD_AUTH\""),
                ));
            }
        };
        let proactive_refresh_s = match file.proactive_refresh_seconds {
            None => 60,
            Some(s) if s <= MAX_PROACTIVE_REFRESH_S => s,
            Some(_) => {
                return Err(error("proactiveRefreshSeconds", proactive_refresh_range()));
            }
        };
        let share_across_tabs = file.share_session_across_tabs.unwrap_or(true);
        let password_policy = optional("passwordPolicy", file.password_policy)?;
        Ok(Config {
            password_policy,
            region,
            user_pool_id,
            client_id,
            endpoint,
            refresh_mode,
            sign_in_flow,
            proactive_refresh_s,
            share_across_tabs,
            mfa_issuer: optional("mfaIssuer", file.mfa_issuer)?,
        })
    }
}

fn proactive_refresh_range() -> String {
    format!("must be a whole number of seconds from 0 to {MAX_PROACTIVE_REFRESH_S}")
}

/// A text field's value, trimmed; present but blank is an error.
fn optional(name: &str, value: Option<String>) -> Result<Option<String>, ConfigError> {
    match value {
        None => Ok(None),
        Some(s) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
        Some(_) => Err(error(name, "is empty")),
    }
}

/// An endpoint is a plain `https://host[:port]/path` URL; `http://` only for this device
/// (`localhost`, `127.x.x.x`, `[::1]`), where a local Cognito runs. The host must be a valid
/// name or address, so a typo is named here rather than met later as "check your connection".
fn check_endpoint(url: &str) -> Result<(), &'static str> {
    let (https, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (_, Some(rest)) => (false, rest),
        _ => return Err("must start with https://"),
    };
    if url
        .bytes()
        .any(|b| b <= b' ' || b == 0x7f || b == b'?' || b == b'#')
    {
        return Err("is not a plain URL (no spaces, query or fragment)");
    }
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    // The port is what follows the last colon, unless that colon is inside `[…]` (IPv6).
    let (host, port) = match authority.bytes().rposition(|b| b == b':') {
        Some(at) if !authority[at..].contains(']') => {
            (&authority[..at], Some(&authority[at + 1..]))
        }
        _ => (authority, None),
    };
    if let Some(port) = port {
        let number = port.bytes().try_fold(0u32, |n, b| {
            (b.is_ascii_digit() && n < 65536).then(|| n * 10 + u32::from(b - b'0'))
        });
        if !matches!(number, Some(1..=65535)) {
            return Err("has a port that is not a number from 1 to 65535");
        }
    }
    let ipv6 = host.len() > 2
        && host.starts_with('[')
        && host.ends_with(']')
        && host[1..host.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    let name = host.len() <= 253
        && host.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if !ipv6 && !name {
        return Err("does not name a valid host");
    }
    let this_device = host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "[::1]";
    if !https && !this_device {
        return Err("must start with https:// (http:// is only for a server on this device)");
    }
    Ok(())
}

fn required(name: &str, value: Option<String>) -> Result<String, ConfigError> {
    optional(name, value)?.ok_or_else(|| error(name, "is missing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        r#"{"region":"us-east-1","userPoolId":"us-east-1_Demo","clientId":"abc123"}"#;

    #[test]
    fn the_minimal_config_uses_aws_and_rotation() {
        let c = Config::parse(GOOD).unwrap();
        assert_eq!(c.endpoint, "https://cognito-idp.us-east-1.amazonaws.com/");
        assert_eq!(c.refresh_mode, RefreshMode::Rotation);
        assert_eq!(c.sign_in_flow, SignInFlow::Srp);
        assert_eq!(c.proactive_refresh_s, 60);
        assert!(c.share_across_tabs);
        assert_eq!(c.mfa_issuer, None);
        assert_eq!(c.password_policy, None);
    }

    #[test]
    fn the_full_config() {
        let c = Config::parse(
            r#"{"region":"us-east-1","userPoolId":"us-east-1_Demo","clientId":"abc123",
                "endpoint":"http://127.0.0.1:4567/","refreshMode":"legacy","signInFlow":"USER_PASSWORD_AUTH",
                "proactiveRefreshSeconds":0,"shareSessionAcrossTabs":false,"passwordPolicy":"12+ characters.",
                "mfaIssuer":"Example Corp"}"#,
        )
        .unwrap();
        assert_eq!(c.endpoint, "http://127.0.0.1:4567/");
        assert_eq!(c.refresh_mode, RefreshMode::Legacy);
        assert_eq!(c.sign_in_flow, SignInFlow::UserPassword);
        assert_eq!(c.proactive_refresh_s, 0);
        assert!(!c.share_across_tabs);
        assert_eq!(c.mfa_issuer.as_deref(), Some("Example Corp"));
        assert_eq!(c.password_policy.as_deref(), Some("12+ characters."));
    }

    fn field_of(raw: &str) -> String {
        Config::parse(raw).unwrap_err().field
    }

    #[test]
    fn each_problem_names_its_field() {
        assert_eq!(
            field_of(r#"{"userPoolId":"us-east-1_D","clientId":"a"}"#),
            "region"
        );
        assert_eq!(
            field_of(r#"{"region":"Mars","userPoolId":"us-east-1_D","clientId":"a"}"#),
            "region"
        );
        assert_eq!(
            field_of(r#"{"region":"us-east-1","userPoolId":"eu-west-1_D","clientId":"a"}"#),
            "userPoolId"
        );
        assert_eq!(
            field_of(r#"{"region":"us-east-1","userPoolId":"us-east-1_D"}"#),
            "clientId"
        );
        assert_eq!(
            field_of(r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a b"}"#),
            "clientId"
        );
        assert_eq!(
            field_of(r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":7}"#),
            "clientId"
        );
        assert_eq!(
            field_of(
                r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a","endpoint":"ftp://x"}"#
            ),
            "endpoint"
        );
        assert_eq!(
            field_of(
                r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a","refreshMode":"sometimes"}"#
            ),
            "refreshMode"
        );
        assert_eq!(
            field_of(
                r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a","signInFlow":"CUSTOM_AUTH"}"#
            ),
            "signInFlow"
        );
        assert_eq!(
            field_of(
                r#"{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a","clientSecret":"x"}"#
            ),
            "clientSecret"
        );
    }

    #[test]
    fn an_endpoint_must_be_a_plain_url_on_https_or_this_device() {
        let endpoint = |url: &str| {
            Config::parse(&format!(
                r#"{{"region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a","endpoint":"{url}"}}"#
            ))
        };
        for good in [
            "https://cognito-idp.eu-west-1.amazonaws.com/",
            "https://auth.example.co.jp:8443/cognito",
            "http://127.0.0.1:4566/",
            "http://localhost:4566",
            "http://app.localhost/",
            "http://[::1]:4566/",
            "https://[2001:db8::1]/",
        ] {
            assert_eq!(endpoint(good).unwrap().endpoint, good, "{good}");
        }
        for (bad, says) in [
            ("https://cognito idp.example.com/", "not a plain URL"),
            ("https://example.com/?x=1", "not a plain URL"),
            ("https://exa_mple.com/", "valid host"),
            ("https://user@example.com/", "valid host"),
            ("https:///", "valid host"),
            ("https://-bad.example.com/", "valid host"),
            ("https://example.com:0/", "port"),
            ("https://example.com:99999/", "port"),
            ("https://example.com:/", "port"),
            (
                "http://cognito.example.com/",
                "http:// is only for a server on this device",
            ),
            (
                "http://10.0.0.5:4566/",
                "http:// is only for a server on this device",
            ),
            ("ftp://example.com/", "must start with https://"),
            ("example.com", "must start with https://"),
        ] {
            let e = endpoint(bad).unwrap_err();
            assert_eq!(e.field, "endpoint", "{bad}");
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn a_wrong_type_or_an_unknown_field_says_what_was_expected() {
        let base = r#""region":"us-east-1","userPoolId":"us-east-1_D","clientId":"a""#;
        let problem = |more: &str| {
            let e = Config::parse(&format!("{{{base},{more}}}")).unwrap_err();
            (e.field.clone(), e.to_string())
        };
        let (field, shown) = problem(r#""clientSecret":"x""#);
        assert_eq!(field, "clientSecret");
        for known in [
            "region",
            "userPoolId",
            "shareSessionAcrossTabs",
            "mfaIssuer",
        ] {
            assert!(shown.contains(&format!("`{known}`")), "{shown}");
        }
        let (field, shown) = problem(r#""shareSessionAcrossTabs":"no""#);
        assert_eq!(field, "shareSessionAcrossTabs");
        assert!(shown.contains("expected a boolean"), "{shown}");
        let (field, shown) = problem(r#""mfaIssuer":7"#);
        assert_eq!(field, "mfaIssuer");
        assert!(shown.contains("expected a string"), "{shown}");
        for seconds in ["241", "-1", "1.5", r#""60""#] {
            let (field, shown) = problem(&format!(r#""proactiveRefreshSeconds":{seconds}"#));
            assert_eq!(field, "proactiveRefreshSeconds");
            assert!(
                shown.ends_with("must be a whole number of seconds from 0 to 240"),
                "{seconds}: {shown}"
            );
        }
        let (field, shown) = problem(r#""passwordPolicy":"  ""#);
        assert_eq!(field, "passwordPolicy");
        assert!(shown.ends_with("is empty"), "{shown}");
    }

    #[test]
    fn messages_read_well() {
        let e = Config::parse(r#"{"region":"us-east-1","clientId":"a"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "config.json, field \"userPoolId\": is missing"
        );
        let e = Config::parse("[1]").unwrap_err();
        assert_eq!(e.to_string(), "config.json: must be a JSON object");
        assert!(
            Config::parse("<html>")
                .unwrap_err()
                .to_string()
                .starts_with("config.json: not valid JSON")
        );
    }
}
