//! Setting up an authenticator app: the secret as a QR code and as text to type, and the
//! app's first code — at sign-in (`MFA_SETUP`) and from the account screen.

use super::context::{Busy, Ctx};
use super::field::{BackToSignIn, Field, Submit};
use super::intents::Intent;
use crate::auth::{AppCode, ChallengeAnswer, NewApp, SetupChallenge};
use crate::i18n::Key;
use crate::qr::QrMatrix;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The new app's secret (QR code and grouped text) and the form for its first code; `answer`
/// makes the request that checks it. The code field is emptied on every try.
#[component]
pub(crate) fn AppSetupForm(
    ctx: Ctx,
    app: NewApp,
    answer: impl Fn(AppCode) -> Intent + 'static,
) -> impl IntoView {
    let qr = QrMatrix::encode(&app.otpauth_uri(&ctx.mfa_issuer())).map(|qr| {
        view! {
            <svg class="qr" viewBox=qr.view_box() role="img" aria-label=ctx.language.t(Key::QrLabel) data-testid="totp-qr">
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
            ctx.act(answer(AppCode {
                code: typed,
                device_name: device_name.get_untracked(),
            }));
        }
    };
    view! {
        <ol class="steps">
            <li>{ctx.language.t(Key::ScanQr)}{qr}</li>
            <li>{ctx.language.t(Key::TypeKey)}" "<code data-testid="totp-secret">{app.grouped_secret()}</code></li>
            <li>{ctx.language.t(Key::EnterAppCode)}</li>
        </ol>
        <form on:submit=submit data-testid="app-setup-form">
            <Field ctx label=Key::Code id="setup-code" autocomplete="one-time-code" inputmode="numeric" value=code />
            <Field ctx label=Key::DeviceName id="device-name" optional=true value=device_name />
            <Submit ctx id="verify-app" idle=Key::VerifyAndTurnOn working=Key::Verifying busy=Busy::CheckingCode />
        </form>
    }
}

/// `MFA_SETUP` at sign-in: the pool asks for a second factor the user does not have yet.
#[component]
pub(crate) fn SetUpAppScreen(ctx: Ctx, setup: SetupChallenge) -> impl IntoView {
    let app = setup.app.clone();
    let answer = move |code| Intent::Answer(ChallengeAnswer::SetUpApp(setup.clone(), code));
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::SetUpApp)}</h2>
            <AppSetupForm ctx app answer />
            <BackToSignIn ctx />
        </section>
    }
}
