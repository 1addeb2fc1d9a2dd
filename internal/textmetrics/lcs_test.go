package textmetrics

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// quadraticLCS is the textbook dynamic programme, the oracle LCSLength must
// agree with.
func quadraticLCS(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestLCSLength(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"both empty", "", "", 0},
		{"one empty", "a b", "", 0},
		{"identical", "a b c", "a b c", 3},
		{"disjoint", "a b", "c d", 0},
		{"columns swapped", "c d a b", "a b c d", 2},
		{"one word inserted in the middle", "a b x c", "a b c", 3},
		{"interleaved", "a x b y c", "x a y b c", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LCSLength(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
				t.Errorf("LCSLength(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestLCSLengthAgreesWithDynamicProgramme(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"a", "b", "c", "d", "e"}
	for trial := range 2000 {
		a := randomWords(rng, vocab, rng.IntN(30))
		b := randomWords(rng, vocab, rng.IntN(30))
		if got, want := LCSLength(a, b), quadraticLCS(a, b); got != want {
			t.Fatalf("trial %d: LCSLength(%q, %q) = %d, want %d", trial, a, b, got, want)
		}
	}
}

func randomWords(rng *rand.Rand, vocab []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = vocab[rng.IntN(len(vocab))]
	}
	return out
}

// BenchmarkLCSLength measures a 10,000-word paper against a reference that
// differs by the edits a real extraction makes: dropped and inserted words
// and a block moved out of place.
func BenchmarkLCSLength(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n, "words"), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(3, 4))
			vocab := make([]string, 2000)
			for i := range vocab {
				vocab[i] = fmt.Sprint("w", i)
			}
			ref := randomWords(rng, vocab, n)
			got := perturb(rng, ref, vocab)
			b.ResetTimer()
			for b.Loop() {
				LCSLength(got, ref)
			}
		})
	}
}

// perturb drops ~2% of words, inserts ~2% junk and moves a 5% block to the
// end, the way a header, a dropped glyph and a misplaced caption would.
func perturb(rng *rand.Rand, ref, vocab []string) []string {
	var out []string
	for _, w := range ref {
		switch r := rng.IntN(100); {
		case r < 2:
		case r < 4:
			out = append(out, vocab[rng.IntN(len(vocab))], w)
		default:
			out = append(out, w)
		}
	}
	start, size := len(out)/3, len(out)/20
	moved := append([]string(nil), out[start:start+size]...)
	out = append(out[:start], out[start+size:]...)
	return append(out, moved...)
}
