package sqslocal

import (
	"container/heap"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// queue is one SQS queue. Visible messages wait in a FIFO list; delayed
// and in-flight messages wait in a heap ordered by the time they turn
// visible, and one clock timer is armed for the earliest of them. A receive
// therefore costs O(messages returned · log n) and nothing ever polls.
type queue struct {
	name    string
	region  string
	arn     string
	created time.Time
	clock   clock.Clock

	mu       sync.Mutex
	closed   bool
	settings settings
	modified time.Time
	purged   time.Time // the last PurgeQueue, zero if none
	tags     map[string]string

	ready     readyList
	timed     timedHeap
	byID      map[string]*message
	nReady    int
	nDelayed  int
	nInflight int

	timer    clock.Timer
	timerAt  time.Time
	timerGen uint64
	receipts uint64
	arrivals uint64 // numbers messages as they reach the queue
	waiters  []*waiter
	// fifo is nil for standard queues.
	fifo *fifoState
}

func newQueue(name, arn string, st settings, now time.Time, c clock.Clock) *queue {
	q := &queue{
		name: name, arn: arn, created: now, modified: now, clock: c, settings: st,
		tags: map[string]string{}, byID: make(map[string]*message),
	}
	if st.other["FifoQueue"] == "true" {
		q.fifo = newFIFOState(st.other["DeduplicationScope"] == "messageGroup")
	}
	return q
}

// storeLocked files a message that has just reached q.
func (q *queue) storeLocked(m *message) {
	q.arrivals++
	m.arrival = q.arrivals
	q.byID[m.id] = m
}

// enqueueLocked stores m, visible at once or after delay.
func (q *queue) enqueueLocked(m *message, delay time.Duration, now time.Time) {
	q.storeLocked(m)
	if delay > 0 {
		m.state = stateDelayed
		m.due = now.Add(delay)
		heap.Push(&q.timed, m)
		q.nDelayed++
		q.armLocked(now)
		return
	}
	q.makeReadyLocked(m)
}

func (q *queue) makeReadyLocked(m *message) {
	m.state = stateReady
	q.nReady++
	if q.fifo != nil {
		if q.fifo.addVisible(m) {
			q.wakeLocked(1)
		}
		return
	}
	q.ready.push(m)
	q.wakeLocked(1)
}

// inflightDoneLocked settles a message that has just left the in-flight
// state; for FIFO queues that may unlock its message group.
func (q *queue) inflightDoneLocked(m *message) {
	q.nInflight--
	if q.fifo != nil && q.fifo.inflightDone(m) {
		q.wakeLocked(1)
	}
}

// popReadyLocked takes the next visible message to hand out. cur tracks
// the message group a FIFO receive is taking from.
func (q *queue) popReadyLocked(cur **msgGroup) *message {
	if q.fifo != nil {
		return q.fifo.next(cur)
	}
	return q.ready.pop()
}

// removeLocked takes m out of the queue for good, whatever its state.
func (q *queue) removeLocked(m *message) {
	switch m.state {
	case stateReady:
		q.nReady-- // the standard ready list drops it lazily
		if q.fifo != nil {
			q.fifo.removeVisible(m)
		}
	case stateDelayed:
		heap.Remove(&q.timed, m.heapIndex)
		q.nDelayed--
	case stateInflight:
		heap.Remove(&q.timed, m.heapIndex)
		m.state = stateGone
		q.inflightDoneLocked(m)
	}
	m.state = stateGone
	delete(q.byID, m.id)
}

// promoteLocked makes every delayed or in-flight message that is due
// visible again.
func (q *queue) promoteLocked(now time.Time) {
	for len(q.timed) > 0 && !q.timed[0].due.After(now) {
		m := heap.Pop(&q.timed).(*message)
		if m.state == stateDelayed {
			q.nDelayed--
			q.makeReadyLocked(m)
			continue
		}
		q.makeReadyLocked(m)
		q.inflightDoneLocked(m)
	}
}

// armLocked makes sure a timer fires when the earliest timed message is
// due, so long polls wake without anyone polling.
func (q *queue) armLocked(now time.Time) {
	if len(q.timed) == 0 || q.closed {
		return
	}
	due := q.timed[0].due
	if q.timer != nil && !q.timerAt.After(due) {
		return // an earlier or equal timer will re-arm when it fires
	}
	if q.timer != nil {
		q.timer.Stop()
	}
	q.timerGen++
	gen := q.timerGen
	q.timerAt = due
	q.timer = q.clock.AfterFunc(due.Sub(now), func() { q.onTimer(gen) })
}

func (q *queue) onTimer(gen uint64) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if gen == q.timerGen {
		q.timer = nil
	}
	if q.closed {
		return
	}
	now := q.clock.Now()
	q.promoteLocked(now)
	q.armLocked(now)
}

// closeLocked marks the queue deleted and releases everything waiting on it.
func (q *queue) closeLocked() {
	q.closed = true
	if q.timer != nil {
		q.timer.Stop()
		q.timer = nil
	}
	q.wakeLocked(len(q.waiters))
}

// purgeLocked drops every message.
func (q *queue) purgeLocked() {
	for _, m := range q.byID {
		m.state = stateGone
	}
	q.byID = make(map[string]*message)
	q.ready = nil
	if q.fifo != nil {
		q.fifo.groups = map[string]*msgGroup{}
		q.fifo.readyGroups = nil
		// Purging forgets the deduplication IDs too (LocalStack's
		// AWS-validated test_purge_queue_clears_fifo_deduplication_cache).
		q.fifo.dedup = map[string]dedupEntry{}
		q.fifo.dedupOrder = nil
	}
	q.timed = nil
	q.nReady, q.nDelayed, q.nInflight = 0, 0, 0
}

// readyList holds a standard queue's visible messages as a heap, oldest
// arrival first: a message whose visibility timeout ran out goes back ahead
// of those sent after it, as AWS answers in LocalStack's AWS-validated
// test_inflight_message_requeue. Messages removed while in it are skipped
// when they reach the front.
type readyList []*message

func (l *readyList) push(m *message) {
	h := append(*l, m)
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if h[parent].arrival <= h[i].arrival {
			break
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
	*l = h
}

func (l *readyList) pop() *message {
	h := *l
	if len(h) == 0 {
		return nil
	}
	m := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h[last] = nil
	h = h[:last]
	for i := 0; ; {
		least, left, right := i, 2*i+1, 2*i+2
		if left < len(h) && h[left].arrival < h[least].arrival {
			least = left
		}
		if right < len(h) && h[right].arrival < h[least].arrival {
			least = right
		}
		if least == i {
			break
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
	*l = h
	return m
}

// timedHeap orders delayed and in-flight messages by due time.
type timedHeap []*message

func (h timedHeap) Len() int           { return len(h) }
func (h timedHeap) Less(i, j int) bool { return h[i].due.Before(h[j].due) }
func (h timedHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].heapIndex = i
	h[j].heapIndex = j
}

func (h *timedHeap) Push(x any) {
	m := x.(*message)
	m.heapIndex = len(*h)
	*h = append(*h, m)
}

func (h *timedHeap) Pop() any {
	old := *h
	m := old[len(old)-1]
	old[len(old)-1] = nil
	m.heapIndex = -1
	*h = old[:len(old)-1]
	return m
}
