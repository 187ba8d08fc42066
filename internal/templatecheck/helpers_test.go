package templatecheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/payflow-dev/payflow/localaws/cfn"
)

// repoRoot is where template.yml lives, relative to this package.
var repoRoot = filepath.Join("..", "..")

// template is the decoded template.yml: plain Go values with intrinsic
// functions in long form ({"Ref": "X"}, {"Fn::GetAtt": ["X", "Arn"]}), every
// section as written (Globals not merged).
type template map[string]any

func loadTemplate(tb testing.TB) template {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "template.yml"))
	if err != nil {
		tb.Fatal(err)
	}
	t, err := cfn.Decode(data)
	if err != nil {
		tb.Fatal(err)
	}
	return template(t)
}

// Resource returns the resource with the given logical id, or nil.
func (t template) Resource(logicalID string) map[string]any {
	res, _ := lookup(map[string]any(t), "Resources", logicalID).(map[string]any)
	return res
}

// lookup walks maps by key and returns what it finds at the end of path,
// or nil.
func lookup(v any, path ...string) any {
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}

// props returns a resource's Properties, failing if the resource is missing
// or of another type.
func props(tb testing.TB, t template, logicalID, wantType string) map[string]any {
	tb.Helper()
	res := t.Resource(logicalID)
	if res == nil {
		tb.Fatalf("resource %s is missing", logicalID)
	}
	if got := res["Type"]; got != wantType {
		tb.Fatalf("resource %s has Type %v, want %s", logicalID, got, wantType)
	}
	p, _ := res["Properties"].(map[string]any)
	if p == nil {
		tb.Fatalf("resource %s has no Properties", logicalID)
	}
	return p
}

// number reads an integer property that YAML may have typed as int or
// string.
func number(tb testing.TB, v any, what string) int {
	tb.Helper()
	switch n := v.(type) {
	case int:
		return n
	case string:
		i, err := strconv.Atoi(n)
		if err == nil {
			return i
		}
	}
	tb.Fatalf("%s = %v (%T), want an integer", what, v, v)
	return 0
}

// ref and getAtt build the long forms the decoder produces, for comparisons.
func ref(id string) any { return map[string]any{"Ref": id} }

func getAtt(id, attr string) any { return map[string]any{"Fn::GetAtt": []any{id, attr}} }

// statement is one IAM statement, with Action always a list.
type statement struct {
	Sid      string
	Actions  []string
	Resource any
}

// policies splits a SAM Policies list into inline statements and policy
// template names (with their parameters).
func policies(tb testing.TB, p map[string]any) (stmts []statement, templates map[string]any) {
	tb.Helper()
	templates = map[string]any{}
	list, _ := p["Policies"].([]any)
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			tb.Fatalf("policy %v is a managed policy name; only inline statements and SAM policy templates are allowed", item)
		}
		inline, ok := m["Statement"].([]any)
		if !ok {
			for name, params := range m {
				templates[name] = params
			}
			continue
		}
		for _, s := range inline {
			sm := s.(map[string]any)
			if sm["Effect"] != "Allow" {
				tb.Fatalf("statement %v is not an Allow", sm)
			}
			var actions []string
			switch a := sm["Action"].(type) {
			case string:
				actions = []string{a}
			case []any:
				for _, x := range a {
					actions = append(actions, fmt.Sprint(x))
				}
			}
			sid, _ := sm["Sid"].(string)
			stmts = append(stmts, statement{Sid: sid, Actions: actions, Resource: sm["Resource"]})
		}
	}
	return stmts, templates
}

// allActions lists the distinct actions of statements, sorted.
func allActions(stmts []statement) []string {
	var out []string
	for _, s := range stmts {
		out = append(out, s.Actions...)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// resourceOf returns the Resource of the statement granting action.
func resourceOf(tb testing.TB, stmts []statement, action string) any {
	tb.Helper()
	for _, s := range stmts {
		if slices.Contains(s.Actions, action) {
			return s.Resource
		}
	}
	tb.Fatalf("no statement grants %s", action)
	return nil
}
