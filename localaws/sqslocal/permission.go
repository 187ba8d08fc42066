package sqslocal

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/accesspolicy"
	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// ownerOnlyActions are the actions AddPermission cannot grant: only the
// queue's owner may call them.
var ownerOnlyActions = []string{"AddPermission", "CreateQueue", "DeleteQueue", "RemovePermission", "SetQueueAttributes",
	"TagQueue", "UntagQueue", "ListQueueTags", "StartMessageMoveTask", "CancelMessageMoveTask", "ListMessageMoveTasks"}

// maxPermissionActions is how many actions one AddPermission may grant.
const maxPermissionActions = 7

type addPermissionInput struct {
	QueueURL      string
	Label         string
	AWSAccountIds []string
	Actions       []string
}

func (in *addPermissionInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.Label = f.str("Label")
	in.AWSAccountIds = f.list("AWSAccountId")
	in.Actions = f.list("ActionName")
	return nil
}

type removePermissionInput struct {
	QueueURL string
	Label    string
}

func (in *removePermissionInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	in.Label = f.str("Label")
	return nil
}

// queuePolicy is a queue's Policy attribute, kept as loose JSON so that
// statements written by hand survive AddPermission and RemovePermission.
type queuePolicy struct {
	Version   string            `json:"Version"`
	ID        string            `json:"Id"`
	Statement []json.RawMessage `json:"Statement"`
}

// addPermission adds a statement labelled Label to the queue's policy,
// allowing the given accounts the given actions. The local SQS stores the
// policy (GetQueueAttributes shows it) but enforces nothing.
func (s *Service) addPermission(_ context.Context, c *call, in *addPermissionInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	switch {
	case in.Label == "":
		return nil, errMissing("Label")
	case len(in.Actions) == 0:
		return nil, errMissing("Actions")
	case len(in.AWSAccountIds) == 0:
		return nil, errInvalidParam("PrincipalId", "[]", "Unable to verify.")
	case len(in.Actions) > maxPermissionActions:
		return nil, awsproto.StatusErrorf(http.StatusForbidden, "OverLimit", "%d Actions were found, maximum allowed is %d.", len(in.Actions), maxPermissionActions)
	}
	actions := make([]string, len(in.Actions))
	for i, a := range in.Actions {
		name := strings.TrimPrefix(a, "SQS:")
		if slices.Contains(ownerOnlyActions, name) {
			return nil, errInvalidParam("ActionName", "SQS:"+name, "Only the queue owner is allowed to invoke this action.")
		}
		actions[i] = "SQS:" + name
	}
	principals := make([]string, len(in.AWSAccountIds))
	for i, id := range in.AWSAccountIds {
		principals[i] = fmt.Sprintf("arn:%s:iam::%s:root", awsid.Partition(c.region), id)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	doc, err := q.policyLocked()
	if err != nil {
		return nil, err
	}
	if slices.ContainsFunc(doc.Statement, func(raw json.RawMessage) bool { return accesspolicy.Sid(raw) == in.Label }) {
		return nil, errInvalidParam("Label", in.Label, "Already exists.")
	}
	raw, merr := accesspolicy.Grant(in.Label, principals, actions, q.arn).Marshal()
	if merr != nil {
		return nil, asError(merr)
	}
	doc.Statement = append(doc.Statement, raw)
	return &emptyOutput{}, q.storePolicyLocked(doc)
}

// removePermission removes the statement labelled Label.
func (s *Service) removePermission(_ context.Context, c *call, in *removePermissionInput) (*emptyOutput, *Error) {
	q, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	if in.Label == "" {
		return nil, errMissing("Label")
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	doc, err := q.policyLocked()
	if err != nil {
		return nil, err
	}
	n := len(doc.Statement)
	doc.Statement = slices.DeleteFunc(doc.Statement, func(raw json.RawMessage) bool { return accesspolicy.Sid(raw) == in.Label })
	if len(doc.Statement) == n {
		return nil, errInvalidParam("Label", in.Label, "can't find label on existing policy.")
	}
	if len(doc.Statement) == 0 {
		delete(q.settings.other, "Policy")
		return &emptyOutput{}, nil
	}
	return &emptyOutput{}, q.storePolicyLocked(doc)
}

// policyLocked parses the queue's policy, or starts the one AddPermission
// creates, whose Version AWS writes as "2008-10-17" (test_sqs_permission_lifecycle
// in LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json,
// both protocols). The caller holds q.mu.
func (q *queue) policyLocked() (queuePolicy, *Error) {
	text, ok := q.settings.other["Policy"]
	if !ok {
		return queuePolicy{Version: "2008-10-17", ID: q.arn + "/SQSDefaultPolicy"}, nil
	}
	var doc queuePolicy
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return queuePolicy{}, errInvalidParam("Policy", "", "The queue's policy is not a JSON policy document.")
	}
	return doc, nil
}

func (q *queue) storePolicyLocked(doc queuePolicy) *Error {
	b, err := json.Marshal(doc)
	if err != nil {
		return asError(err)
	}
	q.settings.other["Policy"] = string(b)
	q.modified = q.clock.Now()
	return nil
}
