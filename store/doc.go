// Package store keeps an Appraise library in one bbolt file: papers, cached
// extractions, tags and annotations, with history, a trash, backups and
// schema migrations. It implements appraise.Store.
//
// It is the only package that imports go.etcd.io/bbolt. It speaks in
// internal/appraise types and must not import Fyne, the PDF extractor or
// any other adapter or use-case package.
//
// Durability: every method that changes something returns only after its
// bbolt transaction has committed (and bbolt has fsynced the file). No
// byte slice bbolt hands out is kept after its transaction: values are
// decoded or copied inside it.
//
// Layout (schema 2): top-level buckets
//
//	meta               "format" = "appraise-library", "schema" = "1", "created"
//	papers             paper id → Paper (JSON)
//	documents          paper id NUL extractor version → Document (JSON, deflated)
//	annotations        annotation id → Annotation (JSON), live and trashed
//	paper_annotations  paper id NUL annotation id → the live annotation's tags
//	trash              annotation id → when it was trashed (RFC 3339)
//	history            annotation id NUL sequence → an earlier version (JSON)
//	tags               tag name → Tag (JSON)
//	search             "a" NUL paper id → the folded quotes and notes of the paper's live
//	                   annotations, one record each (see search.go);
//	                   "p" NUL paper id → folded title
//	fulltext           per paper: the indexed extractor version, the sorted
//	                   vocabulary and the text with its pages (fulltext.go)
//	paper_trash        paper id → when the paper was removed (papertrash.go)
//
// Opening: a missing library is created in a temporary file and linked into
// place, so a crash never leaves half a library. An existing file is first
// opened read-only and verified (bbolt meta pages, the format marker, the
// schema version and bbolt's consistency check); a damaged file is moved
// aside (never deleted) and the newest good backup restored, and Report
// says so. A file that is not an Appraise library and has no backups is
// refused without writing anything. A second process gets
// appraise.ErrLibraryLocked within about a second (Options.LockTimeout).
//
// Backups: on opening, at most once a day, and before every migration, the
// library is written to a temporary file in backups/ beside it, fsynced,
// renamed, re-opened read-only and checked; the newest seven are kept. The
// migration backup is finished before the migration starts. The start-up
// backup's snapshot is taken before Open returns, so it holds the library
// as opened, before any change of the session; writing and checking it
// continue in the background (StartupBackup waits for them, and so does
// Close), so a large library does not delay start-up by the copy.
//
// Migrations: migrations[n] takes schema n to n+1; they run in one
// transaction after a verified backup. testdata/schema-N.db holds a library
// of every earlier schema, and a test migrates each.
package store
