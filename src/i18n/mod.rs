//! Every word the app shows, in English and Japanese: one table per language (`en.rs`,
//! `ja.rs`), each an exhaustive `match` on [`Key`], so a missing translation does not compile.
//! Outcomes carry [`Text`] — a key and what fills its placeholders — and the page renders it in
//! whichever language it is in when drawn, so switching the language redraws the words at once.
//! Pure, tested on the host; the browser only picks the language (`ui::language`).

mod en;
mod ja;
#[cfg(test)]
mod tests;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Both, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 code: `<html lang>`, `Intl` and the remembered choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language a code names (`ja`, `ja-JP`, `en-GB`, …), if the app speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The page's language: the user's own choice if one is remembered, else the first of the
    /// browser's preferred languages (`navigator.languages`) the app speaks, else English.
    pub fn choose(remembered: Option<&str>, preferred: &[String]) -> Lang {
        remembered
            .and_then(Lang::from_code)
            .or_else(|| preferred.iter().find_map(|code| Lang::from_code(code)))
            .unwrap_or(Lang::En)
    }

    /// The other language: the one the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    /// The locale for dates and times (`Intl`): the user's own variant of this language when
    /// the browser names one (`en-GB`, `ja-JP`), else the bare language.
    pub fn locale(self, preferred: &[String]) -> String {
        preferred
            .iter()
            .find(|code| Lang::from_code(code) == Some(self))
            .cloned()
            .unwrap_or_else(|| self.code().to_string())
    }

    /// This language's words for `key`: a template whose `{0}`, `{1}`… are filled in order.
    pub fn template(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Ja => ja::text(key),
        }
    }
}

/// Declares [`Key`] and, for the tests, the list of every key.
macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// One entry of the string tables. The English table (`en.rs`) says what each is.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        #[cfg(test)]
        impl Key {
            /// Every key, for the tests that compare the tables.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    // The page.
    AppTitle, LoadingConfig, ConfigProblemTitle, ConfigProblemFix, RotatingRefresh, LegacyRefresh,
    OtherLanguage,
    // Fields, buttons and headings of the signed-out screens.
    SignIn, SigningIn, UsernameOrEmail, Username, Email, Password, CreateAnAccount,
    ForgotYourPassword, NewPasswordFor, TemporaryPasswordHelp, NewPassword, NewPasswordAgain,
    PasswordsDiffer, SetPasswordAndSignIn, SettingPassword, PasswordPolicy, CreateAccount,
    CreatingAccount, HaveAnAccount, ConfirmAccountOf, EnterCodeSent, ConfirmationCode, Confirm,
    Confirming, SendNewCode, BackToSignIn, ResetYourPassword, SendMeACode, Sending, CodeFromEmail,
    // The second factor.
    EnterYourCode, Code, Verify, Verifying, HowToConfirm, QrLabel, ScanQr, TypeKey, EnterAppCode,
    DeviceName, VerifyAndTurnOn, SetUpApp,
    // The signed-in screen.
    TokenInfo, ReadingTokenInfo, ReadTokenInfo, Reading, RefreshNow, Refreshing, SignOut,
    OnlyInMemory, StorageBlocked, StorageFull, StorageRefused, User, ExpiresIn, ObtainedAt,
    RefreshHeld, Yes, No, LastRotated, NotYet, Clock,
    AccessToken, IdToken, RefreshToken, Account, ShowProfile, Loading, SignOutEverywhere,
    SigningOutEverywhere, ChangePassword, CurrentPassword, Changing, TwoStepSignIn, AppOffButton,
    TurningOff, Preparing, SmsOffButton, SmsOnButton, TurningOn, Cancel, OperationLog, Clear,
    // Times.
    Expired, ExpiredRetrying, InStep, DeviceBehind, DeviceAhead, Seconds, Minutes, Hours,
    // Failures.
    Offline, WrongCredentials, NotConfirmed, PasswordResetRequired, PasswordRejected,
    ChallengeExpired, SessionEnded, NotSignedIn, Superseded, NetworkDown, Timeout, Throttled,
    RetryingInAnotherTab, ServerFault, BadResponse, RejectedCode, RejectedMessage,
    StoredSessionUnreadable, UsernameTaken, WrongCode, CodeExpired, TooManyAttempts,
    WrongCurrentPassword, AccessRefused, StillSignedIn, Failed, Working, KeptNextTry, Kept,
    // What failed (the log's "… failed").
    WhatSignIn, WhatNewPassword, WhatCheckingCode, WhatChoosingFactor, WhatReading, WhatRefresh,
    WhatRestoring, WhatCreating, WhatConfirming, WhatSendingCode, WhatResetCode, WhatResetting,
    WhatChanging, WhatProfile, WhatSignOutEverywhere, WhatAppSetup, WhatAppCode, WhatFactors,
    // Refreshes.
    Report, OtherTabRefreshed, Rotated, NotRotated, LeadExpired, LeadRefreshed, LeadAhead,
    RefreshingTokens, TokenInfoRead, BackgroundSetAside, SessionRestored,
    // Sign-in steps.
    SigningInAs, SignedInAs, AsksNewPassword, MustChoosePassword, AsksCode, AsksFactor, AsksSetup,
    NeedsSetup, Unsupported, NotConfirmedEnterCode, PromptApp, PromptSentTo, PromptSms,
    PromptEmail, FactorApp, FactorSms, StateFirst, StateOn, StateOff, AppCodesOn, AppCodesOff,
    SmsCodesOn, SmsCodesOff, EmailCodesOn, EmailCodesOff,
    // Other tabs and signing out.
    TabRefreshed, TookUpSession, SignedInWithTab, SignedOutInTab, SignedOutRevoking,
    SignedOutRevokedLog, SignedOutRevoked, NotRevoked,
    // The account.
    CodeSentTo, CodeSent, CreatingAccountOf, AccountCreated, AccountCreatedSent,
    AccountConfirmed, PasswordResetSigningIn, PasswordChanged, ProfileRead, SignedOutEverywhere,
    NewAppKey, AppSetUpDone,
}

/// Words to show, in the page's language when drawn: a table entry with its placeholders
/// filled, or words shown as they are (a username, a masked phone number, Cognito's message).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// The entry `key`, its `{0}`, `{1}`… filled with these, in order.
    Say(Key, Vec<Text>),
    /// Shown as it is, in every language.
    Raw(String),
}

impl From<Key> for Text {
    fn from(key: Key) -> Self {
        Text::Say(key, Vec::new())
    }
}

impl Text {
    /// The entry `key` with `args` in its placeholders.
    pub fn with(key: Key, args: impl IntoIterator<Item = Text>) -> Self {
        Text::Say(key, args.into_iter().collect())
    }

    /// Words shown as they are.
    pub fn raw(words: impl Into<String>) -> Self {
        Text::Raw(words.into())
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(lang, &mut out);
        out
    }

    fn write(&self, lang: Lang, out: &mut String) {
        let (key, args) = match self {
            Text::Raw(words) => return out.push_str(words),
            Text::Say(key, args) => (*key, args),
        };
        let mut rest = lang.template(key);
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let index = rest.as_bytes().get(at + 1).map(|b| b.wrapping_sub(b'0'));
            if let Some(arg) = index.and_then(|i| args.get(usize::from(i))) {
                arg.write(lang, out);
            }
            rest = rest.get(at + 3..).unwrap_or("");
        }
        out.push_str(rest);
    }
}
