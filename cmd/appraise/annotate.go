package main

func runAnnotate(e *env, args []string) error {
	return errNotBuilt
}
