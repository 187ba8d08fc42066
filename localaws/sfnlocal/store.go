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

// store is the registry of one region's state machines and executions. Its
// maps and everything a state machine holds are guarded by mu; each
// execution's changing fields have their own lock so that busy executions
// do not contend on the registry.
type store struct {
	mu          sync.RWMutex
	machines    map[string]*stateMachine // by ARN
	executions  map[string]*execution    // by ARN
	open        int                      // executions RUNNING
	activities  map[string]*activity     // by ARN
	activitySeq int                      // activities ever created
}

func newStore() *store {
	return &store{
		machines:   make(map[string]*stateMachine),
		executions: make(map[string]*execution),
		activities: make(map[string]*activity),
	}
}

// stateMachine is one registered state machine. Fields other than arn,
// name, kind and created change only under store.mu.
type stateMachine struct {
	arn, name, kind string
	created         time.Time

	// cur is the current revision.
	cur  *revision
	tags []tag
	// versions are the published versions still present, in publishing
	// order; lastVersion is the highest number ever published, so numbers
	// are never reused after a deletion.
	versions    []*version
	lastVersion int
	aliases     map[string]*alias // by name
	// executions lists the machine's executions in the order they started.
	executions []*execution
}

// revision is an immutable snapshot of a state machine's definition and
// settings. UpdateStateMachine makes a new one; versions and executions
// keep the one they were made from.
type revision struct {
	// id is empty for the revision a machine was created with; made is
	// when the revision was created.
	id         string
	made       time.Time
	definition string
	machine    *asl.Machine
	roleArn    string
	logging    json.RawMessage
	tracing    json.RawMessage
	encryption json.RawMessage
}

// sameSettings reports whether two revisions would describe alike.
func (r *revision) sameSettings(o *revision) bool {
	return r.definition == o.definition && r.roleArn == o.roleArn &&
		string(r.logging) == string(o.logging) && string(r.tracing) == string(o.tracing) &&
		string(r.encryption) == string(o.encryption)
}

// version is a published, numbered revision of a state machine.
type version struct {
	arn         string
	number      int
	rev         *revision
	description string
	created     time.Time
}

// version returns the version a version ARN names. The caller holds mu.
func (st *store) version(arn string) (*stateMachine, *version, bool) {
	base, _, ok := splitQualified(arn)
	if !ok {
		return nil, nil, false
	}
	m, ok := st.machines[base]
	if !ok {
		return nil, nil, false
	}
	for _, v := range m.versions {
		if v.arn == arn {
			return m, v, true
		}
	}
	return m, nil, false
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
