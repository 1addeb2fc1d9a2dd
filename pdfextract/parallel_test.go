package pdfextract

import (
	"sync/atomic"
	"testing"
)

func TestInParallelCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		calls := make([]atomic.Int32, n)
		inParallel(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestInParallelRaisesAPanicOnTheCaller(t *testing.T) {
	var running atomic.Int32
	defer func() {
		if r := recover(); r != "page 7 broke" {
			t.Fatalf("recovered %v, want the call's panic", r)
		}
		if n := running.Load(); n != 0 {
			t.Errorf("%d calls still running when the panic reached the caller", n)
		}
	}()
	inParallel(50, func(i int) {
		running.Add(1)
		defer running.Add(-1)
		if i == 7 {
			panic("page 7 broke")
		}
		for range 1000 { // some work, so calls overlap
			_ = i * i
		}
	})
	t.Fatal("no panic")
}
