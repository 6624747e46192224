//! The analysis on short passages written for one rule each: second
//! references (epithets, `the King`), titles before names, coordinated
//! titles, and speakers of partial quotes. Each passage is invented and
//! each assertion is what a reader of it would say.

use byline::analyse::analyse;
use byline::article::text::parse;

/// (quote text, speaker, speaker's canonical name) for each quote.
fn speakers(src: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let a = parse(src);
    let an = analyse(&a);
    an.quotes
        .iter()
        .map(|q| {
            let person = q.person.map(|p| an.people[p].name.clone());
            (
                q.text(&a).into_owned(),
                q.speaker.as_deref().map(str::to_string),
                person,
            )
        })
        .collect()
}

/// (canonical name, aliases, blocks) of each person.
fn people(src: &str) -> Vec<(String, Vec<String>, Vec<usize>)> {
    let a = parse(src);
    analyse(&a)
        .people
        .into_iter()
        .map(|p| (p.name, p.aliases, p.blocks))
        .collect()
}

/// Asserts the sorted canonical names, showing every person on failure.
fn assert_names(src: &str, want: &[&str]) {
    assert_eq!(names(src), want, "{:?}", people(src));
}

/// Asserts the passage names exactly one person, by this name, in these
/// blocks.
fn assert_one_person(src: &str, name: &str, blocks: &[usize]) {
    let got = people(src);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, name);
    assert_eq!(got[0].2, blocks);
}

fn names(src: &str) -> Vec<String> {
    let mut n: Vec<String> = people(src).into_iter().map(|p| p.0).collect();
    n.sort();
    n
}

#[test]
fn an_epithet_is_the_person_just_named() {
    let got = speakers(
        "Thomas Lindqvist was furious. “We talk about it every week,” the Swede told reporters.\n\n\
         Marta Ruiz scored twice. “It was a good day,” the 24-year-old said.\n\n\
         Tom Kiely came off the bench. “I just ran,” the striker said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Thomas Lindqvist"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Marta Ruiz"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Tom Kiely"), "{got:?}");
}

#[test]
fn a_source_is_not_an_epithet() {
    // `the spokesman` describes someone unnamed; it must not become the
    // last person named.
    let got = speakers("Mayor Dana Kerr left early. “No comment,” the spokesman said.");
    assert_eq!(got[0].1.as_deref(), Some("the spokesman"), "{got:?}");
    assert_eq!(got[0].2, None, "{got:?}");
}

