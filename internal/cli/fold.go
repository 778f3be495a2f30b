package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"plenum/internal/vn"
)

func foldCommand() *command {
	return &command{
		name:    "fold",
		summary: "Print the accent-insensitive search key of a text",
		run:     runFold,
	}
}

// runFold prints vn.Fold of its arguments joined by a space, or of the
// whole standard input (line breaks included) when there are none, so
// that an operator can see what a search column holds for a text.
func runFold(_ context.Context, env *Env, args []string) error {
	fs := flagSet(env, "plenum fold", "[--] [TEXT...]",
		"Print the search key of TEXT, the arguments joined by a space, or of standard input\n"+
			"if there are none: lower case, no diacritics, đ as d, old and new tone placement\n"+
			"alike, one space between words. \"plenum fold 'Đường Hà Nội'\" prints \"duong ha noi\".")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if fs.NArg() == 0 {
		b, err := io.ReadAll(env.Stdin)
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
		text = string(b)
	}
	_, err := fmt.Fprintln(env.Stdout, vn.Fold(text))
	return err
}
