//! The second factor at sign-in: the one-time code screen, and the choice of factor.

use super::field::{BackToSignIn, Field, Submit};
use super::language::{say, t};
use super::{AppCtx, Busy};
use crate::auth::{ChallengeAnswer, CodeChallenge, FactorChoice};
use crate::i18n::Key;
use crate::outcome::{code_prompt, factor_name};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Asks for the code of an authenticator app, a text or an email. The field is emptied on
/// every try: a wrong code is typed again, never edited.
#[component]
pub fn CodeForm(challenge: CodeChallenge) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let code = RwSignal::new(String::new());
    let prompt = say(code_prompt(&challenge));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        if !typed.trim().is_empty() {
            code.set(String::new());
            ctx.answer(ChallengeAnswer::Code(challenge.clone(), typed));
        }
    };
    view! {
        <section class="card">
            <h2>{t(Key::EnterYourCode)}</h2>
            <p id="code-prompt" data-testid="code-prompt">{prompt}</p>
            <form on:submit=submit data-testid="code-form">
                <Field label=Key::Code id="mfa-code" autocomplete="one-time-code" inputmode="numeric" described_by="code-prompt" value=code />
                <Submit id="verify-code" idle=Key::Verify working=Key::Verifying busy=Busy::CheckingCode />
            </form>
            <BackToSignIn />
        </section>
    }
}

/// Lets the user pick which factor to prove, among those Cognito offers.
#[component]
pub fn FactorForm(choice: FactorChoice) -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let buttons = choice
        .factors
        .iter()
        .map(|&factor| {
            let choice = choice.clone();
            let id = format!("factor-{}", factor.challenge());
            view! {
                <button type="button" data-testid=id disabled=move || ctx.is_busy()
                    on:click=move |_| ctx.answer(ChallengeAnswer::Factor(choice.clone(), factor))>
                    {t(factor_name(factor))}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t(Key::HowToConfirm)}</h2>
            <div class="choices" data-testid="factor-choice">{buttons}</div>
            <BackToSignIn />
        </section>
    }
}
