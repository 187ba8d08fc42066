package sfnlocal

import "encoding/json"

// codeInvalidLoggingConfiguration is the code AWS refuses a logging
// configuration with.
const codeInvalidLoggingConfiguration = "InvalidLoggingConfiguration"

// loggingConfig is a state machine's loggingConfiguration as the service
// describes it.
type loggingConfig struct {
	Level                string             `json:"level"`
	IncludeExecutionData bool               `json:"includeExecutionData"`
	Destinations         *[]json.RawMessage `json:"destinations,omitempty"`
}

// normalLogging checks a loggingConfiguration of CreateStateMachine or
// UpdateStateMachine and returns it as AWS then describes it. The rules and
// the wording are AWS's, as LocalStack's AWS-validated snapshots record
// them (tests/aws/services/stepfunctions/v2/test_sfn_api_logs.snapshot.json):
// a level other than OFF needs exactly one destination
// (test_invalid_logging_configuration, test_multiple_destinations,
// test_update_logging_configuration), and what is left out reads back as
// level OFF without execution data, destinations only when given
// (test_incomplete_logging_configuration). Nothing is logged: the
// destinations are kept, not written to. An empty raw configuration stays
// empty.
func normalLogging(raw json.RawMessage) (json.RawMessage, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var in struct {
		Level                *string            `json:"level"`
		IncludeExecutionData *bool              `json:"includeExecutionData"`
		Destinations         *[]json.RawMessage `json:"destinations"`
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return nil, errorf(codeSerialization, "loggingConfiguration is not a logging configuration")
	}
	out := loggingConfig{Level: "OFF", Destinations: in.Destinations}
	if in.Level != nil {
		out.Level = *in.Level
	}
	if in.IncludeExecutionData != nil {
		out.IncludeExecutionData = *in.IncludeExecutionData
	}
	if out.Level != "OFF" && (in.Destinations == nil || len(*in.Destinations) != 1) {
		return nil, errorf(codeInvalidLoggingConfiguration, "Invalid Logging Configuration: Must specify exactly one Log Destination.")
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, errorf(codeSerialization, "loggingConfiguration is not a logging configuration")
	}
	return b, nil
}
