package sqslocal

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// dedupWindow is how long a FIFO queue remembers a deduplication ID.
const dedupWindow = 5 * time.Minute

// fifoState is what a FIFO queue keeps beyond a standard one: visible
// messages per message group, the groups that may hand out their next
// message, and the deduplication window. A group hands out nothing that
// comes after a message in flight until that message is deleted or visible
// again; earlier messages whose visibility ran out can be received again
// meanwhile, as AWS answers in LocalStack's recorded
// test_fifo_group_visibility_extends_with_change_message_visibility
// (tests/aws/services/sqs/test_sqs.snapshot.json).
type fifoState struct {
	groups      map[string]*msgGroup
	readyGroups []*msgGroup // unlocked groups with visible messages, oldest first
	dedup       map[string]dedupEntry
	dedupOrder  []string // dedup keys in the order they expire
	seq         uint64
	// perGroup deduplicates within each message group instead of across
	// the queue (DeduplicationScope "messageGroup"). It is fixed when the
	// queue is created: LocalStack's AWS recordings
	// test_fifo_change_to_high_throughput_after_creation and
	// test_fifo_change_to_regular_throughput_after_creation
	// (tests/aws/services/sqs/test_sqs.snapshot.json) show AWS keeping the
	// first scope after SetQueueAttributes changes it.
	perGroup bool
}

// msgGroup holds one message group's visible messages in send order.
type msgGroup struct {
	id       string
	msgs     []*message
	inflight []uint64 // sequence numbers of in-flight messages, ascending
	limit    uint64   // while a receive takes from it: hand out only messages before this
	queued   bool     // in readyGroups
}

// blockedAt is the sequence number from which g hands out nothing: its
// first in-flight message's, or none.
func (g *msgGroup) blockedAt() uint64 {
	if len(g.inflight) == 0 {
		return math.MaxUint64
	}
	return g.inflight[0]
}

// canHandOut reports whether g's next visible message comes before every
// message of g in flight.
func (g *msgGroup) canHandOut() bool {
	return len(g.msgs) > 0 && g.msgs[0].seq < g.blockedAt()
}

// addInflight records that the message numbered seq is in flight.
func (g *msgGroup) addInflight(seq uint64) {
	i := sort.Search(len(g.inflight), func(i int) bool { return g.inflight[i] >= seq })
	g.inflight = slices.Insert(g.inflight, i, seq)
}

// removeInflight forgets the in-flight message numbered seq.
func (g *msgGroup) removeInflight(seq uint64) {
	if i, ok := slices.BinarySearch(g.inflight, seq); ok {
		g.inflight = slices.Delete(g.inflight, i, i+1)
	}
}

// dedupEntry remembers the message a deduplication ID first produced.
type dedupEntry struct {
	messageID string
	seq       uint64
	until     time.Time
}

func newFIFOState(perGroup bool) *fifoState {
	return &fifoState{groups: map[string]*msgGroup{}, dedup: map[string]dedupEntry{}, perGroup: perGroup}
}

func (f *fifoState) group(id string) *msgGroup {
	g := f.groups[id]
	if g == nil {
		g = &msgGroup{id: id}
		f.groups[id] = g
	}
	return g
}

// queueGroup puts g in line if it has something to hand out.
func (f *fifoState) queueGroup(g *msgGroup) bool {
	if g.queued || !g.canHandOut() {
		return false
	}
	g.queued = true
	f.readyGroups = append(f.readyGroups, g)
	return true
}

// addVisible files m in its group by sequence number, so a message whose
// visibility timeout ran out goes back in front of later ones.
func (f *fifoState) addVisible(m *message) bool {
	g := f.group(m.groupID)
	i := sort.Search(len(g.msgs), func(i int) bool { return g.msgs[i].seq > m.seq })
	g.msgs = append(g.msgs, nil)
	copy(g.msgs[i+1:], g.msgs[i:])
	g.msgs[i] = m
	return f.queueGroup(g)
}

// removeVisible takes a visible m out of its group.
func (f *fifoState) removeVisible(m *message) {
	g := f.groups[m.groupID]
	if g == nil {
		return
	}
	for i, x := range g.msgs {
		if x == m {
			g.msgs = append(g.msgs[:i], g.msgs[i+1:]...)
			break
		}
	}
	f.forgetIfEmpty(g)
}

func (f *fifoState) forgetIfEmpty(g *msgGroup) {
	if len(g.msgs) == 0 && len(g.inflight) == 0 && !g.queued {
		delete(f.groups, g.id)
	}
}

// next pops the next message to hand out. A receive keeps taking from the
// group it started (*cur) before moving to the next group in line.
func (f *fifoState) next(cur **msgGroup) *message {
	for {
		if g := *cur; g != nil && len(g.msgs) > 0 && g.msgs[0].seq < g.limit {
			m := g.msgs[0]
			g.msgs[0] = nil
			g.msgs = g.msgs[1:]
			return m
		}
		if len(f.readyGroups) == 0 {
			return nil
		}
		g := f.readyGroups[0]
		f.readyGroups[0] = nil
		f.readyGroups = f.readyGroups[1:]
		g.queued = false
		if !g.canHandOut() {
			f.forgetIfEmpty(g)
			continue
		}
		g.limit = g.blockedAt()
		*cur = g
	}
}

// inflightDone settles m, which has left the in-flight state, in its
// group, and reports whether the group came back in line.
func (f *fifoState) inflightDone(m *message) bool {
	g := f.groups[m.groupID]
	if g == nil {
		return false
	}
	g.removeInflight(m.seq)
	queued := f.queueGroup(g)
	f.forgetIfEmpty(g)
	return queued
}

// deduplicate reports the earlier message a deduplication ID produced
// within the window, and otherwise reserves the ID for a new message.
func (f *fifoState) deduplicate(id string, m *message, now time.Time) (dedupEntry, bool) {
	if f.perGroup {
		id = m.groupID + "\n" + id // neither may contain a newline
	}
	for len(f.dedupOrder) > 0 {
		oldest := f.dedupOrder[0]
		if e, ok := f.dedup[oldest]; ok && e.until.After(now) {
			break
		}
		delete(f.dedup, oldest)
		f.dedupOrder = f.dedupOrder[1:]
	}
	if e, ok := f.dedup[id]; ok {
		return e, true
	}
	f.seq++
	m.seq = f.seq
	f.dedup[id] = dedupEntry{messageID: m.id, seq: m.seq, until: now.Add(dedupWindow)}
	f.dedupOrder = append(f.dedupOrder, id)
	return dedupEntry{}, false
}

// sequenceNumber renders a FIFO sequence number as SQS does: a large
// decimal string that grows with every message.
func sequenceNumber(seq uint64) string {
	if seq == 0 {
		return ""
	}
	return fmt.Sprintf("18%018d", seq)
}

// contentDedupID is the deduplication ID ContentBasedDeduplication derives
// from a body: its SHA-256 digest.
func contentDedupID(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// validFIFOID checks a MessageGroupId or MessageDeduplicationId: 1 to 128
// alphanumeric or punctuation characters.
func validFIFOID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		if r < 0x21 || r > 0x7e {
			return false
		}
	}
	return true
}
