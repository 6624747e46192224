//! The `byline` command: parse arguments, load and analyse the article,
//! then print JSON, plain text (when stdout is not a terminal), or open
//! the reader.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use byline::app::App;
use byline::article::{load, text};
use byline::keymap::Keymap;
use byline::{Report, analyse, print, term};

/// A terminal reader for news articles.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Article file to read (`-` is reserved for standard input).
    file: PathBuf,

    /// Print the analysis (blocks, captions, quotes, people) as JSON.
    #[arg(long)]
    json: bool,

    /// Width for plain-text output.
    #[arg(long, default_value_t = 80, value_name = "N")]
    width: usize,

    /// Use the mouse: wheel scrolls, click selects. Off by default so the
    /// terminal's own selection and copy keep working.
    #[arg(long)]
    mouse: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> Result<()> {
    if cli.file.as_os_str() == "-" {
        anyhow::bail!("reading from standard input is not supported yet; pass a file path");
    }
    let loaded = load::load_path(&cli.file)?;
    for w in &loaded.warnings {
        eprintln!("byline: warning: {w}");
    }
    let article = text::parse(&loaded.text);
    let analysis = analyse::analyse(&article);
    if !cli.json && std::io::stdout().is_terminal() {
        let app = App::new(article, analysis, Keymap::default());
        let opts = term::Options { mouse: cli.mouse };
        return term::run(app, opts).context("running the reader");
    }
    let mut out = std::io::stdout().lock();
    let source = cli.file.to_string_lossy();
    let result = if cli.json {
        let report = Report::new(&source, &article, &analysis);
        serde_json::to_writer_pretty(&mut out, &report)
            .context("writing JSON")
            .and_then(|()| writeln!(out).context("writing JSON"))
    } else {
        out.write_all(print::render(&article, cli.width).as_bytes())
            .context("writing output")
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
