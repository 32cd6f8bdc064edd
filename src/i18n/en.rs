//! The English table. `{0}`, `{1}`… are filled in order (see [`super::Text`]).

use super::Key::{self, *};

/// The English words for `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        // The page.
        AppTitle => "Cognito session",
        LoadingConfig => "Loading configuration…",
        ConfigProblemTitle => "This app is not configured correctly",
        ConfigProblemFix => "Fix config.json beside index.html (see the README), then reload.",
        RotatingRefresh => "{0} · rotating refresh",
        LegacyRefresh => "{0} · legacy refresh",
        // The switch shows the other language, in its own words.
        OtherLanguage => "日本語",
        // Fields, buttons and headings of the signed-out screens.
        SignIn => "Sign in",
        SigningIn => "Signing in…",
        UsernameOrEmail => "Username or email",
        Username => "Username",
        Email => "Email",
        Password => "Password",
        CreateAnAccount => "Create an account",
        ForgotYourPassword => "Forgot your password?",
        NewPasswordFor => "Choose a new password for {0}",
        TemporaryPasswordHelp => {
            "Your account was created with a temporary password. Choose your own to finish signing in."
        }
        NewPassword => "New password",
        NewPasswordAgain => "New password again",
        PasswordsDiffer => "The two passwords are not the same.",
        SetPasswordAndSignIn => "Set password and sign in",
        SettingPassword => "Setting password…",
        PasswordPolicy => {
            "At least 8 characters, with upper- and lower-case letters, a number and a symbol."
        }
        CreateAccount => "Create account",
        CreatingAccount => "Creating account…",
        HaveAnAccount => "I have an account: sign in",
        ConfirmAccountOf => "Confirm the account {0}",
        EnterCodeSent => "Enter the code Cognito sent you.",
        ConfirmationCode => "Confirmation code",
        Confirm => "Confirm",
        Confirming => "Confirming…",
        SendNewCode => "Send a new code",
        BackToSignIn => "Back to sign in",
        ResetYourPassword => "Reset your password",
        SendMeACode => "Send me a code",
        Sending => "Sending…",
        CodeFromEmail => "Code from the email",
        // The second factor.
        EnterYourCode => "Enter your code",
        Code => "Code",
        Verify => "Verify",
        Verifying => "Verifying…",
        HowToConfirm => "How do you want to confirm it's you?",
        QrLabel => "QR code for your authenticator app",
        ScanQr => "Scan this QR code with your authenticator app.",
        TypeKey => "Or type this key into the app:",
        EnterAppCode => "Enter the 6-digit code the app shows.",
        DeviceName => "Device name (optional)",
        VerifyAndTurnOn => "Verify and turn on",
        SetUpApp => "Set up an authenticator app",
        // The signed-in screen.
        TokenInfo => "Token info",
        ReadingTokenInfo => "Reading token info…",
        ReadTokenInfo => "Read token info",
        Reading => "Reading…",
        RefreshNow => "Refresh now",
        Refreshing => "Refreshing…",
        SignOut => "Sign out",
        OnlyInMemory => "Only kept in memory: {0}. Reloading this page will sign you out.",
        StorageBlocked => "this browser does not let the page use sessionStorage",
        StorageFull => "sessionStorage is full",
        StorageRefused => "sessionStorage refused it ({0})",
        User => "User",
        ExpiresIn => "Access token expires in",
        ObtainedAt => "Tokens obtained at",
        RefreshHeld => "Refresh token held",
        Yes => "yes",
        No => "no",
        LastRotated => "Refresh token last rotated",
        NotYet => "not yet",
        Clock => "Clock",
        AccessToken => "Access token",
        IdToken => "ID token",
        RefreshToken => "Refresh token",
        Account => "Account",
        ShowProfile => "Show profile",
        Loading => "Loading…",
        SignOutEverywhere => "Sign out everywhere",
        SigningOutEverywhere => "Signing out everywhere…",
        ChangePassword => "Change password",
        CurrentPassword => "Current password",
        Changing => "Changing…",
        TwoStepSignIn => "Two-step sign-in",
        AppOffButton => "Turn off the authenticator app",
        TurningOff => "Turning off…",
        Preparing => "Preparing…",
        SmsOffButton => "Turn off text-message codes",
        SmsOnButton => "Turn on text-message codes",
        TurningOn => "Turning on…",
        Cancel => "Cancel",
        OperationLog => "Operation log",
        Clear => "Clear",
        // Times.
        Expired => "expired",
        ExpiredRetrying => "expired — retrying at {0}",
        InStep => "in step with the server",
        DeviceBehind => "device is {0} behind the server",
        DeviceAhead => "device is {0} ahead of the server",
        Seconds => "{0} s",
        Minutes => "{0} min",
        Hours => "{0} h",
        // Failures.
        Offline => {
            "Offline — your session is kept and will be refreshed when the connection is back."
        }
        WrongCredentials => "Incorrect username or password.",
        NotConfirmed => {
            "This account is not confirmed yet. Confirm it with the code you were sent, then sign in."
        }
        PasswordResetRequired => "This account's password must be reset before you can sign in.",
        PasswordRejected => "That password was not accepted: {0}",
        ChallengeExpired => "This sign-in took too long and has expired. Please sign in again.",
        SessionEnded => "Your session has ended. Please sign in again.",
        NotSignedIn => "You are not signed in.",
        Superseded => "A newer sign-in or sign-out happened meanwhile; this result was set aside.",
        NetworkDown => "Could not reach the sign-in service. Check your connection and try again.",
        Timeout => "The sign-in service did not answer in time. Please try again.",
        Throttled => "Too many requests right now. Wait a moment and try again.",
        RetryingInAnotherTab => {
            "The sign-in service is failing; another tab of this app is retrying for this one."
        }
        ServerFault => "The sign-in service had a problem ({0}). Please try again.",
        BadResponse => {
            "The sign-in service sent an answer this app cannot read: {0}. Please try again."
        }
        RejectedCode => "The sign-in service refused the request ({0}).",
        RejectedMessage => "The sign-in service refused the request: {0} ({1}).",
        StoredSessionUnreadable => {
            "The saved session could not be read ({0}), so it was cleared. Please sign in again."
        }
        UsernameTaken => "That username is taken. Choose another, or sign in.",
        WrongCode => "That code is not right. Check it and try again.",
        CodeExpired => "That code has expired. Ask for a new one.",
        TooManyAttempts => "Too many wrong codes. Wait a few minutes, then try again.",
        WrongCurrentPassword => "The current password is not right.",
        AccessRefused => {
            "The sign-in service refused this session's access token. Please sign in again."
        }
        StillSignedIn => "{0} You are still signed in; no token was lost.",
        Failed => "{0} failed: {1}",
        Working => "{0}…",
        KeptNextTry => "{0} Your session is kept; the next try is at {1}.",
        Kept => "{0} Your session is kept.",
        // What failed (the log's "… failed").
        WhatSignIn => "Sign-in",
        WhatNewPassword => "Setting the new password",
        WhatCheckingCode => "Checking the code",
        WhatChoosingFactor => "Choosing the factor",
        WhatReading => "Reading the token info",
        WhatRefresh => "Refresh",
        WhatRestoring => "Restoring the session",
        WhatCreating => "Creating the account",
        WhatConfirming => "Confirming the account",
        WhatSendingCode => "Sending a new code",
        WhatResetCode => "Asking for a reset code",
        WhatResetting => "Resetting the password",
        WhatChanging => "Changing the password",
        WhatProfile => "Reading the profile",
        WhatSignOutEverywhere => "Signing out everywhere",
        WhatAppSetup => "Setting up an authenticator app",
        WhatAppCode => "Checking the app's code",
        WhatFactors => "Changing the sign-in factors",
        // Refreshes.
        Report => "{0} {1}",
        OtherTabRefreshed => {
            "Another tab had just refreshed; this tab took up its tokens without a request."
        }
        Rotated => "The refresh token rotated: …{0} → …{1}.",
        NotRotated => "The refresh token was kept (not rotated).",
        LeadExpired => "The access token had expired, so it was refreshed first.",
        LeadRefreshed => "Tokens refreshed.",
        LeadAhead => "Tokens refreshed ahead of expiry.",
        RefreshingTokens => "Refreshing the tokens…",
        TokenInfoRead => "Token info read; the access token is still valid.",
        BackgroundSetAside => "A background refresh was set aside: the session changed meanwhile.",
        SessionRestored => "Session restored from this tab's storage.",
        // Sign-in steps.
        SigningInAs => "Signing in as {0}…",
        SignedInAs => "Signed in as {0}.",
        AsksNewPassword => "Cognito asks for a new password (NEW_PASSWORD_REQUIRED).",
        MustChoosePassword => "You must choose a new password before signing in.",
        AsksCode => "Cognito asks for a code ({0}).",
        AsksFactor => "Cognito asks which factor to prove (SELECT_MFA_TYPE).",
        AsksSetup => "Cognito asks to set up a second factor (MFA_SETUP).",
        NeedsSetup => {
            "This account needs a second sign-in step. Set up an authenticator app to go on."
        }
        Unsupported => {
            "Cognito asks for a step this app does not support yet ({0}). Ask your administrator, or sign in another way."
        }
        NotConfirmedEnterCode => {
            "This account is not confirmed yet. Enter the code you were sent, or ask for a new one."
        }
        PromptApp => "Enter the 6-digit code your authenticator app shows.",
        PromptSentTo => "We sent a code to {0}. Enter it here.",
        PromptSms => "We sent you a code by text message. Enter it here.",
        PromptEmail => "We sent you a code by email. Enter it here.",
        FactorApp => "Authenticator app",
        FactorSms => "Text message (SMS)",
        StateFirst => "{0}: on, asked for first",
        StateOn => "{0}: on",
        StateOff => "{0}: off",
        AppCodesOn => "Authenticator-app codes turned on.",
        AppCodesOff => "Authenticator-app codes turned off.",
        SmsCodesOn => "Text-message codes turned on.",
        SmsCodesOff => "Text-message codes turned off.",
        EmailCodesOn => "Email codes turned on.",
        EmailCodesOff => "Email codes turned off.",
        // Other tabs and signing out.
        TabRefreshed => {
            "Another tab refreshed the shared session; this tab took up the new tokens."
        }
        TookUpSession => "Took up the session of another open tab.",
        SignedInWithTab => "Signed in with the session of another open tab.",
        SignedOutInTab => "Signed out in another tab.",
        SignedOutRevoking => "Signed out on this device. Revoking the refresh token…",
        SignedOutRevokedLog => "Signed out; refresh token revoked.",
        SignedOutRevoked => "Signed out. The refresh token was revoked.",
        NotRevoked => "Signed out on this device, but the refresh token could not be revoked: {0}",
        // The account.
        CodeSentTo => "A code was sent to {0}.",
        CodeSent => "A code was sent.",
        CreatingAccountOf => "Creating the account {0}…",
        AccountCreated => "Account created. Sign in with it.",
        AccountCreatedSent => "Account created. {0}",
        AccountConfirmed => "Account {0} confirmed. Sign in with it.",
        PasswordResetSigningIn => "Password reset. Signing in with it…",
        PasswordChanged => "Password changed.",
        ProfileRead => "Profile read from Cognito (GetUser).",
        SignedOutEverywhere => "Signed out on every device.",
        NewAppKey => "New authenticator-app key made (AssociateSoftwareToken).",
        AppSetUpDone => "Authenticator app set up. Sign-ins now ask for its code.",
    }
}
