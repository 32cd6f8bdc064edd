//! The second factor at sign-in: the one-time code screen, and the choice of factor.

use super::dom::{El, el};
use super::field::{back_to_sign_in, card, field, form, heading, submit};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, CodeChallenge, FactorChoice};
use crate::i18n::Key;
use crate::outcome::{code_prompt, factor_name};
use crate::reactive::Signal;

/// Asks for the code of an authenticator app, a text or an email. The field is emptied on
/// every try: a wrong code is typed again, never edited.
pub fn code_form(ctx: AppCtx, challenge: CodeChallenge) -> El {
    let code = Signal::new(String::new());
    let prompt = ctx.language.text(code_prompt(&challenge));
    let send = move || {
        let typed = code.get_untracked();
        if !typed.trim().is_empty() {
            code.set(String::new());
            ctx.answer(ChallengeAnswer::Code(challenge.clone(), typed));
        }
    };
    card()
        .child(heading(ctx, Key::EnterYourCode))
        .child(
            el("p")
                .attr("id", "code-prompt")
                .test_id("code-prompt")
                .words(prompt),
        )
        .child(
            form("code-form", send)
                .child(
                    field(ctx, Key::Code, "mfa-code")
                        .code()
                        .described_by("code-prompt")
                        .bind(code),
                )
                .child(submit(
                    ctx,
                    "verify-code",
                    Key::Verify,
                    Key::Verifying,
                    Busy::CheckingCode,
                )),
        )
        .child(back_to_sign_in(ctx))
}

/// Lets the user pick which factor to prove, among those Cognito offers.
pub fn factor_form(ctx: AppCtx, choice: FactorChoice) -> El {
    let buttons = el("div").class("choices").test_id("factor-choice");
    for &factor in &choice.factors {
        let choice = choice.clone();
        buttons.add(
            &el("button")
                .attr("type", "button")
                .test_id(&format!("factor-{}", factor.challenge()))
                .flag("disabled", move || ctx.is_busy())
                .on("click", move |_| {
                    ctx.answer(ChallengeAnswer::Factor(choice.clone(), factor))
                })
                .words(ctx.language.t(factor_name(factor))),
        );
    }
    card()
        .child(heading(ctx, Key::HowToConfirm))
        .child(buttons)
        .child(back_to_sign_in(ctx))
}
