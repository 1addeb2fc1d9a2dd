package authors

import "testing"

func TestInitials(t *testing.T) {
	cases := []struct{ name, want string }{
		{"Ana Lopez", "AL"},
		{"  dr   Mei  Lee ", "ML"},
		{"Prof. María José García", "MG"},
		{"sam", "Sa"},
		{"O'Brien", "OB"},
		{"Dr", "Dr"},
		{"Dr Test", "DT"},
		{"", "?"},
		{"  ", "?"},
		{"李 小龙", "李小"},
		{"-- --", "?"},
	}
	for _, c := range cases {
		if got := Initials(c.name); got != c.want {
			t.Errorf("Initials(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestColorIsStableAndIgnoresCaseAndSpace(t *testing.T) {
	if Color("Ana Lopez") != Color("  ana   LOPEZ") {
		t.Error("the same author folded differently gets another colour")
	}
	seen := map[string]bool{}
	for _, n := range []string{"Ana", "Ben", "Chi", "Dee", "Eve", "Fay", "Gus", "Hal"} {
		seen[Color(n)] = true
	}
	if len(seen) < 5 {
		t.Errorf("eight names share only %d colours", len(seen))
	}
}
