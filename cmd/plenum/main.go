// Command plenum runs the Plenum server and its administration tools.
package main

import (
	"os"

	"plenum/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.StdEnv()))
}
