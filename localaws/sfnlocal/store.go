package sfnlocal

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// maxOpenExecutions is Step Functions' quota of open executions per account
// and region; StartExecution beyond it fails with ExecutionLimitExceeded.
const maxOpenExecutions = 1_000_000

// store is the registry of state machines and executions. Its maps and
// the per-machine execution lists are guarded by mu; each execution's
// changing fields have their own lock so that busy executions do not
// contend on the registry.
type store struct {
	mu         sync.RWMutex
	machines   map[string]*stateMachine // by ARN
	executions map[string]*execution    // by ARN
	open       int                      // executions RUNNING
}

func newStore() *store {
	return &store{
		machines:   make(map[string]*stateMachine),
		executions: make(map[string]*execution),
	}
}

// stateMachine is one registered state machine. Fields other than arn,
// name, kind and created change only under store.mu.
type stateMachine struct {
	arn, name, kind string
	created         time.Time

	definition string
	machine    *asl.Machine
	roleArn    string
	logging    json.RawMessage
	tracing    json.RawMessage
	revisionID string
	// executions lists the machine's executions in the order they started.
	executions []*execution
}

// machine returns the state machine with the given ARN.
func (st *store) machine(arn string) (*stateMachine, error) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	m, ok := st.machines[arn]
	if !ok {
		return nil, errorf(codeStateMachineDoesNotExist, "State Machine Does Not Exist: '%s'", arn)
	}
	return m, nil
}

// execution returns the execution with the given ARN.
func (st *store) execution(arn string) (*execution, error) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	x, ok := st.executions[arn]
	if !ok {
		return nil, errorf(codeExecutionDoesNotExist, "Execution Does Not Exist: '%s'", arn)
	}
	return x, nil
}

// closed records that an execution has left RUNNING.
func (st *store) closed() {
	st.mu.Lock()
	st.open--
	st.mu.Unlock()
}
