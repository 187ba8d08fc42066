package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/payflow-dev/payflow/internal/orders"
)

// problem is an RFC 9457 problem details object. Type is always
// "about:blank", so Title is the HTTP status text and the status code is the
// machine-readable kind; Detail says what went wrong for a human, and
// Errors lists broken fields for 400 and 422.
type problem struct {
	Type     string              `json:"type"`
	Title    string              `json:"title"`
	Status   int                 `json:"status"`
	Detail   string              `json:"detail,omitempty"`
	Instance string              `json:"instance,omitempty"`
	Errors   []orders.FieldError `json:"errors,omitempty"`
}

// problemFor is the one place that turns an error into an HTTP status. It
// classifies by kind with errors.Is and errors.As, and never reveals the
// text of an error it does not recognise.
func problemFor(err error) problem {
	var (
		reqErr *requestError
		valErr *orders.ValidationError
	)
	switch {
	case errors.As(err, &reqErr):
		return newProblem(reqErr.status, reqErr.detail, reqErr.fields)
	case errors.As(err, &valErr):
		return newProblem(http.StatusUnprocessableEntity, fmt.Sprintf("The order breaks %d validation rule(s).", len(valErr.Fields)), valErr.Fields)
	case errors.Is(err, orders.ErrInvalid):
		return newProblem(http.StatusUnprocessableEntity, "The order is invalid.", nil)
	case errors.Is(err, orders.ErrNotFound):
		return newProblem(http.StatusNotFound, "No order with this orderId exists.", nil)
	case errors.Is(err, orders.ErrConflict):
		return newProblem(http.StatusConflict, "This orderId was already used for a different order. Send the original order again, or use a new orderId.", nil)
	case errors.Is(err, orders.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return newProblem(http.StatusServiceUnavailable, "The payment workflow is busy or unavailable. Retry later.", nil)
	case errors.Is(err, orders.ErrUpstream):
		return newProblem(http.StatusBadGateway, "The payment workflow refused the request.", nil)
	}
	return newProblem(http.StatusInternalServerError, "An internal error occurred.", nil)
}

func newProblem(status int, detail string, fields []orders.FieldError) problem {
	return problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail, Errors: fields}
}

// writeError answers with the problem for err. Server-side failures are
// logged with the full error, which the response never carries.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	p := problemFor(err)
	p.Instance = safePath(r.URL.Path)
	if p.Status >= 500 {
		log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", safePath(r.URL.Path), "status", p.Status, "err", err)
	}
	if p.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, "application/problem+json", p.Status, p)
}

// writeJSON encodes v as the whole response body.
func writeJSON(w http.ResponseWriter, contentType string, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only the package's own response types reach here; they always
		// encode.
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
