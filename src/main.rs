//! The `byline` command: parse arguments and the config, load and analyse
//! each article, then open the reader (stdout a terminal) or print JSON,
//! lists or plain text.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};

use byline::app::picker::{Opener, Picker};
use byline::app::{App, Prepared};
use byline::article::{Analysis, Article, Format, detect, load, parse_input};
use byline::config::style::{ColorChoice, Depth};
use byline::config::{Config, Margins};
use byline::keymap::Keymap;
use byline::store::{self, Store};
use byline::{Report, analyse, library, print, term};

/// A terminal reader for news articles.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Article files to read: text, Markdown, HTML or JSON (`]` and `[`
    /// switch between them). `-`, or no FILE with a pipe on standard input,
    /// reads standard input. A folder opens a list of its articles.
    files: Vec<PathBuf>,

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

    /// Use the mouse: wheel scrolls, click selects (also `mouse = true` in
    /// the config). Off by default so the terminal's own selection and
    /// copy keep working.
    #[arg(long)]
    mouse: bool,
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

/// Where an article comes from.
enum Input<'a> {
    File(&'a Path),
    Stdin,
}

fn inputs(cli: &Cli) -> Result<Vec<Input<'_>>> {
    if cli.files.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no article given: pass a FILE, or pipe one in (`cat a.txt | byline`); see --help"
            );
        }
        return Ok(vec![Input::Stdin]);
    }
    let stdin = cli.files.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin > 1 {
        anyhow::bail!("standard input (`-`) can be read only once");
    }
    Ok(cli
        .files
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::File(p)
            }
        })
        .collect())
}

/// One loaded and parsed article, analysed unless the reader will do that
/// on another thread.
struct Loaded {
    source: String,
    path: Option<PathBuf>,
    /// The key of the text for the reading-position store (reader only;
    /// the text itself is not kept, it is as big as the article).
    key: Option<String>,
    article: Article,
    analysis: Option<Analysis>,
}

fn load_one(cli: &Cli, input: &Input, analyse_now: bool) -> Result<Loaded> {
    let (loaded, source, hint, path) = match input {
        Input::File(path) => (
            load::load_path(path)?,
            path.to_string_lossy().into_owned(),
            detect::by_extension(path),
            Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
        ),
        Input::Stdin => (
            load::load_reader(Path::new("standard input"), std::io::stdin().lock())?,
            "-".to_string(),
            None,
            None,
        ),
    };
    for w in &loaded.warnings {
        eprintln!("byline: warning: {w}");
    }
    let hint = cli.format.map(Format::from).or(hint);
    let (article, _format) = parse_input(&loaded.text, hint).with_context(|| source.clone())?;
    let key = (!analyse_now).then(|| store::content_key(&loaded.text));
    // The text is as big as the article: let it go before the analysis.
    drop(loaded);
    let analysis = analyse_now.then(|| analyse::analyse(&article));
    Ok(Loaded {
        source,
        path,
        key,
        article,
        analysis,
    })
}

fn run(cli: &Cli) -> Result<()> {
    if cli.print_config {
        print!("{}", byline::config::DEFAULT);
        return Ok(());
    }
    // A bad config stops byline before anything else: no setting is ever
    // silently ignored.
    let config = Config::load(cli.config.as_deref())?;
    if let Some(dir) = cli.files.iter().find(|p| p.is_dir()) {
        return folder(cli, config, dir);
    }
    let inputs = inputs(cli)?;
    if cli.json && inputs.len() > 1 {
        anyhow::bail!("--json takes one file; run it once per file");
    }
    let listing = cli.people || cli.quotes || cli.person.is_some();
    let tui = !cli.json && !listing && std::io::stdout().is_terminal();
    let mut reader: Option<App> = None;
    let mut text = String::new();
    // The first file's analysis thread, once done, offers to run the
    // reader's loop (`term::offer`: it reuses the memory the analysis
    // freed).
    let (helper_tx, helper_rx) = mpsc::channel();
    let mut helper_tx = Some(helper_tx);
    for input in &inputs {
        let mut one = load_one(cli, input, !tui)?;
        if tui {
            // The body shows at once; outline, people and highlights fill
            // in when the analysis arrives from its thread.
            let article = Arc::new(std::mem::take(&mut one.article));
            let (tx, rx) = mpsc::channel();
            let shared = Arc::clone(&article);
            let helper = helper_tx.take();
            std::thread::spawn(move || {
                let analysis = analyse::analyse(&shared);
                // Nobody to send to when the reader has quit already.
                let _ = tx.send(Prepared::new(&shared, analysis));
                drop(shared);
                if let Some(to) = helper {
                    term::offer(&to);
                }
            });
            let mut app = App::new(article, Analysis::default(), Keymap::default());
            app.analyse_later(rx);
            app.configure(&config, Depth::detect(cli.color, |k| std::env::var(k).ok()));
            if let Some(store) = Store::from_env() {
                let key = one.key.take().unwrap_or_default();
                let path = one.path.map(|p| p.to_string_lossy().into_owned());
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
        if cli.json {
            // One file (checked above), streamed: the JSON of a 10 MB
            // article is never held whole.
            return write_stdout(|out| json(out, &one));
        }
        if listing && inputs.len() == 1 {
            // The quotes of a 10 MB article are streamed, not held whole.
            let head = listing_head(cli, &one)?;
            let analysis = one.analysis.as_ref().context("analysis")?;
            return write_stdout(|out| {
                out.write_all(head.as_bytes())?;
                match cli.quotes {
                    true => print::write_quotes(out, &one.article, analysis, cli.width),
                    false => Ok(()),
                }
            });
        }
        text.push_str(&render(cli, &one)?);
    }
    if let Some(app) = reader {
        let opts = term::Options {
            mouse: cli.mouse || app.mouse(),
            margins: config.margins == Margins::Auto,
        };
        return term::run(app, opts, Some(helper_rx)).context("running the reader");
    }
    write_stdout(|out| out.write_all(text.as_bytes()))
}

/// Writes to standard output through a buffer; a closed pipe (`| head`)
/// is not an error.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing output"),
    }
}

