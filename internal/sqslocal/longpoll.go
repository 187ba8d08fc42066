package sqslocal

import (
	"container/heap"
	"context"
	"time"

	"github.com/payflow-dev/payflow/internal/clock"
)

// waiter is one long poll parked on a queue. Its channel is signalled at
// most once, when a message it may take has become visible.
type waiter struct{ ch chan struct{} }

// wakeLocked signals up to n parked long polls, oldest first.
func (q *queue) wakeLocked(n int) {
	for ; n > 0 && len(q.waiters) > 0; n-- {
		w := q.waiters[0]
		q.waiters[0] = nil
		q.waiters = q.waiters[1:]
		w.ch <- struct{}{}
	}
}

// leave unparks w. If w had already been signalled and its owner is giving
// up without receiving, the signal passes to the next waiter so that no
// visible message is left while someone waits for it.
func (q *queue) leave(w *waiter, passOn bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, x := range q.waiters {
		if x == w {
			q.waiters = append(q.waiters[:i], q.waiters[i+1:]...)
			return
		}
	}
	if passOn {
		q.wakeLocked(1)
	}
}

// receiveOptions are a ReceiveMessage call's parameters once validated.
type receiveOptions struct {
	max        int
	visibility time.Duration
	wait       time.Duration
}

// received is a snapshot of one message as handed to a consumer.
type received struct {
	id, body          string
	attrs             map[string]MessageAttribute
	md5Body, md5Attrs string
	handle            string
	receives          int
	firstReceive      time.Time
	sentAt            time.Time
	senderID          string
	sourceARN         string
	groupID, dedupID  string
	seq               uint64
}

// receive takes up to opt.max visible messages, parking for up to opt.wait
// until one arrives. It returns as soon as at least one message is taken.
func (s *Service) receive(ctx context.Context, q *queue, opt receiveOptions) ([]received, *Error) {
	var (
		timeout <-chan time.Time
		timer   clock.Timer
	)
	for {
		dlq := s.deadLetterQueue(q)
		q.mu.Lock()
		if q.closed {
			q.mu.Unlock()
			return nil, errNoQueue()
		}
		out, moved := q.takeLocked(s.clock.Now(), opt, dlq)
		var w *waiter
		if len(out) == 0 && opt.wait > 0 {
			w = &waiter{ch: make(chan struct{}, 1)}
			q.waiters = append(q.waiters, w)
		}
		q.mu.Unlock()
		s.moveToDeadLetter(q, dlq, moved)
		if w == nil {
			if timer != nil {
				timer.Stop()
			}
			return out, nil
		}
		if timeout == nil {
			timeout, timer = clock.After(s.clock, opt.wait)
		}
		select {
		case <-w.ch:
		case <-timeout:
			q.leave(w, false)
			opt.wait = 0 // one last look, then give up
		case <-ctx.Done():
			timer.Stop()
			q.leave(w, true)
			return nil, nil
		}
	}
}

// takeLocked hands out up to opt.max visible messages, dropping expired
// ones and taking aside those that have used up their receives when a
// dead-letter queue is configured.
func (q *queue) takeLocked(now time.Time, opt receiveOptions, dlq *queue) (out []received, moved []*message) {
	q.promoteLocked(now)
	retention := time.Duration(q.settings.retention) * time.Second
	var (
		again []*message
		cur   *msgGroup
	)
	for len(out) < opt.max {
		m := q.popReadyLocked(&cur)
		if m == nil {
			break
		}
		if m.state != stateReady {
			continue
		}
		q.nReady--
		switch {
		case now.Sub(m.sentAt) >= retention:
			m.state = stateGone
			delete(q.byID, m.id)
			continue
		case dlq != nil && q.settings.redrive != nil && m.receives >= q.settings.redrive.maxReceiveCount:
			m.state = stateGone
			delete(q.byID, m.id)
			moved = append(moved, m)
			continue
		}
		m.receives++
		if m.firstReceive.IsZero() {
			m.firstReceive = now
		}
		q.receipts++
		m.receipt = q.receipts
		out = append(out, received{
			id: m.id, body: m.body, attrs: m.attrs, md5Body: m.md5Body, md5Attrs: m.md5Attrs,
			handle:   receipt{queue: q.name, id: m.id, gen: m.receipt}.encode(),
			receives: m.receives, firstReceive: m.firstReceive, sentAt: m.sentAt,
			senderID: m.senderID, sourceARN: m.sourceARN,
			groupID: m.groupID, dedupID: m.dedupID, seq: m.seq,
		})
		if opt.visibility > 0 {
			m.state = stateInflight
			m.due = now.Add(opt.visibility)
			heap.Push(&q.timed, m)
			q.nInflight++
			if q.fifo != nil {
				q.fifo.group(m.groupID).inflight++
			}
		} else {
			again = append(again, m)
		}
	}
	for _, m := range again {
		q.makeReadyLocked(m)
	}
	if cur != nil {
		if q.fifo.queueGroup(cur) {
			q.wakeLocked(1)
		}
		q.fifo.forgetIfEmpty(cur)
	}
	q.armLocked(now)
	return out, moved
}

// deadLetterQueue returns q's live dead-letter queue, or nil.
func (s *Service) deadLetterQueue(q *queue) *queue {
	q.mu.Lock()
	p := q.settings.redrive
	q.mu.Unlock()
	if p == nil {
		return nil
	}
	_, name, ok := splitQueueRef(p.targetARN)
	if !ok {
		return nil
	}
	dlq, err := s.lookup(name)
	if err != nil || dlq == q {
		return nil
	}
	return dlq
}

// moveToDeadLetter hands messages taken from src to dlq, keeping their
// IDs, bodies, attributes, send times and receive counts.
func (s *Service) moveToDeadLetter(src, dlq *queue, moved []*message) {
	if len(moved) == 0 {
		return
	}
	dlq.mu.Lock()
	defer dlq.mu.Unlock()
	if dlq.closed {
		return
	}
	for _, m := range moved {
		m.sourceARN = src.arn
		dlq.byID[m.id] = m
		dlq.makeReadyLocked(m)
	}
}
