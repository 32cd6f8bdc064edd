// The app's allocator: talc instead of std's dlmalloc, 1.6 KB brotli less of the bundle and no
// slower (README "Bundle size"). Growing in place is left out for size: a `Vec` that grows is copied.
// This is the app's choice only; a library user's own binary picks its own allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    cognito_client::start();
}
