package locale

import "testing"

func TestNormalise(t *testing.T) {
	cases := []struct {
		name     string
		env      map[string]string
		wantLANG string
	}{
		{"C locale gets a real language", map[string]string{"LANG": "C"}, "en_US.UTF-8"},
		{"C.UTF-8 gets a real language", map[string]string{"LANG": "C.UTF-8"}, "en_US.UTF-8"},
		{"nothing set gets a real language", map[string]string{}, "en_US.UTF-8"},
		{"a real language is kept", map[string]string{"LANG": "de_DE.UTF-8"}, "de_DE.UTF-8"},
		{"LC_ALL=C is cleared, LANG kept", map[string]string{"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "fr_FR.UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range c.env {
				env[k] = v
			}
			Normalise(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if env["LANG"] != c.wantLANG {
				t.Errorf("LANG = %q, want %q", env["LANG"], c.wantLANG)
			}
			for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
				if isPOSIX(env[k]) {
					t.Errorf("%s still %q", k, env[k])
				}
			}
		})
	}
}
