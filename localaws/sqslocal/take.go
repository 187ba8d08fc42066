package sqslocal

import (
	"container/heap"
	"time"
)

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
	traceHeader       string
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
			groupID: m.groupID, dedupID: m.dedupID, seq: m.seq, traceHeader: m.traceHeader,
		})
		if opt.visibility > 0 {
			m.state = stateInflight
			m.due = now.Add(opt.visibility)
			heap.Push(&q.timed, m)
			q.nInflight++
			if q.fifo != nil {
				q.fifo.group(m.groupID).addInflight(m.seq)
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
	dlq := s.byARN(p.targetARN)
	if dlq == q {
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
		dlq.storeLocked(m)
		dlq.makeReadyLocked(m)
	}
}
