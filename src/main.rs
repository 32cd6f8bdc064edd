fn main() {
    #[cfg(target_arch = "wasm32")]
    cognito_client::start();
}
