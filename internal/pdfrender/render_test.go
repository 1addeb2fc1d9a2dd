package pdfrender

import (
	"context"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestRenderDemoPageOne(t *testing.T) {
	x := newTestIsolated(t, "")
	img, err := x.RenderPage(context.Background(), appraise.RenderRequest{Path: demoPDF(t), Page: 1, Scale: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%v startup %v spawn %v rss %d MiB", img.Rect, x.last.startup, x.last.spawn, x.last.rss>>20)
}
