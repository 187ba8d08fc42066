package asl_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// The limits on workflow variables, as AWS documents them on
// https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
// ("Limits": 256 KiB per Assign, 10 MiB of stored variables per
// execution; "Variable name syntax": Unicode identifiers of at most 80
// characters). AWS documents no error name or cause for the 10 MiB
// limit: the engine fails the state with States.DataLimitExceeded, as for
// the 256 KiB one, in its own words.

// chainOfAssigns is a JSONata machine of n Pass states, each storing a
// new variable of size bytes of JSON text.
func chainOfAssigns(n, size int) string {
	states := make([]string, n)
	for i := range n {
		next := fmt.Sprintf(`"Next":"S%d"`, i+1)
		if i == n-1 {
			next = `"End":true`
		}
		states[i] = fmt.Sprintf(`"S%d":{"Type":"Pass","Assign":{"v%d":"{%% $pad('', %d, 'x') %%}"},%s}`, i, i, size-2, next)
	}
	return `{"QueryLanguage":"JSONata","StartAt":"S0","States":{` + strings.Join(states, ",") + `}}`
}

func TestSDKVariablesPerExecutionLimit(t *testing.T) {
	t.Parallel()
	const size = 240_000 // JSON text of one variable; 43 fit in 10 MiB, 44 do not
	c := sdkClient(t, nil)

	fits := runSDK(t, c, "fits", chainOfAssigns(43, size), `{}`)
	if fits.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("43 variables of %d bytes (%d in all): status %s, error %s: %s", size, 43*size, fits.Status,
			aws.ToString(fits.Error), aws.ToString(fits.Cause))
	}

	over := runSDK(t, c, "over", chainOfAssigns(44, size), `{}`)
	if over.Status != types.ExecutionStatusFailed || aws.ToString(over.Error) != "States.DataLimitExceeded" {
		t.Fatalf("44 variables of %d bytes: status %s, error %q, want FAILED with States.DataLimitExceeded", size,
			over.Status, aws.ToString(over.Error))
	}
	if cause := aws.ToString(over.Cause); !strings.Contains(cause, "'S43'") || !strings.Contains(cause, "10485760 bytes") {
		t.Errorf("cause %q should name the state S43 and the 10 MiB limit", cause)
	}
}

func TestSDKVariablesOfFinishedIterationsGoOutOfScope(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	// 60 iterations, one at a time, each storing 240,000 bytes: 14 MB in
	// all, but never more than one iteration's worth at once.
	def := `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% [1..60] %}",
		"MaxConcurrency":1,"ItemProcessor":{"StartAt":"Keep","States":{"Keep":{"Type":"Pass",
		"Assign":{"big":"{% $pad('', 239998, 'x') %}"},"End":true}}},
		"Output":"{% $count($states.result) %}","End":true}}}`
	d := runSDK(t, c, "iterations", def, `{}`)
	if d.Status != types.ExecutionStatusSucceeded {
		t.Fatalf("status %s, error %s: %s", d.Status, aws.ToString(d.Error), aws.ToString(d.Cause))
	}
	if out := aws.ToString(d.Output); out != "60" {
		t.Errorf("output %s, want 60", out)
	}
}

func TestSDKVariableNames(t *testing.T) {
	t.Parallel()
	c := sdkClient(t, nil)
	long := strings.Repeat("n", 80)
	tests := []struct {
		name, variable string
		valid          bool
	}{
		{"unicode identifier", "café", true},
		{"80 characters", long, true},
		{"81 characters", long + "n", false},
		{"starts with a digit", "1st", false},
		{"reserved", "states", false},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			name, _ := json.Marshal(tc.variable)
			def := `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{` + string(name) +
				`:1},"Next":"B"},"B":{"Type":"Pass","Output":"{% $` + tc.variable + ` %}","End":true}}}`
			_, err := c.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
				Name: aws.String(fmt.Sprintf("names-%d", i)), Definition: aws.String(def), RoleArn: aws.String(sdkRole)})
			var invalid *types.InvalidDefinition
			switch {
			case tc.valid && err != nil:
				t.Fatalf("CreateStateMachine refused %q: %v", tc.variable, err)
			case !tc.valid && !errors.As(err, &invalid):
				t.Fatalf("CreateStateMachine with %q: err = %v, want InvalidDefinition", tc.variable, err)
			case !tc.valid && !strings.Contains(invalid.ErrorMessage(), "SCHEMA_VALIDATION_FAILED"):
				t.Errorf("message %q, want SCHEMA_VALIDATION_FAILED", invalid.ErrorMessage())
			}
		})
	}
}
