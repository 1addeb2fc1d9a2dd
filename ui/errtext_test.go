package ui

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"appraise.app/appraise/internal/appraise"
)

func TestSentence(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a typed error reads as its own sentence, not the wrapping", fmt.Errorf("extract /tmp/a.pdf: %w", appraise.ErrNoTextLayer),
			upperFirst(appraise.ErrNoTextLayer.Error()) + "."},
		{"a cancelled context reads as the cancel sentence", fmt.Errorf("open: %w", context.Canceled),
			"Opening the PDF was cancelled."},
		{"an error of no known kind is shown whole", errors.New("disk full"), "Disk full"},
		{"no error, no sentence", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentence(tc.err); got != tc.want {
				t.Errorf("sentence(%v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
}
