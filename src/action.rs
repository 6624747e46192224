//! What the reader can do. Keys map to these (see `keymap`), `App::update`
//! carries them out, and the help overlay lists them with the doc line of
//! each variant, so the docs below are user-facing text.

use serde::{Deserialize, Serialize};

/// Declares `Action` and, from the same `///` lines, `Action::doc` and
/// `Action::ALL`, so help text cannot drift from the source.
macro_rules! actions {
    ($( #[doc = $doc:literal] $name:ident, )*) => {
        /// Something the user asks the reader to do.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $doc] $name, )*
        }

        impl Action {
            /// Every action, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$name,)*];

            /// The one-line description (the variant's doc comment).
            pub fn doc(self) -> &'static str {
                match self {
                    $( Action::$name => $doc.trim(), )*
                }
            }
        }
    };
}

actions! {
    /// Focus the next pane: body, outline, people
    FocusNext,
    /// Focus the previous pane
    FocusPrev,
    /// Focus the body
    FocusBody,
    /// Focus the outline of captions and quotes
    FocusOutline,
    /// Focus the people list
    FocusPeople,
    /// Down one line in the body, one item in a list
    Down,
    /// Up one line in the body, one item in a list
    Up,
    /// Page down
    PageDown,
    /// Page up
    PageUp,
    /// Half a page down
    HalfPageDown,
    /// Half a page up
    HalfPageUp,
    /// Go to the top
    Top,
    /// Go to the bottom
    Bottom,
    /// Jump to the outline item, or toggle the person in the filter
    Select,
    /// Switch the people filter between any and all
    ToggleMatch,
    /// Close help or an overlay, else clear filter and highlight
    Clear,
    /// Show or hide the outline
    ToggleOutline,
    /// Show or hide the people list
    TogglePeople,
    /// Switch the sidebar between outline and people
    SwitchSidebar,
    /// Reading mode: the body alone, toggled
    ReadingMode,
    /// Search as you type (enter keeps, esc cancels)
    Search,
    /// Next search match
    SearchNext,
    /// Previous search match
    SearchPrev,
    /// Set a mark: press a letter next
    SetMark,
    /// Jump to a mark: press its letter next
    JumpMark,
    /// Back to where the last jump came from
    JumpBack,
    /// Forward in the jump list (ctrl-i is tab in most terminals)
    JumpForward,
    /// Next file
    NextFile,
    /// Previous file
    PrevFile,
    /// Back to the folder's list of articles (byline DIR)
    Back,
    /// Copy the focused quote, or the top paragraph, to the clipboard
    Copy,
    /// Show or hide this help
    Help,
    /// Quit
    Quit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_snake_case() {
        let s = serde_json::to_string(&Action::HalfPageDown).expect("serialise");
        assert_eq!(s, "\"half_page_down\"");
        let a: Action = serde_json::from_str("\"focus_next\"").expect("parse");
        assert_eq!(a, Action::FocusNext);
    }

    #[test]
    fn every_action_has_a_doc_line() {
        for a in Action::ALL {
            assert!(!a.doc().is_empty(), "{a:?}");
            assert!(!a.doc().contains('\n'), "{a:?}");
        }
        assert_eq!(Action::Quit.doc(), "Quit");
    }
}
