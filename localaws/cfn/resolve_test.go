package cfn_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/cfn"
)

// fakeLookup answers Ref and GetAtt from fixed maps, standing in for the
// resources a stack has created.
type fakeLookup struct {
	refs  map[string]string
	attrs map[string]any
}

func (f fakeLookup) Ref(id string) (string, bool) { s, ok := f.refs[id]; return s, ok }
func (f fakeLookup) GetAtt(id, attr string) (any, bool) {
	v, ok := f.attrs[id+"."+attr]
	return v, ok
}

var pseudo = cfn.Pseudo{Region: "us-east-1", AccountID: "123456789012", StackName: "payflow"}

func sampleResolver(tb testing.TB, overrides map[string]string) *cfn.Resolver {
	tb.Helper()
	data, err := os.ReadFile("testdata/sample.yml")
	if err != nil {
		tb.Fatal(err)
	}
	tpl, err := cfn.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	lookup := fakeLookup{
		refs:  map[string]string{"Queue": "http://127.0.0.1:4566/123456789012/payflow-Queue"},
		attrs: map[string]any{"Dlq.Arn": "arn:aws:sqs:us-east-1:123456789012:payflow-Dlq"},
	}
	r, err := cfn.NewResolver(tpl, pseudo, overrides, lookup)
	if err != nil {
		tb.Fatalf("NewResolver: %v", err)
	}
	return r
}

func TestResolve(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"pseudo region", map[string]any{"Ref": "AWS::Region"}, "us-east-1"},
		{"pseudo partition", map[string]any{"Ref": "AWS::Partition"}, "aws"},
		{"pseudo url suffix", map[string]any{"Ref": "AWS::URLSuffix"}, "amazonaws.com"},
		{"parameter default", map[string]any{"Ref": "Stage"}, "dev"},
		{"list parameter", map[string]any{"Ref": "Subnets"}, []any{"a", "b", "c"}},
		{"resource ref", map[string]any{"Ref": "Queue"}, "http://127.0.0.1:4566/123456789012/payflow-Queue"},
		{"getatt", map[string]any{"Fn::GetAtt": []any{"Dlq", "Arn"}}, "arn:aws:sqs:us-east-1:123456789012:payflow-Dlq"},
		{"sub string", map[string]any{"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:x/${Stage}"},
			"arn:aws:states:us-east-1:123456789012:x/dev"},
		{"sub getatt and literal", map[string]any{"Fn::Sub": "${Dlq.Arn} ${!Literal}"},
			"arn:aws:sqs:us-east-1:123456789012:payflow-Dlq ${Literal}"},
		{"sub list form", map[string]any{"Fn::Sub": []any{"${Name}-${AWS::StackName}", map[string]any{"Name": map[string]any{"Ref": "Stage"}}}},
			"dev-payflow"},
		{"join", map[string]any{"Fn::Join": []any{"/", []any{"a", map[string]any{"Ref": "Stage"}, 3}}}, "a/dev/3"},
		{"join over list ref", map[string]any{"Fn::Join": []any{"-", map[string]any{"Ref": "Subnets"}}}, "a-b-c"},
		{"select of split", map[string]any{"Fn::Select": []any{"1", map[string]any{"Fn::Split": []any{":", "x:y:z"}}}}, "y"},
		{"if false branch", map[string]any{"Fn::If": []any{"IsProd", "big", "small"}}, "small"},
		{"if through not", map[string]any{"Fn::If": []any{"NotProd", "yes", "no"}}, "yes"},
		{"find in map", map[string]any{"Fn::FindInMap": []any{"Sizes", map[string]any{"Ref": "Stage"}, "Batch"}}, 5},
		{"base64", map[string]any{"Fn::Base64": "hi"}, "aGk="},
		{"no value drops key", map[string]any{"A": 1, "B": map[string]any{"Ref": "AWS::NoValue"}}, map[string]any{"A": 1}},
		{"no value drops element", []any{"a", map[string]any{"Fn::If": []any{"IsProd", "b", map[string]any{"Ref": "AWS::NoValue"}}}}, []any{"a"}},
		{"two-key map is not a function", map[string]any{"Ref": "X", "Other": 1}, map[string]any{"Ref": "X", "Other": 1}},
	}
	r := sampleResolver(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Resolve(tt.in)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveOverrideAndCondition(t *testing.T) {
	t.Parallel()
	r := sampleResolver(t, map[string]string{"Stage": "prod"})
	got, err := r.ResolveString(map[string]any{"Fn::If": []any{"IsProd", "big", "small"}})
	if err != nil || got != "big" {
		t.Fatalf("Fn::If with Stage=prod = %q, %v; want big", got, err)
	}
}

func TestResolveErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      any
		wantErr string
	}{
		{"unknown ref", map[string]any{"Ref": "Nope"}, "Ref Nope: no such parameter or resource"},
		{"resource not created", map[string]any{"Ref": "Topic"}, "Ref Topic: resource not created yet"},
		{"unknown attribute", map[string]any{"Fn::GetAtt": []any{"Queue", "Nope"}}, "attribute not available"},
		{"getazs refused", map[string]any{"Fn::GetAZs": ""}, "Fn::GetAZs is not supported"},
		{"select out of range", map[string]any{"Fn::Select": []any{5, []any{"a"}}}, "out of range"},
		{"unterminated sub", map[string]any{"Fn::Sub": "${AWS::Region"}, "unterminated"},
		{"join of non-list", map[string]any{"Fn::Join": []any{",", "a"}}, "list of values"},
		{"unknown condition", map[string]any{"Fn::If": []any{"Nope", 1, 2}}, "condition Nope is not declared"},
	}
	r := sampleResolver(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Resolve(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewResolverParameterChecks(t *testing.T) {
	t.Parallel()
	tpl := mustParse(t, "Parameters:\n  P: {Type: String, AllowedValues: [a, b]}\nResources: {}\n")
	tests := []struct {
		name      string
		overrides map[string]string
		wantErr   bool
	}{
		{"missing value", nil, true},
		{"not allowed", map[string]string{"P": "c"}, true},
		{"undeclared override", map[string]string{"P": "a", "Q": "x"}, true},
		{"ok", map[string]string{"P": "b"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := cfn.NewResolver(tpl, pseudo, tt.overrides, nil)
			if (err != nil) != tt.wantErr {
				t.Fatalf("NewResolver error = %v, wantErr %v", err, tt.wantErr)
			}
		})
	}
}
