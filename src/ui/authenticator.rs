//! `<Authenticator>`: the whole signed-out flow, then its children once someone is signed in.

use super::app_setup::SetUpAppScreen;
use super::context::Ctx;
use super::language::use_language;
use super::log::use_log;
use super::mfa::{CodeForm, FactorForm};
use super::sign_in::{
    ConfirmForm, ForgotPasswordForm, NewPasswordForm, ResetPasswordForm, SignInForm, SignUpForm,
};
use crate::browser::browser_auth;
use crate::config::Config;
use crate::outcome::Screen;
use leptos::context::Provider;
use leptos::prelude::*;

/// Signs a user in to the user pool `config` names, then shows its children.
///
/// Signed out, it shows one screen at a time: sign-in (SRP or password, as the config says),
/// every challenge Cognito may send next (a new password, a one-time code from an authenticator
/// app, a text or an email, the choice of factor, setting up an authenticator app with a QR
/// code), sign-up and its confirmation code, and the forgotten-password reset. Above them, one
/// notice says what just happened, in words a person reads. Signed in, it shows `children`;
/// they read the session with [`use_auth`](super::use_auth) and can hold
/// [`AccountSettings`](super::AccountSettings) and [`TokenPanel`](super::TokenPanel).
///
/// It takes up the session this tab kept (sessionStorage), keeps it alive (refreshing before
/// the access token ends, sharing one refresh with the app's other tabs), and goes back to the
/// sign-in when the session ends. Its words are in the [`Language`](super::Language) provided
/// above it, else the browser's; what it does is written to the [`AuthLog`](super::AuthLog)
/// provided above it, if any.
///
/// ```no_run
/// use cognito_client::config::Config;
/// use cognito_client::ui::{Authenticator, use_auth};
/// use leptos::prelude::*;
///
/// #[component]
/// fn Protected(config: Config) -> impl IntoView {
///     view! {
///         <Authenticator config>
///             <Welcome />
///         </Authenticator>
///     }
/// }
///
/// #[component]
/// fn Welcome() -> impl IntoView {
///     let auth = use_auth();
///     view! { <p>"Hello, " {move || auth.username()}</p> }
/// }
/// ```
#[component]
pub fn Authenticator(
    /// The user pool and app client (`config.json`, see [`Config`]).
    config: Config,
    /// What a signed-in user sees.
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let (language, log) = (use_language(), use_log());
    let (auth, tabs) = browser_auth(config);
    let ctx = Ctx::new(auth, language, log);
    ctx.start(tabs);
    language.warm_clock();
    let screen = move || match ctx.screen() {
        Screen::SignIn => view! { <SignInForm ctx /> }.into_any(),
        Screen::NewPassword(challenge) => view! { <NewPasswordForm ctx challenge /> }.into_any(),
        Screen::Code(challenge) => view! { <CodeForm ctx challenge /> }.into_any(),
        Screen::ChooseFactor(choice) => view! { <FactorForm ctx choice /> }.into_any(),
        Screen::SetUpApp(setup) => view! { <SetUpAppScreen ctx setup /> }.into_any(),
        Screen::SignUp => view! { <SignUpForm ctx /> }.into_any(),
        Screen::Confirm(username) => view! { <ConfirmForm ctx username /> }.into_any(),
        Screen::ForgotPassword => view! { <ForgotPasswordForm ctx /> }.into_any(),
        Screen::ResetPassword(username) => view! { <ResetPasswordForm ctx username /> }.into_any(),
        Screen::SignedIn => children.as_ref().map(|children| children()).into_any(),
    };
    // The screens and the children find the state below this Provider only.
    view! {
        <Provider value=ctx>
            {move || notice_bar(ctx)}
            {screen}
        </Provider>
    }
}

/// The notice, if any (tracked).
fn notice_bar(ctx: Ctx) -> Option<impl IntoView + use<>> {
    let notice = ctx.notice.get()?;
    let class = format!("notice {}", notice.tone.class());
    let words = ctx.language.say(&notice.text);
    Some(view! { <div class=class role="alert" data-testid="notice">{words}</div> })
}

/// Once the new screen is drawn (the next frame), focuses its heading — the first card's
/// `h2` (a screen is a `section.card`), made focusable for it; never the early sign-in screen's
/// in `index.html` — so keyboard and screen-reader users start there, not on the page's body
/// where a button that went away leaves them.
pub(super) fn focus_screen_heading() {
    use wasm_bindgen::JsCast;
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        let heading = document()
            .query_selector(".card h2:not(#early-sign-in *)")
            .ok()
            .flatten();
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
    let _ = window().request_animation_frame(focus.unchecked_ref());
}
