package cfn_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/cfn"
)

func mustParse(tb testing.TB, src string) *cfn.Template {
	tb.Helper()
	tpl, err := cfn.Parse([]byte(src))
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return tpl
}

func TestParseSample(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/sample.yml")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := cfn.Parse(data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	fn := tpl.Resources["Fn"]
	want := cfn.Resource{
		Type:      "AWS::Serverless::Function",
		DependsOn: []string{"Topic"},
		Properties: map[string]any{
			"Timeout": 30,
			"Environment": map[string]any{"Variables": map[string]any{
				"LOG_LEVEL": "info",
				"QUEUE_URL": map[string]any{"Ref": "Queue"},
			}},
		},
	}
	if diff := cmp.Diff(want, fn); diff != "" {
		t.Errorf("function with globals merged (-want +got):\n%s", diff)
	}
	redrive := tpl.Resources["Queue"].Properties["RedrivePolicy"]
	wantRedrive := map[string]any{
		"deadLetterTargetArn": map[string]any{"Fn::GetAtt": []any{"Dlq", "Arn"}},
		"maxReceiveCount":     3,
	}
	if diff := cmp.Diff(wantRedrive, redrive); diff != "" {
		t.Errorf("short-form GetAtt (-want +got):\n%s", diff)
	}
	if got := tpl.Outputs["QueueUrl"].Description; got != "the queue" {
		t.Errorf("output description = %q", got)
	}
}

func TestParseShortForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want any
	}{
		{"ref", "!Ref X", map[string]any{"Ref": "X"}},
		{"getatt scalar", "!GetAtt A.B.C", map[string]any{"Fn::GetAtt": []any{"A", "B.C"}}},
		{"getatt list", "!GetAtt [A, B]", map[string]any{"Fn::GetAtt": []any{"A", "B"}}},
		{"sub string", `!Sub "x-${A}"`, map[string]any{"Fn::Sub": "x-${A}"}},
		{"sub list", "!Sub [\"${X}\", {X: !Ref Y}]", map[string]any{"Fn::Sub": []any{"${X}", map[string]any{"X": map[string]any{"Ref": "Y"}}}}},
		{"join", "!Join [',', [a, !Ref B]]", map[string]any{"Fn::Join": []any{",", []any{"a", map[string]any{"Ref": "B"}}}}},
		{"number stays a string under a tag", "!Ref 123", map[string]any{"Ref": "123"}},
		{"long form", "{\"Fn::Select\": [0, [a]]}", map[string]any{"Fn::Select": []any{0, []any{"a"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tpl := mustParse(t, "Resources:\n  R:\n    Type: T\n    Properties:\n      P: "+tt.src+"\n")
			if diff := cmp.Diff(tt.want, tpl.Resources["R"].Properties["P"]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"not yaml", "Resources: [\n"},
		{"unknown tag", "Resources:\n  R:\n    Type: T\n    Properties: {P: !Nope x}\n"},
		{"no type", "Resources:\n  R:\n    Properties: {}\n"},
		{"getatt without attribute", "Resources:\n  R:\n    Type: T\n    Properties: {P: !GetAtt R}\n"},
		{"top level list", "- a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := cfn.Parse([]byte(tt.src)); err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
		})
	}
}

func TestOrder(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/sample.yml")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := cfn.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tpl.Order()
	if err != nil {
		t.Fatalf("Order: %v", err)
	}
	want := []string{"Dlq", "Topic", "Queue", "Fn"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestOrderCycle(t *testing.T) {
	t.Parallel()
	tpl := mustParse(t, `Resources:
  A: {Type: T, Properties: {P: !Sub "${B.Arn}"}}
  B: {Type: T, Properties: {P: !Ref A}}
  C: {Type: T}
`)
	_, err := tpl.Order()
	if err == nil || err.Error() != "circular dependency between resources: A, B" {
		t.Fatalf("Order error = %v, want the A, B cycle", err)
	}
}
