package sqslocal

import (
	"context"
	"net/http"
	"strings"
)

// maxRequestBytes bounds a request body: a full batch of 256 KiB is well
// under it even after base64 and JSON escaping.
const maxRequestBytes = 4 << 20

// call carries what an action needs to know about the request it serves.
type call struct {
	host      string
	path      string // the URL path; query requests may name the queue here
	requestID string
}

// decoder fills an action's input from one protocol's request encoding.
type decoder interface {
	decode(in any) *Error
}

// ServeHTTP answers both SQS protocols: requests carrying an X-Amz-Target
// header speak AWS JSON 1.0, all others the query protocol.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &call{host: r.Host, path: r.URL.Path, requestID: newID()}
	r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		s.serveJSON(w, r, c, target)
		return
	}
	s.serveQuery(w, r, c)
}

// dispatch runs the action op with input read by d.
func (s *Service) dispatch(ctx context.Context, op string, c *call, d decoder) (any, *Error) {
	switch op {
	case "CreateQueue":
		return invoke(ctx, c, d, s.createQueue)
	case "GetQueueUrl":
		return invoke(ctx, c, d, s.getQueueURL)
	case "ListQueues":
		return invoke(ctx, c, d, s.listQueues)
	case "DeleteQueue":
		return invoke(ctx, c, d, s.deleteQueue)
	case "PurgeQueue":
		return invoke(ctx, c, d, s.purgeQueue)
	case "GetQueueAttributes":
		return invoke(ctx, c, d, s.getQueueAttributes)
	case "SetQueueAttributes":
		return invoke(ctx, c, d, s.setQueueAttributes)
	case "SendMessage":
		return invoke(ctx, c, d, s.sendMessage)
	case "SendMessageBatch":
		return invoke(ctx, c, d, s.sendMessageBatch)
	case "ReceiveMessage":
		return invoke(ctx, c, d, s.receiveMessage)
	case "DeleteMessage":
		return invoke(ctx, c, d, s.deleteMessage)
	case "DeleteMessageBatch":
		return invoke(ctx, c, d, s.deleteMessageBatch)
	case "ChangeMessageVisibility":
		return invoke(ctx, c, d, s.changeMessageVisibility)
	case "ChangeMessageVisibilityBatch":
		return invoke(ctx, c, d, s.changeMessageVisibilityBatch)
	case "TagQueue":
		return invoke(ctx, c, d, s.tagQueue)
	case "UntagQueue":
		return invoke(ctx, c, d, s.untagQueue)
	case "ListQueueTags":
		return invoke(ctx, c, d, s.listQueueTags)
	case "ListDeadLetterSourceQueues":
		return invoke(ctx, c, d, s.listDeadLetterSourceQueues)
	case "AddPermission", "RemovePermission", "StartMessageMoveTask",
		"CancelMessageMoveTask", "ListMessageMoveTasks":
		return nil, newError(CodeUnsupportedOperation, "%s is not supported by this local SQS.", op)
	}
	return nil, nil
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
	if queueURL == "" {
		if _, _, ok := splitQueueRef(c.path); ok && strings.Count(strings.Trim(c.path, "/"), "/") == 1 {
			queueURL = c.path
		}
	}
	return s.resolve(queueURL)
}

// emptyOutput is the answer of actions that return nothing but success.
type emptyOutput struct{}
