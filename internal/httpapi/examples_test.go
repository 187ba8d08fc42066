package httpapi_test

import (
	"encoding/json"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestSpecRequestExamplesAreAccepted posts every documented request
// example, so the contract never shows an order the API would refuse.
func TestSpecRequestExamplesAreAccepted(t *testing.T) {
	t.Parallel()
	doc := loadSpecDoc(t)
	examples := dig(t, doc, "paths", "/orders", "post", "requestBody", "content", "application/json", "examples")
	if len(examples) == 0 {
		t.Fatal("no request examples for POST /orders")
	}
	for name, ex := range examples {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, err := json.Marshal(ex.(map[string]any)["value"])
			if err != nil {
				t.Fatalf("encode example: %v", err)
			}
			rec := do(t, newAPI(t).handler, http.MethodPost, "/orders", "application/json", string(body))
			if rec.Code != http.StatusAccepted {
				t.Errorf("example %s: status %d, want 202; body %s", name, rec.Code, rec.Body)
			}
		})
	}
}

// TestSpecProblemExamplesMatchTheirStatus checks that every documented
// problem example carries the status, title and type the API would send.
func TestSpecProblemExamplesMatchTheirStatus(t *testing.T) {
	t.Parallel()
	doc := loadSpecDoc(t)
	shared := dig(t, doc, "components", "responses")
	count := 0
	for path, item := range dig(t, doc, "paths") {
		for method, op := range item.(map[string]any) {
			for code, resp := range op.(map[string]any)["responses"].(map[string]any) {
				r := resp.(map[string]any)
				if ref, ok := r["$ref"].(string); ok {
					r = shared[strings.TrimPrefix(ref, "#/components/responses/")].(map[string]any)
				}
				content, _ := r["content"].(map[string]any)
				media, ok := content["application/problem+json"].(map[string]any)
				if !ok {
					continue
				}
				examples, _ := media["examples"].(map[string]any)
				if len(examples) == 0 {
					t.Errorf("%s %s %s: no example", method, path, code)
				}
				status, err := strconv.Atoi(code)
				if err != nil {
					t.Fatalf("%s %s: response code %q: %v", method, path, code, err)
				}
				for name, ex := range examples {
					raw, err := json.Marshal(ex.(map[string]any)["value"])
					if err != nil {
						t.Fatalf("encode example: %v", err)
					}
					p := decodeJSON[problemBody](t, raw)
					if p.Status != status || p.Title != http.StatusText(status) || p.Type != "about:blank" {
						t.Errorf("%s %s %s example %s = %+v", method, path, code, name, p)
					}
					count++
				}
			}
		}
	}
	if count == 0 {
		t.Fatal("no problem examples found")
	}
}

// loadSpecDoc reads api/openapi.yaml as plain maps.
func loadSpecDoc(tb testing.TB) map[string]any {
	tb.Helper()
	raw, err := os.ReadFile("../../api/openapi.yaml")
	if err != nil {
		tb.Fatalf("read spec: %v", err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		tb.Fatalf("parse spec: %v", err)
	}
	return doc
}

// dig follows keys through nested maps and fails if one is missing.
func dig(tb testing.TB, doc map[string]any, keys ...string) map[string]any {
	tb.Helper()
	cur := doc
	for _, k := range keys {
		next, ok := cur[k].(map[string]any)
		if !ok {
			tb.Fatalf("spec has no %s", strings.Join(keys, " > "))
		}
		cur = next
	}
	return cur
}
