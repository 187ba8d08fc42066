package snslocal

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// A topic's DeliveryPolicy as AWS keeps and reports it (LocalStack's
// test_topic_delivery_policy_crud, recorded from AWS): the stored policy
// drops null members and states disableSubscriptionOverrides, and
// EffectiveDeliveryPolicy is the default http policy with the topic's
// members laid over it, field by field.

// httpPolicyOrder is the order AWS lists an http delivery policy's members
// in; others follow in name order.
func httpPolicyOrder() []string {
	return []string{"defaultHealthyRetryPolicy", "disableSubscriptionOverrides", "defaultRequestPolicy"}
}

// normalTopicDeliveryPolicy returns the policy as AWS lists it back, or the
// text unchanged when it is not a JSON object with an http object.
func normalTopicDeliveryPolicy(text string) string {
	var doc map[string]json.RawMessage
	if json.Unmarshal([]byte(text), &doc) != nil {
		return text
	}
	var http map[string]json.RawMessage
	if json.Unmarshal(doc["http"], &http) != nil || http == nil {
		return text
	}
	for k, v := range http {
		if string(v) == "null" {
			delete(http, k)
		}
	}
	if _, ok := http["disableSubscriptionOverrides"]; !ok {
		http["disableSubscriptionOverrides"] = json.RawMessage("false")
	}
	doc["http"] = orderedObject(http, httpPolicyOrder())
	return string(orderedObject(doc, []string{"http"}))
}

// orderedObject writes obj with the keys in first in that order, then the
// rest in name order, each value compacted.
func orderedObject(obj map[string]json.RawMessage, first []string) json.RawMessage {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		if !slices.Contains(first, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for _, k := range append(slices.Clone(first), keys...) {
		v, ok := obj[k]
		if !ok {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(k)
		b.Write(name)
		b.WriteByte(':')
		if json.Compact(&b, v) != nil {
			b.Write(v)
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// effectiveRetry is a healthy retry policy in the order AWS reports it in
// EffectiveDeliveryPolicy.
type effectiveRetry struct {
	MinDelayTarget     int    `json:"minDelayTarget"`
	MaxDelayTarget     int    `json:"maxDelayTarget"`
	NumRetries         int    `json:"numRetries"`
	NumMaxDelayRetries int    `json:"numMaxDelayRetries"`
	NumNoDelayRetries  int    `json:"numNoDelayRetries"`
	NumMinDelayRetries int    `json:"numMinDelayRetries"`
	BackoffFunction    string `json:"backoffFunction"`
}

type effectiveHTTP struct {
	DefaultHealthyRetryPolicy    effectiveRetry `json:"defaultHealthyRetryPolicy"`
	DisableSubscriptionOverrides bool           `json:"disableSubscriptionOverrides"`
	DefaultRequestPolicy         requestPolicy  `json:"defaultRequestPolicy"`
}

// effectiveTopicDeliveryPolicy is the EffectiveDeliveryPolicy of a topic
// whose DeliveryPolicy is text (empty for none).
func effectiveTopicDeliveryPolicy(text string) string {
	rp := defaultRetryPolicy()
	out := effectiveHTTP{DefaultRequestPolicy: requestPolicy{HeaderContentType: defaultBodyFormat}}
	var doc struct {
		HTTP struct {
			DefaultHealthyRetryPolicy    json.RawMessage `json:"defaultHealthyRetryPolicy"`
			DisableSubscriptionOverrides bool            `json:"disableSubscriptionOverrides"`
			DefaultRequestPolicy         *requestPolicy  `json:"defaultRequestPolicy"`
		} `json:"http"`
	}
	if text != "" && json.Unmarshal([]byte(text), &doc) == nil {
		rp = mergedRetry(doc.HTTP.DefaultHealthyRetryPolicy)
		out.DisableSubscriptionOverrides = doc.HTTP.DisableSubscriptionOverrides
		if p := doc.HTTP.DefaultRequestPolicy; p != nil && p.HeaderContentType != "" {
			out.DefaultRequestPolicy = *p
		}
	}
	out.DefaultHealthyRetryPolicy = effectiveRetry{
		MinDelayTarget: rp.MinDelayTarget, MaxDelayTarget: rp.MaxDelayTarget, NumRetries: rp.NumRetries,
		NumMaxDelayRetries: rp.NumMaxDelayRetries, NumNoDelayRetries: rp.NumNoDelayRetries,
		NumMinDelayRetries: rp.NumMinDelayRetries, BackoffFunction: rp.BackoffFunction,
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(map[string]effectiveHTTP{"http": out}) != nil {
		return ""
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// mergedRetry lays a retry policy's members over AWS's default; none (or
// null, or unreadable) is the default.
func mergedRetry(raw json.RawMessage) retryPolicy {
	rp := defaultRetryPolicy()
	if len(raw) == 0 || string(raw) == "null" {
		return rp
	}
	if json.Unmarshal(raw, &rp) != nil {
		return defaultRetryPolicy()
	}
	return rp
}
