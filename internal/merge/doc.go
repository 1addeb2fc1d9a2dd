// Package merge decides, for annotations arriving in a journal club's
// bundle, which version a library keeps, so that importing is
// deterministic: the same bundle imported twice changes nothing, and
// importing bundle A then B leaves the same annotations as B then A.
//
// Every version of an annotation has a version time: when it was last
// modified or, for a deletion (a tombstone), when it was deleted, whichever
// is later. The later version wins. Two different versions with the same
// time are ordered by their content, so every library picks the same one.
// "Different" looks only at what a person wrote — tags, note, author, the
// quoted text and its context, the times — never at the offsets, page or
// anchoring status, which each library derives from its own extraction of
// the PDF; a version that differs only there is the same version.
//
// Papers in a bundle are matched to the library's by SHA-256, else by DOI,
// else by title and year (another copy of the same article).
//
// The package is pure: internal/appraise types in, decisions out, no I/O.
package merge
