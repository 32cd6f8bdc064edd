//! The signed-in user's account: profile, password change, sign-out everywhere.

use super::field::{Action, Field, Submit};
use super::{AppCtx, Busy};
use crate::secret::Password;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn AccountPanel() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let (current, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let change = move |ev: SubmitEvent| {
        ev.prevent_default();
        ctx.change_password(
            Password::new(current.get_untracked()),
            Password::new(new.get_untracked()),
        );
        current.set(String::new());
        new.set(String::new());
    };
    let running = move |mine: Busy| Signal::derive(move || ctx.busy.get() == Some(mine));
    let disabled = Signal::derive(move || ctx.is_busy());
    view! {
        <section class="card" data-testid="account">
            <h2>"Account"</h2>
            <div class="actions">
                <Action id="load-profile" idle="Show profile" working="Loading…" busy=Busy::LoadingProfile run=AppCtx::load_profile />
                <Action id="sign-out-everywhere" idle="Sign out everywhere" working="Signing out everywhere…" busy=Busy::SigningOutEverywhere secondary=true run=AppCtx::sign_out_everywhere />
            </div>
            {move || ctx.session.profile.get().map(|profile| view! {
                <dl class="facts" data-testid="profile">
                    {profile.attributes.into_iter().map(|a| view! {
                        <dt>{a.name.clone()}</dt>
                        <dd data-testid=format!("profile-{}", a.name)>{a.value}</dd>
                    }).collect_view()}
                </dl>
            })}
            <h3>"Change password"</h3>
            <form on:submit=change data-testid="change-password-form">
                <Field label="Current password" id="current-password" kind="password" autocomplete="current-password" value=current />
                <Field label="New password" id="changed-password" kind="password" autocomplete="new-password" value=new />
                <Submit id="change-password" idle="Change password" working="Changing…" running=running(Busy::ChangingPassword) disabled />
            </form>
        </section>
    }
}
