package sqslocal

import (
	"context"
	"time"

	"github.com/payflow-dev/payflow/clock"
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
