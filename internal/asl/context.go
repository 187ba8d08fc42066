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
	stateName  string
	entered    time.Time
	retryCount int
	token      string
	item       *mapItem
	obj        map[string]any
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
	x := c.x
	obj := map[string]any{
		"Execution": x.contextExecution(),
		"State": map[string]any{
			"Name":        c.stateName,
			"EnteredTime": formatTime(c.entered),
			"RetryCount":  json.Number(strconv.Itoa(c.retryCount)),
		},
		"StateMachine": map[string]any{
			"Id":   x.params.StateMachineArn,
			"Name": x.params.StateMachineName,
		},
	}
	if c.token != "" {
		obj["Task"] = map[string]any{"Token": c.token}
	}
	if c.item != nil {
		obj["Map"] = map[string]any{"Item": map[string]any{
			"Index": json.Number(strconv.Itoa(c.item.index)),
			"Value": c.item.value,
		}}
	}
	c.obj = obj
	return obj
}
