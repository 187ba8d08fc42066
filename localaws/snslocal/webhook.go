package snslocal

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/payflow-dev/payflow/clock"
)

// webTimeout bounds one http/https delivery attempt, as AWS's 15 seconds.
const webTimeout = 15 * time.Second

// webDeliveries runs http/https deliveries in the background: each attempt
// in its own goroutine, each retry after a delay on the service's clock.
// Close cancels what is in flight and waits for it.
type webDeliveries struct {
	client *http.Client
	ctx    context.Context
	cancel context.CancelFunc

	mu     sync.Mutex
	closed bool
	timers map[clock.Timer]bool
	wg     sync.WaitGroup
}

func newWebDeliveries(client *http.Client) *webDeliveries {
	if client == nil {
		client = &http.Client{Timeout: webTimeout}
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &webDeliveries{client: client, ctx: ctx, cancel: cancel, timers: map[clock.Timer]bool{}}
}

// webRequest is one message on its way to an http/https endpoint.
type webRequest struct {
	url     string
	body    string
	headers map[string]string
	delays  []time.Duration // before each retry
	// what names the delivery in logs.
	what []slog.Attr
	// deadLetter, if set, takes the message once SNS gives up on it.
	deadLetter func(context.Context)
}

// Close stops http/https deliveries: pending retries are dropped and
// requests in flight are cancelled. It returns once none is running.
func (s *Service) Close() {
	w := s.web
	w.mu.Lock()
	w.closed = true
	for t := range w.timers {
		t.Stop()
		delete(w.timers, t)
		w.wg.Done()
	}
	w.mu.Unlock()
	w.cancel()
	w.wg.Wait()
}

// goUnlessClosed runs f in its own goroutine holding one count of the
// WaitGroup, which f releases, unless Close has run: then f never runs.
func (w *webDeliveries) goUnlessClosed(f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.wg.Add(1)
	go f()
}

// sendWeb starts delivering req; attempt is the number of the first try.
func (s *Service) sendWeb(req webRequest) {
	s.web.goUnlessClosed(func() { s.attemptWeb(req, 0) })
}

// runBackground runs f in its own goroutine under the deliveries'
// lifetime: Close cancels its context and waits for it.
func (s *Service) runBackground(f func(ctx context.Context)) {
	w := s.web
	w.goUnlessClosed(func() {
		defer w.wg.Done()
		f(w.ctx)
	})
}

// attemptWeb makes one attempt and, after a retryable failure, arms the
// clock for the next. It owns one count of the WaitGroup.
func (s *Service) attemptWeb(req webRequest, attempt int) {
	w := s.web
	defer w.wg.Done()
	err := postWeb(w.ctx, w.client, req)
	if err == nil {
		return
	}
	var permanent *permanentError
	if errors.As(err, &permanent) || attempt >= len(req.delays) || w.ctx.Err() != nil {
		s.failures.Add(1)
		s.logger.LogAttrs(w.ctx, slog.LevelWarn, "sns delivery failed",
			append(req.what, slog.String("endpoint", req.url), slog.Int("attempts", attempt+1), slog.Any("error", err))...)
		if req.deadLetter != nil && w.ctx.Err() == nil {
			req.deadLetter(w.ctx)
		}
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.wg.Add(1)
	var t clock.Timer
	t = s.clock.AfterFunc(req.delays[attempt], func() {
		w.mu.Lock()
		if !w.timers[t] {
			w.mu.Unlock()
			return // stopped by Close, which released its count
		}
		delete(w.timers, t)
		w.mu.Unlock()
		s.attemptWeb(req, attempt+1)
	})
	w.timers[t] = true
}

// permanentError is a delivery the endpoint refused with a 4xx status,
// which SNS does not retry.
type permanentError struct{ status int }

func (e *permanentError) Error() string { return fmt.Sprintf("endpoint answered %d", e.status) }

// postWeb makes one POST. 2xx is delivered; 4xx is a permanent failure;
// 5xx and transport errors may be retried.
func postWeb(ctx context.Context, client *http.Client, req webRequest) error {
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, req.url, strings.NewReader(req.body))
	if err != nil {
		return &permanentError{status: 0}
	}
	for k, v := range req.headers {
		r.Header.Set(k, v)
	}
	resp, err := client.Do(r)
	if err != nil {
		return fmt.Errorf("post to %s: %w", req.url, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // drain so the connection is reused
	_ = resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return &permanentError{status: resp.StatusCode}
	}
	return fmt.Errorf("endpoint answered %d", resp.StatusCode)
}

// newToken returns a subscription confirmation token: 288 hex characters,
// the length of AWS's.
func (s *Service) newToken() string {
	b := make([]byte, 144)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic(fmt.Sprintf("snslocal: crypto/rand failed: %v", err))
	}
	return hex.EncodeToString(b)
}

// webHeaders are the headers SNS sets on every http/https delivery.
func webHeaders(kind, messageID, topicArn, contentType string) map[string]string {
	return map[string]string{
		"Content-Type":           contentType,
		"User-Agent":             "Amazon Simple Notification Service Agent",
		"x-amz-sns-message-type": kind,
		"x-amz-sns-message-id":   messageID,
		"x-amz-sns-topic-arn":    topicArn,
	}
}
