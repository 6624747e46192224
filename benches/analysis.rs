//! Load + parse + analyse on a 4 KB sample and on generated 1 MB and 10 MB
//! articles. Run: `cargo bench --bench analysis`.

use byline::analyse::analyse;
use byline::article::{load, text};

#[path = "common/gen.rs"]
mod generator;
use generator::generate;

fn main() {
    divan::main();
}

fn run(src: &str) -> usize {
    let loaded =
        load::load_bytes(std::path::Path::new("bench.txt"), src.as_bytes()).expect("loads");
    let article = text::parse(&loaded.text);
    analyse(&article).people.len()
}

#[divan::bench]
fn sample_4kb(b: divan::Bencher) {
    let src = generate(4 * 1024);
    b.bench(|| run(divan::black_box(&src)));
}

#[divan::bench(sample_count = 10)]
fn generated_1mb(b: divan::Bencher) {
    let src = generate(1 << 20);
    b.bench(|| run(divan::black_box(&src)));
}

#[divan::bench(sample_count = 3)]
fn generated_10mb(b: divan::Bencher) {
    let src = generate(10 << 20);
    b.bench(|| run(divan::black_box(&src)));
}
