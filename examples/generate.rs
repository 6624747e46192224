//! Writes a deterministic generated article of about N bytes to standard
//! output (the one the benches use): `cargo run --release --example
//! generate -- 10485760 > /tmp/10mb.txt`.

#[path = "../benches/common/gen.rs"]
mod generator;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10 << 20);
    std::io::stdout().write_all(generator::generate(bytes).as_bytes())
}
