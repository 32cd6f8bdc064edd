//! Setting up an authenticator app: the secret as a QR code and as text to type, and the
//! app's first code — at sign-in (`MFA_SETUP`) and from the account screen.

use super::dom::{El, el, frag, svg};
use super::field::{back_to_sign_in, card, field, form, heading, submit};
use super::{AppCtx, Busy};
use crate::auth::{AppCode, ChallengeAnswer, NewApp, SetupChallenge};
use crate::i18n::Key;
use crate::qr::QrMatrix;
use crate::reactive::Signal;

/// The new app's secret (QR code and grouped text) and the form for its first code, which is
/// given to `on_code`. The code field is emptied on every try.
pub fn app_setup_form(ctx: AppCtx, app: NewApp, on_code: Box<dyn Fn(AppCode)>) -> El {
    let scan = el("li").words(ctx.language.t(Key::ScanQr));
    if let Some(qr) = QrMatrix::encode(&app.otpauth_uri(&ctx.mfa_issuer())) {
        scan.add(
            &svg("svg")
                .class("qr")
                .attr("viewBox", &qr.view_box())
                .attr("role", "img")
                .attr_words("aria-label", ctx.language.t(Key::QrLabel))
                .test_id("totp-qr")
                .child(svg("path").attr("d", &qr.svg_path())),
        );
    }
    let (code, device_name) = (Signal::new(String::new()), Signal::new(String::new()));
    let send = move || {
        let typed = code.get_untracked();
        if !typed.trim().is_empty() {
            code.set(String::new());
            on_code(AppCode {
                code: typed,
                device_name: device_name.get_untracked(),
            });
        }
    };
    let key = el("code")
        .test_id("totp-secret")
        .text(&app.grouped_secret());
    frag()
        .child(
            el("ol")
                .class("steps")
                .child(scan)
                .child(
                    el("li")
                        .words(ctx.language.t(Key::TypeKey))
                        .text(" ")
                        .child(key),
                )
                .child(el("li").words(ctx.language.t(Key::EnterAppCode))),
        )
        .child(
            form("app-setup-form", send)
                .child(field(ctx, Key::Code, "setup-code").code().bind(code))
                .child(
                    field(ctx, Key::DeviceName, "device-name")
                        .optional()
                        .bind(device_name),
                )
                .child(submit(
                    ctx,
                    "verify-app",
                    Key::VerifyAndTurnOn,
                    Key::Verifying,
                    Busy::CheckingCode,
                )),
        )
}

/// `MFA_SETUP` at sign-in: the pool asks for a second factor the user does not have yet.
pub fn set_up_app_screen(ctx: AppCtx, setup: SetupChallenge) -> El {
    let app = setup.app.clone();
    let on_code = Box::new(move |code| ctx.answer(ChallengeAnswer::SetUpApp(setup.clone(), code)));
    card()
        .child(heading(ctx, Key::SetUpApp))
        .child(app_setup_form(ctx, app, on_code))
        .child(back_to_sign_in(ctx))
}
