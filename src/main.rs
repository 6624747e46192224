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
use byline::config::Config;
use byline::config::style::{ColorChoice, Depth};
use byline::keymap::Keymap;
use byline::store::{self, Store};
use byline::{Report, analyse, print, term};

/// A terminal reader for news articles.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Article files to read (`]` and `[` switch between them; `-` is
    /// reserved for standard input).
    #[arg(required_unless_present = "print_config")]
    files: Vec<PathBuf>,

    /// Config file (default: config.toml in the config directory, or
    /// $BYLINE_CONFIG).
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Print the default config (commented TOML) and exit.
    #[arg(long)]
    print_config: bool,

    /// Colour: auto (off with NO_COLOR or TERM=dumb), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Open at the top, ignoring the saved reading position.
    #[arg(long)]
    from_start: bool,

    /// Print the analysis (blocks, captions, quotes, people) as JSON.
    #[arg(long)]
    json: bool,

    /// Width for plain-text output.
    #[arg(long, default_value_t = 80, value_name = "N")]
    width: usize,
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
    if cli.print_config {
        print!("{}", byline::config::DEFAULT);
        return Ok(());
    }
    // A bad config stops byline before anything else: no setting is
    // ever silently ignored.
    let config = Config::load(cli.config.as_deref())?;
    let tui = !cli.json && std::io::stdout().is_terminal();
    if cli.json && cli.files.len() > 1 {
        anyhow::bail!("--json takes one file; run it once per file");
    }
    let mut out = std::io::stdout().lock();
    let mut reader: Option<App> = None;
    for file in &cli.files {
        if file.as_os_str() == "-" {
            anyhow::bail!("reading from standard input is not supported yet; pass a file path");
        }
        let loaded = load::load_path(file)?;
        for w in &loaded.warnings {
            eprintln!("byline: warning: {w}");
        }
        let article = text::parse(&loaded.text);
        let analysis = analyse::analyse(&article);
        if tui {
            let mut app = App::new(article, analysis, Keymap::default());
            app.configure(&config, Depth::detect(cli.color, |k| std::env::var(k).ok()));
            if let Some(store) = Store::from_env() {
                let path = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
                let key = store::content_key(&loaded.text);
                let path = Some(path.to_string_lossy().into_owned());
                for w in app.remember(store, key, path, !cli.from_start) {
                    eprintln!("byline: warning: {w}");
                }
            }
            match &mut reader {
                Some(first) => first.add_file(app),
                None => reader = Some(app),
            }
            continue;
        }
        let source = file.to_string_lossy();
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
            Err(e) if is_broken_pipe(&e) => return Ok(()),
            other => other?,
        }
    }
    match reader {
        Some(app) => term::run(app).context("running the reader"),
        None => Ok(()),
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
