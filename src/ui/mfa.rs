//! The second factor at sign-in: the one-time code screen, and the choice of factor.

use super::context::{Busy, Ctx};
use super::field::{BackToSignIn, Field, Submit};
use super::intents::Intent;
use crate::auth::{ChallengeAnswer, CodeChallenge, FactorChoice};
use crate::i18n::Key;
use crate::outcome::{code_prompt, factor_name};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Asks for the code of an authenticator app, a text or an email. The field is emptied on
/// every try: a wrong code is typed again, never edited.
#[component]
pub(crate) fn CodeForm(ctx: Ctx, challenge: CodeChallenge) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let prompt = ctx.language.text(code_prompt(&challenge));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        if !typed.trim().is_empty() {
            code.set(String::new());
            ctx.act(Intent::Answer(ChallengeAnswer::Code(
                challenge.clone(),
                typed,
            )));
        }
    };
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::EnterYourCode)}</h2>
            <p id="code-prompt" data-testid="code-prompt">{prompt}</p>
            <form on:submit=submit data-testid="code-form">
                <Field ctx label=Key::Code id="mfa-code" autocomplete="one-time-code" inputmode="numeric"
                    described_by="code-prompt" value=code />
                <Submit ctx id="verify-code" idle=Key::Verify working=Key::Verifying busy=Busy::CheckingCode />
            </form>
            <BackToSignIn ctx />
        </section>
    }
}

/// Lets the user pick which factor to prove, among those Cognito offers.
#[component]
pub(crate) fn FactorForm(ctx: Ctx, choice: FactorChoice) -> impl IntoView {
    let buttons = choice
        .factors
        .iter()
        .map(|&factor| {
            let answer = ChallengeAnswer::Factor(choice.clone(), factor);
            view! {
                <button
                    type="button"
                    data-testid=format!("factor-{}", factor.challenge())
                    disabled=move || ctx.is_busy()
                    on:click=move |_| ctx.act(Intent::Answer(answer.clone()))
                >
                    {ctx.language.t(factor_name(factor))}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{ctx.language.t(Key::HowToConfirm)}</h2>
            <div class="choices" data-testid="factor-choice">{buttons}</div>
            <BackToSignIn ctx />
        </section>
    }
}
