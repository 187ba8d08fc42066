package sqslocal

import (
	"context"
	"encoding/base64"
)

type getQueueURLInput struct {
	QueueName              string
	QueueOwnerAWSAccountID string
}

func (in *getQueueURLInput) fromForm(f form) *Error {
	in.QueueName = f.str("QueueName")
	in.QueueOwnerAWSAccountID = f.str("QueueOwnerAWSAccountId")
	return nil
}

// getQueueURL returns the URL of a queue by name.
func (s *Service) getQueueURL(_ context.Context, c *call, in *getQueueURLInput) (*queueURLOutput, *Error) {
	if in.QueueName == "" {
		return nil, errMissing("QueueName")
	}
	if in.QueueOwnerAWSAccountID != "" && in.QueueOwnerAWSAccountID != s.cfg.Account {
		return nil, errNoQueue()
	}
	if _, err := s.lookup(c.region, in.QueueName); err != nil {
		return nil, err
	}
	return &queueURLOutput{QueueURL: s.queueURL(c.host, in.QueueName)}, nil
}

type listQueuesInput struct {
	QueueNamePrefix string
	NextToken       string
	MaxResults      *int
}

func (in *listQueuesInput) fromForm(f form) *Error {
	in.QueueNamePrefix = f.str("QueueNamePrefix")
	in.NextToken = f.str("NextToken")
	var err *Error
	in.MaxResults, err = f.intPtr("MaxResults")
	return err
}

type listQueuesOutput struct {
	QueueURLs []string `json:"QueueUrls,omitempty" xml:"QueueUrl"`
	NextToken string   `json:"NextToken,omitempty" xml:"NextToken,omitempty"`
}

// listQueues lists queue URLs in name order. Pages exist only when the
// caller sets MaxResults, as with AWS; the token is the last name returned.
func (s *Service) listQueues(_ context.Context, c *call, in *listQueuesInput) (*listQueuesOutput, *Error) {
	limit := 1000
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > 1000 {
			return nil, errInvalidParam("MaxResults", itoa(*in.MaxResults), "Must be between 1 and 1000.")
		}
		limit = *in.MaxResults
	}
	after := ""
	if in.NextToken != "" {
		raw, err := base64.RawURLEncoding.DecodeString(in.NextToken)
		if err != nil || len(raw) == 0 {
			return nil, errInvalidParam("NextToken", truncate(in.NextToken, 100), "Invalid NextToken value.")
		}
		after = string(raw)
	}
	out := &listQueuesOutput{}
	last := ""
	for _, name := range s.sortedNames(c.region, in.QueueNamePrefix) {
		if name <= after {
			continue
		}
		if len(out.QueueURLs) == limit {
			if in.MaxResults != nil {
				out.NextToken = base64.RawURLEncoding.EncodeToString([]byte(last))
			}
			break
		}
		out.QueueURLs = append(out.QueueURLs, s.queueURL(c.host, name))
		last = name
	}
	return out, nil
}

type listDeadLetterSourceQueuesInput struct {
	QueueURL string
}

func (in *listDeadLetterSourceQueuesInput) fromForm(f form) *Error {
	in.QueueURL = f.str("QueueUrl")
	return nil
}

type listDeadLetterSourceQueuesOutput struct {
	QueueURLs []string `json:"queueUrls" xml:"QueueUrl"`
}

// listDeadLetterSourceQueues lists the queues whose redrive policy names
// the given queue.
func (s *Service) listDeadLetterSourceQueues(_ context.Context, c *call, in *listDeadLetterSourceQueuesInput) (*listDeadLetterSourceQueuesOutput, *Error) {
	target, err := s.queueOf(c, in.QueueURL)
	if err != nil {
		return nil, err
	}
	out := &listDeadLetterSourceQueuesOutput{QueueURLs: []string{}}
	for _, name := range s.sortedNames(target.region, "") {
		q, err := s.lookup(target.region, name)
		if err != nil {
			continue
		}
		q.mu.Lock()
		p := q.settings.redrive
		q.mu.Unlock()
		if p != nil && p.targetARN == target.arn {
			out.QueueURLs = append(out.QueueURLs, s.queueURL(c.host, name))
		}
	}
	return out, nil
}
