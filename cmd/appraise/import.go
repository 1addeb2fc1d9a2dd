package main

func runImport(e *env, args []string) error {
	return errNotBuilt
}
