package clock_test

import (
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestFakeFiresInOrderOnlyWhenDue(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(epoch)
	fired := make(chan string, 3)
	c.AfterFunc(2*time.Minute, func() { fired <- "two" })
	c.AfterFunc(time.Minute, func() { fired <- "one" })
	stopped := c.AfterFunc(90*time.Second, func() { fired <- "stopped" })
	if !stopped.Stop() {
		t.Fatal("Stop on a pending timer reported false")
	}
	c.Advance(59 * time.Second)
	select {
	case got := <-fired:
		t.Fatalf("timer %q fired before it was due", got)
	case <-time.After(20 * time.Millisecond):
	}
	c.Advance(time.Second)
	if got := <-fired; got != "one" {
		t.Fatalf("first fired = %q, want one", got)
	}
	c.Advance(time.Hour)
	if got := <-fired; got != "two" {
		t.Fatalf("second fired = %q, want two", got)
	}
	if n := c.Pending(); n != 0 {
		t.Fatalf("Pending = %d after all fired, want 0", n)
	}
	if got, want := c.Now(), epoch.Add(time.Hour+time.Minute); !got.Equal(want) {
		t.Fatalf("Now = %v, want %v", got, want)
	}
}

func TestSleepReturnsEarlyWhenDone(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(epoch)
	done := make(chan struct{})
	result := make(chan bool)
	go func() { result <- clock.Sleep(c, time.Hour, done) }()
	if !c.WaitForTimers(1, nil) {
		t.Fatal("sleep never registered its timer")
	}
	close(done)
	if <-result {
		t.Fatal("Sleep reported the full duration after done was closed")
	}
	if n := c.Pending(); n != 0 {
		t.Fatalf("Pending = %d after a cancelled sleep, want 0", n)
	}
}
