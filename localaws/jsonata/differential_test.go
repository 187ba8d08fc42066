package jsonata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The differential test holds this implementation against the reference
// implementation's output for the cases of testdata/differential. By
// default it reads the output recorded in reference.json (jsonata 2.0.6, the version AWS runs);
// `make conformance` runs the npm package afresh and points
// JSONATA_REFERENCE_RESULTS at its output.

type diffSuite struct {
	Inputs map[string]json.RawMessage `json:"inputs"`
	Cases  []struct {
		Expr  string `json:"expr"`
		Input string `json:"input"`
	} `json:"cases"`
}

type refResult struct {
	Expr      string          `json:"expr"`
	Input     string          `json:"input"`
	Result    json.RawMessage `json:"result"`
	Undefined bool            `json:"undefined"`
	Error     *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func readJSONFile(tb testing.TB, path string, v any) {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// knownDifferences lists the cases this implementation answers
// differently from the reference, each with the reason.
func knownDifferences(tb testing.TB) map[string]string {
	tb.Helper()
	out := map[string]string{}
	readJSONFile(tb, filepath.Join("testdata", "differential", "known_differences.json"), &out)
	return out
}

func TestDifferential(t *testing.T) {
	t.Parallel()
	var suite diffSuite
	readJSONFile(t, filepath.Join("testdata", "differential", "cases.json"), &suite)
	refPath := os.Getenv("JSONATA_REFERENCE_RESULTS")
	if refPath == "" {
		refPath = filepath.Join("testdata", "differential", "reference.json")
	}
	var ref struct {
		Version string      `json:"version"`
		Results []refResult `json:"results"`
	}
	readJSONFile(t, refPath, &ref)
	if len(ref.Results) != len(suite.Cases) {
		t.Fatalf("%s has %d results for %d cases: record it again", refPath, len(ref.Results), len(suite.Cases))
	}
	known := knownDifferences(t)
	pass := 0
	for i, r := range ref.Results {
		key := r.Input + ": " + r.Expr
		why := diffCase(t, suite.Inputs[r.Input], r)
		switch {
		case why == "":
			pass++
			if _, ok := known[key]; ok {
				t.Errorf("%s now gives the reference result: remove it from known_differences.json", key)
			}
		case known[key] == "":
			t.Errorf("case %d %s: %s", i, key, why)
		}
	}
	t.Logf("JSONata differential: %d of %d cases (%.1f%%) give the result of jsonata %s", pass, len(ref.Results),
		100*float64(pass)/float64(len(ref.Results)), ref.Version)
}

// diffCase evaluates one case and says how it differs from the
// reference, or "" when it does not.
func diffCase(tb testing.TB, input json.RawMessage, r refResult) string {
	tb.Helper()
	in, err := ParseJSON(string(input))
	if err != nil {
		tb.Fatalf("input %s: %v", r.Input, err)
	}
	opts := &Options{}
	e, err := Compile(r.Expr)
	var got any
	defined := false
	if err == nil {
		got, defined, err = e.Evaluate(in, nil, opts)
	}
	switch {
	case r.Error != nil:
		var je *Error
		if err == nil {
			return "want error " + r.Error.Code + ", got " + jsonString(got, defined)
		}
		if ok := asError(err, &je); !ok || je.Code != r.Error.Code {
			return "want error " + r.Error.Code + " (" + r.Error.Message + "), got " + err.Error()
		}
		if je.Message != r.Error.Message {
			// Step Functions quotes the message in its cause, so it must match too.
			return "want message " + strconvQuote(r.Error.Message) + ", got " + strconvQuote(je.Message)
		}
		return ""
	case err != nil:
		return "unexpected error " + err.Error()
	case r.Undefined:
		if defined {
			return "want undefined, got " + jsonString(got, defined)
		}
		return ""
	}
	if !defined {
		return "want " + string(r.Result) + ", got undefined"
	}
	var want, have any
	if err := json.Unmarshal(r.Result, &want); err != nil {
		tb.Fatal(err)
	}
	b, _ := json.Marshal(got)
	if err := json.Unmarshal(b, &have); err != nil {
		tb.Fatal(err)
	}
	if d := cmp.Diff(want, have); d != "" {
		return "want " + compact(r.Result) + ", got " + string(b)
	}
	return ""
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	*target = e
	return ok
}

func jsonString(v any, defined bool) string {
	if !defined {
		return "undefined"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func compact(raw json.RawMessage) string {
	var b strings.Builder
	var v any
	_ = json.Unmarshal(raw, &v)
	out, _ := json.Marshal(v)
	b.Write(out)
	return b.String()
}
