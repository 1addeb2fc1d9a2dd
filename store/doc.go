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
//	meta               "format" = "appraise-library", "schema" = "2", "created"
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
// Record values of papers, documents, annotations, history and tags end
// in a CRC-32C checked on every read (codec.go, from schema 2): a damaged
// record is appraise.ErrRecordDamaged, never different data.
//
// Opening: a missing library is created in a temporary file and linked into
// place, so a crash never leaves half a library. An existing file gets a
// cheap check (metapage.go: both meta pages read with reads of our own,
// the file length against the pages they claim, the freelist; then the
// format marker and schema), so bbolt never maps a file it could fault on
// (SIGBUS). Every transaction is guarded (verify.go): a panic or memory
// fault reading a damaged page is an error, and leaves a mark
// (library.db.needs-check) that makes the next open run the full check.
// A damaged file is moved aside (never deleted), the newest backup that
// passes the full check restored, and every record still readable in the
// damaged file salvaged into it (salvage.go, pagewalk.go: bounds-checked
// reads, never trusting the file's structure); without a usable backup a
// new library takes what salvage reads. Report says what happened. A file
// that is not an Appraise library and has no backups is refused without
// writing anything. A second process gets appraise.ErrLibraryLocked
// within about a second (Options.LockTimeout).
//
// Checks: the full check (our own walk of every page, bbolt's consistency
// check, every record's checksum) runs on every backup before it is
// trusted; the daily start-up backup runs it in the background on its
// copy, which is the library as opened. Its failure marks the library
// for repair at the next open.
//
// Backups: on opening, at most once a day, before every migration, and
// at CloseWithBackup (the GUI's close) after a session with changes, the
// library is written to a temporary file in backups/ beside it, fsynced,
// renamed, re-opened read-only and checked; the newest seven are kept and
// the newest of each of the last seven days. Temporary files of an
// interrupted backup are removed at the next open. The migration backup
// is finished before the migration starts. The start-up backup's snapshot
// is taken before Open returns, so it holds the library as opened, before
// any change of the session; writing and checking it continue in the
// background (StartupBackup waits for them, and so does Close), so a large
// library does not delay start-up by the copy.
//
// Migrations: migrations[n] takes schema n to n+1; they run in one
// transaction after a verified backup. testdata/schema-N.db holds a library
// of every earlier schema, and a test migrates each.
package store
