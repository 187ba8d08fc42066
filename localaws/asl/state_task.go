package asl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// taskState is a Task state calling one of the engine's Resources.
type taskState struct {
	stateBase
	resource      string // as written
	key           string // without integration suffix: the Resources key
	waitForToken  bool
	activity      bool   // Resource is an activity ARN
	resType       string // "sqs" for arn:aws:states:::sqs:sendMessage
	resName       string // "sendMessage.waitForTaskToken"
	timeout       int64
	timeoutPath   *path
	heartbeat     int64
	heartbeatPath *path
	// JSONata TimeoutSeconds and HeartbeatSeconds expressions.
	timeoutAta, heartbeatAta ataTemplate
}

const waitSuffix = ".waitForTaskToken"

// ActivityResource is the Resources key of activity tasks: a Task state
// whose Resource is an activity ARN (arn:aws:states:region:account:activity:name)
// calls it with that ARN, its input and a task token, then waits for the
// token like a .waitForTaskToken task, for the activity's worker to report.
const ActivityResource = "arn:aws:states:::activity"

func (p *parser) task(b stateBase, m map[string]any, loc string) state {
	chk := p.chk
	s := &taskState{stateBase: b}
	p.flow(&s.stateBase, m, loc)
	s.io = p.io(m, loc, true, true)
	p.errorHandling(&s.stateBase, m, loc)
	if res, ok := chk.str(m, "Resource", loc); ok {
		if !strings.HasPrefix(res, "arn:") || strings.Count(res, ":") < 5 {
			chk.add("INVALID_RESOURCE", loc+"/Resource", "Resource must be a valid ARN: %s", res)
		} else if !knownDynamoIntegration(res) {
			// AWS's refusal of an optimized DynamoDB integration it does not
			// have (LocalStack's AWS-validated
			// services/test_dynamodb_task_service.snapshot.json,
			// TestTaskServiceDynamoDB::test_invalid_integration).
			chk.schema(loc+"/Resource", "The resource provided %s is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.", res)
		}
		s.setResource(res)
	}
	if p.ql == queryJSONata {
		s.timeoutAta = p.ataField(m, "TimeoutSeconds", loc, ataScope{})
		s.heartbeatAta = p.ataField(m, "HeartbeatSeconds", loc, ataScope{})
	}
	if s.timeoutAta != nil {
		// evaluated when the state runs
	} else if n, ok := chk.integer(m, "TimeoutSeconds", loc, 1); ok {
		s.timeout = n
	}
	s.timeoutPath, _ = chk.pathField(m, "TimeoutSecondsPath", loc, true)
	if s.heartbeatAta != nil {
		// evaluated when the state runs
	} else if n, ok := chk.integer(m, "HeartbeatSeconds", loc, 1); ok {
		s.heartbeat = n
	}
	s.heartbeatPath, _ = chk.pathField(m, "HeartbeatSecondsPath", loc, true)
	if hasKey(m, "TimeoutSeconds") && hasKey(m, "TimeoutSecondsPath") {
		chk.schema(loc, "Only one of the fields 'TimeoutSeconds' and 'TimeoutSecondsPath' may be defined")
	}
	if hasKey(m, "HeartbeatSeconds") && hasKey(m, "HeartbeatSecondsPath") {
		chk.schema(loc, "Only one of the fields 'HeartbeatSeconds' and 'HeartbeatSecondsPath' may be defined")
	}
	if s.timeout > 0 && s.heartbeat > 0 && s.heartbeat >= s.timeout {
		chk.schema(loc+"/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds")
	}
	return s
}

// setResource splits a resource ARN into the Resources key and the
// resourceType/resource pair history events show.
func (s *taskState) setResource(res string) {
	s.resource = res
	key := res
	if strings.HasSuffix(key, waitSuffix) {
		s.waitForToken = true
		key = strings.TrimSuffix(key, waitSuffix)
	}
	// ".sync" integrations are not emulated: keeping the suffix in the key
	// makes such a task fail with States.Runtime naming it, rather than run
	// as request-response and end before the job it started.
	s.key = key
	parts := strings.SplitN(res, ":", 7)
	if len(parts) == 7 && parts[2] == "states" && parts[5] == "activity" {
		s.waitForToken, s.key, s.activity = true, ActivityResource, true
	}
	switch {
	case len(parts) >= 7 && parts[2] == "states" && parts[5] == "aws-sdk":
		// AWS names the service in the type: "aws-sdk:dynamodb" and
		// "putItem" (error_handling/test_aws_sdk.snapshot.json,
		// TestAwsSdk::test_dynamodb_invalid_param).
		svc, action, _ := strings.Cut(parts[6], ":")
		s.resType, s.resName = parts[5]+":"+svc, action
	case len(parts) >= 7 && parts[2] == "states":
		s.resType, s.resName = parts[5], parts[6]
	case len(parts) >= 3:
		s.resType, s.resName = parts[2], res
	}
}

