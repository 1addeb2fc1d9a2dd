package pdfextract

import (
	"appraise.app/appraise/internal/appraise"
)

// documentMetadata reads the paper's bibliographic metadata.
func documentMetadata(d *document, blocks []appraise.Block, text string) appraise.Metadata {
	return appraise.Metadata{}
}
