//! The reader on generated articles: opening (App + first frame, analysis
//! still on its way), wrapping a viewport, drawing a full 160×48 frame on
//! TestBackend, and handling a key and drawing after it, on the 10 MB
//! article. Run: `cargo bench --bench reader`.

use byline::analyse::analyse;
use byline::app::App;
use byline::app::doc::Wrapped;
use byline::article::{Article, load, text};
use byline::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/gen.rs"]
mod generator;

fn main() {
    divan::main();
}

fn article(bytes: usize) -> Article {
    let src = generator::generate(bytes);
    let loaded =
        load::load_bytes(std::path::Path::new("bench.txt"), src.as_bytes()).expect("loads");
    text::parse(&loaded.text)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(160, 48)).expect("terminal")
}

/// From the generated text in memory to the first frame: load, parse,
/// App, layout and draw, the analysis not waited for (as `byline` does).
#[divan::bench(args = [4 << 10, 1 << 20, 10 << 20], sample_count = 10)]
fn open_to_first_frame(b: divan::Bencher, bytes: usize) {
    let src = generator::generate(bytes);
    let mut term = terminal();
    b.bench_local(|| {
        let loaded =
            load::load_bytes(std::path::Path::new("bench.txt"), src.as_bytes()).expect("loads");
        let article = text::parse(&loaded.text);
        let mut app = App::new(article, Default::default(), Keymap::default());
        app.resize(160, 48);
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        app
    });
}

/// Wrapping the blocks of one 48-row viewport at 100 columns.
#[divan::bench]
fn wrap_viewport(b: divan::Bencher) {
    let article = article(1 << 20);
    b.bench_local(|| {
        let mut doc = Wrapped::new(&article, "A generated article", 100);
        let (mut rows, mut block) = (0, 5000);
        while rows < 48 {
            rows += doc.wrap_block(&article, block) + 1;
            block += 1;
        }
        doc
    });
}

fn reader(bytes: usize) -> App {
    let article = article(bytes);
    let analysis = analyse(&article);
    let mut app = App::new(article, analysis, Keymap::default());
    app.resize(160, 48);
    app
}

/// Drawing a full 160×48 frame (three panes) of the 10 MB article.
#[divan::bench(sample_count = 20)]
fn frame_160x48(b: divan::Bencher) {
    let mut app = reader(10 << 20);
    app.press("space");
    let mut term = terminal();
    b.bench_local(|| {
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
}

/// A key on the 10 MB article, handled and drawn: alternately `key` and
/// its opposite, so every press moves.
#[divan::bench(args = ["j", "space", "G", "ctrl-d", "tab"], sample_count = 20)]
fn key_10mb(b: divan::Bencher, key: &str) {
    let back = match key {
        "j" => "k",
        "space" => "b",
        "G" => "g",
        "ctrl-d" => "ctrl-u",
        _ => "shift-tab",
    };
    let mut app = reader(10 << 20);
    let mut term = terminal();
    let mut flip = false;
    b.bench_local(|| {
        flip = !flip;
        app.press(if flip { key } else { back });
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
}
