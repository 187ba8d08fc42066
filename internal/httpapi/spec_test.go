package httpapi

import (
	"net/http"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/payflow-dev/payflow/internal/orders"
)

// specPath is the API contract, relative to this package.
const specPath = "../../api/openapi.yaml"

// spec is the part of an OpenAPI document these tests read.
type spec struct {
	Paths      map[string]map[string]yaml.Node `yaml:"paths"`
	Components struct {
		Schemas map[string]struct {
			Required   []string             `yaml:"required"`
			Properties map[string]yaml.Node `yaml:"properties"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

func loadSpec(tb testing.TB) spec {
	tb.Helper()
	raw, err := os.ReadFile(specPath)
	if err != nil {
		tb.Fatalf("read spec: %v", err)
	}
	var s spec
	if err := yaml.Unmarshal(raw, &s); err != nil {
		tb.Fatalf("parse spec: %v", err)
	}
	return s
}

// TestRoutesMatchSpec fails when a route is served but not documented, or
// documented but not served.
func TestRoutesMatchSpec(t *testing.T) {
	t.Parallel()
	var documented []string
	for path, item := range loadSpec(t).Paths {
		for method := range item {
			switch method {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				documented = append(documented, strings.ToUpper(method)+" "+path)
			}
		}
	}
	r := chi.NewRouter()
	addRoutes(r, Config{})
	var routed []string
	err := chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		routed = append(routed, method+" "+route)
		return nil
	})
	if err != nil {
		t.Fatalf("walk routes: %v", err)
	}
	slices.Sort(documented)
	slices.Sort(routed)
	if len(routed) == 0 {
		t.Fatal("no routes")
	}
	if diff := cmp.Diff(documented, routed); diff != "" {
		t.Errorf("routes and api/openapi.yaml disagree (-documented +routed):\n%s", diff)
	}
}

// TestSchemasMatchTypes keeps each documented schema's properties, and its
// required list, equal to the JSON fields of the Go type that reads or
// writes it.
func TestSchemasMatchTypes(t *testing.T) {
	t.Parallel()
	s := loadSpec(t)
	tests := []struct {
		schema string
		typ    reflect.Type
	}{
		{"Order", reflect.TypeFor[orderRequest]()},
		{"Placement", reflect.TypeFor[placementResponse]()},
		{"OrderStatus", reflect.TypeFor[statusResponse]()},
		{"Problem", reflect.TypeFor[problem]()},
		{"FieldError", reflect.TypeFor[orders.FieldError]()},
		{"Notification", reflect.TypeFor[orders.Notification]()},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			t.Parallel()
			sch, ok := s.Components.Schemas[tt.schema]
			if !ok {
				t.Fatalf("schema %s is not documented", tt.schema)
			}
			var documented []string
			for name := range sch.Properties {
				documented = append(documented, name)
			}
			fields, required := jsonFields(tt.typ)
			slices.Sort(documented)
			if diff := cmp.Diff(documented, fields); diff != "" {
				t.Errorf("properties mismatch (-spec +code):\n%s", diff)
			}
			if tt.schema == "Order" {
				required = validateRequired(reflect.TypeFor[orders.Order]())
			}
			got := slices.Clone(sch.Required)
			slices.Sort(got)
			if diff := cmp.Diff(got, required); diff != "" {
				t.Errorf("required mismatch (-spec +code):\n%s", diff)
			}
		})
	}
}

// jsonFields returns a struct's JSON names, sorted, and those always
// written (no omitempty), which a response schema must list as required.
func jsonFields(typ reflect.Type) (all, always []string) {
	for f := range typ.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		all = append(all, name)
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			always = append(always, name)
		}
	}
	slices.Sort(all)
	slices.Sort(always)
	return all, always
}

// validateRequired returns the JSON names of fields whose validate tag
// starts with required, which a request schema must list as required.
func validateRequired(typ reflect.Type) []string {
	var names []string
	for f := range typ.Fields() {
		// Only an unconditional "required": the card fields are
		// required_without=PaymentMethod, which the spec says in words.
		if rule, _, _ := strings.Cut(f.Tag.Get("validate"), ","); rule == "required" {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
