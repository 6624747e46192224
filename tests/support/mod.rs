// Shared helpers for the integration tests that declare `mod support;`.
pub mod pty;
pub mod vt;
