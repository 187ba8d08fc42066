package sfnlocal

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"

	"github.com/payflow-dev/payflow/localaws/asl"
)

type getExecutionHistoryInput struct {
	ExecutionArn         string `json:"executionArn"`
	MaxResults           int    `json:"maxResults"`
	NextToken            string `json:"nextToken"`
	ReverseOrder         bool   `json:"reverseOrder"`
	IncludeExecutionData *bool  `json:"includeExecutionData"`
}

type getExecutionHistoryOutput struct {
	Events    []historyEvent `json:"events"`
	NextToken string         `json:"nextToken,omitempty"`
}

// getExecutionHistory pages through an execution's events, oldest first or,
// with reverseOrder, newest first.
func (s *Service) getExecutionHistory(ctx context.Context, in *getExecutionHistoryInput) (*getExecutionHistoryOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	n, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	scope := "GetExecutionHistory " + in.ExecutionArn + " " + strconv.FormatBool(in.ReverseOrder)
	tok, resumed, err := decodeToken(in.NextToken, scope)
	if err != nil {
		return nil, err
	}
	x, err := s.storeOf(ctx).execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	from := 0
	switch {
	case resumed:
		from = tok.Pos
	case in.ReverseOrder:
		from = x.history.length()
	}
	events, next, ok := x.history.page(from, n, in.ReverseOrder)
	if !ok {
		return nil, errInvalidToken()
	}
	include := in.IncludeExecutionData == nil || *in.IncludeExecutionData
	out := &getExecutionHistoryOutput{Events: make([]historyEvent, len(events))}
	for i, e := range events {
		out.Events[i] = historyEvent{event: e, includeData: include, versionArn: x.versionArn, aliasArn: x.aliasArn}
	}
	if next >= 0 {
		out.NextToken = pageToken{Scope: scope, Pos: next}.encode()
	}
	return out, nil
}

// historyEvent encodes an engine event as a HistoryEvent: the common
// members, and the details under the event type's own key.
type historyEvent struct {
	event       asl.Event
	includeData bool
	// versionArn and aliasArn are what the execution was started on; AWS
	// names them in ExecutionStarted's details.
	versionArn, aliasArn string
}

// MarshalJSON writes the event, leaving out input and output payloads when
// the caller asked for no execution data.
func (h historyEvent) MarshalJSON() ([]byte, error) {
	e := h.event
	var b bytes.Buffer
	b.WriteString(`{"timestamp":`)
	ts, _ := epochTime(e.Timestamp).MarshalJSON() // never fails
	b.Write(ts)
	b.WriteString(`,"type":`)
	typ, err := json.Marshal(e.Type)
	if err != nil {
		return nil, err
	}
	b.Write(typ)
	b.WriteString(`,"id":`)
	b.WriteString(strconv.FormatInt(e.ID, 10))
	b.WriteString(`,"previousEventId":`)
	b.WriteString(strconv.FormatInt(e.PreviousEventID, 10))
	if e.DetailsKey != "" && e.Details != nil {
		details, err := h.details()
		if err != nil {
			return nil, err
		}
		key, err := json.Marshal(e.DetailsKey)
		if err != nil {
			return nil, err
		}
		b.WriteByte(',')
		b.Write(key)
		b.WriteByte(':')
		b.Write(details)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// details encodes the event's details, without payloads if so asked, and
// with the version and alias an execution started on.
func (h historyEvent) details() ([]byte, error) {
	raw, err := json.Marshal(h.event.Details)
	started := h.event.Type == "ExecutionStarted" && (h.versionArn != "" || h.aliasArn != "")
	if err != nil || h.includeData && !started {
		return raw, err
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return raw, nil // not an object: nothing to change
	}
	if !h.includeData {
		delete(fields, "input")
		delete(fields, "output")
	}
	for member, arn := range map[string]string{"stateMachineVersionArn": h.versionArn, "stateMachineAliasArn": h.aliasArn} {
		if started && arn != "" {
			fields[member], _ = json.Marshal(arn) // a string always encodes
		}
	}
	return json.Marshal(fields)
}