#[test]
fn a_clause_after_comma_and_has_its_own_subject() {
    let got = speakers(
        "Dana Kerr said the plan was \"broadly sensible\", and one resident called it \"a disgrace\".",
    );
    assert_eq!(got[0].2.as_deref(), Some("Dana Kerr"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("one resident"), "{got:?}");
    assert_eq!(got[1].2, None);
}

#[test]
fn a_nationality_before_a_full_name_is_a_description() {
    let got = people("Dane Rasmus Holm crossed for the winner. Holm was mobbed.");
    assert_eq!(got[0].0, "Rasmus Holm", "{got:?}");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_surname_that_is_also_a_place_word_after_a_title() {
    // `Park` and `Hall` close place names; with a title before them, or a
    // speech verb after a given name, they are surnames.
    assert_eq!(
        names("Gov. Linda Park said she would sign it.\n\nMrs Ann Hall agreed."),
        ["Ann Hall", "Linda Park"]
    );
    // Without either, a park stays a park.
    assert!(names("The march ended in Victoria Park on Sunday.").is_empty());
}

#[test]
fn match_officials_and_modal_given_names() {
    assert_eq!(
        names("Referee Will Ashby booked Jones twice. Umpire Kumar Dharmasena gave him out."),
        ["Kumar Dharmasena", "Will Ashby"]
    );
    // `Will` opening a question is not a name.
    assert!(names("Will the council listen? Nobody knows.").is_empty());
    assert_eq!(
        names("Mrs May said no. Theresa May resigned."),
        ["Theresa May"]
    );
}

#[test]
fn the_king_is_the_one_king_named() {
    let got = people(
        "King Frederick opened the bridge.\n\n\
         The King was said to be delighted.\n\n\
         Queen Ingrid and Princess Alva followed. Later the Queen, Princess Alva and \
         her husband, Sir Tomas Berg, left together.",
    );
    let king = got.iter().find(|p| p.0 == "King Frederick").expect("king");
    assert_eq!(king.2, [0, 1], "{got:?}");
    let queen = got.iter().find(|p| p.0 == "Queen Ingrid").expect("queen");
    assert_eq!(queen.2, [2], "{got:?}");
    // A list is not an apposition: the Queen is not Princess Alva.
    let alva = got.iter().find(|p| p.0 == "Princess Alva").expect("Alva");
    assert!(!alva.1.iter().any(|a| a.contains("Queen")), "{got:?}");
}

#[test]
fn coordinated_titles_share_their_place() {
    let got = people("The Duke and Duchess of Harrowby arrived late. The Duchess waved.");
    let mut n: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
    n.sort();
    assert_eq!(n, ["Duchess of Harrowby", "Duke of Harrowby"], "{got:?}");
}

#[test]
fn an_honorific_picks_the_relative_of_its_sex() {
    let got = people(
        "The Duchess, the former Clemency Vane, is the daughter of the trainer Rory Vane.\n\n\
         Mr Vane, 67, declined to comment.",
    );
    let rory = got.iter().find(|p| p.0 == "Rory Vane").expect("Rory");
    assert_eq!(rory.2, [0, 1], "{got:?}");
}

#[test]
fn partial_quotes_in_reported_speech() {
    let got = speakers(
        "A Department of Health and Social Care spokesperson said the government was \
         “committed to diagnosing more cancers early” and would “look closely” at it.\n\n\
         The price was “full but defensible” given the growth of the last year, \
         according to Rachel Oduya, an analyst at Bernstein.\n\n\
         The chairman left, as one guest put it, “£200,000 lighter and very happy”.\n\n\
         She is, in the words of one employee, “allergic to adjectives”.\n\n\
         The Chancellor, Rachel Greaves, has defended her budget as “the right choice”.",
    );
    let s = |i: usize| got[i].1.as_deref();
    assert_eq!(
        s(0),
        Some("A Department of Health and Social Care spokesperson"),
        "{got:?}"
    );
    assert_eq!(
        s(1),
        s(0),
        "a second partial quote in the sentence: {got:?}"
    );
    assert_eq!(got[2].2.as_deref(), Some("Rachel Oduya"), "{got:?}");
    assert_eq!(s(3), Some("one guest"), "{got:?}");
    assert_eq!(s(4), Some("one employee"), "{got:?}");
    assert_eq!(got[5].2.as_deref(), Some("Rachel Greaves"), "{got:?}");
}

#[test]
fn a_named_source_after_said() {
    let got = speakers("“It's a disgrace,” said one retired teacher, Margaret Hale, 71.");
    assert_eq!(got[0].2.as_deref(), Some("Margaret Hale"), "{got:?}");
}

#[test]
fn pronoun_subjects_and_transcript_labels() {
    let got = speakers(
        "Brian Quinlan is their father.\n\n\
         Tess Quinlan: He rang me at six in the morning and said, “Your aunt would have hated the drums.”\n\n\
         Mara Quinlan: Mine. Tess was 16, and I said, “Bet you can’t write a song by Friday.”",
    );
    assert_eq!(got[0].2.as_deref(), Some("Brian Quinlan"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Mara Quinlan"), "{got:?}");
}

#[test]
fn names_that_name_things() {
    let src = "Sir Fergus Rennie went to George Watson’s College and served aboard HMS Loch Fyne.\n\n\
        He met Alice Dunn at an audition for The Duchess of Malfi, in which she played Hedda.\n\n\
        The plans were shown at the former David Jones building, and one man wore a Tōtara Creek T-shirt.\n\n\
        Tess Quinlan worked at Harris Scarfe for a year. Tyler Hoskins, of Pueblo West, was arrested in Knoxville.\n\n\
        Neighbors said the road was dangerous.";
    assert_names(
        src,
        &[
            "Alice Dunn",
            "Fergus Rennie",
            "Tess Quinlan",
            "Tyler Hoskins",
        ],
    );
}

#[test]
fn a_name_heading_a_firm_is_the_firm_alone() {
    let src = "The lawsuit claims Carver Hollis Bank added fees.\n\n\
        Carver Hollis, founded in Tucson in 1911 by Elias Carver, has 90 branches.";
    assert_names(src, &["Elias Carver"]);
}

#[test]
fn reported_speech_hands_over_to_a_quote_paragraph() {
    let got = speakers(
        "Mereana Pōtaka is the hapū chair.\n\n\
         Pōtaka says the hapū is prepared to go to court if consent is granted.\n\n\
         “We’ve done the hui, we’ve done the submissions. If they say yes, we’ll see them in court.”",
    );
    assert_eq!(got[0].2.as_deref(), Some("Mereana Pōtaka"), "{got:?}");
}

#[test]
fn a_caption_quote_handed_over_by_a_colon() {
    let got = speakers(
        "‘He let me win’: Noah Tane, 10, plays table football with the Duke. Photo / PA\n\n\
         ‘A wonderful day’: Princess Alva arrives at the palace. Photo / PA",
    );
    assert_eq!(got[0].2.as_deref(), Some("Noah Tane"), "{got:?}");
    // A description, not speech: no one is said to have said it.
    assert_eq!(got[1].1, None, "{got:?}");
}

#[test]
fn a_nearer_speech_verb_beats_according_to() {
    let got = speakers(
        "Tyler Hoskins was charged on Friday.\n\n\
         According to an arrest affidavit, Hoskins told investigators he had “hit a sign” and panicked.\n\n\
         Dame Ngaire Holloway won a scholarship she later described as “a miracle in an envelope”.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Tyler Hoskins"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Ngaire Holloway"), "{got:?}");
}

#[test]
fn us_party_designations_and_house_offices() {
    let src = "Senate Majority Leader Chuck Delaney said lawmakers were \"very close\" to a deal.\n\n\
        \"We're not there yet,\" Delaney, D-N.Y., told reporters.\n\n\
        House Speaker Mike Jordan, R-La., called the proposal \"dead on arrival\".\n\n\
        Economists warned of a slowdown.";
    assert_names(src, &["Chuck Delaney", "Mike Jordan"]);
    let got = speakers(src);
    assert_eq!(got[1].2.as_deref(), Some("Chuck Delaney"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Mike Jordan"), "{got:?}");
}

#[test]
fn brands_films_and_regional_epithets() {
    let src = "Marisa Delacourt won for Agnes Lockhart, in which she plays a lighthouse keeper.\n\n\
        She wore Oscar de la Renta and shoes by Jimmy Choo, the DailyMail reported.\n\n\
        Logan Whitu batted for six hours. “I stopped looking,” the Aucklander said.";
    assert_names(src, &["Logan Whitu", "Marisa Delacourt"]);
    let got = speakers(src);
    assert_eq!(got[0].2.as_deref(), Some("Logan Whitu"), "{got:?}");
}

#[test]
fn a_titled_surname_picks_the_one_with_that_title() {
    let got = people(
        "Dr Meera Shah led the study. Prof Nikhil Shah, who was not involved, was cautious.\n\n\
         Prof Shah said more work was needed.",
    );
    let nikhil = got.iter().find(|p| p.0 == "Nikhil Shah").expect("Nikhil");
    assert_eq!(nikhil.2, [0, 1], "{got:?}");
}

#[test]
fn a_statement_speaks_for_whoever_issued_it() {
    let got = speakers(
        "In a statement, New Zealand Cricket said: “We are delighted for him.”\n\n\
         “He has earned it,” the statement said.",
    );
    assert_eq!(got[1].1, got[0].1, "{got:?}");
}

#[test]
fn an_organisation_heading_its_appositive_speaks() {
    let got = speakers(
        "Central Cascade Power, the local utility, said in a statement that it was \
         \"aware of the report\" and \"cooperating fully\" with investigators.\n\n\
         A senior source said the report was \"grim\". Another, a Labor MP in a marginal seat, \
         said colleagues had been \"blindsided\".",
    );
    assert_eq!(
        got[0].1.as_deref(),
        Some("Central Cascade Power"),
        "{got:?}"
    );
    assert_eq!(
        got[1].1.as_deref(),
        Some("Central Cascade Power"),
        "{got:?}"
    );
    assert_ne!(got[3].1.as_deref(), Some("Another"), "{got:?}");
}

#[test]
fn a_firm_named_for_a_founder_is_the_firm_alone() {
    let src = "Shares of Tolliver Brands fell 14% on Thursday.\n\n\
        Tolliver said it had held “constructive” talks with investors.\n\n\
        The town of Stourport-on-Severn was flooded.";
    assert!(names(src).is_empty(), "{:?}", people(src));
}

#[test]
fn the_last_speaker_carries_on_past_narrative() {
    let got = speakers(
        "Oliver Banks managed the Cubs. Umpire Stu Heffernan made the call at first.\n\n\
         “I’m not going to get into it,” Banks said afterward. Asked whether the runner was out, \
         he said: “I’ve got eyes.”",
    );
    assert_eq!(got[1].2.as_deref(), Some("Oliver Banks"), "{got:?}");
}

#[test]
fn a_name_inside_a_quote_is_not_the_pronoun_s_antecedent() {
    let got = speakers(
        "Yewande Balogun runs the fund.\n\n\
         Her mother, Funmilayo Balogun, remembers it differently. “Yewande counted more than I did,” \
         she says. “At eight years old she was telling me the till was 30p out.”",
    );
    assert_eq!(got[0].2.as_deref(), Some("Funmilayo Balogun"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Funmilayo Balogun"), "{got:?}");
}

#[test]
fn sources_after_domains_relatives_and_time_stamps() {
    let got = speakers(
        "A source told DailyMail.com at the time that the split had been “amicable but sad”.\n\n\
         Fees have fallen, according to Marcus Hein, an analyst at Kessler Baum, who called that \
         \"the number investors will focus on.\"\n\n\
         Dr. Sabine Vasko, a French authenticator who testified for the prosecution, told jurors \
         that the corks were “decades younger than the wine”.\n\n\
         11:15 Sir Gareth Pym has been on the radio. He told the BBC his party would reverse it.\n\n\
         “We will put it back,” he said.",
    );
    assert_eq!(got[0].1.as_deref(), Some("A source"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Marcus Hein"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Sabine Vasko"), "{got:?}");
    assert_eq!(got[3].2.as_deref(), Some("Gareth Pym"), "{got:?}");
}

#[test]
fn short_forms_that_look_like_places() {
    let src = "Shane Te Hīko works at the plant. The crowd marched to Te Puke.\n\n\
        “My cousin’s kids are fed by that factory,” Te Hīko says.\n\n\
        Giles Hibbert chairs the club. Large parts of the Hibbert had emptied.\n\n\
        Hibbert said: “We acted with a heavy heart.”";
    let got = people(src);
    let shane = got.iter().find(|p| p.0 == "Shane Te Hīko").expect("Shane");
    assert_eq!(shane.2, [0, 1], "{got:?}");
    let giles = got.iter().find(|p| p.0 == "Giles Hibbert").expect("Giles");
    assert_eq!(giles.2, [2, 3], "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn a_relative_introduced_by_kinship_is_someone_else() {
    let got = people(
        "Orla Quinn is late. Quinn, 52, has spent three decades acting.\n\n\
         Her mother, Mrs Quinn, wanted her to be a teacher. Mrs Quinn still does.",
    );
    let mut n: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
    n.sort();
    assert_eq!(n, ["Mrs Quinn", "Orla Quinn"], "{got:?}");
    let mother = got.iter().find(|p| p.0 == "Mrs Quinn").expect("mother");
    assert_eq!(mother.2, [1], "{got:?}");
}

#[test]
fn british_courts_judges_and_silks() {
    let src = "Connor Dunmore was told by Mrs Justice Harker at Leeds Crown Court that he would serve 22 years.\n\n\
        Sentencing him, the judge said: \"This was a cowardly and senseless attack.\"\n\n\
        Prosecuting, Richard Vane KC told the court the pair had \"hunted\" the victim.";
    let got = speakers(src);
    assert_eq!(got[0].2.as_deref(), Some("Mrs Justice Harker"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Richard Vane"), "{got:?}");
}

#[test]
fn the_younger_and_the_elder_of_a_father_and_son() {
    let got = speakers(
        "The suit was brought by Dale Tamsin Sr., a retired farmer, and his son, Dale Tamsin Jr.\n\n\
         \"This is a win,\" the younger Tamsin said. \"It's one step,\" the elder Tamsin said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Dale Tamsin Jr."), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Dale Tamsin Sr."), "{got:?}");
}

#[test]
fn a_headline_quote_handed_to_the_name_that_speaks() {
    let got = speakers(
        "15.42 GMT\n\n‘A budget for the builders’: Greaves sets out plans\n\n\
         The chancellor, Rachel Greaves, told MPs: \"This is a budget for the builders.\"",
    );
    assert_eq!(got[0].2.as_deref(), Some("Rachel Greaves"), "{got:?}");
}

#[test]
fn they_is_the_group_that_spoke_last() {
    let got = speakers(
        "The family of Kofi Mensah said in a statement that he was \"a gentle soul\".\n\n\
         \"We will never forget him,\" they said.",
    );
    assert_eq!(got[1].1, got[0].1, "{got:?}");
    assert!(got[1].1.is_some(), "{got:?}");
}

#[test]
fn families_documents_and_groups() {
    let src = "Mikaere Tūhiwai died in the crash. His mother, Roimata Tūhiwai, spoke first.\n\n\
        The driver met the Tūhiwai whānau at a restorative justice conference.\n\n\
        She then read from a letter Brodie Halcombe had written to the family. \
        \"I think about Mikaere every day,\" the letter said.\n\n\
        A dealer who sold what prosecutors called “liquid forgeries” was convicted.";
    let n = names(src);
    assert!(
        n.contains(&"Roimata Tūhiwai".to_string()),
        "{:?}",
        people(src)
    );
    let got = speakers(src);
    assert_eq!(got[0].2.as_deref(), Some("Brodie Halcombe"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("prosecutors"), "{got:?}");
}

#[test]
fn organisations_lawyers_and_offices() {
    let src = "Gov. Deborah Ruckert vetoed the bill.\n\n\
        The Democratic governor said it offered homeowners \"pennies now and potholes later.\"\n\n\
        Tristan Yeo, of the law firm Marlowe Fitch, who represents Ms Pellow, said his client had “every confidence”.\n\n\
        The private equity firm Castellan Rowe agreed in March to buy Pellow's.\n\n\
        A hearing is listed for July. Until then, Castellan Rowe has agreed to wait. \
        The firm said in a statement that it remained “fully committed” to the deal.\n\n\
        Imogen Pellow is Gerald's daughter. Her petition, lodged at the High Court, claims the \
        process was “designed to exclude” her.";
    assert!(
        !names(src).contains(&"Marlowe Fitch".to_string()),
        "{:?}",
        people(src)
    );
    let got = speakers(src);
    assert_eq!(got[0].2.as_deref(), Some("Deborah Ruckert"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Tristan Yeo"), "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("Castellan Rowe"), "{got:?}");
    assert_eq!(got[3].2.as_deref(), Some("Imogen Pellow"), "{got:?}");
}

#[test]
fn founders_teams_and_records() {
    let src = "Hartwell Capital Partners, the hedge fund founded by Conrad Hartwell, which owns 4%, \
        wants a sale. Hartwell, a former Goldman Sachs banker, has pushed for breakups before.\n\n\
        Ashby Wanderers beat Chester Vale 3-2. Vale had ten men.\n\n\
        Chester Vale (4-2-3-1) Kopecky; Nolan, Dennis, Quinn.\n\n\
        Tom Dorsett (4-3) blew a save.";
    assert_names(src, &["Conrad Hartwell", "Tom Dorsett"]);
}

#[test]
fn a_profile_s_she_says_is_its_subject() {
    let got = speakers(
        "Peggy Dorn has been a comic for 50 years. Dorn grew up in Ohio. Peggy Dorn still tours. \
         Dorn, 82, lives in Queens.\n\n\
         Her break came in 1971 when a folk singer named Bonnie Vail lost her voice.\n\n\
         “She told me I was the worst singer she’d ever heard,” she says.\n\n\
         Ffion Madoc plays bass. Madoc is more cautious.\n\n\
         “Never say never,” she says.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Peggy Dorn"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Ffion Madoc"), "{got:?}");
}

#[test]
fn agencies_qualifiers_and_sources_with_capitals() {
    let src = "Kev Trounson was rescued from the mine.\n\n\
        A spokeswoman for the Alfred hospital said both men were stable. \"They are talking,\" she said.\n\n\
        Parks Victoria said it was \"immensely proud\" of the ranger.\n\n\
        Peregrine Hawtrey, the former Conservative Welsh secretary who faced her for a decade, \
        described her as “the most effective opponent I ever had”.";
    assert_names(src, &["Kev Trounson", "Peregrine Hawtrey"]);
    let got = speakers(src);
    assert_eq!(
        got[0].1.as_deref(),
        Some("a spokeswoman for the Alfred hospital"),
        "{got:?}"
    );
    assert_eq!(got[1].1.as_deref(), Some("Parks Victoria"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Peregrine Hawtrey"), "{got:?}");
}

#[test]
fn what_a_family_calls_its_own_is_no_name() {
    let src = "Tom Reed, 9, loves the beach. Nani cooked dinner and Grandad laughed.\n\n\
        Nana Ruth sang, and Mummy waved.";
    assert_names(src, &["Nana Ruth", "Tom Reed"]);
}

#[test]
fn a_source_described_by_where_they_stood() {
    let got = speakers(
        "Adrian Solway spoke first. He was interrupted by a man at the back of the hall who \
         shouted: \"You said that in Welton!\"",
    );
    assert_eq!(
        got[0].1.as_deref(),
        Some("a man at the back of the hall"),
        "{got:?}"
    );
}

#[test]
fn it_said_is_the_document_s_owner() {
    let got = speakers(
        "Mikaere's father, Hone Tūhiwai, did not feel able to speak, and his statement was \
         read to the court by Ethan Saunoa.\n\n\
         \"My son wanted to be an electrician,\" it said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Hone Tūhiwai"), "{got:?}");
}

#[test]
fn a_given_name_that_is_also_a_place_opens_a_name() {
    assert_names(
        "Virginia Woolf wrote it there, said Georgia Mills, who runs the house. \
         Later Woolf moved to Sussex and Mills left for Georgia.",
        &["Georgia Mills", "Virginia Woolf"],
    );
}

#[test]
fn a_state_or_county_alone_is_not_a_person() {
    assert_names(
        "Dana Kerr, who moved from Illinois, said Somerset had been kind. \
         Kerr now lives in Lancashire.",
        &["Dana Kerr"],
    );
}

#[test]
fn a_quoted_nickname_sits_inside_the_name() {
    let got = people(
        "Secretary of State Harold \"Hal\" Lanigan said his staff would count. \
         Lanigan, 63, did not say more.\n\n\"We count,\" Lanigan said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].0.contains("Harold") && got[0].0.ends_with("Lanigan"),
        "{got:?}"
    );
    assert_eq!(got[0].2, vec![0, 1]);
}

#[test]
fn a_law_named_for_someone_leaves_them_a_person() {
    let got = people(
        "The measure, known as the Harlan Pike Act, would cap pumping.\n\n\
         It is named for Harlan Pike, a rancher who died last year.\n\n\
         Nora Pike, Harlan Pike's widow, watched the debate.",
    );
    let harlan = got
        .iter()
        .find(|p| p.0 == "Harlan Pike")
        .expect("Harlan Pike");
    assert_eq!(harlan.2, vec![1, 2], "{got:?}");
}

#[test]
fn a_surname_that_is_a_building_after_a_role_and_a_given_name() {
    assert_names(
        "The keeper made a fine stop, and captain Ryan Castle said: \"That was some save.\" \
         Later Mia Hall said it was deserved.",
        &["Mia Hall", "Ryan Castle"],
    );
}

#[test]
fn an_office_that_is_a_given_name_before_a_lone_surname() {
    assert_one_person(
        "Dean Slater, 54, said: \"Fine.\"\n\nSlater left early.",
        "Dean Slater",
        &[0, 1],
    );
}

#[test]
fn grades_home_towns_and_pub_chains_are_not_people() {
    assert_names(
        "Callum Reeves, of Balby, admitted it. The forge is Grade II listed. \
         Hartwell Inns said it had co-operated fully.",
        &["Callum Reeves"],
    );
}

#[test]
fn a_part_or_a_film_is_not_a_person() {
    assert_names(
        "He was playing the dogged DCI Tom Harker. It was Anton Velasquez's \
         Albert and Mrs Lowe (1983) that made him a star. He played alongside \
         Tom Hill, and Velasquez said so.",
        &["Anton Velasquez", "Tom Hill"],
    );
}

#[test]
fn her_own_line_is_hers_and_a_leader_is_the_one_just_named() {
    let got = speakers(
        "Eleanor Hargreave has sat down after an hour. Her closing line: \
         \u{201c}This is a budget for the long haul.\u{201d}\n\n\
         Fiona Blakeley has finished her reply. The Conservative leader told MPs: \
         \u{201c}Nobody believes it.\u{201d}\n\n\
         Nuno Reis was angry. The Boro head coach also defended his defender. \
         \u{201c}What can he do?\u{201d}",
    );
    assert_eq!(got[0].2.as_deref(), Some("Eleanor Hargreave"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Fiona Blakeley"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Nuno Reis"), "{got:?}");
}

#[test]
fn codes_song_titles_and_magazines_are_not_people() {
    assert_names(
        "The Abbott R-40 sold well, Mara Quinn said. X-rays were clear. \
         The song Johnny Came Home Early closes the album, Quinn told Vogue.",
        &["Mara Quinn"],
    );
}

#[test]
fn a_role_opening_the_sentence_is_not_part_of_the_name() {
    assert_one_person(
        "Bassist Lou Haverty joined in 2019.\n\nHaverty said little.",
        "Lou Haverty",
        &[0, 1],
    );
}

#[test]
fn a_maori_name_opening_with_te_speaks() {
    assert_names(
        "Te Rangi Pōtae said the forwards had done the work. They played in Te Awamutu.",
        &["Te Rangi Pōtae"],
    );
}

#[test]
fn a_kinship_word_gives_the_gender() {
    // `Sami` is in no list of given names; `her brother` makes him a man, so
    // `she` cannot be him.
    let got = speakers(
        "Noor Haddad opened the restaurant in 2021.\n\n\
         She works with her brother, Sami Haddad, who runs the front of house.\n\n\
         \u{201c}It was a hard year,\u{201d} she said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Noor Haddad"), "{got:?}");
}

#[test]
fn an_aside_between_commas_names_its_own_speaker() {
    let got = speakers(
        "Rima Haddad arrived in 1986 with, her daughter says, \
         \u{201c}no intention of cooking\u{201d}.",
    );
    assert_eq!(got[0].1.as_deref(), Some("her daughter"), "{got:?}");
    assert_eq!(got[0].2, None, "{got:?}");
}

#[test]
fn hearsay_has_no_speaker_but_a_verdict_has_its_owner() {
    let got = speakers(
        "Prince Frederick left early. The couple are said to be \u{2018}barely speaking\u{2019}.\n\n\
         Sir Nigel Brereton is said to have described them as \u{201c}a law unto themselves\u{201d}.\n\n\
         Here is my colleague Aisha Gill's verdict on the exchanges:\n\n\
         \u{201c}Stannard asked it six times.\u{201d}",
    );
    assert_eq!(got[0].1, None, "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Nigel Brereton"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Aisha Gill"), "{got:?}");
}

#[test]
fn one_of_a_group_who_spoke_keeps_the_next_pronoun() {
    let got = speakers(
        "\u{201c}We will fight,\u{201d} said Shreya Kapadia, the union organiser.\n\n\
         The mood was wary. One packer, who asked not to be named, said staff had been \
         told \u{201c}nothing at all\u{201d}.\n\n\
         \u{201c}Gerald used to walk round every Friday,\u{201d} she said.",
    );
    assert_eq!(got[1].1.as_deref(), Some("One packer"), "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("One packer"), "{got:?}");
    assert_eq!(got[2].2, None, "{got:?}");
}

#[test]
fn a_colon_in_a_title_inside_a_relative_clause_does_not_end_the_sentence() {
    let got = speakers(
        "Royal biographer Imogen Fairley, whose book Frederick: The Reluctant Prince \
         was published last year, said the prince had \u{201c}never been comfortable\u{201d}.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Imogen Fairley"), "{got:?}");
}

#[test]
fn an_apposition_can_say_a_name_is_a_thing() {
    let got = people(
        "Noor Haddad in the kitchen at Rima, her restaurant in Ancoats.\n\n\
         Her friend Ruth Lane, a film producer, ate there.\n\n\
         Rima Haddad, her mother, came too. Lane said it was good.",
    );
    let rima = got
        .iter()
        .find(|p| p.0 == "Rima Haddad")
        .expect("Rima Haddad");
    assert_eq!(rima.2, vec![2], "{got:?}");
    assert!(got.iter().any(|p| p.0 == "Ruth Lane"), "{got:?}");
}

#[test]
fn a_surname_with_a_generation_is_the_one_with_that_suffix() {
    let got = people(
        "Darnell Whitfield Sr. founded the church in the reign of George III. His son, \
         Darnell Whitfield Jr., testified.\n\n\
         \"He told me to pray on it,\" Whitfield Jr. said. Whitfield Sr. said nothing.",
    );
    let jr = got
        .iter()
        .find(|p| p.0 == "Darnell Whitfield Jr.")
        .expect("Jr.");
    let sr = got
        .iter()
        .find(|p| p.0 == "Darnell Whitfield Sr.")
        .expect("Sr.");
    assert_eq!(
        (jr.2.clone(), sr.2.clone()),
        (vec![0, 1], vec![0, 1]),
        "{got:?}"
    );
    assert!(got.iter().any(|p| p.0 == "George III"), "{got:?}");
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn a_verb_after_to_and_a_finding_attribute_a_partial_quote() {
    let got = speakers(
        "The audit prompted Mayor Jane Doyle to accuse the council of \
         \"wasting money on consultants\".\n\n\
         The coroner, Helen Strand, recorded a narrative conclusion, finding that \
         \"chances were missed\" at the clinic.\n\n\
         A spokesperson for her label, Driftwood Records, said there were \"no plans\" \
         for a tour.",
    );
    let p = |i: usize| got[i].2.as_deref();
    assert_eq!(p(0), Some("Jane Doyle"), "{got:?}");
    assert_eq!(p(1), Some("Helen Strand"), "{got:?}");
    // `label` is a noun here, not `to label`.
    assert!(
        got[2]
            .1
            .as_deref()
            .is_some_and(|s| s.ends_with("Driftwood Records")),
        "{got:?}"
    );
}

#[test]
fn an_office_inside_a_long_title_is_held() {
    let got = speakers(
        "Harbour City Police Chief Raymond Oyelowo said two men had been arrested.\n\n\
         \"We will not let this stand,\" the chief said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Raymond Oyelowo"), "{got:?}");
}

#[test]
fn a_role_given_in_apposition_is_held_by_that_person() {
    let got = speakers(
        "Lord Penhallow, who was Labour’s chief whip at the time, said she had been \
         “the only minister I feared”.\n\n\
         “You did not argue with Mary,” the former chief whip said.\n\n\
         Priya Desai, an analyst at Hume Lyle, called the price fair. Another analyst, who \
         asked not to be named, was blunter. \"It is cheap,\" the analyst said.\n\n\
         In a statement read to the court by Mr Hale, the woman said she had moved home. \
         \"I cannot sleep,\" the woman said.",
    );
    assert_eq!(got[1].2.as_deref(), Some("Lord Penhallow"), "{got:?}");
    // An unnamed analyst came since the named one.
    assert_eq!(got[2].2, None, "{got:?}");
    // `Mr Hale, the woman said`: a clause, not an apposition.
    assert_eq!(got[3].2, None, "{got:?}");
}

#[test]
fn a_name_in_apposition_to_an_object_is_not_the_pronoun_s_antecedent() {
    let got = speakers(
        "Yui Okada, 21, arrived with ice strapped to her shoulder, which had been treated \
         by the tournament doctor, Dr Ivo Marek, during a timeout.\n\n\
         \"I had my chances,\" she said.\n\n\
         His mother, Michelle Cole, laughed. \"He will be unbearable now,\" she said.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Yui Okada"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Michelle Cole"), "{got:?}");
}

#[test]
fn subjects_past_closed_clauses_auxiliaries_and_owned_words() {
    let got = speakers(
        "Governor Ann Rucker vetoed the bill. Tom Oberly, the Senate leader, was furious.\n\n\
         He said the veto message, which warned of dire cuts, was \"a scare tactic\".\n\n\
         The governor, who is barred from a third term, has said she will spend her last \
         year \"defending what matters\".\n\n\
         Oberly's reply was that the governor had \"no plan and no idea\".\n\n\
         Her answer – \"something that scares me\" – went round the world.",
    );
    let p = |i: usize| got[i].2.as_deref();
    assert_eq!(p(0), Some("Tom Oberly"), "{got:?}");
    assert_eq!(p(1), Some("Ann Rucker"), "{got:?}");
    assert_eq!(p(2), Some("Tom Oberly"), "{got:?}");
    assert_eq!(p(3), Some("Ann Rucker"), "{got:?}");
}

#[test]
fn a_headline_name_and_colon_credit_the_quote_after_it() {
    let got = speakers(
        "10.02 BST\n\nBevis: care cap 'fully funded'\n\n\
         The chancellor, Rhian Bevis, has been on the morning broadcast round.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Rhian Bevis"), "{got:?}");
}

#[test]
fn unnamed_sources_behind_an_aside_keep_their_pronoun_and_their_noun() {
    let got = speakers(
        "Connor Bell dragged Mr Osei from the cab.\n\n\
         One neighbour, who did not want to be named, told the Post she had held his hand. \
         “He kept asking about his kids,” she said.\n\n\
         One juror, a retired teacher who declined to give her name, said the testimony of \
         Ms Dray had mattered.\n\n\
         “It was the emails,” she said.\n\n\
         Labour MP Dan Oduya spoke first. Rosie Caldwell, the Labour MP for Stroud, who said \
         ministers had “taken the shires for granted”, spoke next.\n\n\
         Another Labour MP who backs the amendment, speaking on condition of anonymity, said \
         the whips had been “ringing round all week”.\n\n\
         “It’s the usual stick,” the MP said.",
    );
    let s = |i: usize| got[i].1.as_deref();
    let p = |i: usize| got[i].2.as_deref();
    assert_eq!((s(0), p(0)), (Some("one neighbour"), None), "{got:?}");
    assert_eq!((s(1), p(1)), (Some("one juror"), None), "{got:?}");
    assert_eq!(p(2), Some("Rosie Caldwell"), "{got:?}");
    assert_eq!((s(3), p(3)), (Some("Another Labour MP"), None), "{got:?}");
    assert_eq!((s(4), p(4)), (Some("Another Labour MP"), None), "{got:?}");
}

#[test]
fn a_given_name_introduced_as_a_relative_is_a_person() {
    let src = "Sam Reid dedicated the win to his grandfather, Ted, who died in May.\n\n\
               Maureen Tuck, whose husband Geoff died in 2019, with their granddaughter Poppy.\n\n\
               “My son Joaquín kept asking about the car,” she said.\n\n\
               In the play Mrs Lark tells her sister, Jean, played by Ros Bell, to sit down.";
    let n = names(src);
    for want in ["Ted", "Geoff", "Poppy", "Joaquín"] {
        assert!(n.iter().any(|x| x == want), "{want}: {n:?}");
    }
    // A character, with the actor who plays her.
    assert!(!n.iter().any(|x| x == "Jean"), "{n:?}");
}

#[test]
fn a_position_or_trade_opening_a_sentence_is_not_part_of_the_name() {
    assert_names(
        "Cornerback Jalen Mears picked off a pass. Kicker Evan Lindgard hit a field goal.\n\n\
         Firefighter Dana Cole carried the dog out.",
        &["Dana Cole", "Evan Lindgard", "Jalen Mears"],
    );
}

#[test]
fn a_word_named_as_a_firm_elsewhere_speaks_as_the_firm() {
    assert_names(
        "Australian logistics group Brightmoor has launched a bid. Its managing director, \
         Angus Prior, called the offer fair.\n\n\
         Brightmoor said in a statement it was confident.\n\n\
         Tom Ridley, a partner at administrators Hallam Vine, said creditors would wait.",
        &["Angus Prior", "Tom Ridley"],
    );
}

#[test]
fn phrasal_speech_verbs_and_an_aside_opened_by_a_participle() {
    let got = speakers(
        "Tom Ash spoke. Mara Lee listened.\n\n\
         \"Whose data?\" Lee shot back. \"Not mine.\"\n\n\
         Sen. Dale Whitby, asked by reporters whether he would support it, said only: \
         \"I want the score first.\"",
    );
    assert_eq!(got[0].2.as_deref(), Some("Mara Lee"), "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("Dale Whitby"), "{got:?}");
}

#[test]
fn a_quote_paragraph_after_a_short_beat_keeps_the_speaker() {
    let got = speakers(
        "\"I was already thinking about my speech,\" Kasia Wolan said.\n\n\
         She held up a thumb and finger a few millimetres apart.\n\n\
         \"I do not think I played my best tennis today.\"",
    );
    assert_eq!(got[1].2.as_deref(), Some("Kasia Wolan"), "{got:?}");
}

#[test]
fn capitals_labels_in_a_transcript_name_their_speakers() {
    let got = people(
        "Host Asha Patel spoke with Dr. Leonard Fisk and Tom Whelan, a nurse.\n\n\
         ASHA PATEL, HOST: Dr. Fisk, why close it?\n\n\
         LEONARD FISK: Because we cannot staff it. My father, Arthur Fisk, was a doctor.\n\n\
         PATEL: And you?\n\n\
         WHELAN: I was on shift.\n\n\
         FISK: We tried.\n\n\
         UPDATE: The hospital closes on Friday.",
    );
    let blocks = |n: &str| got.iter().find(|p| p.0 == n).map(|p| p.2.clone());
    assert_eq!(blocks("Asha Patel"), Some(vec![0, 1, 3]), "{got:?}");
    assert_eq!(blocks("Leonard Fisk"), Some(vec![0, 1, 2, 5]), "{got:?}");
    assert_eq!(blocks("Tom Whelan"), Some(vec![0, 4]), "{got:?}");
    assert_eq!(blocks("Arthur Fisk"), Some(vec![2]), "{got:?}");
}

#[test]
fn royal_named_places_and_schools_are_not_people() {
    assert_names(
        "Crowds gathered in King Edward Park and at Queen Adelaide Hall.\n\n\
         Dana Whitley, a teacher at Roosevelt High, said the students were safe.",
        &["Dana Whitley"],
    );
}

#[test]
fn a_name_renamed_by_a_described_noun_and_a_subject_with_a_modifier() {
    let got = speakers(
        "Paddy Hale rose quickly, under the wing of the general secretary, Jack Tiernan, a \
         gruff Glaswegian who later said Hale had \"the best pair of ears in the movement\".\n\n\
         Noor Hadid cooks. Her grandmother, Widad Khour, lived with the family until 2003. \
         The young Noor spent her Saturdays at her elbow, learning, she says, “that there is \
         no such thing as a recipe”.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Jack Tiernan"), "{got:?}");
    assert_eq!(got[1].2.as_deref(), Some("Noor Hadid"), "{got:?}");
}

#[test]
fn journals_unions_bands_cities_and_time_stamps_are_not_people() {
    assert_names(
        "The team reported in the journal Lancet Neurology that the test worked.\n\n\
         The shopworkers’ union Usdaw said it would seek talks.\n\n\
         She lives with Rafe Cullen, the frontman of the indie band Low Parish.\n\n\
         “I saw his eyes,” said Oakes, a senior from Little Rock.\n\n\
         Noon: Prime minister's questions.",
        &["Oakes", "Rafe Cullen"],
    );
}
