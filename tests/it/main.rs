//! Integration tests of the desktop app package: the architecture's invariants, the
//! security configuration, and end-to-end tests that drive the real built app.

mod architecture;
mod e2e;
mod e2e_capture;
mod e2e_concurrency;
mod e2e_hostile;
mod e2e_verify;
mod e2e_workspace;
mod e2e_workspace_ux;
mod security_config;
mod webdriver;
