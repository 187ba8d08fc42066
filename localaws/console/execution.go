package console

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"
)

// maxEvents bounds how much of one history the console reads.
const maxEvents = 2000

// Detail is one execution with its definition, the path it took and its
// events. Inputs and outputs are left out: the console shows the shape of
// a run, not its data.
type Detail struct {
	Execution  Execution `json:"execution"`
	Definition string    `json:"definition"`
	Path       []Step    `json:"path"`
	Events     []Event   `json:"events"`
	Error      string    `json:"error,omitempty"`
	Cause      string    `json:"cause,omitempty"`
}

// Step is one state the execution entered, in order, and how it left it.
type Step struct {
	State string `json:"state"`
	// Outcome is "entered" while the state runs, then "exited", or
	// "failed" when an error left it.
	Outcome string `json:"outcome"`
}

// Event is one history event, without its data.
type Event struct {
	ID    int64     `json:"id"`
	Type  string    `json:"type"`
	At    time.Time `json:"at"`
	State string    `json:"state,omitempty"`
	Error string    `json:"error,omitempty"`
}

func (c *Console) execution(ctx context.Context, arn string) (*Detail, error) {
	if arn == "" {
		return nil, errBadRequest
	}
	x, err := c.sfn.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		return nil, fmt.Errorf("describe execution: %w", err)
	}
	m, err := c.sfn.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: x.StateMachineArn})
	if err != nil {
		return nil, fmt.Errorf("describe state machine: %w", err)
	}
	events, err := c.history(ctx, arn)
	if err != nil {
		return nil, err
	}
	d := &Detail{
		Execution: Execution{Name: aws.ToString(x.Name), ARN: arn, StateMachine: aws.ToString(m.Name),
			Status: string(x.Status), Start: aws.ToTime(x.StartDate), Stop: x.StopDate},
		Definition: aws.ToString(m.Definition), Error: aws.ToString(x.Error), Cause: aws.ToString(x.Cause),
		Path: []Step{}, Events: make([]Event, 0, len(events)),
	}
	state := ""
	for _, e := range events {
		ev := Event{ID: e.Id, Type: string(e.Type), At: aws.ToTime(e.Timestamp)}
		switch {
		case e.StateEnteredEventDetails != nil:
			state = aws.ToString(e.StateEnteredEventDetails.Name)
			ev.State = state
			d.Path = append(d.Path, Step{State: state, Outcome: "entered"})
		case e.StateExitedEventDetails != nil:
			ev.State = aws.ToString(e.StateExitedEventDetails.Name)
			d.mark(ev.State, "exited")
		default:
			if name := failure(e); name != "" {
				ev.Error, ev.State = name, state
				d.mark(state, "failed")
			}
		}
		d.Events = append(d.Events, ev)
	}
	return d, nil
}

// mark sets the outcome of the latest step of state, unless it already
// failed.
func (d *Detail) mark(state, outcome string) {
	for i := len(d.Path) - 1; i >= 0; i-- {
		if d.Path[i].State == state {
			if d.Path[i].Outcome != "failed" {
				d.Path[i].Outcome = outcome
			}
			return
		}
	}
}

// failure names the error an event reports, if it reports one.
func failure(e sfntypes.HistoryEvent) string {
	switch {
	case e.TaskFailedEventDetails != nil:
		return aws.ToString(e.TaskFailedEventDetails.Error)
	case e.TaskTimedOutEventDetails != nil:
		return aws.ToString(e.TaskTimedOutEventDetails.Error)
	case e.ExecutionFailedEventDetails != nil:
		return aws.ToString(e.ExecutionFailedEventDetails.Error)
	case e.ExecutionTimedOutEventDetails != nil:
		return aws.ToString(e.ExecutionTimedOutEventDetails.Error)
	case e.ExecutionAbortedEventDetails != nil:
		return aws.ToString(e.ExecutionAbortedEventDetails.Error)
	}
	return ""
}

// history reads an execution's events, oldest first, without their data.
func (c *Console) history(ctx context.Context, arn string) ([]sfntypes.HistoryEvent, error) {
	var out []sfntypes.HistoryEvent
	pages := sfn.NewGetExecutionHistoryPaginator(c.sfn, &sfn.GetExecutionHistoryInput{
		ExecutionArn: aws.String(arn), IncludeExecutionData: aws.Bool(false), MaxResults: 1000,
	})
	for pages.HasMorePages() && len(out) < maxEvents {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("get execution history: %w", err)
		}
		out = append(out, page.Events...)
	}
	return out, nil
}

var errBadRequest = errors.New("the arn query parameter names the execution to show")

// statusOf maps a failed view to an HTTP status: the caller's mistake, an
// execution that does not exist, or the endpoint's failure.
func statusOf(err error) int {
	var api smithy.APIError
	switch {
	case errors.Is(err, errBadRequest):
		return http.StatusBadRequest
	case errors.As(err, &api) && (api.ErrorCode() == "ExecutionDoesNotExist" || api.ErrorCode() == "InvalidArn"):
		return http.StatusNotFound
	}
	return http.StatusBadGateway
}
