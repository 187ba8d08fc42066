package sfnlocal

import (
	"context"
	"errors"

	"github.com/payflow-dev/payflow/localaws/asl"
)

type validateStateMachineDefinitionInput struct {
	Definition string `json:"definition"`
	Type       string `json:"type"`
	MaxResults int    `json:"maxResults"`
}

type validationDiagnostic struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Location string `json:"location,omitempty"`
}

type validateStateMachineDefinitionOutput struct {
	Result      string                 `json:"result"`
	Diagnostics []validationDiagnostic `json:"diagnostics"`
	Truncated   bool                   `json:"truncated"`
}

// validateStateMachineDefinition checks a definition without creating a
// machine. Problems come back as diagnostics in a successful response;
// only a malformed request is an error.
func (s *Service) validateStateMachineDefinition(_ context.Context, in *validateStateMachineDefinitionInput) (*validateStateMachineDefinitionOutput, error) {
	if in.Definition == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null")
	}
	if len(in.Definition) > maxDefinitionBytes {
		return nil, errorf(codeValidation, "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to %d", maxDefinitionBytes)
	}
	if in.Type != "" && in.Type != "STANDARD" && in.Type != "EXPRESS" {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]", in.Type)
	}
	n, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	out := &validateStateMachineDefinitionOutput{Result: "OK", Diagnostics: []validationDiagnostic{}}
	_, err = asl.Parse([]byte(in.Definition))
	if err == nil {
		return out, nil
	}
	out.Result = "FAIL"
	var invalid *asl.ValidationError
	if !errors.As(err, &invalid) {
		out.Diagnostics = append(out.Diagnostics, validationDiagnostic{
			Severity: "ERROR", Code: "INVALID_JSON_DESCRIPTION", Message: err.Error(),
		})
		return out, nil
	}
	for _, d := range invalid.Diagnostics {
		if len(out.Diagnostics) == n {
			out.Truncated = true
			break
		}
		out.Diagnostics = append(out.Diagnostics, validationDiagnostic{
			Severity: "ERROR", Code: d.Code, Message: d.Message, Location: d.Location,
		})
	}
	return out, nil
}
