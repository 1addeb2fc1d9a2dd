// Package agreement measures how far a trainee's reading of a paper agrees
// with a key's (usually the journal-club lead's): per tag on the paper's
// sentences, on the checklist answers and on the certainty given to each
// claim, and it lists what to review — passages the trainee missed, tagged
// extra or tagged differently, and checklist items answered differently.
//
// Sentences are the segmenter's passages. For each tag, a sentence counts
// as tagged by a reader when that reader's annotations with the tag cover
// at least half of the sentence's code points. Agreement is the share of
// sentences both readers treated alike; Cohen's kappa corrects it for the
// agreement two readers tagging at their own rates would reach by chance,
// and is undefined (nil, with the reason) when that chance agreement is
// certain: both tagged nothing, or both tagged everything.
//
// The package is pure: it takes the domain types of internal/appraise and
// plain values and does no I/O. It must not import any adapter (store, ui,
// pdfextract) or use-case package.
package agreement
