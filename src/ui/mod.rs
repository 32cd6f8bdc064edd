//! The UI: screens made by `dom` (web-sys elements kept current by `crate::reactive`).
//! Views are given the shared [`AppCtx`] as an argument, read it and send it intents; they
//! never touch Cognito or storage themselves.

mod account;
mod account_intents;
mod app_setup;
pub mod dom;
mod field;
mod hooks;
mod intents;
mod language;
mod log;
mod mfa;
mod sign_in;
mod state;
mod token_info;

pub use dom::{El, Mounted, mount};
pub use language::{Language, language_switch};
pub use state::{AppCtx, Busy, LogEntry, SessionView};

use crate::browser::{browser_auth, load_config};
use crate::config::{Config, RefreshMode};
use crate::i18n::{Key, Text};
use crate::outcome::Screen;
use crate::reactive::{Signal, untrack};
use dom::{el, frag};

/// The app: loads `/config.json`, beside `index.html` at the site's root (an absolute path, so
/// a deep link such as `/some/page` that the server answers with `index.html` finds it too).
pub fn app() -> El {
    configured_app("/config.json")
}

/// Loads the config at `config_url` (relative to the page), then shows the app, or a page
/// saying exactly what is wrong with the config. The language switch is on every page, this
/// one's first.
///
/// Nothing is drawn while the config is on its way unless it is late: `index.html` preloads it
/// with the wasm, so it is nearly always there at start, and a "loading" line drawn first would
/// cost every start a frame and a layout for words nobody has time to read (~35 ms under 4x
/// CPU, measured with the first-load benchmark's profiles).
pub fn configured_app(config_url: &'static str) -> El {
    let language = Language::from_browser();
    let config = Signal::new(None::<Result<Config, String>>);
    let late = Signal::new(false);
    wasm_bindgen_futures::spawn_local(async move {
        config.set(Some(load_config(config_url).await));
    });
    gloo_timers::callback::Timeout::new(CONFIG_LATE_MS, move || {
        if late.is_alive() {
            late.set(true);
        }
    })
    .forget();
    el("main").class("app").part(move || {
        let config = config.get();
        if config.is_none() && !late.get() {
            return frag();
        }
        untrack(|| {
            let page = match config {
                None => el("p")
                    .class("loading")
                    .test_id("loading-config")
                    .words(language.t(Key::LoadingConfig)),
                Some(Err(problem)) => config_problem(language, &problem),
                Some(Ok(config)) => shell(config, language),
            };
            frag().child(language_switch(language)).child(page)
        })
    })
}

/// How long the config may take before the page says it is loading it.
const CONFIG_LATE_MS: u32 = 300;

/// The page shown when `config.json` is unusable: `problem`, what is wrong, and how to fix it.
pub fn config_problem(language: Language, problem: &str) -> El {
    el("section")
        .class("card error-page")
        .test_id("config-error")
        .child(el("h1").words(language.t(Key::ConfigProblemTitle)))
        .child(el("p").class("problem").text(problem))
        .child(el("p").words(language.t(Key::ConfigProblemFix)))
}

/// The app for one configured user pool, in `language`: the pool, client and refresh settings,
/// as `config.json` gave them.
pub fn shell(config: Config, language: Language) -> El {
    let mode = match config.refresh_mode {
        RefreshMode::Rotation => Key::RotatingRefresh,
        RefreshMode::Legacy => Key::LegacyRefresh,
    };
    let subtitle = language.text(Text::with(mode, [Text::raw(config.user_pool_id.as_str())]));
    let (auth, tabs) = browser_auth(config);
    let ctx = AppCtx::new(auth, language);
    ctx.start(tabs);
    language.warm_clock();
    let screen = move || {
        let screen = ctx.screen();
        untrack(|| match screen {
            Screen::SignIn => sign_in::sign_in_form(ctx),
            Screen::NewPassword(challenge) => sign_in::new_password_form(ctx, challenge),
            Screen::Code(challenge) => mfa::code_form(ctx, challenge),
            Screen::ChooseFactor(choice) => mfa::factor_form(ctx, choice),
            Screen::SetUpApp(setup) => app_setup::set_up_app_screen(ctx, setup),
            Screen::SignUp => sign_in::sign_up_form(ctx),
            Screen::Confirm(username) => sign_in::confirm_form(ctx, username),
            Screen::ForgotPassword => sign_in::forgot_password_form(ctx),
            Screen::ResetPassword(username) => sign_in::reset_password_form(ctx, username),
            Screen::SignedIn => frag()
                .child(token_info::token_panel(ctx))
                .child(account::account_panel(ctx)),
        })
    };
    frag()
        .child(
            el("header")
                .class("top")
                .child(el("h1").words(language.t(Key::AppTitle)))
                .child(el("p").class("subtitle").test_id("pool").words(subtitle)),
        )
        .part(move || notice_bar(ctx))
        .part(screen)
        .child(log::operation_log(ctx))
}

/// The notice, if any (tracked).
fn notice_bar(ctx: AppCtx) -> El {
    let Some(notice) = ctx.notice.get() else {
        return frag();
    };
    el("div")
        .class(&format!("notice {}", notice.tone.class()))
        .attr("role", "alert")
        .test_id("notice")
        .text(&ctx.language.say(&notice.text))
}

/// Starts the web app in the page's body.
pub fn start() {
    std::mem::forget(mount(&dom::document().body().unwrap(), app));
}

/// Once the new screen is drawn (the next frame), focuses its heading — the first card's
/// `h2`, made focusable for it — so keyboard and screen-reader users start there, not on the
/// page's body where a button that went away leaves them.
fn focus_screen_heading() {
    use wasm_bindgen::JsCast;
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        let heading = dom::document()
            .query_selector("main .card h2")
            .ok()
            .flatten();
        if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(focus.unchecked_ref());
    }
}
