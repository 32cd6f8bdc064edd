//! The signed-in user's account: the profile read with the access token (the app's example of
//! an authorised call), and sign-out on every device.

use super::{AppCtx, Busy};
use leptos::prelude::*;

#[component]
pub fn AccountPanel() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    let label = move |mine: Busy, idle: &'static str, working: &'static str| {
        if ctx.busy.get() == Some(mine) {
            working
        } else {
            idle
        }
    };
    view! {
        <section class="card" data-testid="account">
            <h2>"Account"</h2>
            {move || ctx.profile.get().map(|profile| view! {
                <dl class="facts" data-testid="profile">
                    {profile.user_attributes.into_iter().map(|a| view! {
                        <dt>{a.name.clone()}</dt>
                        <dd data-testid=format!("profile-{}", a.name)>{a.value}</dd>
                    }).collect_view()}
                </dl>
            })}
            <div class="actions">
                <button data-testid="load-profile" disabled=move || ctx.is_busy() on:click=move |_| ctx.load_profile()>
                    {move || label(Busy::LoadingProfile, "Show profile", "Loading…")}
                </button>
                <button class="secondary" data-testid="sign-out-everywhere" disabled=move || ctx.is_busy() on:click=move |_| ctx.sign_out_everywhere()>
                    {move || label(Busy::SigningOutEverywhere, "Sign out everywhere", "Signing out everywhere…")}
                </button>
            </div>
        </section>
    }
}
