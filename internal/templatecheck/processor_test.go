package templatecheck_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProcessorChoiceIsExplicit checks issue 8's "no silent simulator in
// production": the processor is a parameter, and a Rule refuses a deploy
// with the simulator unless a second parameter says that no money moves.
func TestProcessorChoiceIsExplicit(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	for name, want := range map[string][]any{
		"PaymentProcessor":        {"stripe", "simulated"},
		"AllowSimulatedProcessor": {"no", "yes-no-money-moves"},
		"StripeCapture":           {"automatic", "manual"},
	} {
		if diff := cmp.Diff(want, lookup(map[string]any(tmpl), "Parameters", name, "AllowedValues")); diff != "" {
			t.Errorf("%s AllowedValues (-want +got):\n%s", name, diff)
		}
	}
	if got := lookup(map[string]any(tmpl), "Parameters", "AllowSimulatedProcessor", "Default"); got != "no" {
		t.Errorf("AllowSimulatedProcessor defaults to %v, want no", got)
	}
	rule := lookup(map[string]any(tmpl), "Rules", "SimulatorOnlyWhenAllowed")
	wantCond := map[string]any{"Fn::Equals": []any{ref("PaymentProcessor"), "simulated"}}
	if diff := cmp.Diff(wantCond, lookup(rule, "RuleCondition")); diff != "" {
		t.Errorf("rule condition (-want +got):\n%s", diff)
	}
	asserts, _ := lookup(rule, "Assertions").([]any)
	wantAssert := map[string]any{"Fn::Equals": []any{ref("AllowSimulatedProcessor"), "yes-no-money-moves"}}
	if len(asserts) != 1 || !cmp.Equal(wantAssert, lookup(asserts[0], "Assert")) {
		t.Errorf("rule assertions = %v, want AllowSimulatedProcessor = yes-no-money-moves", asserts)
	}
}

// TestStripeSecretHasNoValueAndOneReader checks that the key never sits in
// the template and that only the callback may read it.
func TestStripeSecretHasNoValueAndOneReader(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	p := props(t, tmpl, "StripeSecretKey", "AWS::SecretsManager::Secret")
	for _, key := range []string{"SecretString", "GenerateSecretString"} {
		if _, ok := p[key]; ok {
			t.Errorf("StripeSecretKey has %s; the key is put in after deploying, never in the template", key)
		}
	}
	resources, _ := tmpl["Resources"].(map[string]any)
	var readers []string
	for id, r := range resources {
		typ, _ := lookup(r, "Type").(string)
		if typ != "AWS::Serverless::Function" && typ != "AWS::Serverless::StateMachine" {
			continue
		}
		stmts, _ := policies(t, lookup(r, "Properties").(map[string]any))
		for _, a := range allActions(stmts) {
			if strings.HasPrefix(a, "secretsmanager:") {
				readers = append(readers, id+" "+a)
			}
		}
	}
	slices.Sort(readers)
	if diff := cmp.Diff([]string{"CallbackFunction secretsmanager:GetSecretValue"}, readers); diff != "" {
		t.Errorf("Secrets Manager permissions (-want +got):\n%s", diff)
	}
}
