package snslocal

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"
)

// fifoDedupWindow is how long a FIFO topic remembers a deduplication ID.
const fifoDedupWindow = 5 * time.Minute

// fifoTopic is what a FIFO topic keeps beyond a standard one. Its mutex is
// held from numbering a message to handing it to every subscriber, so the
// messages of a group reach each queue in the order they were published.
type fifoTopic struct {
	mu    sync.Mutex
	seq   uint64
	dedup map[string]fifoSent
	order []string // deduplication IDs, oldest first
}

// fifoSent is what a deduplication ID first produced.
type fifoSent struct {
	messageID, sequence string
	until               time.Time
}

func newFIFOTopic() *fifoTopic { return &fifoTopic{dedup: map[string]fifoSent{}} }

// admit numbers a new message, or returns what the same deduplication ID
// produced within the window. The caller holds f.mu.
func (f *fifoTopic) admit(dedupID, messageID string, now time.Time) (fifoSent, bool) {
	for len(f.order) > 0 {
		if e, ok := f.dedup[f.order[0]]; ok && e.until.After(now) {
			break
		}
		delete(f.dedup, f.order[0])
		f.order = f.order[1:]
	}
	if e, ok := f.dedup[dedupID]; ok {
		return e, true
	}
	f.seq++
	e := fifoSent{messageID: messageID, sequence: fmt.Sprintf("1%019d", f.seq), until: now.Add(fifoDedupWindow)}
	f.dedup[dedupID] = e
	f.order = append(f.order, dedupID)
	return e, false
}

// checkFIFOIDs applies the rules on MessageGroupId and
// MessageDeduplicationId, and returns the deduplication ID to use.
func checkFIFOIDs(fifo, contentDedup bool, in *PublishInput) (string, error) {
	if !fifo {
		if in.MessageDeduplicationID != "" {
			return "", invalidParameter("MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type")
		}
		return "", nil
	}
	if in.MessageGroupID == "" {
		return "", invalidParameter("The MessageGroupId parameter is required for FIFO topics")
	}
	for name, id := range map[string]string{"MessageGroupId": in.MessageGroupID, "MessageDeduplicationId": in.MessageDeduplicationID} {
		if id != "" && !validFIFOID(id) {
			return "", invalidParameter("%s Reason: must be 1 to 128 alphanumeric or punctuation characters", name)
		}
	}
	if in.MessageDeduplicationID != "" {
		return in.MessageDeduplicationID, nil
	}
	if !contentDedup {
		return "", invalidParameter("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly")
	}
	sum := sha256.Sum256([]byte(in.Message))
	return hex.EncodeToString(sum[:]), nil
}

// validFIFOID: 1 to 128 characters from ASCII letters, digits and
// punctuation.
func validFIFOID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	return !strings.ContainsFunc(id, func(r rune) bool { return r < 0x21 || r > 0x7e })
}

// checkFIFOName applies AWS's pairing of a ".fifo" name with the FifoTopic
// attribute.
func checkFIFOName(name string, attrs map[string]string) (fifo bool, err error) {
	fifoName := strings.HasSuffix(name, ".fifo")
	fifoAttr := attrs["FifoTopic"] == "true"
	if fifoAttr != fifoName {
		// AWS answers the same for both mismatches (LocalStack's
		// test_create_topic_name_constraints, recorded from AWS:
		// fifo-name-not-contains-fifo and name-contains-fifo).
		return false, invalidParameter("Topic Name")
	}
	return fifoName, nil
}
