//! The app: the library's components for the user pool `config.json` names, with the token
//! info, the account and the operation log.

// The app's allocator: talc instead of std's dlmalloc, 1.6 KB brotli less of the bundle and no
// slower (docs/size.md). Growing in place is left out for size: a `Vec` that grows is copied.
// This is the app's choice only; a library user's own binary picks its own allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // Debug builds only: in release it costs ~KB for messages no user reads.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // config.json is asked for first, so its (preloaded) answer is on its way while the page
    // is mounted: a task's first poll would come only after that.
    let config = app::started(cognito_client::browser::load_config(app::CONFIG_URL));
    leptos::mount::mount_to_body(move || leptos::view! { <app::App config /> });
}

/// The app runs in the browser only (`trunk serve`, README): on the host there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod app {
    use cognito_client::config::{Config, RefreshMode};
    use cognito_client::i18n::{Key, Text};
    use cognito_client::ui::{
        AccountSettings, AuthLog, Authenticator, Language, LanguageSwitch, OperationLog, TokenPanel,
    };
    use futures::future::{LocalBoxFuture, MaybeDone, maybe_done};
    use futures::task::{Context, noop_waker_ref};
    use leptos::prelude::*;
    use std::time::Duration;

    /// Where the config is: beside `index.html` at the site's root (an absolute path, so a deep
    /// link such as `/some/page` that the server answers with `index.html` finds it too).
    pub const CONFIG_URL: &str = "/config.json";

    /// `config.json`'s answer, being loaded.
    pub type Loading =
        std::pin::Pin<Box<MaybeDone<LocalBoxFuture<'static, Result<Config, String>>>>>;

    /// `load`, polled once now so the request leaves at once (a future does nothing until
    /// polled); what it gives, if it is done already, is kept for whoever awaits it next.
    pub fn started(load: impl Future<Output = Result<Config, String>> + 'static) -> Loading {
        let mut loading = Box::pin(maybe_done(Box::pin(load) as LocalBoxFuture<'static, _>));
        let _ = loading
            .as_mut()
            .poll(&mut Context::from_waker(noop_waker_ref()));
        loading
    }

    /// How long the config may take before the page says it is loading it.
    const CONFIG_LATE: Duration = Duration::from_millis(300);

    /// Loads the config, then shows the app, or a page saying exactly what is wrong with the
    /// config. The language switch is on every page, this one's first.
    ///
    /// Nothing is drawn while the config is on its way unless it is late: `index.html`
    /// preloads it with the wasm, so it is nearly always there at start, and a "loading" line
    /// drawn first would cost every start a frame and a layout for words nobody has time to
    /// read (~35 ms under 4x CPU, measured with the first-load benchmark's profiles).
    #[component]
    pub fn App(
        /// `config.json`, already asked for.
        config: Loading,
    ) -> impl IntoView {
        let language = Language::from_browser();
        provide_context(language);
        provide_context(AuthLog::new());
        // The page's title says the app's name in the page's language.
        Effect::new(move || document().set_title(language.get().template(Key::AppTitle)));
        // A signal and a task rather than a `LocalResource`: 7.4 KB brotli less (docs/size.md).
        let (mut loading, config) = (config, RwSignal::new(None::<Result<Config, String>>));
        leptos::task::spawn_local(async move {
            loading.as_mut().await;
            config.set(loading.as_mut().take_output());
        });
        let late = RwSignal::new(false);
        set_timeout(move || late.set(true), CONFIG_LATE);
        let page = move || {
            let page = match config.get() {
                None if !late.get() => return None,
                None => view! {
                    <p class="loading" data-testid="loading-config">
                        {language.t(Key::LoadingConfig)}
                    </p>
                }
                .into_any(),
                Some(Err(problem)) => view! { <ConfigProblem problem /> }.into_any(),
                Some(Ok(config)) => view! { <Shell config /> }.into_any(),
            };
            Some(view! { <LanguageSwitch />{page} })
        };
        view! { <main class="app">{page}</main> }
    }

    /// The page shown when `config.json` is unusable: what is wrong, and how to fix it.
    #[component]
    fn ConfigProblem(problem: String) -> impl IntoView {
        let language = expect_context::<Language>();
        view! {
            <section class="card error-page" data-testid="config-error">
                <h1>{language.t(Key::ConfigProblemTitle)}</h1>
                <p class="problem">{problem}</p>
                <p>{language.t(Key::ConfigProblemFix)}</p>
            </section>
        }
    }

    /// The app for one configured user pool: its name, the pool and refresh mode, the sign-in
    /// and, once signed in, the token info and the account; the operation log below.
    #[component]
    fn Shell(config: Config) -> impl IntoView {
        let language = expect_context::<Language>();
        let mode = match config.refresh_mode {
            RefreshMode::Rotation => Key::RotatingRefresh,
            RefreshMode::Legacy => Key::LegacyRefresh,
        };
        let subtitle = Text::with(mode, [Text::raw(config.user_pool_id.as_str())]);
        view! {
            <header class="top">
                <h1>{language.t(Key::AppTitle)}</h1>
                <p class="subtitle" data-testid="pool">{language.text(subtitle)}</p>
            </header>
            <Authenticator config>
                <TokenPanel />
                <AccountSettings />
            </Authenticator>
            <OperationLog />
        }
    }
}
