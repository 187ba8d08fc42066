package sqslocal

import (
	"context"
	"net/http"
	"strings"
)

// maxRequestBytes bounds a request body: a full batch of 1 MiB is well
// under it even after base64, JSON escaping or form encoding.
const maxRequestBytes = 8 << 20

// call carries what an action needs to know about the request it serves.
type call struct {
	region    string // the region the request was signed for
	host      string
	path      string // the URL path; query requests may name the queue here
	requestID string
	// traceHeader is the request's X-Amzn-Trace-Id, which SendMessage
	// keeps as the message's AWSTraceHeader.
	traceHeader string
}

// decoder fills an action's input from one protocol's request encoding.
type decoder interface {
	decode(in any) *Error
}

// ServeHTTP answers both SQS protocols: requests carrying an X-Amz-Target
// header speak AWS JSON 1.0, all others the query protocol.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &call{region: requestRegion(r, s.cfg.Region), host: r.Host, path: r.URL.Path, requestID: newID(), traceHeader: r.Header.Get("X-Amzn-Trace-Id")}
	r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		s.serveJSON(w, r, c, target)
		return
	}
	s.serveQuery(w, r, c)
}

// dispatch runs the action op with input read by d; a nil answer with a
// nil error means the service has no such action.
func (s *Service) dispatch(ctx context.Context, op string, c *call, d decoder) (any, *Error) {
	run, ok := s.ops[op]
	if !ok {
		return nil, nil
	}
	return run(ctx, c, d)
}

// operation runs one action on input read by a decoder.
type operation func(ctx context.Context, c *call, d decoder) (any, *Error)

// operations maps each action to its runner. Each Service builds its own in
// New, so that no package-level state exists; the router learns the query
// actions from it (Routing).
func (s *Service) operations() map[string]operation {
	ops := map[string]operation{
		"CreateQueue":                  op(s.createQueue),
		"GetQueueUrl":                  op(s.getQueueURL),
		"ListQueues":                   op(s.listQueues),
		"DeleteQueue":                  op(s.deleteQueue),
		"PurgeQueue":                   op(s.purgeQueue),
		"GetQueueAttributes":           op(s.getQueueAttributes),
		"SetQueueAttributes":           op(s.setQueueAttributes),
		"SendMessage":                  op(s.sendMessage),
		"SendMessageBatch":             op(s.sendMessageBatch),
		"ReceiveMessage":               op(s.receiveMessage),
		"DeleteMessage":                op(s.deleteMessage),
		"DeleteMessageBatch":           op(s.deleteMessageBatch),
		"ChangeMessageVisibility":      op(s.changeMessageVisibility),
		"ChangeMessageVisibilityBatch": op(s.changeMessageVisibilityBatch),
		"TagQueue":                     op(s.tagQueue),
		"UntagQueue":                   op(s.untagQueue),
		"ListQueueTags":                op(s.listQueueTags),
		"ListDeadLetterSourceQueues":   op(s.listDeadLetterSourceQueues),
		"StartMessageMoveTask":         op(s.startMessageMoveTask),
		"ListMessageMoveTasks":         op(s.listMessageMoveTasks),
		"CancelMessageMoveTask":        op(s.cancelMessageMoveTask),
		"AddPermission":                op(s.addPermission),
		"RemovePermission":             op(s.removePermission),
	}
	return ops
}

// op adapts an action to an operation.
func op[I, O any](fn func(context.Context, *call, *I) (*O, *Error)) operation {
	return func(ctx context.Context, c *call, d decoder) (any, *Error) { return invoke(ctx, c, d, fn) }
}

// invoke decodes an action's input and runs it.
func invoke[I, O any](ctx context.Context, c *call, d decoder, fn func(context.Context, *call, *I) (*O, *Error)) (any, *Error) {
	in := new(I)
	if err := d.decode(in); err != nil {
		return nil, err
	}
	out, err := fn(ctx, c, in)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// queueOf resolves the queue an action addresses: the QueueURL parameter,
// or for query requests posted to a queue URL, the request path.
func (s *Service) queueOf(c *call, queueURL string) (*queue, *Error) {
	if queueURL == "" && c.queuePath() {
		queueURL = c.path
	}
	return s.resolve(c.region, queueURL)
}

// queuePath reports whether the request was sent to a queue's URL,
// /{account}/{name}, rather than to the service.
func (c *call) queuePath() bool {
	_, _, ok := splitQueueRef(c.path)
	return ok && strings.Count(strings.Trim(c.path, "/"), "/") == 1
}

// emptyOutput is the answer of actions that return nothing but success.
type emptyOutput struct{}
