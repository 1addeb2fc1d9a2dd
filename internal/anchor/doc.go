// Package anchor ties annotations to text and finds them again.
//
// New builds an appraise.Anchor from a span of a Document: the exact quote
// with about 32 code points of prefix and suffix (W3C TextQuoteSelector),
// the code-point offsets (TextPositionSelector), the passage and page the
// span begins on and the extractor version. A Reattacher re-finds anchors
// in a Document produced by another extractor version, or from a
// differently produced copy of the same article, in this order:
//
//  1. the exact quote at its old position;
//  2. the quote elsewhere, compared after normalisation (whitespace runs,
//     hyphenation at line breaks, ligatures, typographic quotes and dashes);
//  3. a fuzzy match: seed 8-grams of the quote, looked up in a suffix array
//     of the text, vote for where the quote would start; go-diff
//     (github.com/sergi/go-diff) aligns the quote with the best places, so
//     the similarity and the new span are measured, not guessed;
//  4. otherwise the annotation needs review (a plausible best guess is
//     kept) or is orphaned (no guess; the old anchor is kept untouched).
//
// Candidates are judged by their context: the stored prefix and suffix,
// compared within the paragraph (a paragraph that moved keeps its
// context; a copy of the sentence in another paragraph does not). Among
// equally good candidates the one nearest the old position wins, but only
// a clear winner is Attached: a match whose context disagrees, a copy
// nearly as good as another, or an exact copy while a near-copy fits the
// context just as well, is NeedsReview. Nothing is silently moved.
// Normalisation happens only for comparison; stored quotes are always the
// Document's own text.
//
// Measured on 1,600 generated cases (TestReattachPerturbations) and on
// real papers (TestReattachPerturbationsOnRealPapers with APPRAISE_CORPUS).
//
// FindQuote finds a typed quote in a Document with the same tolerance, for
// annotating by quote from the command line.
//
// The package depends on internal/appraise, go-diff and golang.org/x/text;
// it must not import the store, the PDF extractor or any UI package.
package anchor
