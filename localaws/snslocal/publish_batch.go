package snslocal

import (
	"errors"
	"fmt"
	"strings"
)

// maxBatchEntries is the most entries one PublishBatch may carry.
const maxBatchEntries = 10

type batchSuccess struct {
	ID             string `xml:"Id"`
	MessageID      string `xml:"MessageId"`
	SequenceNumber string `xml:"SequenceNumber,omitempty"`
}

type batchFailure struct {
	Code        string `xml:"Code"`
	ID          string `xml:"Id"`
	Message     string `xml:"Message"`
	SenderFault bool   `xml:"SenderFault"`
}

type publishBatchResult struct {
	Failed     []batchFailure `xml:"Failed>member"`
	Successful []batchSuccess `xml:"Successful>member"`
}

// maxBatchIDLength bounds a batch entry Id.
const maxBatchIDLength = 80

// checkBatchID: 1 to 80 letters, digits, hyphens and underscores, refused
// in AWS's words (LocalStack's test_publish_batch_invalid_entry_id,
// recorded from AWS).
func checkBatchID(id string) error {
	switch {
	case len(id) > maxBatchIDLength:
		return errorf(codeInvalidBatchEntryID, "The Id of a batch entry in the batch request is too long: %s", id)
	case id == "" || strings.ContainsFunc(id, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
	}):
		return errorf(codeInvalidBatchEntryID, "The Id of a batch entry in the batch request contains an impermissible character: %s", id)
	}
	return nil
}

// entryPath names entry i (from 0) of a batch in the model's terms.
func entryPath(i int) string {
	return fmt.Sprintf("publishBatchRequestEntries.%d.member.messageAttributes", i+1)
}

// publishBatchAction checks the batch as a whole first (AWS rejects the
// request), then publishes each entry, reporting per-entry failures.
func (s *Service) publishBatchAction(req *request) (any, error) {
	p := req.params
	entries, err := p.members("PublishBatchRequestEntries.member")
	if err != nil {
		return nil, err
	}
	switch {
	case len(entries) == 0:
		return nil, errorf(codeEmptyBatch, "The batch request doesn't contain any entries.")
	case len(entries) > maxBatchEntries:
		return nil, errorf(codeTooManyBatchEntries, "The batch request contains more entries than permissible.")
	}
	seen := map[string]bool{}
	total := 0
	for i, e := range entries {
		id := e["Id"]
		if err := checkBatchID(id); err != nil {
			return nil, err
		}
		if seen[id] {
			return nil, errorf(codeBatchIDsNotDistinct, "Two or more batch entries in the request have the same Id.")
		}
		seen[id] = true
		// An entry's message attribute or message structure refusal fails
		// the whole batch, before a FIFO topic's own checks (LocalStack's
		// test_empty_or_wrong_message_attributes, the batch-* cases, and
		// test_publish_batch_exceptions, no-default-key-json, recorded from
		// AWS).
		attrs, err := decodeMessageAttributes(e, entryPath(i))
		if err != nil {
			return nil, err
		}
		if err := validateMessageAttributes(attrs); err != nil {
			return nil, err
		}
		if e["MessageStructure"] != "" {
			in := publishRequest{PublishInput: PublishInput{Message: e["Message"]}, structure: e["MessageStructure"]}
			if err := in.checkStructure(); err != nil {
				return nil, err
			}
		}
		// The attributes count towards the batch's size, as towards a
		// message's (test_publish_batch_too_long_message, error-with-attrs).
		total += messageSize(e["Message"], attrs)
	}
	if total > maxMessageBytes {
		return nil, errorf(codeBatchTooLong, "The length of all the messages put together is more than the limit.")
	}
	s.mu.RLock()
	t, err := s.lookupTopic(req.region, "TopicArn", p["TopicArn"])
	fifo, contentDedup := err == nil && t.fifo != nil, err == nil && t.attrs["ContentBasedDeduplication"] == "true"
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	// On a FIFO topic a missing group or deduplication ID fails the whole
	// batch, not just its entry.
	for _, e := range entries {
		in := PublishInput{Message: e["Message"], MessageGroupID: e["MessageGroupId"], MessageDeduplicationID: e["MessageDeduplicationId"]}
		if _, err := checkFIFOIDs(fifo, contentDedup, &in); err != nil && fifo {
			return nil, err
		}
	}

	res := publishBatchResult{Failed: []batchFailure{}, Successful: []batchSuccess{}}
	for i, e := range entries {
		out, err := s.publishEntry(req, i, e)
		if err != nil {
			code, msg := codeInternal, "internal error"
			var serr *Error
			if errors.As(err, &serr) {
				code, msg = serr.Code, serr.Message
			}
			res.Failed = append(res.Failed, batchFailure{Code: code, ID: e["Id"], Message: msg, SenderFault: code != codeInternal})
			continue
		}
		res.Successful = append(res.Successful, batchSuccess{ID: e["Id"], MessageID: out.messageID, SequenceNumber: out.sequence})
	}
	return res, nil
}

func (s *Service) publishEntry(req *request, i int, e params) (published, error) {
	attrs, err := decodeMessageAttributes(e, entryPath(i))
	if err != nil {
		return published{}, err
	}
	if e.has("Subject") && e["Subject"] == "" {
		return published{}, invalidParameter("Subject")
	}
	return s.publish(req.http.Context(), req.http, publishRequest{
		PublishInput: PublishInput{
			TopicArn: req.params["TopicArn"], Subject: e["Subject"], Message: e["Message"], Attributes: attrs,
			MessageGroupID: e["MessageGroupId"], MessageDeduplicationID: e["MessageDeduplicationId"],
		},
		structure: e["MessageStructure"],
		region:    req.region,
	})
}
