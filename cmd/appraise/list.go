package main

func runList(e *env, args []string) error {
	return errNotBuilt
}
