//! The Japanese table (日本語). `{0}`, `{1}`… are filled in order, as in the English one;
//! sentences follow each other without a space, as Japanese is written.

use super::Key::{self, *};

/// The Japanese words for `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        // The page.
        AppTitle => "Cognito セッション",
        LoadingConfig => "設定を読み込んでいます…",
        ConfigProblemTitle => "このアプリの設定に誤りがあります",
        ConfigProblemFix => {
            "index.html と同じ場所にある config.json を直してから（README を参照）、再読み込みしてください。"
        }
        RotatingRefresh => "{0} · ローテーションありの更新",
        LegacyRefresh => "{0} · 従来方式の更新",
        OtherLanguage => "English",
        // Fields, buttons and headings of the signed-out screens.
        SignIn => "サインイン",
        SigningIn => "サインインしています…",
        UsernameOrEmail => "ユーザー名またはメールアドレス",
        Username => "ユーザー名",
        Email => "メールアドレス",
        Password => "パスワード",
        CreateAnAccount => "アカウントを作成",
        ForgotYourPassword => "パスワードをお忘れですか？",
        NewPasswordFor => "{0} の新しいパスワードを設定",
        TemporaryPasswordHelp => {
            "このアカウントは仮のパスワードで作成されています。ご自分のパスワードを設定すると、サインインが完了します。"
        }
        NewPassword => "新しいパスワード",
        NewPasswordAgain => "新しいパスワード（確認）",
        PasswordsDiffer => "2つのパスワードが一致しません。",
        SetPasswordAndSignIn => "パスワードを設定してサインイン",
        SettingPassword => "パスワードを設定しています…",
        PasswordPolicy => "8文字以上で、英大文字・英小文字・数字・記号をそれぞれ含めてください。",
        CreateAccount => "アカウントを作成",
        CreatingAccount => "アカウントを作成しています…",
        HaveAnAccount => "アカウントをお持ちの方はサインイン",
        ConfirmAccountOf => "アカウント {0} の確認",
        EnterCodeSent => "Cognito から届いた確認コードを入力してください。",
        ConfirmationCode => "確認コード",
        Confirm => "確認",
        Confirming => "確認しています…",
        SendNewCode => "コードを再送する",
        BackToSignIn => "サインインに戻る",
        ResetYourPassword => "パスワードの再設定",
        SendMeACode => "コードを送信",
        Sending => "送信しています…",
        CodeFromEmail => "メールに記載のコード",
        // The second factor.
        EnterYourCode => "コードを入力",
        Code => "コード",
        Verify => "確認",
        Verifying => "確認しています…",
        HowToConfirm => "本人確認の方法を選んでください",
        QrLabel => "認証アプリ用の QR コード",
        ScanQr => "この QR コードを認証アプリで読み取ってください。",
        TypeKey => "または、次のキーをアプリに入力してください：",
        EnterAppCode => "アプリに表示された6桁のコードを入力してください。",
        DeviceName => "デバイス名（任意）",
        VerifyAndTurnOn => "確認して有効にする",
        SetUpApp => "認証アプリを設定",
        // The signed-in screen.
        TokenInfo => "トークン情報",
        ReadingTokenInfo => "トークン情報を読み込んでいます…",
        ReadTokenInfo => "トークン情報を読み込む",
        Reading => "読み込んでいます…",
        RefreshNow => "今すぐ更新",
        Refreshing => "更新しています…",
        SignOut => "サインアウト",
        OnlyInMemory => {
            "メモリ上にのみ保持しています（{0}）。このページを再読み込みするとサインアウトされます。"
        }
        StorageBlocked => "このブラウザーではこのページが sessionStorage を使えません",
        StorageFull => "sessionStorage の容量がいっぱいです",
        StorageRefused => "sessionStorage が保存を拒否しました: {0}",
        User => "ユーザー",
        ExpiresIn => "アクセストークンの残り時間",
        ObtainedAt => "トークンの取得時刻",
        RefreshHeld => "リフレッシュトークンの有無",
        Yes => "あり",
        No => "なし",
        LastRotated => "リフレッシュトークンの最終ローテーション",
        NotYet => "まだありません",
        Clock => "時計",
        AccessToken => "アクセストークン",
        IdToken => "ID トークン",
        RefreshToken => "リフレッシュトークン",
        Account => "アカウント",
        ShowProfile => "プロフィールを表示",
        Loading => "読み込んでいます…",
        SignOutEverywhere => "すべてのデバイスからサインアウト",
        SigningOutEverywhere => "すべてのデバイスからサインアウトしています…",
        ChangePassword => "パスワードを変更",
        CurrentPassword => "現在のパスワード",
        Changing => "変更しています…",
        TwoStepSignIn => "2段階認証",
        AppOffButton => "認証アプリを無効にする",
        TurningOff => "無効にしています…",
        Preparing => "準備しています…",
        SmsOffButton => "SMS のコードを無効にする",
        SmsOnButton => "SMS のコードを有効にする",
        TurningOn => "有効にしています…",
        Cancel => "キャンセル",
        OperationLog => "操作ログ",
        Clear => "消去",
        // Times.
        Expired => "期限切れ",
        ExpiredRetrying => "期限切れ — {0} に再試行します",
        InStep => "サーバーと一致しています",
        DeviceBehind => "この端末はサーバーより {0} 遅れています",
        DeviceAhead => "この端末はサーバーより {0} 進んでいます",
        Seconds => "{0}秒",
        Minutes => "{0}分",
        Hours => "{0}時間",
        // Failures.
        Offline => "オフラインです。セッションは保持され、接続が戻ったら更新されます。",
        WrongCredentials => "ユーザー名またはパスワードが正しくありません。",
        NotConfirmed => {
            "このアカウントはまだ確認されていません。届いたコードで確認してから、サインインしてください。"
        }
        PasswordResetRequired => "このアカウントは、サインインの前にパスワードの再設定が必要です。",
        PasswordRejected => "そのパスワードは使えません：{0}",
        ChallengeExpired => {
            "サインインに時間がかかりすぎたため、期限が切れました。もう一度サインインしてください。"
        }
        SessionEnded => "セッションが終了しました。もう一度サインインしてください。",
        NotSignedIn => "サインインしていません。",
        Superseded => {
            "その間に別のサインインまたはサインアウトが行われたため、この結果は使われませんでした。"
        }
        NetworkDown => {
            "サインインサービスに接続できませんでした。接続を確認して、もう一度お試しください。"
        }
        Timeout => "サインインサービスから時間内に応答がありませんでした。もう一度お試しください。",
        Throttled => "ただいまリクエストが集中しています。少し待ってから、もう一度お試しください。",
        RetryingInAnotherTab => {
            "サインインサービスで障害が起きています。このアプリの別のタブが、このタブの分も再試行しています。"
        }
        ServerFault => "サインインサービスで問題が起きました（{0}）。もう一度お試しください。",
        BadResponse => {
            "サインインサービスから、このアプリで読めない応答が返りました：{0}。もう一度お試しください。"
        }
        RejectedCode => "サインインサービスがリクエストを拒否しました（{0}）。",
        RejectedMessage => "サインインサービスがリクエストを拒否しました：{0}（{1}）",
        StoredSessionUnreadable => {
            "保存されたセッションを読み取れなかったため（{0}）、消去しました。もう一度サインインしてください。"
        }
        UsernameTaken => {
            "そのユーザー名は既に使われています。別の名前にするか、サインインしてください。"
        }
        WrongCode => "コードが正しくありません。確認して、もう一度お試しください。",
        CodeExpired => "コードの有効期限が切れています。新しいコードを取得してください。",
        TooManyAttempts => {
            "誤ったコードの入力が多すぎます。数分待ってから、もう一度お試しください。"
        }
        WrongCurrentPassword => "現在のパスワードが正しくありません。",
        AccessRefused => {
            "サインインサービスがこのセッションのアクセストークンを拒否しました。もう一度サインインしてください。"
        }
        StillSignedIn => "{0}サインインは続いており、トークンは失われていません。",
        Failed => "{0}に失敗しました：{1}",
        Working => "{0}中…",
        KeptNextTry => "{0}セッションは保持しています。次の再試行は {1} です。",
        Kept => "{0}セッションは保持しています。",
        // What failed (the log's "… failed").
        WhatSignIn => "サインイン",
        WhatNewPassword => "新しいパスワードの設定",
        WhatCheckingCode => "コードの確認",
        WhatChoosingFactor => "認証方法の選択",
        WhatReading => "トークン情報の読み込み",
        WhatRefresh => "トークンの更新",
        WhatRestoring => "セッションの復元",
        WhatCreating => "アカウントの作成",
        WhatConfirming => "アカウントの確認",
        WhatSendingCode => "コードの再送",
        WhatResetCode => "再設定用コードの要求",
        WhatResetting => "パスワードの再設定",
        WhatChanging => "パスワードの変更",
        WhatProfile => "プロフィールの読み込み",
        WhatSignOutEverywhere => "すべてのデバイスからのサインアウト",
        WhatAppSetup => "認証アプリの設定",
        WhatAppCode => "認証アプリのコードの確認",
        WhatFactors => "認証方法の変更",
        // Refreshes.
        Report => "{0}{1}",
        OtherTabRefreshed => {
            "別のタブが更新したばかりだったため、このタブはリクエストを送らずにそのトークンを引き継ぎました。"
        }
        Rotated => "リフレッシュトークンがローテーションされました：…{0} → …{1}",
        NotRotated => "リフレッシュトークンはそのままです（ローテーションなし）。",
        LeadExpired => "アクセストークンの期限が切れていたため、先に更新しました。",
        LeadRefreshed => "トークンを更新しました。",
        LeadAhead => "期限切れの前にトークンを更新しました。",
        RefreshingTokens => "トークンを更新しています…",
        TokenInfoRead => "トークン情報を読み込みました。アクセストークンはまだ有効です。",
        BackgroundSetAside => {
            "その間にセッションが変わったため、バックグラウンドの更新は取りやめました。"
        }
        SessionRestored => "このタブのストレージからセッションを復元しました。",
        // Sign-in steps.
        SigningInAs => "{0} としてサインインしています…",
        SignedInAs => "{0} としてサインインしました。",
        AsksNewPassword => "Cognito が新しいパスワードを求めています（NEW_PASSWORD_REQUIRED）。",
        MustChoosePassword => "サインインの前に、新しいパスワードを設定してください。",
        AsksCode => "Cognito がコードを求めています（{0}）。",
        AsksFactor => "Cognito が認証方法の選択を求めています（SELECT_MFA_TYPE）。",
        AsksSetup => "Cognito が2段階認証の設定を求めています（MFA_SETUP）。",
        NeedsSetup => {
            "このアカウントには2段階認証が必要です。続けるには認証アプリを設定してください。"
        }
        Unsupported => {
            "Cognito が、このアプリでまだ対応していない手順を求めています（{0}）。管理者に問い合わせるか、別の方法でサインインしてください。"
        }
        NotConfirmedEnterCode => {
            "このアカウントはまだ確認されていません。届いたコードを入力するか、新しいコードを求めてください。"
        }
        PromptApp => "認証アプリに表示されている6桁のコードを入力してください。",
        PromptSentTo => "{0} にコードを送りました。ここに入力してください。",
        PromptSms => "SMS でコードを送りました。ここに入力してください。",
        PromptEmail => "メールでコードを送りました。ここに入力してください。",
        FactorApp => "認証アプリ",
        FactorSms => "SMS（テキストメッセージ）",
        StateFirst => "{0}：有効（優先）",
        StateOn => "{0}：有効",
        StateOff => "{0}：無効",
        AppCodesOn => "認証アプリのコードを有効にしました。",
        AppCodesOff => "認証アプリのコードを無効にしました。",
        SmsCodesOn => "SMS のコードを有効にしました。",
        SmsCodesOff => "SMS のコードを無効にしました。",
        EmailCodesOn => "メールのコードを有効にしました。",
        EmailCodesOff => "メールのコードを無効にしました。",
        // Other tabs and signing out.
        TabRefreshed => "別のタブが共有セッションを更新したため、新しいトークンを引き継ぎました。",
        TookUpSession => "開いている別のタブのセッションを引き継ぎました。",
        SignedInWithTab => "開いている別のタブのセッションでサインインしました。",
        SignedOutInTab => "別のタブでサインアウトしました。",
        SignedOutRevoking => {
            "このデバイスからサインアウトしました。リフレッシュトークンを無効にしています…"
        }
        SignedOutRevokedLog => "サインアウトし、リフレッシュトークンを無効にしました。",
        SignedOutRevoked => "サインアウトしました。リフレッシュトークンは無効になりました。",
        NotRevoked => {
            "このデバイスからはサインアウトしましたが、リフレッシュトークンを無効にできませんでした：{0}"
        }
        // The account.
        CodeSentTo => "{0} にコードを送りました。",
        CodeSent => "コードを送りました。",
        CreatingAccountOf => "アカウント {0} を作成しています…",
        AccountCreated => "アカウントを作成しました。このアカウントでサインインしてください。",
        AccountCreatedSent => "アカウントを作成しました。{0}",
        AccountConfirmed => {
            "アカウント {0} を確認しました。このアカウントでサインインしてください。"
        }
        PasswordResetSigningIn => {
            "パスワードを再設定しました。新しいパスワードでサインインしています…"
        }
        PasswordChanged => "パスワードを変更しました。",
        ProfileRead => "Cognito からプロフィールを読み込みました（GetUser）。",
        SignedOutEverywhere => "すべてのデバイスからサインアウトしました。",
        NewAppKey => "認証アプリ用の新しいキーを作成しました（AssociateSoftwareToken）。",
        AppSetUpDone => "認証アプリを設定しました。今後のサインインではそのコードを求めます。",
    }
}
