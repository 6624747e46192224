//! A short list of spans kept inline when it holds one (a quote within one
//! block, nearly every quote), so a whole article's quotes are not one heap
//! allocation each.

use crate::article::Span;

/// One span inline, or several on the heap; reads as a slice.
#[derive(Debug, Clone)]
pub enum Spans {
    /// The usual case.
    One(Span),
    /// A quote that runs over blocks.
    Many(Vec<Span>),
}

impl Spans {
    /// A list of one span.
    pub fn one(s: Span) -> Self {
        Spans::One(s)
    }

    /// Appends a span.
    pub fn push(&mut self, s: Span) {
        match self {
            Spans::One(first) => *self = Spans::Many(vec![*first, s]),
            Spans::Many(v) => v.push(s),
        }
    }
}

impl std::ops::Deref for Spans {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Spans::One(s) => std::slice::from_ref(s),
            Spans::Many(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_pushed_spans() {
        let s = |block| Span {
            block,
            start: 1,
            end: 2,
        };
        let mut v = Spans::one(s(0));
        assert_eq!(&*v, &[s(0)]);
        v.push(s(1));
        v.push(s(2));
        assert_eq!(&*v, &[s(0), s(1), s(2)]);
    }
}
