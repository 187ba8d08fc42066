package asl

import (
	"encoding/json"
	"strconv"
	"time"
)

// evalCtx is what a state's paths and templates may read besides the
// input: the context object ($$), built only when a path asks for it.
type evalCtx struct {
	x          *Execution
	th         *thread // the thread running the state, for Assign
	vars       *scope
	stateName  string
	entered    time.Time
	retryCount int
	// retries says the state has a Retry field: only then does $$.State
	// carry RetryCount (recorded on AWS, issue 13).
	retries bool
	token   string
	item    *mapItem
	obj     map[string]any
}

// mapItem is the $$.Map.Item of one Map iteration.
type mapItem struct {
	index int
	value any
}

// timestampLayout is how Step Functions writes times in the context
// object and in timestamps it hands to users.
const timestampLayout = "2006-01-02T15:04:05.000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timestampLayout) }

// object returns the context object, building it on first use.
func (c *evalCtx) object() any {
	if c.obj != nil {
		return c.obj
	}
	obj := make(map[string]any, 5)
	for _, k := range [...]string{"Execution", "State", "StateMachine", "Task", "Map"} {
		if v, ok := c.part(k); ok {
			obj[k] = v
		}
	}
	c.obj = obj
	return obj
}

// part returns one member of the context object without building the
// others.
func (c *evalCtx) part(name string) (any, bool) {
	if c.obj != nil {
		v, ok := c.obj[name]
		return v, ok
	}
	switch name {
	case "Execution":
		return c.x.contextExecution(), true
	case "State":
		st := map[string]any{"Name": c.stateName, "EnteredTime": formatTime(c.entered)}
		if c.retries {
			st["RetryCount"] = json.Number(strconv.Itoa(c.retryCount))
		}
		return st, true
	case "StateMachine":
		return map[string]any{"Id": c.x.params.StateMachineArn, "Name": c.x.params.StateMachineName}, true
	case "Task":
		if c.token != "" {
			return map[string]any{"Token": c.token}, true
		}
	case "Map":
		if c.item != nil {
			return map[string]any{"Item": map[string]any{
				"Index": json.Number(strconv.Itoa(c.item.index)),
				"Value": c.item.value,
			}}, true
		}
	}
	return nil, false
}