func (s *taskState) exec(t *thread) step {
	e := t.x.engine
	c := t.ctx(s)
	in, f := s.io.selectInput(t.input, c)
	if f != nil {
		return step{fail: f}
	}
	timeout, f := secondsField(s.timeout, s.timeoutPath, "TimeoutSecondsPath", t.input, c)
	if f == nil && s.timeoutAta != nil {
		timeout, f = ataSeconds(s.timeoutAta, "TimeoutSeconds", t.input, c)
	}
	if f != nil {
		return step{fail: f}
	}
	heartbeat, f := secondsField(s.heartbeat, s.heartbeatPath, "HeartbeatSecondsPath", t.input, c)
	if f == nil && s.heartbeatAta != nil {
		heartbeat, f = ataSeconds(s.heartbeatAta, "HeartbeatSeconds", t.input, c)
	}
	if f != nil {
		return step{fail: f}
	}
	// The state's paths are evaluated before the resource is looked up,
	// so their failures read as on AWS whatever the resource
	// (scenarios/test_base_scenarios.snapshot.json,
	// TestBaseScenarios::test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH]).
	fn, ok := e.resources[s.key]
	if !ok {
		return step{fail: fail(ErrNameRuntime, fmt.Sprintf(
			"The resource '%s' is not supported by this local Step Functions: no implementation is configured for '%s'.",
			s.resource, s.key))}
	}
	a := &attempt{t: t, s: s, heartbeat: time.Duration(heartbeat) * time.Second}
	if s.waitForToken {
		e.register(a)
		c.token = a.token
	}
	params, f := s.io.parameters(in, c)
	paramsJSON := ""
	if f == nil {
		paramsJSON = encodeValue(params)
		if len(paramsJSON) > payloadLimit {
			f = fail(ErrNameDataLimitExceeded, fmt.Sprintf(
				"The state/task '%s' has an input with a size exceeding the maximum number of bytes service limit.", s.name))
		}
	}
	if f != nil {
		a.drop()
		return step{fail: f}
	}
	if !t.record(s.scheduledEvent(region(t.x.params.ExecutionArn), paramsJSON, timeout, heartbeat)) ||
		// an activity starts when a worker takes it (Engine.ActivityStarted)
		!s.activity && !t.record("TaskStarted", "taskStartedEventDetails", &TaskStartedEventDetails{ResourceType: s.resType, Resource: s.resName}) {
		a.drop()
		return step{parked: true}
	}
	ctx, cancel := context.WithCancel(context.Background())
	a.cancelCtx = cancel
	if !a.arm(time.Duration(timeout) * time.Second) {
		cancel()
		return step{parked: true}
	}
	out, err := fn(ctx, TaskCall{Resource: s.resource, Parameters: json.RawMessage(paramsJSON),
		TaskToken: a.token, ExecutionArn: t.x.params.ExecutionArn, StateName: s.name})
	cancel()
	early := a.returned(compactOutput(out), err)
	switch {
	case err != nil && early != nil:
		return s.callFailed(t, err) // the call failed: a callback cannot have been meant
	case err != nil:
		if !a.settle() {
			return step{parked: true}
		}
		return s.callFailed(t, err)
	case early != nil:
		return early.then(s, t)
	case s.waitForToken:
		return step{parked: true}
	}
	if !a.settle() {
		return step{parked: true}
	}
	v, derr := decodeResult(out)
	if derr != nil {
		return s.failed(t, &TaskFailure{Name: ErrNameRuntime, Cause: "The task result is not valid JSON: " + derr.Error()})
	}
	return s.succeeded(t, v)
}

