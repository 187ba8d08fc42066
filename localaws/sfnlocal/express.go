package sfnlocal

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Express workflows run like Standard ones here, but as AWS keeps them:
// their executions have "express" ARNs and are not kept for
// DescribeExecution, GetExecutionHistory, StopExecution or ListExecutions,
// which refuse them in AWS's words; StartSyncExecution runs one and answers
// with its result. The wordings below are those LocalStack's AWS-validated
// test_sfn_api_express and test_sfn_api snapshots record.

const (
	kindStandard = "STANDARD"
	kindExpress  = "EXPRESS"
)

// errTypeNotSupported is AWS's answer to an action the state machine's
// type does not serve.
func errTypeNotSupported() error {
	return errorf(codeStateMachineTypeNotSupported, "This operation is not supported by this type of state machine")
}

// expressExecutionArnOf is an Express execution's ARN: the machine's,
// with "express" for "stateMachine", the name and a unique id.
func expressExecutionArnOf(machineArn, name string) string {
	return strings.Replace(machineArn, ":stateMachine:", ":express:", 1) + ":" + name + ":" + newUUID()
}

// checkExpressDefinition refuses what an Express workflow cannot run: a
// task that waits for a token, a .sync integration, or an activity, at
// any depth (Parallel branches, Map processors).
func checkExpressDefinition(definition string) error {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(definition), &doc); err != nil {
		return nil // parseDefinition has already refused it
	}
	return checkExpressStates(doc["States"], "/States")
}

// checkExpressStates walks one States object.
func checkExpressStates(raw json.RawMessage, path string) error {
	var states map[string]struct {
		Resource      string            `json:"Resource"`
		Branches      []json.RawMessage `json:"Branches"`
		Iterator      json.RawMessage   `json:"Iterator"`
		ItemProcessor json.RawMessage   `json:"ItemProcessor"`
	}
	if json.Unmarshal(raw, &states) != nil {
		return nil
	}
	names := make([]string, 0, len(states))
	for name := range states {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		st := states[name]
		at := fmt.Sprintf("%s/%s/Resource", path, name)
		switch {
		case strings.HasSuffix(st.Resource, ".waitForTaskToken"):
			// AWS's message has two spaces before "at" here, and one in
			// the next two.
			return errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at %s'", at)
		case strings.HasSuffix(st.Resource, ".sync") || strings.Contains(st.Resource, ".sync:"):
			return errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at %s'", at)
		case strings.Contains(st.Resource, ":activity:"):
			return errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at %s'", at)
		}
		for i, b := range st.Branches {
			if err := checkExpressSub(b, fmt.Sprintf("%s/%s/Branches/%d", path, name, i)); err != nil {
				return err
			}
		}
		for field, sub := range map[string]json.RawMessage{"Iterator": st.Iterator, "ItemProcessor": st.ItemProcessor} {
			if len(sub) > 0 {
				if err := checkExpressSub(sub, fmt.Sprintf("%s/%s/%s", path, name, field)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkExpressSub walks a nested machine (a branch or a Map processor).
func checkExpressSub(raw json.RawMessage, path string) error {
	var sub struct {
		States json.RawMessage `json:"States"`
	}
	if json.Unmarshal(raw, &sub) != nil {
		return nil
	}
	return checkExpressStates(sub.States, path+"/States")
}

// newExpress makes an Express execution: counted among the open ones while
// it runs, but not kept in the store, as AWS keeps no Express execution
// for the API to read back. The caller holds the store's lock.
func (s *Service) newExpress(st *store, m *stateMachine, rev *revision, versionArn, aliasArn, name, input string) (*execution, *stateMachine, bool, error) {
	if st.open >= maxOpenExecutions {
		return nil, nil, false, errorf(codeExecutionLimitExceeded, "Execution Limit Exceeded: 'The maximum number of running executions has been reached'")
	}
	st.open++
	return &execution{
		arn: expressExecutionArnOf(m.arn, name), name: name, machineArn: m.arn, versionArn: versionArn, aliasArn: aliasArn,
		rev: rev, input: input, started: s.clock.Now(), status: statusRunning, done: make(chan struct{}),
	}, m, false, nil
}
