package main

import "errors"

// errNotBuilt marks a subcommand whose issue has not landed yet.
var errNotBuilt = errors.New("this command is not available yet")
