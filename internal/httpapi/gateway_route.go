package httpapi

import (
	"log/slog"
	"net/http"

	"github.com/awslabs/aws-lambda-go-api-proxy/core"
	"github.com/go-chi/chi/v5"
)

// requireOwnRoute serves an order route under API Gateway only when API
// Gateway matched the request to that very route ("POST /orders"), whose
// authorizer it has then run. The API also has an open $default route, so
// that unknown paths and wrong methods get this router's problem answers;
// should API Gateway and chi ever disagree about a path (a trailing
// slash, an encoded character), an order route reached through $default
// would skip the authorizer, so it is answered as if it did not exist.
// Outside Lambda (no API Gateway context) there is nothing to check.
func requireOwnRoute(log *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			gw, ok := core.GetAPIGatewayV2ContextFromContext(r.Context())
			if ok {
				want := r.Method + " " + chi.RouteContext(r.Context()).RoutePattern()
				if gw.RouteKey != want {
					log.WarnContext(r.Context(), "order route reached through another API Gateway route; answered 404",
						"routeKey", gw.RouteKey, "route", want, "requestId", gw.RequestID)
					handleNoRoute(log)(w, r)
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}
