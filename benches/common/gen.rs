//! A deterministic article generator shared by the benches and
//! `examples/generate.rs` (which writes one to a file for the start-up
//! script).

/// A deterministic article of about `bytes` bytes: varied people with
/// titles, quotes with speakers, captions, not one paragraph repeated.
pub fn generate(bytes: usize) -> String {
    const FIRST: &[&str] = &[
        "Ada", "Tomas", "Priya", "Hemi", "Grace", "Luis", "Mere", "Owen", "Sara", "Rangi", "Nadia",
        "Peter",
    ];
    const LAST: &[&str] = &[
        "Quist",
        "Brel",
        "Lal",
        "Walker",
        "Okafor",
        "de la Cruz",
        "Tawhiri",
        "Penrose",
        "Marsh",
        "Holloway",
        "Vance",
        "Ruiz-Calder",
    ];
    const TITLE: &[&str] = &[
        "Mayor",
        "Dr",
        "Sir",
        "Ms",
        "Councillor",
        "Professor",
        "Senator",
        "Mr",
    ];
    const VERB: &[&str] = &["said", "told reporters", "added", "warned", "insisted"];
    let mut out = String::from("title A generated article\ndate 2025-06-14\n\n");
    let mut n: u64 = 7;
    let mut next = |m: usize| {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((n >> 33) as usize) % m
    };
    let mut i = 0;
    while out.len() < bytes {
        let (f, l) = (FIRST[next(FIRST.len())], LAST[next(LAST.len())]);
        let t = TITLE[next(TITLE.len())];
        let v = VERB[next(VERB.len())];
        match i % 5 {
            0 => out.push_str(&format!("{t} {f} {l} opened the meeting on day {i}. Photo / Agency {}\n\n", next(90))),
            1 => out.push_str(&format!("“We kept promise number {i},” {l} {v}. “Late, but we kept it.”\n\n")),
            2 => out.push_str(&format!("Elsewhere, {f} {l}, a former official from district {}, was less generous about item {i} and\nthe cost of the works, which ran well over the budget.\n\n", next(50))),
            3 => out.push_str(&format!("“It is a fine thing,” said {t} {l}. “It is also twice the price of plan {i}.”\n\n")),
            _ => out.push_str(&format!("Despite the delays, {f} called it “a monument to committee work” in week {i}.\n\n")),
        }
        i += 1;
    }
    out
}
