package snslocal

import (
	"encoding/json"
	"math"
	"time"
)

// retryPolicy is a healthy retry policy as a DeliveryPolicy spells it.
type retryPolicy struct {
	MinDelayTarget     int    `json:"minDelayTarget"`
	MaxDelayTarget     int    `json:"maxDelayTarget"`
	NumRetries         int    `json:"numRetries"`
	NumNoDelayRetries  int    `json:"numNoDelayRetries"`
	NumMinDelayRetries int    `json:"numMinDelayRetries"`
	NumMaxDelayRetries int    `json:"numMaxDelayRetries"`
	BackoffFunction    string `json:"backoffFunction"`
}

// defaultRetryPolicy is AWS's default for http/https: three retries, 20
// seconds apart.
func defaultRetryPolicy() retryPolicy {
	return retryPolicy{MinDelayTarget: 20, MaxDelayTarget: 20, NumRetries: 3, BackoffFunction: "linear"}
}

// Bounds AWS puts on an http/https delivery policy.
const (
	maxRetries        = 100
	maxRetryTime      = 3600 * time.Second
	defaultBodyFormat = "text/plain; charset=UTF-8"
)

// topicDeliveryPolicy is a topic's DeliveryPolicy attribute.
type topicDeliveryPolicy struct {
	HTTP struct {
		DefaultHealthyRetryPolicy    json.RawMessage `json:"defaultHealthyRetryPolicy"`
		DisableSubscriptionOverrides bool            `json:"disableSubscriptionOverrides"`
		DefaultRequestPolicy         *requestPolicy  `json:"defaultRequestPolicy"`
	} `json:"http"`
}

// subscriptionDeliveryPolicy is a subscription's DeliveryPolicy attribute.
type subscriptionDeliveryPolicy struct {
	HealthyRetryPolicy *retryPolicy   `json:"healthyRetryPolicy"`
	RequestPolicy      *requestPolicy `json:"requestPolicy"`
}

type requestPolicy struct {
	HeaderContentType string `json:"headerContentType"`
}

// webPolicy is what an http/https delivery follows: the delays before each
// retry and the Content-Type of the request.
type webPolicy struct {
	delays      []time.Duration
	contentType string
}

// effectivePolicy combines a topic's and a subscription's delivery
// policies as SNS does: the subscription's overrides the topic's unless the
// topic disables overrides. Unreadable policies fall back to the default
// (SetSubscriptionAttributes and SetTopicAttributes refuse them).
func effectivePolicy(topicPolicy, subPolicy string) webPolicy {
	rp, ct := defaultRetryPolicy(), defaultBodyFormat
	var tp topicDeliveryPolicy
	if topicPolicy != "" && json.Unmarshal([]byte(topicPolicy), &tp) == nil {
		rp = mergedRetry(tp.HTTP.DefaultHealthyRetryPolicy)
		if p := tp.HTTP.DefaultRequestPolicy; p != nil && p.HeaderContentType != "" {
			ct = p.HeaderContentType
		}
	}
	var sp subscriptionDeliveryPolicy
	if !tp.HTTP.DisableSubscriptionOverrides && subPolicy != "" && json.Unmarshal([]byte(subPolicy), &sp) == nil {
		if p := sp.HealthyRetryPolicy; p != nil {
			rp = *p
		}
		if p := sp.RequestPolicy; p != nil && p.HeaderContentType != "" {
			ct = p.HeaderContentType
		}
	}
	return webPolicy{delays: rp.schedule(), contentType: ct}
}

// checkDeliveryPolicy refuses a subscription DeliveryPolicy that is not
// JSON or asks for more than AWS allows.
func checkDeliveryPolicy(value string) error {
	var sp subscriptionDeliveryPolicy
	if err := json.Unmarshal([]byte(value), &sp); err != nil {
		return invalidParameter("DeliveryPolicy: failed to parse JSON.")
	}
	if p := sp.HealthyRetryPolicy; p != nil {
		if p.NumRetries < 0 || p.NumRetries > maxRetries || p.MinDelayTarget < 0 || p.MaxDelayTarget < p.MinDelayTarget {
			return invalidParameter("DeliveryPolicy: healthyRetryPolicy is out of range")
		}
	}
	return nil
}

// schedule lists the delay before each retry: the no-delay retries, the
// retries at the minimum delay, a backoff from the minimum to the maximum,
// then the retries at the maximum, within AWS's bounds of 100 retries and
// an hour in all.
func (p retryPolicy) schedule() []time.Duration {
	n := min(max(p.NumRetries, 0), maxRetries)
	lo := time.Duration(max(p.MinDelayTarget, 0)) * time.Second
	hi := max(time.Duration(p.MaxDelayTarget)*time.Second, lo)
	noDelay := min(max(p.NumNoDelayRetries, 0), n)
	atMin := min(max(p.NumMinDelayRetries, 0), n-noDelay)
	atMax := min(max(p.NumMaxDelayRetries, 0), n-noDelay-atMin)
	backoff := n - noDelay - atMin - atMax
	var out []time.Duration
	add := func(d time.Duration, k int) {
		for range k {
			out = append(out, d)
		}
	}
	add(0, noDelay)
	add(lo, atMin)
	for i := 1; i <= backoff; i++ {
		out = append(out, backoffDelay(p.BackoffFunction, lo, hi, i, backoff))
	}
	add(hi, atMax)
	var total time.Duration
	for i, d := range out {
		if total+d > maxRetryTime {
			return out[:i]
		}
		total += d
	}
	return out
}

// backoffDelay is the i-th of n delays growing from lo to hi: evenly for
// linear and arithmetic, by a constant factor for geometric and
// exponential.
func backoffDelay(function string, lo, hi time.Duration, i, n int) time.Duration {
	if n <= 1 || lo == hi {
		return hi
	}
	frac := float64(i-1) / float64(n-1)
	switch function {
	case "geometric", "exponential":
		if lo <= 0 {
			lo = time.Second
		}
		return time.Duration(float64(lo) * math.Pow(float64(hi)/float64(lo), frac))
	}
	return lo + time.Duration(frac*float64(hi-lo))
}
