package asl

import (
	"context"
	"encoding/json"
	"testing"
)

func TestSmoke(t *testing.T) {
	t.Parallel()
	e, _ := newFakeEngine(Resources{"arn:aws:states:::lambda:invoke": func(ctx context.Context, c TaskCall) (json.RawMessage, error) {
		return json.RawMessage(`{"ok":true}`), nil
	}})
	m := mustParse(t, `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.r","Next":"T"},
	"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.t","Next":"S"},"S":{"Type":"Succeed"}}}`)
	r := start(t, e, m, `{"in":1}`)
	o := r.wait(t)
	t.Logf("%+v %s %v", o, o.Output, r.hist.types())
}
