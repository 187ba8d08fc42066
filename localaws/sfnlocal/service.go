package sfnlocal

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
)

// Config configures a Service.
type Config struct {
	// Region serves requests that are not signed for a region; Account
	// goes into every ARN. Empty values default to us-east-1 and
	// 123456789012.
	Region, Account string
	// Clock is the time source for dates and for the engine's waits; nil
	// means the wall clock.
	Clock clock.Clock
	// Resources are the Task state integrations executions may call.
	Resources asl.Resources
}

// Service is an in-memory Step Functions. It is safe for concurrent use and
// keeps no state outside itself, so tests may run many side by side. Each
// region a request names (by its SigV4 credential scope) has its own state
// machines and executions; the account is the configured one.
type Service struct {
	region, account string
	clock           clock.Clock
	engine          *asl.Engine
	regions         regions
}

// New returns an empty Step Functions service.
func New(cfg Config) *Service {
	cfg.Region, cfg.Account = awsid.OrDefaults(cfg.Region, cfg.Account)
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	s := &Service{
		region:  cfg.Region,
		account: cfg.Account,
		clock:   cfg.Clock,
		regions: regions{stores: make(map[string]*store)},
	}
	s.engine = asl.NewEngine(asl.EngineConfig{Clock: cfg.Clock, Resources: s.resourcesWithActivities(cfg.Resources)})
	return s
}

// ServeHTTP answers one AWS JSON 1.0 request. Every failure, including
// malformed requests, becomes an AWS-style JSON error; nothing the client
// sends can make it panic.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op, err := operationOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	body, err := readBody(r)
	if err != nil {
		writeError(w, err)
		return
	}
	ctx := context.WithValue(r.Context(), scopeKey{}, s.requestScope(r))
	out, err := s.dispatch(ctx, op, body)
	if err != nil {
		writeError(w, fmt.Errorf("%s: %w", op, err))
		return
	}
	wire().WriteResult(w, awsproto.NewRequestID(), out)
}

// dispatch runs the named action on a request body.
func (s *Service) dispatch(ctx context.Context, op string, body []byte) (any, error) {
	switch op {
	case "CreateStateMachine":
		return handle(ctx, body, s.createStateMachine)
	case "DescribeStateMachine":
		return handle(ctx, body, s.describeStateMachine)
	case "ListStateMachines":
		return handle(ctx, body, s.listStateMachines)
	case "UpdateStateMachine":
		return handle(ctx, body, s.updateStateMachine)
	case "DeleteStateMachine":
		return handle(ctx, body, s.deleteStateMachine)
	case "ValidateStateMachineDefinition":
		return handle(ctx, body, s.validateStateMachineDefinition)
	case "StartExecution":
		return handle(ctx, body, s.startExecution)
	case "StartSyncExecution":
		return handle(ctx, body, s.startSyncExecution)
	case "DescribeExecution":
		return handle(ctx, body, s.describeExecution)
	case "ListExecutions":
		return handle(ctx, body, s.listExecutions)
	case "GetExecutionHistory":
		return handle(ctx, body, s.getExecutionHistory)
	case "StopExecution":
		return handle(ctx, body, s.stopExecution)
	case "SendTaskSuccess":
		return handle(ctx, body, s.sendTaskSuccess)
	case "SendTaskFailure":
		return handle(ctx, body, s.sendTaskFailure)
	case "SendTaskHeartbeat":
		return handle(ctx, body, s.sendTaskHeartbeat)
	case "DescribeStateMachineForExecution":
		return handle(ctx, body, s.describeStateMachineForExecution)
	case "PublishStateMachineVersion":
		return handle(ctx, body, s.publishStateMachineVersion)
	case "ListStateMachineVersions":
		return handle(ctx, body, s.listStateMachineVersions)
	case "DeleteStateMachineVersion":
		return handle(ctx, body, s.deleteStateMachineVersion)
	case "CreateStateMachineAlias":
		return handle(ctx, body, s.createStateMachineAlias)
	case "DescribeStateMachineAlias":
		return handle(ctx, body, s.describeStateMachineAlias)
	case "UpdateStateMachineAlias":
		return handle(ctx, body, s.updateStateMachineAlias)
	case "DeleteStateMachineAlias":
		return handle(ctx, body, s.deleteStateMachineAlias)
	case "ListStateMachineAliases":
		return handle(ctx, body, s.listStateMachineAliases)
	case "TagResource":
		return handle(ctx, body, s.tagResource)
	case "UntagResource":
		return handle(ctx, body, s.untagResource)
	case "ListTagsForResource":
		return handle(ctx, body, s.listTagsForResource)
	case "TestState":
		return handle(ctx, body, s.testState)
	case "RedriveExecution":
		return handle(ctx, body, s.redriveExecution)
	case "CreateActivity":
		return handle(ctx, body, s.createActivity)
	case "DescribeActivity":
		return handle(ctx, body, s.describeActivity)
	case "DeleteActivity":
		return handle(ctx, body, s.deleteActivity)
	case "ListActivities":
		return handle(ctx, body, s.listActivities)
	case "GetActivityTask":
		return handle(ctx, body, s.getActivityTask)
	}
	return nil, errorf(codeUnknownOperation, "Operation %s is not supported by this endpoint", op)
}

// newUUID returns a random version 4 UUID, the default execution name.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
