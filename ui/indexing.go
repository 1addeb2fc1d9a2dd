package ui

import (
	"context"
	"errors"
	"fmt"
)

// startIndexing builds the full-text index of papers added before the
// library had one (the first start after the upgrade) in the background,
// saying how far it is in the status bar. Search works meanwhile; it
// finds the text of the papers indexed so far. Quitting stops it between
// papers (what is indexed stays indexed).
func (u *appUI) startIndexing() {
	ctx, cancel := context.WithCancel(context.Background())
	u.stopIndexing = cancel
	u.bg.spawn(func() {
		total := 0
		err := u.lib.BuildTextIndex(ctx, func(done, n int) {
			total = n
			u.post(func() {
				u.indexing = done < n
				u.status.message(fmt.Sprintf("Indexing papers for search: %d of %d…", done, n))
			})
		})
		u.post(func() {
			u.indexing = false
			switch {
			case errors.Is(err, context.Canceled):
			case err != nil:
				u.status.message("Search covers titles and annotations only for now: " + sentence(err))
			case total > 0:
				u.status.message(fmt.Sprintf("Search now covers the full text of %d %s.", total, plural(total, "paper", "papers")))
				u.libp.rerun()
			}
		})
	})
}
