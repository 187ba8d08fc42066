package asl

import (
	"errors"
	"testing"
)

// FuzzParse checks that no definition makes Parse panic, and that every
// rejection is a *ValidationError.
func FuzzParse(f *testing.F) {
	for _, cases := range loadCases(f) {
		for _, tc := range cases {
			f.Add([]byte(tc.Definition))
		}
	}
	f.Add([]byte(passChoiceDefinition))
	f.Add([]byte(callbackLoopDefinition))
	f.Fuzz(func(t *testing.T, def []byte) {
		m, err := Parse(def)
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("Parse error %T %v is not a *ValidationError", err, err)
		}
		if err == nil && (m == nil || m.root.start == nil) {
			t.Fatalf("Parse accepted %q without a start state", def)
		}
	})
}
