//! Setting up an authenticator app: the secret as a QR code and as text to type, and the
//! app's first code — at sign-in (`MFA_SETUP`) and from the account screen.

use super::field::{BackToSignIn, Field, Submit};
use super::language::t;
use super::{AppCtx, Busy};
use crate::auth::{AppCode, ChallengeAnswer, NewApp, SetupChallenge};
use crate::i18n::Key;
use crate::qr::QrMatrix;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The new app's secret (QR code and grouped text) and the form for its first code. The code
/// field is emptied on every try.
#[component]
pub fn AppSetupForm(app: NewApp, on_code: Callback<AppCode>) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let qr = QrMatrix::encode(&app.otpauth_uri(&ctx.mfa_issuer())).map(|qr| {
        view! {
            <svg class="qr" viewBox=qr.view_box() role="img" aria-label=t(Key::QrLabel) data-testid="totp-qr">
                <path d=qr.svg_path() />
            </svg>
        }
    });
    let (code, device_name) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        if !typed.trim().is_empty() {
            code.set(String::new());
            on_code.run(AppCode {
                code: typed,
                device_name: device_name.get_untracked(),
            });
        }
    };
    view! {
        <ol class="steps">
            <li>{t(Key::ScanQr)} {qr}</li>
            <li>{t(Key::TypeKey)} " " <code data-testid="totp-secret">{app.grouped_secret()}</code></li>
            <li>{t(Key::EnterAppCode)}</li>
        </ol>
        <form on:submit=submit data-testid="app-setup-form">
            <Field label=Key::Code id="setup-code" autocomplete="one-time-code" inputmode="numeric" value=code />
            <Field label=Key::DeviceName id="device-name" optional=true value=device_name />
            <Submit id="verify-app" idle=Key::VerifyAndTurnOn working=Key::Verifying busy=Busy::CheckingCode />
        </form>
    }
}

/// `MFA_SETUP` at sign-in: the pool asks for a second factor the user does not have yet.
#[component]
pub fn SetUpAppScreen(setup: SetupChallenge) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let app = setup.app.clone();
    let on_code =
        Callback::new(move |code| ctx.answer(ChallengeAnswer::SetUpApp(setup.clone(), code)));
    view! {
        <section class="card">
            <h2>{t(Key::SetUpApp)}</h2>
            <AppSetupForm app on_code />
            <BackToSignIn />
        </section>
    }
}
