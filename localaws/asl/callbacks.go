package asl

import (
	"encoding/json"
	"fmt"
)

// lookup resolves a task token to the attempt waiting on it.
func (e *Engine) lookup(token string) (*attempt, error) {
	seq, err := e.tokens.parse(token)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	a := e.waiting[seq]
	e.mu.Unlock()
	if a == nil {
		// The engine issued this token, so its task existed and has
		// closed: answered, timed out, or stopped.
		return nil, ErrTaskTimedOut
	}
	return a, nil
}

// SendTaskSuccess completes the task waiting on token with output, which
// must be a JSON document. The execution continues asynchronously.
func (e *Engine) SendTaskSuccess(token string, output json.RawMessage) error {
	a, err := e.lookup(token)
	if err != nil {
		return err
	}
	v, err := decodeValue(output)
	if err != nil {
		return fmt.Errorf("%w: the output is not valid JSON: %v", ErrInvalidOutput, err)
	}
	return a.deliver(&answer{result: v})
}

// SendTaskFailure fails the task waiting on token with the named error,
// which the state's Retry and Catch then see.
func (e *Engine) SendTaskFailure(token, errName, cause string) error {
	a, err := e.lookup(token)
	if err != nil {
		return err
	}
	return a.deliver(&answer{err: &TaskFailure{Name: errName, Cause: cause}})
}

// SendTaskHeartbeat tells the task waiting on token that its worker is
// alive, restarting the HeartbeatSeconds timer.
func (e *Engine) SendTaskHeartbeat(token string) error {
	a, err := e.lookup(token)
	if err != nil {
		return err
	}
	return a.beat()
}
