//! The plain listing of a folder (`byline DIR | cat`): a heading, then
//! one line per article, newest first: date, people, progress, file
//! name and title. Titles are never cut, so each article stays one
//! greppable line.

use unicode_width::UnicodeWidthStr;

use crate::library::Listing;

/// The listing of `listing`'s articles (skipped files are not in it).
pub fn render_folder(listing: &Listing) -> String {
    let order = listing.order();
    let name_w = order
        .iter()
        .map(|&i| listing.entries[i].name.width())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut out = format!(
        "{:<10}  {:>6}  {:>4}  {:<name_w$}  TITLE\n",
        "DATE", "PEOPLE", "READ", "FILE"
    );
    for i in order {
        let e = &listing.entries[i];
        let people = e.people.map_or_else(|| "?".to_string(), |n| n.to_string());
        let pad = " ".repeat(name_w.saturating_sub(e.name.width()));
        out.push_str(&format!(
            "{:<10}  {people:>6}  {:>4}  {}{pad}  {}\n",
            e.date().unwrap_or("-"),
            e.progress.label(),
            e.name,
            e.title()
        ));
    }
    out
}
