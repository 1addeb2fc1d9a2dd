package textmetrics

// LCSLength returns the length of the longest common subsequence of two
// word sequences.
//
// It uses Myers' O((N+M)·D) greedy algorithm (D = the edit distance with
// insertions and deletions only) on words interned to integers, keeping one
// diagonal vector of O(N+M) ints and never the edit path: similar texts of
// 10,000 words each cost a few million steps rather than the 100 million
// cells of the quadratic table. Common prefix and suffix are trimmed first.
func LCSLength(a, b []string) int {
	x, y := intern(a, b)
	// Trim the common prefix and suffix: they are in every LCS.
	common := 0
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
		common++
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
		common++
	}
	n, m := len(x), len(y)
	if n == 0 || m == 0 {
		return common
	}
	d := shortestEdit(x, y)
	return common + (n+m-d)/2
}

// intern maps each distinct word of a and b to a small integer so the
// inner loop compares ints, not strings.
func intern(a, b []string) (x, y []int32) {
	ids := make(map[string]int32, len(a))
	conv := func(words []string) []int32 {
		out := make([]int32, len(words))
		for i, w := range words {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out[i] = id
		}
		return out
	}
	return conv(a), conv(b)
}

// shortestEdit is the number of insertions plus deletions that turn x into
// y (Myers 1986, the forward greedy pass without the path).
func shortestEdit(x, y []int32) int {
	n, m := len(x), len(y)
	maxD := n + m
	offset := maxD + 1
	// v[k+offset] is the furthest x reached on diagonal k = x - y.
	v := make([]int, 2*maxD+3)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[k-1+offset] < v[k+1+offset]) {
				i = v[k+1+offset] // step down: an insertion
			} else {
				i = v[k-1+offset] + 1 // step right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[k+offset] = i
			if i >= n && j >= m {
				return d
			}
		}
	}
	return maxD
}
