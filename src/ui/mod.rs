//! The Leptos UI. Views read the shared [`AppCtx`] and send it intents; they never touch
//! Cognito or storage themselves.

mod account;
mod account_intents;
mod app_setup;
mod field;
mod hooks;
mod intents;
mod language;
mod log;
mod mfa;
mod sign_in;
mod state;
mod token_info;

pub use language::{Language, LanguageSwitch};
pub use state::{AppCtx, Busy, LogEntry, SessionView};

use crate::outcome::Screen;

use crate::browser::{browser_auth, load_config};
use crate::config::{Config, RefreshMode};
use crate::i18n::{Key, Text};
use field::redrawn;
use language::{say, t};
use leptos::prelude::*;

/// The app: loads `/config.json`, beside `index.html` at the site's root (an absolute path, so
/// a deep link such as `/some/page` that the server answers with `index.html` finds it too).
#[component]
pub fn App() -> impl IntoView {
    view! { <ConfiguredApp config_url="/config.json" /> }
}

/// Loads the config at `config_url`, then shows the app, or a page saying exactly what is
/// wrong with the config. The language switch is on every page, this one's first.
#[component]
pub fn ConfiguredApp(
    /// Where `config.json` is, relative to the page.
    config_url: &'static str,
) -> impl IntoView {
    provide_context(Language::from_browser());
    let config = RwSignal::new(None::<Result<Config, String>>);
    leptos::task::spawn_local(async move {
        config.set(Some(load_config(config_url).await));
    });
    view! {
        <main class="app">
            <LanguageSwitch />
            {redrawn(move || match config.get() {
                None => view! { <p class="loading">{t(Key::LoadingConfig)}</p> }.into_any(),
                Some(Err(problem)) => view! { <ConfigProblem problem /> }.into_any(),
                Some(Ok(config)) => view! { <Shell config /> }.into_any(),
            })}
        </main>
    }
}

#[component]
/// The page shown when `config.json` is unusable: what is wrong and how to fix it.
pub fn ConfigProblem(
    /// What is wrong, in words.
    problem: String,
) -> impl IntoView {
    view! {
        <section class="card error-page" data-testid="config-error">
            <h1>{t(Key::ConfigProblemTitle)}</h1>
            <p class="problem">{problem}</p>
            <p>{t(Key::ConfigProblemFix)}</p>
        </section>
    }
}

/// The app for one configured user pool.
#[component]
pub fn Shell(
    /// The pool, client and refresh settings, as `config.json` gave them.
    config: Config,
) -> impl IntoView {
    let mode = match config.refresh_mode {
        RefreshMode::Rotation => Key::RotatingRefresh,
        RefreshMode::Legacy => Key::LegacyRefresh,
    };
    let subtitle = say(Text::with(mode, [Text::raw(config.user_pool_id.as_str())]));
    let (auth, tabs) = browser_auth(config);
    let ctx = AppCtx::new(auth, Language::here());
    provide_context(ctx);
    ctx.start(tabs);
    view! {
        <header class="top">
            <h1>{t(Key::AppTitle)}</h1>
            <p class="subtitle" data-testid="pool">{subtitle}</p>
        </header>
        <NoticeBar />
        {redrawn(move || match ctx.screen() {
            Screen::SignIn => view! { <sign_in::SignInForm /> }.into_any(),
            Screen::NewPassword(challenge) => {
                view! { <sign_in::NewPasswordForm challenge /> }.into_any()
            }
            Screen::Code(challenge) => view! { <mfa::CodeForm challenge /> }.into_any(),
            Screen::ChooseFactor(choice) => view! { <mfa::FactorForm choice /> }.into_any(),
            Screen::SetUpApp(setup) => view! { <app_setup::SetUpAppScreen setup /> }.into_any(),
            Screen::SignUp => view! { <sign_in::SignUpForm /> }.into_any(),
            Screen::Confirm(username) => view! { <sign_in::ConfirmForm username /> }.into_any(),
            Screen::ForgotPassword => view! { <sign_in::ForgotPasswordForm /> }.into_any(),
            Screen::ResetPassword(username) => {
                view! { <sign_in::ResetPasswordForm username /> }.into_any()
            }
            Screen::SignedIn => {
                view! {
                    <token_info::TokenPanel />
                    <account::AccountPanel />
                }
                    .into_any()
            }
        })}
        <log::OperationLog />
    }
}

#[component]
fn NoticeBar() -> impl IntoView {
    let ctx = expect_context::<AppCtx>();
    redrawn(move || {
        ctx.notice
            .get()
            .map(|notice| {
                let class = format!("notice {}", notice.tone.class());
                view! {
                    <div class=class role="alert" data-testid="notice">
                        {ctx.language.say(&notice.text)}
                    </div>
                }
            })
            .into_any()
    })
}

/// Once the new screen is drawn (the next frame), focuses its heading — the first card's
/// `h2`, made focusable for it — so keyboard and screen-reader users start there, not on the
/// page's body where a button that went away leaves them.
fn focus_screen_heading() {
    use wasm_bindgen::JsCast;
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        let heading = document().query_selector("main .card h2").ok().flatten();
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
    let _ = window().request_animation_frame(focus.unchecked_ref());
}
