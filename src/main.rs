//! The `byline` command: parse arguments, load and analyse the article,
//! then open the reader (stdout a terminal) or print JSON, lists or plain
//! text.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};

use byline::app::App;
use byline::article::{Format, detect, load, parse_input};
use byline::keymap::Keymap;
use byline::{Report, analyse, print, term};

/// A terminal reader for news articles.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Article file to read: text, Markdown, HTML or JSON. `-`, or no FILE
    /// with a pipe on standard input, reads standard input.
    file: Option<PathBuf>,

    /// Print the analysis (blocks, captions, quotes, people) as JSON.
    #[arg(long, conflicts_with_all = ["people", "quotes", "person"])]
    json: bool,

    /// Read the input as this format instead of guessing from the file
    /// name and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,

    /// Width for plain-text output.
    #[arg(long, default_value_t = 80, value_name = "N")]
    width: usize,

    /// Print the people the article names: name, mentions, aliases.
    #[arg(long)]
    people: bool,

    /// Print every quote with its speaker.
    #[arg(long)]
    quotes: bool,

    /// Print only the paragraphs that name this person (any alias, any case).
    #[arg(long, value_name = "NAME")]
    person: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
    Html,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
        }
    }
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

/// Where the article comes from.
enum Input<'a> {
    File(&'a Path),
    Stdin,
}

fn input(cli: &Cli) -> Result<Input<'_>> {
    match cli.file.as_deref() {
        Some(p) if p.as_os_str() == "-" => Ok(Input::Stdin),
        Some(p) => Ok(Input::File(p)),
        None if !std::io::stdin().is_terminal() => Ok(Input::Stdin),
        None => anyhow::bail!(
            "no article given: pass a FILE, or pipe one in (`cat a.txt | byline`); see --help"
        ),
    }
}

fn run(cli: &Cli) -> Result<()> {
    let (loaded, source, hint) = match input(cli)? {
        Input::File(path) => (
            load::load_path(path)?,
            path.to_string_lossy().into_owned(),
            detect::by_extension(path),
        ),
        Input::Stdin => (
            load::load_reader(Path::new("standard input"), std::io::stdin().lock())?,
            "-".to_string(),
            None,
        ),
    };
    for w in &loaded.warnings {
        eprintln!("byline: warning: {w}");
    }
    let hint = cli.format.map(Format::from).or(hint);
    let (article, _format) = parse_input(&loaded.text, hint).with_context(|| source.clone())?;
    let analysis = analyse::analyse(&article);
    let listing = cli.people || cli.quotes || cli.person.is_some();
    if !cli.json && !listing && std::io::stdout().is_terminal() {
        let app = App::new(article, analysis, Keymap::default());
        return term::run(app).context("running the reader");
    }
    let text = if cli.json {
        let report = Report::new(&source, &article, &analysis);
        let mut s = serde_json::to_string_pretty(&report).context("writing JSON")?;
        s.push('\n');
        s
    } else if listing {
        let mut s = String::new();
        if let Some(name) = &cli.person {
            s.push_str(
                &print::render_person(&article, &analysis, name, cli.width)
                    .with_context(|| source.clone())?,
            );
        }
        if cli.people {
            s.push_str(&print::render_people(&analysis, cli.width));
        }
        if cli.quotes {
            s.push_str(&print::render_quotes(&analysis, cli.width));
        }
        s
    } else {
        print::render(&article, cli.width)
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing output"),
    }
}
