package main

func runTags(e *env, args []string) error {
	return errNotBuilt
}