// drop forgets an attempt that never started.
func (a *attempt) drop() {
	a.t.x.mu.Lock()
	a.closeLocked()
	a.t.x.mu.Unlock()
}

// succeeded completes the task with its result.
func (s *taskState) succeeded(t *thread, result any) step {
	resultJSON := encodeValue(result)
	if len(resultJSON) > payloadLimit {
		return step{fail: fail(ErrNameDataLimitExceeded, fmt.Sprintf(
			"The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", s.name))}
	}
	if !t.record(s.succeededEvent(resultJSON)) {
		return step{parked: true}
	}
	out, f := s.io.output(t.input, result, t.ctx(s))
	if f != nil {
		return step{fail: f}
	}
	return s.then(out)
}

// failed records a TaskFailed (ActivityFailed) for err and fails the
// state with it.
func (s *taskState) failed(t *thread, err error) step {
	return s.failedAs(t, "Failed", err)
}

// callFailed is failed for an error of the resource call itself, which
// for an activity means the task could not be queued.
func (s *taskState) callFailed(t *thread, err error) step {
	return s.failedAs(t, "ScheduleFailed", err)
}

func (s *taskState) failedAs(t *thread, kind string, err error) step {
	f := fail(ErrNameTaskFailed, err.Error())
	var tf *TaskFailure
	if errors.As(err, &tf) {
		f = fail(tf.Name, tf.Cause)
		f.answered = true
	}
	if !t.record(s.failureEvent(kind, f.name, f.cause)) {
		return step{parked: true}
	}
	return step{fail: f}
}

// timedOut records a TaskTimedOut (ActivityTimedOut) and fails the state
// with it.
func (s *taskState) timedOut(t *thread, name, cause string) step {
	f := fail(name, cause)
	if name == ErrNameHeartbeatTimeout {
		f = &failure{name: ErrNameTimeout, cause: cause, heartbeat: true}
	}
	if !t.record(s.failureEvent("TimedOut", f.name, cause)) {
		return step{parked: true}
	}
	return step{fail: f}
}

// secondsField resolves TimeoutSeconds/HeartbeatSeconds or their Path
// variants.
func secondsField(fixed int64, p *path, field string, in any, c *evalCtx) (int64, *failure) {
	if p == nil {
		return fixed, nil
	}
	v, err := p.get(in, c)
	if err != nil {
		return 0, fail(ErrNameRuntime, p.noResults())
	}
	n, ok := v.(json.Number)
	i, err := n.Int64()
	if !ok || err != nil || i < 1 {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("The value at %s '%s' must be a positive integer, got %s", field, p.src, encodeValue(v)))
	}
	return i, nil
}

func decodeResult(raw json.RawMessage) (any, error) {
	if len(strings.TrimSpace(string(raw))) == 0 {
		return map[string]any{}, nil
	}
	return decodeValue(raw)
}

func compactOutput(raw json.RawMessage) string {
	v, err := decodeResult(raw)
	if err != nil {
		return string(raw)
	}
	return encodeValue(v)
}

// ataSeconds evaluates a JSONata TimeoutSeconds or HeartbeatSeconds,
// which must yield a positive integer.
func ataSeconds(tmpl ataTemplate, field string, in any, c *evalCtx) (int64, *failure) {
	v, f := tmpl.eval(&ataEnv{c: c, input: in})
	if f != nil {
		return 0, f
	}
	n, ok := v.(json.Number)
	i, err := n.Int64()
	if !ok || err != nil || i < 1 {
		return 0, fail(ErrNameRuntime, fmt.Sprintf("The %s field must evaluate to a positive integer, got %s", field, encodeValue(v)))
	}
	return i, nil
}

// knownDynamoIntegration reports whether res, if it names an optimized
// DynamoDB integration, names one Step Functions has: getItem, putItem,
// updateItem and deleteItem (the developer guide's DynamoDB page). Other
// resources are not its concern.
func knownDynamoIntegration(res string) bool {
	parts := strings.SplitN(res, ":", 7)
	if len(parts) != 7 || parts[2] != "states" || parts[5] != "dynamodb" {
		return true
	}
	action, _, _ := strings.Cut(parts[6], ".")
	switch action {
	case "getItem", "putItem", "updateItem", "deleteItem":
		return true
	}
	return false
}