/// The `--json` document (FORMAT.md §3), pretty-printed, then a newline.
fn json(out: &mut dyn Write, one: &Loaded) -> std::io::Result<()> {
    let analysis = one.analysis.as_ref().ok_or_else(|| {
        std::io::Error::other("no analysis") // load_one analyses for --json
    })?;
    let report = Report::new(&one.source, &one.article, analysis);
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}

/// `byline DIR`: the picker on a terminal, else a plain listing. The
/// modes that print one article's analysis refuse a folder.
fn folder(cli: &Cli, config: Config, dir: &Path) -> Result<()> {
    let shown = dir.display();
    if cli.files.len() > 1 {
        anyhow::bail!(
            "{shown}: is a folder; give it alone (`byline {shown}` lists it), or name article files"
        );
    }
    let flag = if cli.json {
        Some("--json")
    } else if cli.people {
        Some("--people")
    } else if cli.quotes {
        Some("--quotes")
    } else if cli.person.is_some() {
        Some("--person")
    } else if cli.format.is_some() {
        Some("--format")
    } else {
        None
    };
    if let Some(flag) = flag {
        anyhow::bail!("{shown}: is a folder; {flag} takes an article file, such as {shown}/FILE");
    }
    let mut listing =
        library::scan(dir).with_context(|| format!("{shown}: cannot read the folder"))?;
    let none_here = |listing: &library::Listing| {
        let mut why = format!(
            "{shown}: no articles here; byline lists .{} files",
            library::EXTENSIONS.join(", .")
        );
        let skipped: Vec<String> = listing
            .skipped()
            .iter()
            .map(|&i| &listing.entries[i])
            .map(|e| format!("{} ({})", e.name, e.skipped.as_deref().unwrap_or("")))
            .collect();
        if !skipped.is_empty() {
            why.push_str(&format!("; skipped {}", skipped.join(", ")));
        }
        if listing.others > 0 {
            let n = listing.others;
            let what = if n == 1 {
                "file or folder"
            } else {
                "files or folders"
            };
            why.push_str(&format!("; {n} other {what}"));
        }
        anyhow::anyhow!(why)
    };
    if listing.entries.is_empty() {
        return Err(none_here(&listing));
    }
    let store = Store::from_env();
    if !std::io::stdout().is_terminal() {
        listing.load_all(store.as_ref());
        if listing.order().is_empty() {
            return Err(none_here(&listing));
        }
        for &i in &listing.skipped() {
            let e = &listing.entries[i];
            let why = e.skipped.as_deref().unwrap_or("");
            eprintln!("byline: warning: {}: skipped: {why}", e.path.display());
        }
        let mut out = std::io::stdout().lock();
        return match out
            .write_all(print::render_folder(&listing).as_bytes())
            .and_then(|()| out.flush())
        {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("writing output"),
        };
    }
    let depth = Depth::detect(cli.color, |k| std::env::var(k).ok());
    let opts = term::Options {
        mouse: cli.mouse || config.mouse,
        margins: config.margins == Margins::Auto,
    };
    let opener = Opener {
        config,
        depth,
        store,
        restore: !cli.from_start,
    };
    let mut picker = Picker::new(listing, opener);
    // Long enough for a folder of ordinary articles to show sorted.
    picker.start(Duration::from_millis(150));
    // Every file read and none an article: say so rather than show an
    // empty list.
    if picker.listing().read() && picker.listing().order().is_empty() {
        return Err(none_here(picker.listing()));
    }
    let app = App::with_picker(picker);
    term::run(app, opts, None).context("running the reader")
}

/// The lists, or the wrapped article, as text.
fn render(cli: &Cli, one: &Loaded) -> Result<String> {
    let article = &one.article;
    let analysis = one.analysis.as_ref().context("analysis")?;
    if cli.people || cli.quotes || cli.person.is_some() {
        let mut s = listing_head(cli, one)?;
        if cli.quotes {
            s.push_str(&print::render_quotes(&one.article, analysis, cli.width));
        }
        return Ok(s);
    }
    Ok(print::render(article, cli.width))
}

/// The listings before the quotes: `--person`, then `--people`.
fn listing_head(cli: &Cli, one: &Loaded) -> Result<String> {
    let analysis = one.analysis.as_ref().context("analysis")?;
    let mut s = String::new();
    if let Some(name) = &cli.person {
        s.push_str(
            &print::render_person(&one.article, analysis, name, cli.width)
                .with_context(|| one.source.clone())?,
        );
    }
    if cli.people {
        s.push_str(&print::render_people(analysis, cli.width));
    }
    Ok(s)
}
