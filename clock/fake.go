package clock

import (
	"container/heap"
	"sync"
	"time"
)

// Fake is a Clock that only moves when told to. It is safe for concurrent
// use and holds any number of pending timers in a heap, so tests with
// hundreds of thousands of waiting timers stay cheap.
type Fake struct {
	mu     sync.Mutex
	now    time.Time
	seq    uint64
	timers timerHeap
	// changed is closed and replaced whenever a timer is added, so that
	// WaitForTimers can block without polling.
	changed chan struct{}
}

// NewFake returns a Fake clock set to start.
func NewFake(start time.Time) *Fake {
	return &Fake{now: start, changed: make(chan struct{})}
}

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// AfterFunc schedules f to run once the fake time has advanced by d.
func (f *Fake) AfterFunc(d time.Duration, fn func()) Timer {
	f.mu.Lock()
	f.seq++
	t := &fakeTimer{clock: f, when: f.now.Add(d), seq: f.seq, fn: fn, index: -1}
	if d <= 0 {
		f.mu.Unlock()
		go fn()
		return t
	}
	heap.Push(&f.timers, t)
	close(f.changed)
	f.changed = make(chan struct{})
	f.mu.Unlock()
	return t
}

// Advance moves the clock forward by d and fires, in time order, every timer
// that falls due. Each callback runs in its own goroutine, as with the real
// clock.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	target := f.now.Add(d)
	var due []*fakeTimer
	for len(f.timers) > 0 && !f.timers[0].when.After(target) {
		t := heap.Pop(&f.timers).(*fakeTimer)
		due = append(due, t)
	}
	f.now = target
	f.mu.Unlock()
	for _, t := range due {
		go t.fn()
	}
}

// Pending returns how many timers are waiting to fire.
func (f *Fake) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.timers)
}

// WaitForTimers blocks until at least n timers are pending or done is
// closed, and reports whether the count was reached. Tests use it to know
// that the code under test has started waiting before they advance time.
func (f *Fake) WaitForTimers(n int, done <-chan struct{}) bool {
	for {
		f.mu.Lock()
		if len(f.timers) >= n {
			f.mu.Unlock()
			return true
		}
		ch := f.changed
		f.mu.Unlock()
		select {
		case <-ch:
		case <-done:
			return false
		}
	}
}

type fakeTimer struct {
	clock *Fake
	when  time.Time
	seq   uint64
	fn    func()
	index int
}

func (t *fakeTimer) Stop() bool {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	if t.index < 0 {
		return false
	}
	heap.Remove(&t.clock.timers, t.index)
	return true
}

type timerHeap []*fakeTimer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*fakeTimer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	t.index = -1
	*h = old[:len(old)-1]
	return t
}
