package main

func runExport(e *env, args []string) error {
	return errNotBuilt
}
