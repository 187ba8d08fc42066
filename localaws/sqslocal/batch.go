package sqslocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// maxBatchEntries is the most entries one batch request may carry.
const maxBatchEntries = 10

// maxBatchBytes bounds the sum of a SendMessageBatch's message sizes,
// whatever the queue's MaximumMessageSize: 1 MiB since AWS raised it in
// August 2025.
const maxBatchBytes = 1048576

// batchError is one failed entry of a batch request.
type batchError struct {
	ID          string `json:"Id" xml:"Id"`
	SenderFault bool   `json:"SenderFault" xml:"SenderFault"`
	Code        string `json:"Code" xml:"Code"`
	Message     string `json:"Message,omitempty" xml:"Message,omitempty"`
}

// batchOK is one successful entry of a delete or visibility batch.
type batchOK struct {
	ID string `json:"Id" xml:"Id"`
}

func entryError(id string, e *Error) batchError {
	return batchError{ID: id, SenderFault: e.Fault == awsproto.Sender, Code: e.Code, Message: e.Message}
}

// batchQueue finds the queue a batch request names and checks its entry
// IDs, the two steps every batch action starts with.
// entryName is the batch's entry type, as AWS names it in the empty
// batch error, e.g. "SendMessageBatchRequestEntry".
func batchQueue[E any](s *Service, c *call, queueURL, entryName string, entries []E, id func(E) string) (*queue, *Error) {
	q, err := s.queueOf(c, queueURL)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = id(e)
	}
	if err := checkBatchIDs(entryName, ids); err != nil {
		return nil, err
	}
	return q, nil
}

// checkBatchIDs applies the rules every batch shares: at least one and at
// most ten entries, with distinct, well-formed IDs.
func checkBatchIDs(entryName string, ids []string) *Error {
	if len(ids) == 0 {
		return newError(CodeEmptyBatchRequest, "There should be at least one %s in the request.", entryName)
	}
	if len(ids) > maxBatchEntries {
		return errTooManyEntries(len(ids))
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !validBatchID(id) {
			return newError(CodeInvalidBatchEntryID, "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.")
		}
		if seen[id] {
			return newError(CodeBatchEntryIdsNotDistinct, "Id %s repeated.", id)
		}
		seen[id] = true
	}
	return nil
}

func errTooManyEntries(sent int) *Error {
	return newError(CodeTooManyEntriesInBatchRequest, "Maximum number of entries per request are %d. You have sent %d.", maxBatchEntries, sent)
}

func validBatchID(id string) bool {
	if id == "" || len(id) > 80 {
		return false
	}
	for _, r := range id {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
