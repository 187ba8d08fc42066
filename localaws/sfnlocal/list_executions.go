package sfnlocal

import "context"

type listExecutionsInput struct {
	StateMachineArn string `json:"stateMachineArn"`
	StatusFilter    string `json:"statusFilter"`
	RedriveFilter   string `json:"redriveFilter"`
	MaxResults      int    `json:"maxResults"`
	NextToken       string `json:"nextToken"`
}

type executionListItem struct {
	ExecutionArn           string     `json:"executionArn"`
	StateMachineArn        string     `json:"stateMachineArn"`
	StateMachineVersionArn string     `json:"stateMachineVersionArn,omitempty"`
	StateMachineAliasArn   string     `json:"stateMachineAliasArn,omitempty"`
	Name                   string     `json:"name"`
	Status                 string     `json:"status"`
	StartDate              *epochTime `json:"startDate"`
	StopDate               *epochTime `json:"stopDate,omitempty"`
	// AWS lists redriveCount 0 for an execution never redriven: the
	// service model says so ("If you have not yet redriven an execution,
	// the redriveCount is 0"), and LocalStack's snapshots of
	// TestSnfApi::test_start_execution and test_list_executions_pagination
	// (recorded from AWS in 2024; LocalStack itself is not checked on that
	// member) show it. Recordings from 2023 lack it.
	RedriveCount int        `json:"redriveCount"`
	RedriveDate  *epochTime `json:"redriveDate,omitempty"`
}

type listExecutionsOutput struct {
	Executions []executionListItem `json:"executions"`
	NextToken  string              `json:"nextToken,omitempty"`
}

// executionStatuses lists the values statusFilter accepts, in the order
// AWS lists them when it refuses another.
const executionStatuses = "[SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]"

// The values of ListExecutions' redriveFilter.
const (
	redriven    = "REDRIVEN"
	notRedriven = "NOT_REDRIVEN"
)

// validStatus reports whether s is one of executionStatuses.
func validStatus(s string) bool {
	switch s {
	case statusRunning, statusSucceeded, statusFailed, statusTimedOut, statusAborted, "PENDING_REDRIVE":
		return true
	}
	return false
}

// listExecutions pages through a machine's executions, newest first,
// optionally only those with one status, or only those redriven (or not). Given a version or alias ARN, it
// lists the executions started through that version or alias. A token holds the position in
// the machine's start-ordered list, so executions started between pages
// do not shift later pages.
func (s *Service) listExecutions(ctx context.Context, in *listExecutionsInput) (*listExecutionsOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	if in.StatusFilter != "" && !validStatus(in.StatusFilter) {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: %s", in.StatusFilter, executionStatuses)
	}
	if in.RedriveFilter != "" && in.RedriveFilter != redriven && in.RedriveFilter != notRedriven {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [%s, %s]", in.RedriveFilter, redriven, notRedriven)
	}
	n, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	scope := "ListExecutions " + in.StateMachineArn + " " + in.StatusFilter + " " + in.RedriveFilter
	tok, resumed, err := decodeTokenUpTo(in.NextToken, scope, maxExecutionsTokenLength)
	if err != nil {
		return nil, err
	}

	base, through := in.StateMachineArn, ""
	if b, _, qualified := splitQualified(in.StateMachineArn); qualified {
		base, through = b, in.StateMachineArn
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	m, ok := st.machines[base]
	var all []*execution
	express := false
	if ok {
		all, express = m.executions, m.kind == kindExpress
	}
	st.mu.RUnlock()
	if !ok {
		return nil, stateMachineMissing(in.StateMachineArn)
	}
	if express {
		return nil, errTypeNotSupported()
	}
	from := len(all)
	if resumed {
		if tok.Pos > len(all) {
			return nil, errInvalidToken()
		}
		from = tok.Pos
	}

	out := &listExecutionsOutput{Executions: []executionListItem{}}
	i := from - 1
	for ; i >= 0 && len(out.Executions) < n; i-- {
		x := all[i]
		now := x.snapshot()
		if in.StatusFilter != "" && now.status != in.StatusFilter || through != "" && x.versionArn != through && x.aliasArn != through ||
			in.RedriveFilter != "" && (now.redriveCount > 0) != (in.RedriveFilter == redriven) {
			continue
		}
		out.Executions = append(out.Executions, executionListItem{
			ExecutionArn:           x.arn,
			StateMachineArn:        x.machineArn,
			StateMachineVersionArn: x.versionArn,
			StateMachineAliasArn:   x.aliasArn,
			Name:                   x.name,
			Status:                 now.status,
			StartDate:              epoch(x.started),
			StopDate:               epoch(now.stopped),
			RedriveCount:           now.redriveCount,
			RedriveDate:            epoch(now.redriven),
		})
	}
	if i >= 0 {
		out.NextToken = pageToken{Scope: scope, Pos: i + 1}.encode()
	}
	return out, nil
}
