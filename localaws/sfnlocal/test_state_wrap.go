package sfnlocal

import (
	"encoding/json"
	"slices"
	"strings"
)

// testStateName is the name a state tested on its own runs under.
const testStateName = "TestState"

// stateUnderTest is one state taken out of a TestState definition, and the
// one-state machine that runs it through the engine.
type stateUnderTest struct {
	name     string // as the state runs
	kind     string // its Type
	retriers []retrier
	machine  []byte // the definition the engine runs
}

// retrier is the part of a Retry entry TestState needs: whether an error
// would be retried.
type retrier struct {
	ErrorEquals []string `json:"ErrorEquals"`
	MaxAttempts *int     `json:"MaxAttempts"`
}

// retries reports whether a retrier matches an error name and would retry.
func (r retrier) retries(errName string) bool {
	if r.MaxAttempts != nil && *r.MaxAttempts == 0 {
		return false
	}
	for _, e := range r.ErrorEquals {
		if e == errName || e == "States.ALL" || e == "States.TaskFailed" && !strings.HasPrefix(errName, "States.") {
			return true
		}
	}
	return false
}

// wrapState finds the state to test in a definition (a single state, or a
// whole state machine and the state called stateName, StartAt by default)
// and builds a machine that runs it once: every state it may go to becomes
// a Succeed stub, so the run stops right after it and shows which state
// came next. A Wait becomes a Pass with its paths, since TestState does not
// wait, and Retry is taken out so a failure is reported rather than
// retried; the retriers decide whether it is RETRIABLE.
func wrapState(definition, stateName string) (*stateUnderTest, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(definition), &doc); err != nil {
		return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'The definition is not a JSON object: %v'", err)
	}
	name := testStateName
	if stateName != "" {
		name = stateName
	}
	raw := json.RawMessage(definition)
	if states, ok := doc["States"]; ok {
		var all map[string]json.RawMessage
		if err := json.Unmarshal(states, &all); err != nil {
			return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'States must be an object'")
		}
		if stateName == "" {
			if err := json.Unmarshal(doc["StartAt"], &name); err != nil {
				return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'StartAt must name a state'")
			}
		}
		if raw, ok = all[name]; !ok {
			return nil, errorf(codeValidation, "State '%s' does not exist in the definition", name)
		}
		doc = nil // Unmarshal would merge the state into the machine's members
		if err := json.Unmarshal(raw, &doc); err != nil {
			return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: 'State %s is not an object'", name)
		}
	}
	var shape struct {
		Type    string    `json:"Type"`
		Next    string    `json:"Next"`
		Default string    `json:"Default"`
		Retry   []retrier `json:"Retry"`
		Choices []struct {
			Next string `json:"Next"`
		} `json:"Choices"`
		Catch []struct {
			Next string `json:"Next"`
		} `json:"Catch"`
	}
	if err := json.Unmarshal(raw, &shape); err != nil {
		return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: '%v'", err)
	}
	targets := []string{shape.Next, shape.Default}
	for _, c := range shape.Choices {
		targets = append(targets, c.Next)
	}
	for _, c := range shape.Catch {
		targets = append(targets, c.Next)
	}
	targets = slices.DeleteFunc(targets, func(t string) bool { return t == "" })
	run := name
	for slices.Contains(targets, run) {
		run += "~" // a loop back to itself would never stop; run it under another name
	}
	delete(doc, "Retry")
	if shape.Type == "Wait" {
		for k := range doc {
			switch k {
			case "InputPath", "OutputPath", "Next", "End", "Comment":
			default:
				delete(doc, k)
			}
		}
		doc["Type"] = json.RawMessage(`"Pass"`)
	}
	states := map[string]any{run: doc}
	for _, t := range targets {
		states[t] = map[string]string{"Type": "Succeed"}
	}
	machine, err := json.Marshal(map[string]any{"StartAt": run, "States": states})
	if err != nil {
		return nil, errorf(codeInvalidDefinition, "Invalid State Machine Definition: '%v'", err)
	}
	return &stateUnderTest{name: run, kind: shape.Type, retriers: shape.Retry, machine: machine}, nil
}
