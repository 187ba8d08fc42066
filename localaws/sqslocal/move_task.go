package sqslocal

import (
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// Message move task statuses, as AWS reports them.
const (
	taskRunning    = "RUNNING"
	taskCompleted  = "COMPLETED"
	taskCancelling = "CANCELLING"
	taskCancelled  = "CANCELLED"
	taskFailed     = "FAILED"
)

// defaultMoveRate is how many messages a task without
// MaxNumberOfMessagesPerSecond moves each second; AWS optimises the rate
// itself and documents 500 as the most a caller may ask for.
const defaultMoveRate = 500

// maxTasksListed is how many recent tasks per source queue AWS remembers.
const maxTasksListed = 10

// moveTasks holds every message move task, newest last per source queue.
type moveTasks struct {
	mu       sync.Mutex
	bySource map[string][]*moveTask // by source queue ARN
}

func newMoveTasks() *moveTasks { return &moveTasks{bySource: map[string][]*moveTask{}} }

// moveTask moves a dead-letter queue's messages back to their source
// queues, or to one destination, a second's worth at a time on the clock.
type moveTask struct {
	id        string
	sourceARN string
	destARN   string // empty: each message's original source queue
	rate      int    // 0: not set by the caller
	started   time.Time

	mu      sync.Mutex
	status  string
	moved   int
	toMove  int
	failure string
	timer   clock.Timer
}

// running returns the source's active task (running or being
// cancelled), if any: AWS runs one at a time per queue.
func (ts *moveTasks) running(sourceARN string) *moveTask {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, t := range ts.bySource[sourceARN] {
		t.mu.Lock()
		st := t.status
		t.mu.Unlock()
		if st == taskRunning || st == taskCancelling {
			return t
		}
	}
	return nil
}

// add records t, forgetting the oldest finished tasks past the limit.
func (ts *moveTasks) add(t *moveTask) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	list := append(ts.bySource[t.sourceARN], t)
	if len(list) > maxTasksListed {
		list = list[len(list)-maxTasksListed:]
	}
	ts.bySource[t.sourceARN] = list
}

// find returns the task with the given ID on a source queue.
func (ts *moveTasks) find(sourceARN, id string) *moveTask {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, t := range ts.bySource[sourceARN] {
		if t.id == id {
			return t
		}
	}
	return nil
}

// recent lists up to n of a source's tasks, newest first.
func (ts *moveTasks) recent(sourceARN string, n int) []*moveTask {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	list := ts.bySource[sourceARN]
	var out []*moveTask
	for i := len(list) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, list[i])
	}
	return out
}

// step moves up to one second's worth of messages, then arms the clock for
// the next second or ends the task.
func (s *Service) step(t *moveTask) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.timer = nil
	if t.status == taskCancelling {
		// A cancelled task stops at the next batch boundary.
		t.status = taskCancelled
		return
	}
	if t.status != taskRunning {
		return
	}
	src := s.byARN(t.sourceARN)
	if src == nil {
		t.status, t.failure = taskFailed, queryCode(CodeQueueDoesNotExist)
		return
	}
	rate := t.rate
	if rate == 0 {
		rate = defaultMoveRate
	}
	want := min(rate, t.toMove-t.moved)
	now := s.clock.Now()
	src.mu.Lock()
	msgs := src.drainLocked(now, want)
	src.mu.Unlock()
	for i, m := range msgs {
		dest := t.destARN
		if dest == "" {
			dest = m.sourceARN
		}
		q := s.byARN(dest)
		if q == nil || !q.acceptMoved(m, now) {
			src.mu.Lock()
			src.returnLocked(msgs[i:], now)
			src.mu.Unlock()
			t.status, t.failure = taskFailed, queryCode(CodeQueueDoesNotExist)
			return
		}
		t.moved++
	}
	if len(msgs) < want || t.moved >= t.toMove {
		t.status = taskCompleted
		return
	}
	t.timer = s.clock.AfterFunc(time.Second, func() { s.step(t) })
}

// cancel stops a running task; messages already moved stay moved. As on
// AWS, the task reports CANCELLING until it reaches the end of the batch
// under way (here, its next second on the clock), then CANCELLED.
func (t *moveTask) cancel() (moved int, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.status != taskRunning {
		return t.moved, false
	}
	if t.timer == nil {
		t.status = taskCancelled
		return t.moved, true
	}
	t.status = taskCancelling
	return t.moved, true
}

// drainLocked takes up to max visible messages out of q for a move task,
// dropping those past their retention period.
func (q *queue) drainLocked(now time.Time, max int) []*message {
	q.promoteLocked(now)
	retention := seconds(q.settings.retention)
	var (
		out []*message
		cur *msgGroup
	)
	for len(out) < max {
		m := q.popReadyLocked(&cur)
		if m == nil {
			break
		}
		if m.state != stateReady {
			continue
		}
		q.nReady--
		m.state = stateGone
		delete(q.byID, m.id)
		if now.Sub(m.sentAt) < retention {
			out = append(out, m)
		}
	}
	if cur != nil {
		if q.fifo.queueGroup(cur) {
			q.wakeLocked(1)
		}
		q.fifo.forgetIfEmpty(cur)
	}
	return out
}

// returnLocked puts back messages a move task took but could not deliver.
func (q *queue) returnLocked(msgs []*message, now time.Time) {
	if q.closed {
		return
	}
	for _, m := range msgs {
		q.byID[m.id] = m
		q.makeReadyLocked(m)
	}
	q.armLocked(now)
}

// acceptMoved stores a message a move task brings, as a fresh message with
// its ID, body and attributes: its receive count starts again, so it is not
// sent straight back to the dead-letter queue. It reports false when q has
// been deleted.
func (q *queue) acceptMoved(m *message, now time.Time) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return false
	}
	m.receives, m.firstReceive, m.sourceARN, m.sentAt = 0, time.Time{}, "", now
	if q.fifo != nil {
		q.fifo.seq++
		m.seq = q.fifo.seq
	}
	q.storeLocked(m)
	q.makeReadyLocked(m)
	return true
}
