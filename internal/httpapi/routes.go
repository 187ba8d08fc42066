package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
)

// OrderService is what the handlers need from the domain; *orders.Service
// satisfies it.
type OrderService interface {
	Place(ctx context.Context, o orders.Order) (orders.Placement, error)
	Status(ctx context.Context, orderID string) (orders.OrderStatus, error)
}

// Validator checks a decoded request body; *orders.Validator satisfies it.
type Validator interface {
	Validate(v any) error
}

// Config is what the router needs. All fields but RequestBudget are
// required.
type Config struct {
	Orders    OrderService
	Validator Validator
	Logger    *slog.Logger
	// Clock times requests for the access log.
	Clock clock.Clock
	// RequestBudget bounds each request, AWS calls and retries included;
	// zero means DefaultRequestBudget. Under Lambda the invocation's
	// deadline, less a margin, bounds it too.
	RequestBudget time.Duration
}

// NewHandler returns the router serving the order API.
func NewHandler(cfg Config) http.Handler {
	r := chi.NewRouter()
	r.Use(observe(cfg.Logger, cfg.Clock))
	budget := cfg.RequestBudget
	if budget <= 0 {
		budget = DefaultRequestBudget
	}
	r.Use(withBudget(budget))
	r.NotFound(handleNoRoute(cfg.Logger))
	r.MethodNotAllowed(handleWrongMethod(r, cfg.Logger))
	addRoutes(r, cfg)
	return r
}

// addRoutes lists every route the API serves. api/openapi.yaml documents
// each of them, and TestRoutesMatchSpec fails when the two disagree.
func addRoutes(r chi.Router, cfg Config) {
	r.Group(func(r chi.Router) {
		r.Use(requireOwnRoute(cfg.Logger))
		r.Method(http.MethodPost, "/orders", handlePlaceOrder(cfg.Orders, cfg.Validator, cfg.Logger))
		r.Method(http.MethodGet, "/orders/{orderId}/status", handleOrderStatus(cfg.Orders, cfg.Logger))
	})
	r.Method(http.MethodGet, "/healthz", handleHealth())
}
