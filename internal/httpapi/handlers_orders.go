package httpapi

import (
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/go-chi/chi/v5"
)

// placementResponse is the body of POST /orders, for a new order (202)
// and for a replay (200) alike.
type placementResponse struct {
	OrderID       string    `json:"orderId"`
	ExecutionARN  string    `json:"executionArn"`
	Status        string    `json:"status"`
	PaymentStatus string    `json:"paymentStatus"`
	StartDate     time.Time `json:"startDate"`
	StatusURL     string    `json:"statusUrl"`
}

// statusResponse is the body of GET /orders/{orderId}/status.
type statusResponse struct {
	OrderID       string     `json:"orderId"`
	ExecutionARN  string     `json:"executionArn"`
	Status        string     `json:"status"`
	PaymentStatus string     `json:"paymentStatus"`
	StartDate     time.Time  `json:"startDate"`
	StopDate      *time.Time `json:"stopDate,omitempty"`
	Error         string     `json:"error,omitempty"`
	Reason        string     `json:"reason,omitempty"`
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
		writeJSON(w, "application/json", code, placementResponse{
			OrderID:       p.OrderID,
			ExecutionARN:  p.ExecutionARN,
			Status:        p.Status,
			PaymentStatus: p.PaymentStatus,
			StartDate:     p.StartDate.UTC(),
			StatusURL:     statusURL,
		})
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
			StartDate:     st.StartDate.UTC(),
			Error:         st.Error,
			Reason:        st.Reason,
		}
		if !st.StopDate.IsZero() {
			stop := st.StopDate.UTC()
			resp.StopDate = &stop
		}
		writeJSON(w, "application/json", http.StatusOK, resp)
	})
}
