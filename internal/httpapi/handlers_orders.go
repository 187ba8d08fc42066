package httpapi

import (
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/go-chi/chi/v5"
)

// placementResponse is the body of POST /orders, for a new order (202)
// and for a replay (200) alike. A replay of an order whose workflow has
// ended carries stopDate, error and reason as the status does.
type placementResponse struct {
	OrderID       string    `json:"orderId"`
	ExecutionARN  string    `json:"executionArn"`
	Status        string    `json:"status"`
	PaymentStatus string    `json:"paymentStatus"`
	StartDate     timestamp `json:"startDate"`
	StopDate      timestamp `json:"stopDate,omitzero"`
	Error         string    `json:"error,omitempty"`
	Reason        string    `json:"reason,omitempty"`
	StatusURL     string    `json:"statusUrl"`
}

// statusResponse is the body of GET /orders/{orderId}/status.
type statusResponse struct {
	OrderID       string    `json:"orderId"`
	ExecutionARN  string    `json:"executionArn"`
	Status        string    `json:"status"`
	PaymentStatus string    `json:"paymentStatus"`
	StartDate     timestamp `json:"startDate"`
	StopDate      timestamp `json:"stopDate,omitzero"`
	Error         string    `json:"error,omitempty"`
	Reason        string    `json:"reason,omitempty"`
}

// timestamp is an instant as AWS writes one: UTC with exactly three
// fraction digits ("2026-11-26T04:30:00.123Z"), whatever the clock's
// precision, so clients can parse every answer with one layout.
type timestamp time.Time

// timestampLayout is RFC 3339 with milliseconds, always three digits.
const timestampLayout = "2006-01-02T15:04:05.000Z"

// IsZero lets omitzero leave out an unset stopDate.
func (t timestamp) IsZero() bool { return time.Time(t).IsZero() }

// MarshalJSON writes the timestamp in UTC with three fraction digits.
func (t timestamp) MarshalJSON() ([]byte, error) {
	return []byte(`"` + time.Time(t).UTC().Format(timestampLayout) + `"`), nil
}

// handlePlaceOrder starts the payment of an order. A new order is 202
// Accepted, since the payment completes later; replaying an order already
// placed is 200 with the same body. Both point to the status URL.
func handlePlaceOrder(svc OrderService, v Validator, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := decode[orderRequest](w, r)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		o := req.order()
		if err := v.Validate(o); err != nil {
			writeError(w, r, log, err)
			return
		}
		p, err := svc.Place(r.Context(), o)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		// The access log names the route, not the order: this line ties the
		// request to its order and execution.
		log.InfoContext(r.Context(), "order placed", "orderId", p.OrderID, "executionArn", p.ExecutionARN, "replayed", p.Replayed)
		statusURL := "/orders/" + url.PathEscape(p.OrderID) + "/status"
		w.Header().Set("Location", statusURL)
		code := http.StatusAccepted
		if p.Replayed {
			code = http.StatusOK
		}
		resp := placementResponse{
			OrderID:       p.OrderID,
			ExecutionARN:  p.ExecutionARN,
			Status:        p.Status,
			PaymentStatus: p.PaymentStatus,
			StartDate:     timestamp(p.StartDate),
			StatusURL:     statusURL,
		}
		if p.Replayed {
			// A replay reports what the status route would: an order that
			// ended says when and, if it failed, why.
			if st, err := svc.Status(r.Context(), p.OrderID); err == nil {
				resp.Status, resp.PaymentStatus = st.Status, st.PaymentStatus
				resp.StopDate, resp.Error, resp.Reason = timestamp(st.StopDate), st.Error, st.Reason
			} else {
				log.WarnContext(r.Context(), "replay: status not read; answering with the placement only", "orderId", p.OrderID, "err", err)
			}
		}
		writeJSON(w, "application/json", code, resp)
	})
}

// handleOrderStatus reports an order's workflow and payment status.
func handleOrderStatus(svc OrderService, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st, err := svc.Status(r.Context(), chi.URLParam(r, "orderId"))
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		resp := statusResponse{
			OrderID:       st.OrderID,
			ExecutionARN:  st.ExecutionARN,
			Status:        st.Status,
			PaymentStatus: st.PaymentStatus,
			StartDate:     timestamp(st.StartDate),
			StopDate:      timestamp(st.StopDate),
			Error:         st.Error,
			Reason:        st.Reason,
		}
		writeJSON(w, "application/json", http.StatusOK, resp)
	})
}
