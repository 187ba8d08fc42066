package localaws_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// module is this repository's module path.
const module = "github.com/payflow-dev/payflow"

// TestTwoHousesStayApart keeps the repository's two houses apart, reading
// every .go file's imports (no go tool, no build tags: a file excluded by a
// build tag is still checked):
//
//   - nothing under localaws/ imports internal/ or cmd/ (its tests may use
//     internal/logtest), so other projects can import localaws;
//   - no service package (internal/... but e2e and logtest, cmd/api,
//     cmd/callback) imports localaws/ outside its tests;
//   - clock/ imports nothing of this module but itself.
func TestTwoHousesStayApart(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..")
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files++
		for _, imp := range importsOf(t, path) {
			if msg := violation(rel, strings.HasSuffix(name, "_test.go"), imp); msg != "" {
				t.Errorf("%s imports %s: %s", rel, imp, msg)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("checked only %d Go files; the walk did not find the repository", files)
	}
}

// violation says what is wrong with file (a slash path from the module
// root) importing imp, or "" when nothing is.
func violation(file string, isTest bool, imp string) string {
	local, ok := strings.CutPrefix(imp, module+"/")
	if !ok {
		return ""
	}
	dir := file[:max(strings.LastIndex(file, "/"), 0)]
	switch {
	case under(dir, "localaws"):
		if !under(local, "internal") && !under(local, "cmd") {
			return ""
		}
		if isTest && local == "internal/logtest" {
			return ""
		}
		return "localaws/ must not depend on the service or its commands"
	case under(dir, "clock") && !under(local, "clock"):
		return "clock/ is a leaf both houses use; it imports nothing of this module"
	case isService(dir) && !isTest && under(local, "localaws"):
		return "the service imports localaws/ only in tests"
	}
	return ""
}

// isService reports whether dir holds a package of the payment service.
func isService(dir string) bool {
	if dir == "cmd/api" || dir == "cmd/callback" || under(dir, "cmd/api") || under(dir, "cmd/callback") {
		return true
	}
	return under(dir, "internal") && !under(dir, "internal/e2e") && !under(dir, "internal/logtest")
}

// under reports whether path is dir or inside it.
func under(path, dir string) bool { return path == dir || strings.HasPrefix(path, dir+"/") }

func importsOf(tb testing.TB, path string) []string {
	tb.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		tb.Fatalf("parse %s: %v", path, err)
	}
	out := make([]string, 0, len(f.Imports))
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			tb.Fatalf("%s: import %s: %v", path, spec.Path.Value, err)
		}
		out = append(out, p)
	}
	return out
}

// TestBoundaryRules checks that the rules above catch what they should, so
// the walk above cannot pass by finding nothing wrong to find.
func TestBoundaryRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		file   string
		isTest bool
		imp    string
		bad    bool
	}{
		{"emulator importing the domain", "localaws/sqslocal/send.go", false, module + "/internal/orders", true},
		{"emulator importing a command", "localaws/stack/local.go", false, module + "/cmd/local/hosted", true},
		{"emulator test importing the domain", "localaws/sfnlocal/x_test.go", true, module + "/internal/orders", true},
		{"emulator test using logtest", "localaws/sqslocal/x_test.go", true, module + "/internal/logtest", false},
		{"emulator code using logtest", "localaws/sqslocal/x.go", false, module + "/internal/logtest", true},
		{"emulator using the clock", "localaws/sqslocal/x.go", false, module + "/clock", false},
		{"service importing an emulator", "internal/orders/x.go", false, module + "/localaws/sfnlocal", true},
		{"command importing an emulator", "cmd/api/main.go", false, module + "/localaws/awsendpoint", true},
		{"service test using the endpoint", "internal/apifunc/x_test.go", true, module + "/localaws/awsendpoint", false},
		{"end-to-end tests use both", "internal/e2e/x.go", false, module + "/localaws/stack", false},
		{"the meeting point", "cmd/local/run.go", false, module + "/localaws/stack", false},
		{"clock importing the module", "clock/fake.go", false, module + "/localaws/awsid", true},
		{"clock's own external test", "clock/fake_test.go", true, module + "/clock", false},
		{"third-party import", "localaws/sqslocal/x.go", false, "github.com/aws/aws-sdk-go-v2/aws", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := violation(tt.file, tt.isTest, tt.imp) != ""; got != tt.bad {
				t.Errorf("violation(%s, %s) = %v, want %v", tt.file, tt.imp, got, tt.bad)
			}
		})
	}
}
